// Judges the phase from the facts (rules.ts): the side from the online price regime (switched early
// on a confirmed 10 % move against it), then topping or bottoming within the side when all of their
// rules hold. The confidence is a probability: the calibrated chance, fitted on the in-sample
// period only, that a call like this one is right in hindsight (confidence-model.ts).
import { formatDate } from '../format/dates.js';
import { PHASE_LABELS, type Evidence, type PhaseLabel } from '../domain/analysis.js';
import { daysBetween } from '../domain/dates.js';
import { formatCount, formatDecimal, formatPrice } from '../format/numbers.js';
import { FRESHNESS_INPUT_LABELS, MAX_AGE_DAYS } from '../domain/freshness.js';
import { formatPercent } from '../format/percent.js';
import { callConfidence, type CallBasis } from './confidence-model.js';
import type { PhaseFacts } from './facts.js';
import {
  BOTTOMING_RULES,
  drawdownFromRegimeHigh,
  EARLY_SWITCH_MOVE,
  PHASE_RULES,
  REGIME_THRESHOLD,
  riseFromRegimeLow,
  TOPPING_RULES,
  type PhaseRule,
} from './rules.js';

export interface PhaseScore {
  readonly label: PhaseLabel;
  /** Share of the label's decidable rules that hold, in [0, 1] (informational: the call follows the steps in rules.ts). */
  readonly score: number;
  readonly held: readonly string[];
}

export interface Judgment {
  readonly label: PhaseLabel;
  readonly confidence: number;
  readonly basis: CallBasis;
  readonly scores: readonly PhaseScore[];
  readonly evidence: readonly Evidence[];
  /** Rules that could not be decided, with what they needed. */
  readonly unusedEvidence: readonly string[];
}

const LABEL_RULES: Readonly<Record<PhaseLabel, readonly PhaseRule[]>> = {
  uptrend: [PHASE_RULES.bullRegime, PHASE_RULES.earlyBull],
  'trend-decline': [PHASE_RULES.bearRegime, PHASE_RULES.earlyBear, PHASE_RULES.belowSma200],
  bottoming: BOTTOMING_RULES,
  topping: TOPPING_RULES,
};
const ALL_RULES: readonly PhaseRule[] = PHASE_LABELS.flatMap((l) => LABEL_RULES[l]);

const pct = formatPercent;
const px = formatPrice;

function scoreOf(label: PhaseLabel, facts: PhaseFacts): PhaseScore {
  let held = 0;
  let decidable = 0;
  const ids: string[] = [];
  for (const rule of LABEL_RULES[label]) {
    const outcome = rule.test(facts);
    if (outcome === null) continue;
    decidable += 1;
    if (outcome) {
      held += 1;
      ids.push(rule.id);
    }
  }
  return { label, score: decidable > 0 ? held / decidable : 0, held: ids };
}

/** The side and how it was reached. */
function sideOf(f: PhaseFacts): CallBasis {
  const agrees = (side: 'bull' | 'bear'): number =>
    f.close === null || f.sma200 === null ? 0 : f.close > f.sma200 === (side === 'bull') ? 1 : -1;
  const age =
    f.regimeConfirmedOn !== null
      ? Math.max(0, daysBetween(f.regimeConfirmedOn, f.closeDate ?? f.regimeConfirmedOn))
      : 0;
  if (f.regime === 'bull') {
    const dd = drawdownFromRegimeHigh(f) ?? 0;
    const early = PHASE_RULES.earlyBear.test(f) === true;
    const side = early ? 'bear' : 'bull';
    return {
      side,
      fromAverage: false,
      earlySwitch: early,
      moveAgainstRegime: dd,
      regimeAgeDays: age,
      agreesWithSma200: agrees(side),
    };
  }
  if (f.regime === 'bear') {
    const up = riseFromRegimeLow(f) ?? 0;
    const early = PHASE_RULES.earlyBull.test(f) === true;
    const side = early ? 'bull' : 'bear';
    return {
      side,
      fromAverage: false,
      earlySwitch: early,
      moveAgainstRegime: up,
      regimeAgeDays: age,
      agreesWithSma200: agrees(side),
    };
  }
  const side = PHASE_RULES.belowSma200.test(f) === false ? 'bull' : 'bear';
  return {
    side,
    fromAverage: true,
    earlySwitch: false,
    moveAgainstRegime: 0,
    regimeAgeDays: 0,
    agreesWithSma200: agrees(side),
  };
}

const allHold = (rules: readonly PhaseRule[], f: PhaseFacts): boolean => rules.every((r) => r.test(f) === true);

/** The sentences of the call's own evidence, with the numbers they rest on. */
/** One line naming the inputs left out as stale, with their ages (none when all are fresh). */
function staleEvidence(f: PhaseFacts): Evidence[] {
  const stale = f.freshness.filter((x) => x.stale);
  if (stale.length === 0) return [];
  return [
    {
      signal: 'freshness',
      text: `Left out as stale: ${stale
        .map(
          (x) =>
            `${FRESHNESS_INPUT_LABELS[x.input]} (last ${formatDate(x.lastDate)}, ${formatCount(x.ageDays)} days old; allowed ${formatCount(MAX_AGE_DAYS[x.input].days)})`,
        )
        .join('; ')}.`,
      value: stale.length,
      weight: 0,
    },
  ];
}

