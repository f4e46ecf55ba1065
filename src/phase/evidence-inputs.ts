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
  'liquidity.selloff': ['spot'],
  'liquidity.amihud': ['spot'],
  'liquidity.abdiRanaldo': ['spot'],
  'liquidity.corwinSchultz': ['spot'],
  'liquidity.huiHeubel': ['spot'],
  'liquidity.volumeTrend': ['spot'],
  'treasuries.strategyMnav': ['mnav'],
  'trend.drawdown': ['spot'],
  'trend.movingAverages': ['spot'],
  'trend.supportResistance': ['spot'],
};

/**
 * The input a CME de-risking wave rests on: the CFTC's weekly total open interest when the COT input
 * has any report (the waves read it then, signals/wave-levels.ts), else the CME front month.
 */
export function cmeWaveInput(freshness: readonly InputFreshness[]): FreshnessInput {
  return freshness.some((f) => f.input === 'cot' && f.lastDate !== null) ? 'cot' : 'cme';
}

/** The inputs an evidence item rests on (none known: it is kept whatever the freshness). */
function inputsOf(signal: string, freshness: readonly InputFreshness[]): readonly FreshnessInput[] {
  if (signal === 'wave-cme') return [cmeWaveInput(freshness)];
  return EVIDENCE_INPUTS[signal] ?? [];
}

/** `evidence` without the items that rest on a stale input. */
export function freshEvidence(evidence: readonly Evidence[], freshness: readonly InputFreshness[]): Evidence[] {
  const stale = new Set(freshness.filter((f) => f.stale).map((f) => f.input));
  if (stale.size === 0) return [...evidence];
  return evidence.filter((e) => !inputsOf(e.signal, freshness).some((input) => stale.has(input)));
}
