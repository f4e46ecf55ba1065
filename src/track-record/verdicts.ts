// The plain-words comparison of the engine with the best price-only baseline on each yardstick of a
// period: the product must say where the engine is worse, not only where it is better.
import {
  BASELINE_RULES,
  type BaselineRule,
  type EngineTrackRecord,
  type EquityMetrics,
  type TrackRecordEngineId,
  type Verdict,
} from '../domain/track-record.js';
import { forwardReturnSpread } from '../domain/track-record-views.js';
import { formatDecimal } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';
import { BASELINE_NAMES } from './baselines.js';

/** Values within this distance are a tie. */
const TIE = 1e-9;

interface Yardstick {
  readonly name: string;
  readonly better: 'higher' | 'lower';
  readonly value: (r: EngineTrackRecord) => number | null;
  readonly format: (v: number) => string;
  /** A phrase for the gap, e.g. "6.4 pp". */
  readonly gap: (engine: number, baseline: number) => string;
  /** Extra words appended after an engine or baseline value (e.g. misses). */
  readonly note?: (r: EngineTrackRecord) => string;
}

const pct = (v: number): string => formatPercent(v);
const pp = (a: number, b: number): string => `${formatDecimal(Math.abs(a - b) * 100, 1)} pp`;
const fixed = (digits: number) => (v: number) => formatDecimal(v, digits);
const absGap = (digits: number) => (a: number, b: number) => formatDecimal(Math.abs(a - b), digits);

function yardsticks(horizons: readonly number[]): Yardstick[] {
  return [
    {
      name: 'label agreement',
      better: 'higher',
      value: (r) => r.labelAgreement.shareRight,
      format: pct,
      gap: pp,
    },
    {
      name: 'side agreement',
      better: 'higher',
      value: (r) => r.labelAgreement.sideAgreement,
      format: pct,
      gap: pp,
    },
    {
      name: 'median turning-point lag, misses counted (days)',
      better: 'lower',
      value: (r) => r.turningPointLags.medianLagDaysCountingMisses,
      format: (v) => `${fixed(1)(v)} days`,
      gap: (a, b) => `${absGap(1)(a, b)} days`,
      note: (r) => {
        const { missed, medianLagDays } = r.turningPointLags;
        return ` (${missed} missed; ${medianLagDays === null ? 'none' : `${formatDecimal(medianLagDays, 1)} days`} over the matched)`;
      },
    },
    ...horizons.map((h): Yardstick => ({
      name: `forward-return spread ${h}d (bull-side minus bear-side calls)`,
      better: 'higher',
      value: (r) => forwardReturnSpread(r.forwardReturns, h),
      format: pct,
      gap: pp,
    })),
    {
      name: 'phase-following log growth per unit of max drawdown',
      better: 'higher',
      value: (r) => r.phaseFollowing?.logGrowthPerMaxDrawdown ?? null,
      format: fixed(2),
      gap: absGap(2),
    },
    {
      name: 'phase-following Sharpe ratio',
      better: 'higher',
      value: (r) => r.phaseFollowing?.sharpe ?? null,
      format: fixed(2),
      gap: absGap(2),
    },
  ];
}

/**
 * One verdict per yardstick: label agreement, side agreement, median turning-point lag (a miss counted
 * as the days to the next turning point), forward-return spread per horizon, phase-following log
 * growth per unit of max drawdown and Sharpe, each against the best of the two baselines; the engine's
 * Brier score against the constant rate (the baselines state no confidence); and, when given, the
 * phase-following log growth per unit of max drawdown against buy-and-hold over the same days
 * (bestBaseline null). `not-comparable` when a value is missing.
 */
