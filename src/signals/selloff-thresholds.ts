// The sell-off classifier's thresholds and defaults, in one place, each with the reason for its value.

export const SELLOFF_THRESHOLDS = {
  /**
   * Price impact (Amihud) "exploded": a crash window at or above the 99th percentile of the
   * same-length windows of its own trailing year AND a robust z ≥ 3 (log scale). Both, because a
   * percentile saturates at 100 (it cannot say how far beyond) and a z-score alone says nothing
   * about the shape of the tail.
   */
  priceImpactExtreme: { percentile: 0.99, robustZ: 3 },
  /**
   * A spread (Abdi–Ranaldo, Corwin–Schultz) "exploded": beyond every same-length window of the
   * trailing year (percentile 1) AND a robust z ≥ 4. Stricter than price impact because daily
   * range-based estimates are heavy-tailed and their noise grows with volatility, which every
   * sell-off raises: at the price-impact bar one spread or the other fires on 11 % of the
   * simulator's ordinary sell-offs, at this bar on 5 % (chosen on the simulator and BTC to
   * 2022-12-31 only; docs/liquidity.md).
   */
  spreadExtreme: { percentile: 1, robustZ: 4 },
  /** "Elevated", reported but not decisive: ≥ 95th percentile and robust z ≥ 2. */
  elevated: { percentile: 0.95, robustZ: 2 },
  /**
   * Forced deleveraging: the largest crash-day long liquidations ≥ 5× their trailing median (the
   * liquidation-spike signal's multiple). Reported as the spiral's channel; it does not decide
   * the label: on the real data nearly every 10 % fall clears it (docs/liquidity.md).
   */
  forcedLiquidationMultiple: 5,
  /** Positions cut: perp OI in coins or CFTC total OI down ≥ 10 % over the fall. */
  oiDropPct: -10,
  /** Positions cut: ETF holdings (coins) down ≥ 1 % over the fall. */
  etfHoldingsDropPct: -1,
  /** Positions cut: ETF net outflow ≥ 0.5 % of the AUM at the peak. */
  etfOutflowShareOfAum: 0.005,
} as const;

export const SELLOFF_CLASSIFIER_DEFAULTS = {
  /**
   * Bars before (and including) the peak that form each measure's trailing distribution. Default
   * 365: a year of 24/7 days, long enough for a 99th percentile of 3-day windows to rest on ~120
   * non-overlapping observations.
   */
  baselineBars: 365,
  /** Fewer usable baseline windows than this and the measure is reported as not measurable. Default 90. */
  minBaselineWindows: 90,
  /**
   * Length of the acute windows scanned inside the crash days (bars). Default 3: a liquidity failure
   * is often one to three days inside a longer fall (2020-03-12/13); longer windows dilute it.
   */
  acuteBars: 3,
  /**
   * Calendar days after an episode can no longer extend during which late data (next-day volume,
   * liquidations, the CFTC report published the Friday after) still update its reading. Default 14.
   */
  settleDays: 14,
} as const;
