// Stale inputs are left out of the judgment: the facts an input older than its allowed lag
// (domain/freshness.ts) would feed become null, so the rules that read them are undecidable and
// listed as unused evidence, and the call rests on what is current. A stale spot price leaves no
// price facts at all: there is no call to make on a price that is days old.
import { daysBetween } from '../domain/dates.js';
import { isStale, type FreshnessInput, type InputFreshness } from '../domain/freshness.js';
import { cmeWaveInput } from './evidence-inputs.js';
import type { PhaseFacts } from './facts.js';

/** The freshness of one input whose latest known value is dated `lastDate`. */
export function inputFreshness(
  input: FreshnessInput,
  lastDate: string | null,
  asOf: string,
  source?: string,
): InputFreshness {
  const ageDays = lastDate === null ? null : daysBetween(lastDate, asOf);
  return { input, lastDate, ageDays, stale: isStale(input, ageDays), ...(source ? { source } : {}) };
}

/** The facts with everything a stale input feeds set to null (unchanged when every input is fresh). */
export function withoutStaleInputs(facts: PhaseFacts): PhaseFacts {
  const stale = new Set(facts.freshness.filter((f) => f.stale).map((f) => f.input));
  if (stale.size === 0) return facts;
  let f: PhaseFacts = facts;
  if (stale.has('spot'))
    f = {
      ...f,
      close: null,
      sma50: null,
      sma200: null,
      drawdownFromPeak: null,
      return10d: null,
      return20d: null,
      aboveLow20d: null,
      aboveResistance: null,
      regime: null,
      regimeConfirmedOn: null,
      regimeExtremeClose: null,
      regimeExtremeDate: null,
      oiPriceDivergence: null,
      selloffType: null,
    };
  if (stale.has('etfFlows'))
    f = {
      ...f,
      flowRegime: null,
      flowDirectionality: null,
      flowOutflowDays: null,
      flowDays: null,
      consecutivePositiveWeeks: null,
      lastWeekNetFlowUsd: null,
    };
  if (stale.has('openInterestUsd'))
    f = { ...f, oiChange30d: null, oiPriceDivergence: null, leverageRebuiltWithoutStress: null };
  if (stale.has('fundingRate8h'))
    f = { ...f, fundingRegime: null, fundingAnnualised: null, leverageRebuiltWithoutStress: null };
  if (stale.has('liquidations')) f = { ...f, liquidationSpike: null, leverageRebuiltWithoutStress: null };
  // A wave whose segment reads a stale input is not counted (nor is it "under way").
  const waveInput = { perps: 'openInterestUsd', etf: 'etfFlows', cme: cmeWaveInput(f.freshness) } as const;
  if (f.waves.some((w) => stale.has(waveInput[w.segment])))
    f = { ...f, waves: f.waves.filter((w) => !stale.has(waveInput[w.segment])) };
  // Waves need a current series in at least one segment.
  if (stale.has('openInterestUsd') && stale.has('etfFlows') && stale.has(waveInput.cme))
    f = { ...f, wavesDecidable: false };
  return f;
}
