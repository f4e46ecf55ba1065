// What the rules would have sent: the analysis of every day of a past period, each from only what was
// known that day, fed through the same rules, cooldowns and snapshots as the daily run (one run per
// calendar day at the end of the day). Phase facts come from the replay's inputs built once
// (phase/replay.ts); the sections are computed per day.
import { addDays, asOfCutoff, dateRange } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { sliceMarketSeries } from '../domain/slice-market-series.js';
import { analysisFromFacts } from '../phase/analyze.js';
import { replayPhases } from '../phase/replay.js';
import { snapshotOf, type AlertSnapshot } from './alert-snapshot.js';
import type { ActiveRule } from './config/load-config.js';
import { planAlerts, type PlannedAlert } from './evaluate-rules.js';
import { inputFreshness } from './input-freshness.js';
import { HISTORY_DAYS } from './rules/rule.js';

export interface AlertReplayOptions {
  readonly rules: readonly ActiveRule[];
  /** First as-of date whose alerts are returned. */
  readonly from: string;
  /** Last as-of date (`full` must be loaded as of it or later). */
  readonly to: string;
  /** Days analysed before `from` so that the rules have their history (default HISTORY_DAYS). */
  readonly warmupDays?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The alerts the rules would have made for `full`'s asset, one analysis per day from `from` to `to`. */
export async function replayAlerts(full: MarketSeries, options: AlertReplayOptions): Promise<PlannedAlert[]> {
  const warmup = options.warmupDays ?? HISTORY_DAYS;
  const dates = dateRange(addDays(options.from, -warmup), options.to);
  const { days } = replayPhases(full, dates);
  const history: AlertSnapshot[] = [];
  const lastQueued = new Map<string, string>();
  const out: PlannedAlert[] = [];
  for (const [i, day] of days.entries()) {
    const series = sliceMarketSeries(full, day.date);
    const analysis = analysisFromFacts(series, day.facts);
    const now = asOfCutoff(day.date);
    const snapshot = snapshotOf(analysis, inputFreshness(series, now));
    const planned = await planAlerts({
      rules: options.rules,
      current: snapshot,
      history: history.slice(0, HISTORY_DAYS),
      lastQueued: (rule, asset) => Promise.resolve(lastQueued.get(`${rule}|${asset}`) ?? null),
      now: Date.parse(now),
      timeZone: 'UTC',
      note: { path: null, url: null },
    });
    for (const p of planned)
      if (p.status === 'queued') lastQueued.set(`${p.alert.rule}|${p.alert.asset}`, p.alert.asOf);
    if (day.date >= options.from) out.push(...planned);
    history.unshift(snapshot);
    options.onProgress?.(i + 1, days.length);
  }
  return out;
}
