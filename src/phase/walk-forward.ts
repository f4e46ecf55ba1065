// Walk-forward: the judgment replayed day by day (phase/replay.ts), each day seeing only what was
// published by then, in the `analyze --walk-forward --json` shape other tools read (a day without a
// call keeps every field: label and confidence null, noCallReason why); plus a monthly summary.
import type { FlowRegime, PhaseLabel, SelloffType } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import { noCallReason } from './no-call.js';
import { replayPhases } from './replay.js';

export interface DailyReading {
  readonly date: string;
  /** The call; null on a day without one (no price known yet), with noCallReason saying why. */
  readonly label: PhaseLabel | null;
  readonly confidence: number | null;
  /** Present exactly when label is null (phase/no-call.ts). */
  readonly noCallReason?: string;
  readonly flowRegime: FlowRegime | null;
  readonly directionality: number | null;
  readonly selloffType: SelloffType;
  readonly close: number | null;
}

/** Analyses `full` as of each of `dates` (ascending) by the replay. `onProgress(i, n)` after each day. */
export function walkForward(
  full: MarketSeries,
  dates: readonly string[],
  onProgress?: (done: number, total: number) => void,
): DailyReading[] {
  return replayPhases(full, dates, onProgress ? { onProgress } : {}).days.map((d) => {
    const noCall = noCallReason(d.facts, d.date);
    return {
      date: d.date,
      ...(noCall === null
        ? { label: d.label, confidence: d.confidence }
        : { label: null, confidence: null, noCallReason: noCall }),
      flowRegime: d.flowRegime,
      directionality: d.directionality,
      selloffType: d.selloffType,
      close: d.close,
    };
  });
}

export interface MonthlyReading {
  readonly month: string;
  /** The reading of the month's last day. */
  readonly endOfMonth: DailyReading;
  /** Days per phase label within the month ('no-call' counts the days without a call). */
  readonly daysByPhase: Readonly<Partial<Record<PhaseLabel | 'no-call', number>>>;
  readonly daysByFlowRegime: Readonly<Partial<Record<FlowRegime | 'none', number>>>;
  /** Most frequent sell-off type other than 'none' (else 'none'). */
  readonly selloffType: SelloffType;
}

/** Groups daily readings by calendar month. */
export function monthlyReadings(readings: readonly DailyReading[]): MonthlyReading[] {
  const months = new Map<string, DailyReading[]>();
  for (const r of readings) {
    const key = r.date.slice(0, 7);
    const list = months.get(key);
    if (list) list.push(r);
    else months.set(key, [r]);
  }
  return [...months.entries()].map(([month, days]) => {
    const daysByPhase: Partial<Record<PhaseLabel | 'no-call', number>> = {};
    const daysByFlowRegime: Partial<Record<FlowRegime | 'none', number>> = {};
    const selloffs = new Map<SelloffType, number>();
    for (const d of days) {
      const phase = d.label ?? 'no-call';
      daysByPhase[phase] = (daysByPhase[phase] ?? 0) + 1;
      const regime = d.flowRegime ?? 'none';
      daysByFlowRegime[regime] = (daysByFlowRegime[regime] ?? 0) + 1;
      if (d.selloffType !== 'none') selloffs.set(d.selloffType, (selloffs.get(d.selloffType) ?? 0) + 1);
    }
    const topSelloff = [...selloffs.entries()].sort((a, b) => b[1] - a[1])[0];
    return {
      month,
      endOfMonth: days[days.length - 1]!,
      daysByPhase,
      daysByFlowRegime,
      selloffType: topSelloff ? topSelloff[0] : 'none',
    };
  });
}
