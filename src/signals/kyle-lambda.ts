// Kyle's (1985) λ — price impact per unit of signed order flow — as far as daily bars allow. Kyle's
// λ is the slope of the price change on the signed order flow; daily bars carry no trade signs, so
// the flow is signed by the day's own return (the usual low-frequency proxy): q_t = sign(r_t)·DV_t.
// The OLS slope of r_t on q_t over a window is then defined, but the regressor shares its sign with
// the dependent variable, so λ̂ mostly measures how |r| scales with dollar volume — a volume-weighted
// cousin of Amihud's ratio, not an independent reading. It is reported (20-day and 365-day context
// in the liquidity section) and does not vote in the sell-off label; see docs/liquidity.md.
import type { DailyBar } from '../domain/market-series.js';
import { dollarVolumeOf } from './dollar-volume.js';

export interface SignedFlowDay {
  readonly date: string;
  /** Simple return close_t / close_{t−1} − 1. */
  readonly returnPct: number;
  /** sign(return) · dollar volume, USD. */
  readonly signedDollarVolume: number;
}

/** Per bar with a previous close and a dollar volume: its return and its return-signed dollar volume. */
export function signedFlowDays(bars: readonly DailyBar[]): SignedFlowDay[] {
  const out: SignedFlowDay[] = [];
  for (let i = 1; i < bars.length; i += 1) {
    const prev = bars[i - 1]!;
    const bar = bars[i]!;
    const dv = dollarVolumeOf(bar);
    if (dv === null || dv <= 0 || prev.close <= 0) continue;
    const r = bar.close / prev.close - 1;
    out.push({ date: bar.date, returnPct: r, signedDollarVolume: Math.sign(r) * dv });
  }
  return out;
}

/**
 * OLS slope (with intercept) of r_t on q_t = sign(r_t)·DV_t over the given days: return per USD of
 * signed flow. null with fewer than 3 days or no variation in q.
 * Example: r = +1 %, −2 %, +3 % on DV = 1e9, 2e9, 3e9 → q = 1e9, −2e9, 3e9; r = 1e-11·q exactly, so
 * λ̂ = 1e-11 (1 % per 1 bn USD of signed flow).
 */
export function kyleLambdaOf(days: readonly SignedFlowDay[]): number | null {
  const n = days.length;
  if (n < 3) return null;
  let sq = 0;
  let sr = 0;
  for (const d of days) {
    sq += d.signedDollarVolume;
    sr += d.returnPct;
  }
  const mq = sq / n;
  const mr = sr / n;
  let cov = 0;
  let varQ = 0;
  for (const d of days) {
    const dq = d.signedDollarVolume - mq;
    cov += dq * (d.returnPct - mr);
    varQ += dq * dq;
  }
  return varQ > 0 ? cov / varQ : null;
}

/** Kyle-style λ̂ over the last `window` bars (default 20); null with fewer than 3 usable days. */
export function kyleLambda(bars: readonly DailyBar[], window = 20): number | null {
  return kyleLambdaOf(signedFlowDays(bars.slice(-(window + 1))));
}
