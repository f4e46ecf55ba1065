// The replay: the judgment of every requested as-of date from one loaded history, each day reading
// only what was known that day, its facts read by the shared facts reader (phase/facts-reader.ts:
// inputs built once, read by index, late items and the exact slow path handled there).
import type { FlowRegime, PhaseLabel, SelloffType } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { PhaseFacts } from './facts.js';
import { FactsReader } from './facts-reader.js';
import { judgePhase } from './judge.js';

/** One replayed day: the call and the headline numbers it rests on. */
export interface ReplayDay {
  readonly date: string;
  readonly label: PhaseLabel;
  readonly confidence: number;
  readonly flowRegime: FlowRegime | null;
  readonly directionality: number | null;
  readonly selloffType: SelloffType;
  /** The latest close known that day. */
  readonly close: number | null;
  readonly facts: PhaseFacts;
}

export interface ReplayOptions {
  /** Called after each day with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Replay statistics: how many days took the exact slow path, and how many histories were rebuilt without late items. */
export interface ReplayResult {
  readonly days: ReplayDay[];
  readonly rebuiltDays: number;
  readonly lateItemEpochs: number;
}

/** Replays the judgment over `dates` (ascending) from the full history `full`. */
export function replayPhases(full: MarketSeries, dates: readonly string[], options: ReplayOptions = {}): ReplayResult {
  const reader = new FactsReader(full, { selloffHistory: true });
  const days: ReplayDay[] = [];
  dates.forEach((date, i) => {
    const facts = reader.at(date);
    const judgment = judgePhase(facts);
    days.push({
      date,
      label: judgment.label,
      confidence: judgment.confidence,
      flowRegime: facts.flowRegime,
      directionality: facts.flowDirectionality,
      selloffType: facts.selloffType ?? 'none',
      close: facts.close,
      facts,
    });
    options.onProgress?.(i + 1, dates.length);
  });
  return { days, rebuiltDays: reader.rebuiltDays, lateItemEpochs: reader.lateItemEpochs };
}
