// Which input each section's evidence rests on, so that evidence built on a stale input is left out
// of the note's ranked list (the judgment names the stale inputs in one line of its own instead).
import type { Evidence } from '../domain/analysis.js';
import type { FreshnessInput, InputFreshness } from '../domain/freshness.js';

/** Evidence signal → the inputs it reads (any of them stale drops it). */
const EVIDENCE_INPUTS: Readonly<Record<string, readonly FreshnessInput[]>> = {
  'etf-flow-regime': ['etfFlows'],
  'etf-flow-runs': ['etfFlows'],
  'etf-flow-pct-aum': ['etfFlows', 'etfAumUsd'],
  'etf-weekly-flows': ['etfFlows'],
  'etf-flow-change-point': ['etfFlows'],
  'etf-issuers': ['etfFlows'],
  'flow-divergence': ['etfFlows'],
  'positioning.openInterest': ['openInterestUsd'],
  'positioning.oiPriceDivergence': ['openInterestUsd', 'spot'],
  'positioning.leverage': ['openInterestUsd'],
  'positioning.leverageRebuiltWithoutStress': ['openInterestUsd', 'fundingRate8h', 'liquidations'],
  'positioning.funding': ['fundingRate8h'],
  'positioning.liquidations': ['liquidations'],
  'positioning.cmeBasis': ['cme'],
  'positioning.cmeOpenInterest': ['cme'],
  'positioning.positionProxy': ['cot'],
  'positioning.cot': ['cot'],
  'wave-perps': ['openInterestUsd'],
  'wave-etf': ['etfFlows'],
  'wave-cme': ['cot'],
  'liquidity.selloff': ['spot'],
  'liquidity.amihud': ['spot'],
  'liquidity.abdiRanaldo': ['spot'],
  'liquidity.corwinSchultz': ['spot'],
  'liquidity.huiHeubel': ['spot'],
  'liquidity.volumeTrend': ['spot'],
  'trend.drawdown': ['spot'],
  'trend.movingAverages': ['spot'],
  'trend.supportResistance': ['spot'],
};

/** `evidence` without the items that rest on a stale input. */
export function freshEvidence(evidence: readonly Evidence[], freshness: readonly InputFreshness[]): Evidence[] {
  const stale = new Set(freshness.filter((f) => f.stale).map((f) => f.input));
  if (stale.size === 0) return [...evidence];
  return evidence.filter((e) => !(EVIDENCE_INPUTS[e.signal] ?? []).some((input) => stale.has(input)));
}
