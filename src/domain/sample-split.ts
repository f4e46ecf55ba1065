// Where the in-sample period ends. Everything in the judgment that was chosen by looking at results
// was chosen on the simulator and on BTC up to this date; BTC after it and all of ETH are
// out-of-sample and reported apart (docs/judgment.md).
import type { AnalysedAsset } from './assets.js';

/** Last in-sample date for BTC. */
export const IN_SAMPLE_END = '2022-12-31';
/** First date replayed for the track record: the engine needs 200 daily closes; ETF-era signals start later. */
export const TRACK_RECORD_START = '2017-01-01';

/** The sample a real-data call of `asset` dated `date` belongs to (the simulator is in-sample). */
export function sampleOf(asset: AnalysedAsset, date: string, simulated: boolean): 'in-sample' | 'out-of-sample' {
  if (simulated) return 'in-sample';
  return asset === 'BTC' && date <= IN_SAMPLE_END ? 'in-sample' : 'out-of-sample';
}
