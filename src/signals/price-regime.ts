// The price regime as it could be known each day: an online bull/bear state machine on daily closes
// (the point-in-time side of the Lunde–Timmermann dating). A bull market is confirmed once the close
// has risen `riseToBull` above the lowest close since the bear began; a bear once it has fallen
// `declineToBear` below the highest close since the bull began. Causal: the state on day i uses
// closes 0…i only, so a path computed once over the whole history reads the same as one computed
// on any prefix of it.

import type { PriceRegimeState } from '../domain/sections/trend.js';

export type { PriceRegimeState };

export const PRICE_REGIME_DEFAULTS = {
  /**
   * Default 0.2: the conventional bear-market line, and the same threshold the hindsight dating uses
   * (track-record), so the online state confirms exactly the turns hindsight will date, with the lag
   * of the move itself. Chosen on BTC to 2022 and the simulator (docs/judgment.md).
   */
  declineToBear: 0.2,
  /** Default 0.2, symmetric with declineToBear (see there). */
  riseToBull: 0.2,
} as const;

export interface PriceRegimeOptions {
  /** Fall from the bull's highest close that confirms a bear, a fraction (default 0.2). */
  readonly declineToBear?: number;
  /** Rise from the bear's lowest close that confirms a bull, a fraction (default 0.2). */
  readonly riseToBull?: number;
}

/** The regime on one day, as known at that day's close. */
export interface PriceRegimePoint {
  /** null until the first threshold has been crossed (the start of the data is undetermined). */
  readonly state: PriceRegimeState | null;
  /** Index of the close at which the current state was confirmed (−1 while undetermined). */
  readonly confirmedIndex: number;
  /** Index of the extreme close of the current state so far: the bull's high, or the bear's low. */
  readonly extremeIndex: number;
}

/**
 * The regime path over `closes` (ascending, one per day): element i is the state known after close i.
 * Before the first threshold crossing the state is null and extremeIndex tracks the running high
 * (the candidate peak). Closes 100, 120, 90 with the defaults → [null, null, bear (high at index 1)].
 */
export function priceRegimePath(closes: ArrayLike<number>, options: PriceRegimeOptions = {}): PriceRegimePoint[] {
  const { declineToBear = PRICE_REGIME_DEFAULTS.declineToBear, riseToBull = PRICE_REGIME_DEFAULTS.riseToBull } =
    options;
  const out: PriceRegimePoint[] = new Array(closes.length);
  let state: PriceRegimeState | null = null;
  let confirmedIndex = -1;
  let highIndex = 0;
  let lowIndex = 0;
  for (let i = 0; i < closes.length; i += 1) {
    const close = closes[i]!;
    if (state !== 'bear' && close > closes[highIndex]!) highIndex = i;
    if (state !== 'bull' && close < closes[lowIndex]!) lowIndex = i;
    if (state !== 'bear' && close <= closes[highIndex]! * (1 - declineToBear)) {
      state = 'bear';
      confirmedIndex = i;
      lowIndex = i;
    } else if (state !== 'bull' && close >= closes[lowIndex]! * (1 + riseToBull)) {
      state = 'bull';
      confirmedIndex = i;
      highIndex = i;
    }
    out[i] = { state, confirmedIndex, extremeIndex: state === 'bear' ? lowIndex : highIndex };
  }
  return out;
}
