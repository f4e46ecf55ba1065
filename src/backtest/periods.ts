// The periods a backtest reports apart: the whole window and, for BTC, the in-sample part (to
// IN_SAMPLE_END, where the judgment's thresholds were chosen) and the out-of-sample part after it.
// The simulator is all in-sample and ETH all out-of-sample (domain/sample-split.ts).
import type { AnalysedAsset } from '../domain/assets.js';
import type { BacktestPeriodResult } from '../domain/backtest.js';
import { addDays } from '../domain/dates.js';
import { IN_SAMPLE_END } from '../domain/sample-split.js';

export type BacktestPeriod = Omit<BacktestPeriodResult, 'runs'>;

/** The periods of a window [from, to] of `asset`, the whole window first. */
export function backtestPeriods(asset: AnalysedAsset, from: string, to: string, simulated: boolean): BacktestPeriod[] {
  if (simulated) return [{ name: 'simulator (in-sample)', from, to, sample: 'in-sample' }];
  if (asset !== 'BTC') return [{ name: 'out-of-sample', from, to, sample: 'out-of-sample' }];
  if (to <= IN_SAMPLE_END) return [{ name: `in-sample (to ${IN_SAMPLE_END})`, from, to, sample: 'in-sample' }];
  if (from > IN_SAMPLE_END) return [{ name: 'out-of-sample', from, to, sample: 'out-of-sample' }];
  return [
    { name: 'whole window', from, to, sample: 'whole' },
    { name: `in-sample (to ${IN_SAMPLE_END})`, from, to: IN_SAMPLE_END, sample: 'in-sample' },
    { name: 'out-of-sample', from: addDays(IN_SAMPLE_END, 1), to, sample: 'out-of-sample' },
  ];
}
