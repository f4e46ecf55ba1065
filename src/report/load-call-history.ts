// Loads the call's recent history for the note: the whole history of the asset as known at the
// as-of date, replayed over the previous US trading sessions exactly as the track record replays it
// (each run of days on the spot source a single-date analysis would read).
import type { AnalysedAsset } from '../domain/assets.js';
import { addDays } from '../domain/dates.js';
import type { MarketSeries } from '../domain/market-series.js';
import { confirmationChecklist } from '../phase/checklist.js';
import { replayPhases } from '../phase/replay.js';
import { loadMarketSeries, spotSourceRuns } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { replayDates } from '../track-record/load-track-record.js';
import type { PastCall } from './call-history.js';

/** Calendar days of sessions replayed before the as-of date (about 125 US sessions). */
export const CALL_HISTORY_DAYS = 180;

/**
 * The calls of the US trading sessions in the `days` calendar days up to `asOf` (ascending), each
 * judged with only what was known that day, with that day's checklist.
 */
export async function loadCallHistory(
  store: Store,
  asset: AnalysedAsset,
  asOf: string,
  days: number = CALL_HISTORY_DAYS,
): Promise<PastCall[]> {
  const series = await loadMarketSeries(store, { asset, asOf, cache: false });
  const dates = replayDates(series, addDays(asOf, -days), asOf);
  const runs = await spotSourceRuns(store, asset, dates);
  const histories = new Map<string | undefined, MarketSeries>([[series.spotSource, series]]);
  const calls: PastCall[] = [];
  for (const run of runs) {
    let history = histories.get(run.source);
    if (history === undefined) {
      history = await loadMarketSeries(store, {
        asset,
        asOf,
        cache: false,
        ...(run.source !== undefined ? { spotSource: run.source } : {}),
      });
      histories.set(run.source, history);
    }
    for (const day of replayPhases(history, run.dates).days)
      calls.push({
        date: day.date,
        label: day.label,
        confidence: day.confidence,
        checklist: confirmationChecklist(day.facts),
      });
  }
  return calls.sort((a, b) => a.date.localeCompare(b.date));
}
