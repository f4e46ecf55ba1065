// The replay: the judgment of every requested as-of date from one loaded history, each day reading
// only what was known that day. Phase inputs are built once; each day's facts are read by index
// (phase/facts-at.ts). A day at which some input is not a known prefix (an item published out of
// date order) is read from inputs built without the late items it lacks (phase/late-items.ts), one
// build per run of days lacking the same items; a day still unreadable is read from inputs rebuilt
// over a slice at that date — slower, and exact.
import type { FlowRegime, PhaseLabel, SelloffType } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import { sliceMarketSeries } from '../domain/slice-market-series.js';
import type { PhaseFacts } from './facts.js';
import { factsAt } from './facts-at.js';
import { judgePhase } from './judge.js';
import { epochKey, lateItems, lateItemsUnknownAt, withoutItems } from './late-items.js';
import { phaseInputs, type PhaseInputs } from './phase-inputs.js';

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
  const inputs = phaseInputs(full, { selloffHistory: true });
  const days: ReplayDay[] = [];
  let rebuiltDays = 0;
  let late: ReturnType<typeof lateItems> | null = null;
  let epoch: { key: string; inputs: PhaseInputs } | null = null;
  let lateItemEpochs = 0;
  dates.forEach((date, i) => {
    let facts = factsAt(inputs, date);
    if (facts === null) {
      late ??= lateItems(full);
      const unknown = lateItemsUnknownAt(late, date);
      const key = epochKey(unknown);
      if (epoch?.key !== key) {
        epoch = { key, inputs: phaseInputs(withoutItems(full, unknown), { selloffHistory: true }) };
        lateItemEpochs += 1;
      }
      facts = factsAt(epoch.inputs, date);
    }
    if (facts === null) {
      rebuiltDays += 1;
      facts = factsAt(phaseInputs(sliceMarketSeries(full, date)), date)!;
    }
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
  return { days, rebuiltDays, lateItemEpochs };
}
