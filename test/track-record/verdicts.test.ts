import { describe, expect, it } from 'vitest';
import type {
  EngineTrackRecord,
  EquityMetrics,
  ForwardReturnStats,
  TrackRecordEngineId,
} from '../../src/domain/track-record.js';
import { trackRecordVerdicts } from '../../src/track-record/verdicts.js';

const estimate = (value: number | null) => ({ value, lower: null, upper: null });
const forward = (label: ForwardReturnStats['label'], n: number, meanReturn: number): ForwardReturnStats => ({
  label,
  horizonDays: 60,
  n,
  excludedPastData: 0,
  meanReturn: estimate(meanReturn),
  medianReturn: meanReturn,
  shareUp: estimate(0.5),
  meanMaxDrawdown: estimate(0.1),
});

const metrics = (logGrowthPerMaxDrawdown: number): EquityMetrics => ({
  firstDate: '2024-01-01',
  lastDate: '2024-12-31',
  days: 366,
  finalEquity: 1.2,
  totalReturn: 0.2,
  logGrowth: Math.log(1.2),
  cagr: 0.2,
  maxDrawdown: 0.3,
  maxDrawdownPeakDate: '2024-03-01',
  maxDrawdownTroughDate: '2024-05-01',
  maxDrawdownRecoveryDate: null,
  volatilityAnnualised: 0.5,
  sharpe: 1,
  sortino: 1.4,
  calmar: 0.67,
  timeInMarket: 0.6,
  meanExposure: 0.55,
  switches: 4,
  turnover: 5,
  feesPaid: 0.005,
  logGrowthPerMaxDrawdown,
});

function record(
  engine: TrackRecordEngineId,
  shareRight: number | null,
  medianLagDays: number | null,
  spread: [bullMean: number, bearMean: number],
  growthPerDrawdown: number,
): EngineTrackRecord {
  return {
    engine,
    name: engine,
    calls: 10,
    labelAgreement: {
      scoredDays: 10,
      unscoredDays: 0,
      shareRight,
      byLabel: [],
      confusion: {} as EngineTrackRecord['labelAgreement']['confusion'],
      sideScoredDays: 10,
      sideAgreement: 0.8,
    },
    // Bull side: uptrend 3 calls at bullMean and bottoming 1 call at bullMean + 0.04 (weighted mean).
    forwardReturns: [
      forward('uptrend', 3, spread[0]),
      forward('bottoming', 1, spread[0] + 0.04),
      forward('trend-decline', 2, spread[1]),
      forward('topping', 0, 0),
    ].map((s) => (s.n === 0 ? { ...s, meanReturn: estimate(null) } : s)),
    turningPointLags: {
      points: [],
      matched: 2,
      missed: 1,
      notCovered: 0,
      medianLagDays: medianLagDays === null ? null : medianLagDays - 2,
      medianLagDaysCountingMisses: medianLagDays,
    },
    calibration:
      engine === 'engine'
        ? { calls: 10, bins: [], brier: 0.279, constantRate: 0.7, constantRateBrier: 0.21, brierSkill: null }
        : null,
    phaseFollowing: metrics(growthPerDrawdown),
  };
}

describe('trackRecordVerdicts', () => {
  const engines = {
    engine: record('engine', 0.715, 14, [0.05, 0.02], 1.5),
    sma200: record('sma200', 0.7, 10, [0.03, 0.01], 0.9),
    sma50and200: record('sma50and200', 0.779, 8, [0.02, 0.04], 1.2),
  };
  const verdicts = trackRecordVerdicts(engines, [60]);
  const find = (prefix: string) => verdicts.find((v) => v.yardstick.startsWith(prefix))!;

  it('compares with the best baseline and says in plain words where the engine is worse', () => {
    expect(find('label agreement')).toMatchObject({
      outcome: 'worse',
      bestBaseline: 'sma50and200',
      engineValue: 0.715,
      baselineValue: 0.779,
      text: 'Label agreement: engine 71.5%, 50/200 rule 77.9%: the engine is worse by 6.4 pp.',
    });
    // Lower is better: the best baseline is the one with the shortest lag.
    expect(find('median turning-point lag')).toMatchObject({
      outcome: 'worse',
      bestBaseline: 'sma50and200',
      text: 'Median turning-point lag, misses counted (days): engine 14.0 days (1 missed; 12.0 days over the matched), 50/200 rule 8.0 days (1 missed; 6.0 days over the matched): the engine is worse by 6.0 days.',
    });
  });

  it('says where the engine is better, and computes the side spread from the per-label means', () => {
    // Engine bull side (3 × 0.05 + 0.09) / 4 = 0.06, bear 0.02 → spread 0.04; 200-day: 0.04 − 0.01 = 0.03.
    const spread = find('forward-return spread 60d');
    expect(spread.engineValue).toBeCloseTo(0.04, 12);
    expect(spread.baselineValue).toBeCloseTo(0.03, 12);
    expect(spread).toMatchObject({ outcome: 'better', bestBaseline: 'sma200' });
    expect(find('phase-following log growth')).toMatchObject({ outcome: 'better', baselineValue: 1.2 });
    expect(find('phase-following Sharpe')).toMatchObject({ outcome: 'tie' });
  });

  it('judges the Brier score against the constant rate', () => {
    expect(find('Brier')).toMatchObject({
      outcome: 'worse',
      bestBaseline: null,
      engineValue: 0.279,
      baselineValue: 0.21,
      text: 'Brier score: 0.279 against 0.210 for the constant rate: the confidence is worse than answering the hit rate every time.',
    });
  });

  it('is not comparable when a value is missing', () => {
    const v = trackRecordVerdicts({ ...engines, engine: record('engine', null, null, [0, 0], 1) }, [60]);
    expect(v.find((x) => x.yardstick === 'label agreement')).toMatchObject({ outcome: 'not-comparable' });
    expect(v).toHaveLength(7);
  });

  it('compares the engine strategy with buy-and-hold when given', () => {
    const v = trackRecordVerdicts(engines, [60], metrics(2));
    expect(v).toHaveLength(8);
    expect(v[7]).toMatchObject({
      outcome: 'worse',
      engineValue: 1.5,
      baselineValue: 2,
      bestBaseline: null,
      text: 'Against buy-and-hold: log growth per unit of max drawdown 1.50 vs 2.00: following the engine was worse than holding.',
    });
  });
});