function callEvidence(f: PhaseFacts, basis: CallBasis, label: PhaseLabel): Evidence[] {
  if (f.close === null)
    return [
      {
        signal: 'trend',
        text: `No current ${f.asset} price (missing or stale): no call can be made on it.`,
        value: null,
        weight: 0,
      },
      ...staleEvidence(f),
    ];
  const out: Evidence[] = [];
  const sign = basis.side === 'bull' ? 1 : -1;
  if (basis.fromAverage) {
    out.push({
      signal: 'trend',
      text: `No ${pct(REGIME_THRESHOLD, 0)} move in the price history yet: the side is read from the 200-day average (${f.asset} ${px(f.close)} vs ${px(f.sma200)}).`,
      value: f.close,
      weight: sign,
    });
  } else {
    const regimeWord = f.regime === 'bull' ? 'bull' : 'bear';
    const extremeWord = f.regime === 'bull' ? 'high' : 'low';
    out.push({
      signal: 'trend',
      text: `${f.asset} has been in a ${regimeWord} regime since ${formatDate(f.regimeConfirmedOn)} (a ${pct(REGIME_THRESHOLD, 0)} move confirmed it); the close ${px(f.close)} is ${pct(basis.moveAgainstRegime)} ${f.regime === 'bull' ? 'below' : 'above'} the regime ${extremeWord} ${px(f.regimeExtremeClose)} of ${formatDate(f.regimeExtremeDate)}.`,
      value: f.close,
      weight: f.regime === 'bull' ? 1 : -1,
    });
    if (basis.earlySwitch)
      out.push({
        signal: 'trend',
        text: `A ${pct(basis.moveAgainstRegime)} move against the regime with the close ${f.regime === 'bull' ? 'below' : 'above'} its 50-day average ${px(f.sma50)}: the side switches before the ${pct(REGIME_THRESHOLD, 0)} confirmation (threshold ${pct(EARLY_SWITCH_MOVE, 0)}).`,
        value: basis.moveAgainstRegime,
        weight: sign * 1.5,
      });
  }
  if (label === 'bottoming')
    out.push({
      signal: 'etfFlows',
      text: `Bottoming: ETF flows two-way (D = ${formatDecimal(f.flowDirectionality)}), price holding (${pct(f.return10d)} in 10 days) ${pct(riseFromRegimeLow(f))} above the bear low, ${pct(f.drawdownFromPeak)} below the peak.`,
      value: f.flowDirectionality,
      weight: 1,
    });
  if (label === 'topping')
    out.push({
      signal: 'positioning',
      text: `Topping: perp OI rising (${pct(f.oiChange30d)} in 30 days) while price falls within ${pct(drawdownFromRegimeHigh(f))} of the high — late longs.`,
      value: f.oiChange30d,
      weight: -1,
    });
  out.push(...staleEvidence(f));
  if (basis.agreesWithSma200 === -1)
    out.push({
      signal: 'trend',
      text: `against: the close ${px(f.close)} is ${basis.side === 'bull' ? 'below' : 'above'} its 200-day average ${px(f.sma200)}.`,
      value: f.sma200,
      weight: -sign * 0.5,
    });
  if (basis.side === 'bull' && f.flowRegime === 'one-way-outflow')
    out.push({
      signal: 'etfFlows',
      text: `against: ETF flows one-way out (D = ${formatDecimal(f.flowDirectionality)}).`,
      value: f.flowDirectionality,
      weight: -0.5,
    });
  if (basis.side === 'bear' && f.flowRegime === 'one-way-inflow')
    out.push({
      signal: 'etfFlows',
      text: `against: ETF flows one-way in (D = ${formatDecimal(f.flowDirectionality)}).`,
      value: f.flowDirectionality,
      weight: 0.5,
    });
  return out;
}

/** Judges the phase from the facts: label, calibrated confidence, how it was reached, evidence. */
export function judgePhase(facts: PhaseFacts): Judgment {
  const basis = sideOf(facts);
  const label: PhaseLabel =
    basis.side === 'bull'
      ? !basis.earlySwitch && allHold(TOPPING_RULES, facts)
        ? 'topping'
        : 'uptrend'
      : !basis.earlySwitch && allHold(BOTTOMING_RULES, facts)
        ? 'bottoming'
        : 'trend-decline';
  const confidence = facts.close === null ? 0 : callConfidence(label, basis);
  const unusedEvidence = ALL_RULES.filter((r) => r.test(facts) === null).map(
    (r) => `${r.phase}/${r.id}: needs ${r.needs}`,
  );
  return {
    label,
    confidence: Math.round(confidence * 100) / 100,
    basis,
    scores: PHASE_LABELS.map((l) => scoreOf(l, facts)),
    evidence: callEvidence(facts, basis, label),
    unusedEvidence,
  };
}