export function trackRecordVerdicts(
  engines: Readonly<Record<TrackRecordEngineId, EngineTrackRecord>>,
  horizons: readonly number[],
  buyAndHold: EquityMetrics | null = null,
): Verdict[] {
  const verdicts = yardsticks(horizons).map((y): Verdict => {
    const engineValue = y.value(engines.engine);
    let best: BaselineRule | null = null;
    let bestValue: number | null = null;
    for (const rule of BASELINE_RULES) {
      const v = y.value(engines[rule]);
      if (v !== null && (bestValue === null || (y.better === 'higher' ? v > bestValue : v < bestValue)))
        [best, bestValue] = [rule, v];
    }
    const base = { yardstick: y.name, better: y.better, engineValue, bestBaseline: best, baselineValue: bestValue };
    if (engineValue === null || best === null || bestValue === null)
      return { ...base, outcome: 'not-comparable', text: `${capital(y.name)}: not comparable (too few calls).` };
    const said = `${capital(y.name)}: engine ${y.format(engineValue)}${y.note?.(engines.engine) ?? ''}, ${BASELINE_NAMES[best]} ${y.format(bestValue)}${y.note?.(engines[best]) ?? ''}`;
    if (Math.abs(engineValue - bestValue) <= TIE) return { ...base, outcome: 'tie', text: `${said}: a tie.` };
    const engineBetter = y.better === 'higher' ? engineValue > bestValue : engineValue < bestValue;
    return {
      ...base,
      outcome: engineBetter ? 'better' : 'worse',
      text: `${said}: the engine is ${engineBetter ? 'better' : 'worse'} by ${y.gap(engineValue, bestValue)}.`,
    };
  });
  const cal = engines.engine.calibration;
  const brier = cal?.brier ?? null;
  const constant = cal?.constantRateBrier ?? null;
  const base = {
    yardstick: 'Brier score of the confidence vs the constant rate',
    better: 'lower' as const,
    engineValue: brier,
    bestBaseline: null,
    baselineValue: constant,
  };
  if (brier === null || constant === null)
    verdicts.push({ ...base, outcome: 'not-comparable', text: 'Brier score: not comparable (no scored calls).' });
  else {
    const outcome = Math.abs(brier - constant) <= TIE ? 'tie' : brier < constant ? 'better' : 'worse';
    const words =
      outcome === 'better'
        ? 'the confidence carries information'
        : outcome === 'tie'
          ? 'the confidence adds nothing to the hit rate'
          : 'the confidence is worse than answering the hit rate every time';
    verdicts.push({
      ...base,
      outcome,
      text: `Brier score: ${formatDecimal(brier, 3)} against ${formatDecimal(constant, 3)} for the constant rate: ${words}.`,
    });
  }
  if (buyAndHold) verdicts.push(versusBuyAndHold(engines.engine.phaseFollowing, buyAndHold));
  return verdicts;
}

/** The engine's phase-following against simply holding, on log growth per unit of max drawdown. */
function versusBuyAndHold(engine: EquityMetrics | null, hold: EquityMetrics): Verdict {
  const engineValue = engine?.logGrowthPerMaxDrawdown ?? null;
  const holdValue = hold.logGrowthPerMaxDrawdown;
  const base = {
    yardstick: 'phase-following log growth per unit of max drawdown vs buy-and-hold',
    better: 'higher' as const,
    engineValue,
    bestBaseline: null,
    baselineValue: holdValue,
  };
  if (engineValue === null || holdValue === null)
    return { ...base, outcome: 'not-comparable', text: 'Against buy-and-hold: not comparable (no drawdown).' };
  const said = `Against buy-and-hold: log growth per unit of max drawdown ${formatDecimal(engineValue)} vs ${formatDecimal(holdValue)}`;
  if (Math.abs(engineValue - holdValue) <= TIE) return { ...base, outcome: 'tie', text: `${said}: a tie.` };
  const better = engineValue > holdValue;
  return {
    ...base,
    outcome: better ? 'better' : 'worse',
    text: `${said}: following the engine was ${better ? 'better' : 'worse'} than holding.`,
  };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
