import { describe, expect, it } from 'vitest';
import { confirmationChecklist } from '../../src/phase/checklist.js';
import type { PhaseFacts } from '../../src/phase/facts.js';
import { callConfidence, confidenceFeatures } from '../../src/phase/confidence-model.js';
import { judgePhase } from '../../src/phase/judge.js';

const base: PhaseFacts = {
  asset: 'BTC',
  freshness: [],
  close: null,
  closeDate: null,
  sma50: null,
  sma200: null,
  drawdownFromPeak: null,
  return10d: null,
  return20d: null,
  aboveLow20d: null,
  aboveResistance: null,
  nearestSupport: null,
  nearestResistance: null,
  regime: null,
  regimeConfirmedOn: null,
  regimeExtremeClose: null,
  regimeExtremeDate: null,
  flowRegime: null,
  flowDirectionality: null,
  flowOutflowDays: null,
  flowDays: null,
  consecutivePositiveWeeks: null,
  lastWeekNetFlowUsd: null,
  oiChange30d: null,
  oiPriceDivergence: null,
  fundingRegime: null,
  fundingAnnualised: null,
  liquidationSpike: null,
  leverageRebuiltWithoutStress: null,
  selloffType: null,
  waves: [],
  wavesDecidable: false,
  daysSinceWaveEnded: null,
};

const decline: PhaseFacts = {
  ...base,
  close: 80,
  closeDate: '2026-02-05',
  sma50: 90,
  sma200: 100,
  drawdownFromPeak: 0.3,
  return10d: -0.06,
  return20d: -0.12,
  aboveLow20d: 0.01,
  regime: 'bear',
  regimeConfirmedOn: '2025-11-06',
  regimeExtremeClose: 78,
  regimeExtremeDate: '2026-02-03',
  flowRegime: 'one-way-outflow',
  flowDirectionality: -0.8,
  flowOutflowDays: 9,
  flowDays: 10,
  consecutivePositiveWeeks: 0,
  oiChange30d: -0.15,
  oiPriceDivergence: 'aligned',
  fundingRegime: 'neutral',
  selloffType: 'position-rebalancing',
  waves: [{ segment: 'etf', start: '2025-11-01', end: null, size: 3e9 }],
  wavesDecidable: true,
};

const bottoming: PhaseFacts = {
  ...decline,
  close: 82,
  sma50: 84,
  return10d: 0.01,
  aboveResistance: false,
  flowRegime: 'two-way',
  flowDirectionality: 0.1,
  flowOutflowDays: 5,
  consecutivePositiveWeeks: 1,
  oiChange30d: -0.12,
  oiPriceDivergence: 'oi-falling-price-holding',
  leverageRebuiltWithoutStress: null,
  waves: [{ segment: 'perps', start: '2025-10-01', end: '2025-12-20', size: 9e9 }],
  daysSinceWaveEnded: 20,
};

const uptrend: PhaseFacts = {
  ...base,
  close: 97,
  closeDate: '2025-07-31',
  sma50: 95,
  sma200: 80,
  drawdownFromPeak: 0.03,
  return10d: 0.02,
  regime: 'bull',
  regimeConfirmedOn: '2025-05-02',
  regimeExtremeClose: 100,
  regimeExtremeDate: '2025-07-20',
  flowRegime: 'one-way-inflow',
  flowDirectionality: 0.7,
  oiPriceDivergence: 'aligned',
};

describe('judgePhase (hand-computed)', () => {
  it('a bull regime 3 % off its high: uptrend, with the confidence of its features', () => {
    const j = judgePhase(uptrend);
    expect(j.label).toBe('uptrend');
    // 90 days since confirmation; 3 % against the regime; close above the 200-day average.
    expect(j.basis).toEqual({
      side: 'bull',
      fromAverage: false,
      earlySwitch: false,
      moveAgainstRegime: expect.closeTo(0.03, 12),
      regimeAgeDays: 90,
      agreesWithSma200: 1,
    });
    expect(confidenceFeatures('uptrend', j.basis)).toEqual([1, expect.closeTo(0.2, 12), 1, 0, Math.log(4), 0, 0, 0]);
    expect(j.confidence).toBe(Math.round(callConfidence('uptrend', j.basis) * 100) / 100);
    expect(j.evidence[0]?.text).toBe(
      'BTC has been in a bull regime since 2 May 2025 (a 15% move confirmed it); the close 97.00 is 3.0% below the regime high 100.00 of 20 Jul 2025.',
    );
  });

  it('10 % off the bull high and under the 50-day average: the side switches early to trend-decline', () => {
    const j = judgePhase({ ...uptrend, close: 89, sma50: 95 });
    expect(j.label).toBe('trend-decline');
    expect(j.basis.earlySwitch).toBe(true);
    expect(j.basis.side).toBe('bear');
    expect(j.evidence.some((e) => /switches before the 15% confirmation/.test(e.text))).toBe(true);
    // 11 % off the high but still above the 50-day average: no switch.
    expect(judgePhase({ ...uptrend, close: 89, sma50: 88 }).label).toBe('uptrend');
  });

  it('a bear regime with one-way outflows: trend-decline', () => {
    const j = judgePhase(decline);
    expect(j.label).toBe('trend-decline');
    expect(j.scores.find((s) => s.label === 'trend-decline')!.held).toEqual(['bear-regime', 'below-200d']);
    expect(j.unusedEvidence).toEqual([]);
  });

  it('near the bear low of a deep fall, flows two-way and price holding: bottoming', () => {
    const j = judgePhase(bottoming);
    expect(j.label).toBe('bottoming');
    expect(j.scores.find((s) => s.label === 'bottoming')!.score).toBe(1);
    expect(j.evidence.some((e) => /Bottoming: ETF flows two-way \(D = 0.10\)/.test(e.text))).toBe(true);
    // Each bottoming rule is needed.
    expect(judgePhase({ ...bottoming, drawdownFromPeak: 0.2 }).label).toBe('trend-decline');
    expect(judgePhase({ ...bottoming, flowRegime: 'one-way-outflow' }).label).toBe('trend-decline');
    expect(judgePhase({ ...bottoming, return10d: -0.08 }).label).toBe('trend-decline');
    expect(judgePhase({ ...bottoming, close: 86, sma50: 90 }).label).toBe('trend-decline'); // 10.3 % above the low
  });

  it('near the bull high with OI rising into a falling price: topping', () => {
    const j = judgePhase({ ...uptrend, oiPriceDivergence: 'oi-rising-price-falling', oiChange30d: 0.08 });
    expect(j.label).toBe('topping');
    expect(j.evidence.some((e) => /late longs/.test(e.text))).toBe(true);
  });

  it('before any 15 % move the side comes from the 200-day average; with no data the confidence is 0', () => {
    expect(judgePhase({ ...base, close: 90, sma200: 100 }).label).toBe('trend-decline');
    const up = judgePhase({ ...base, close: 110, sma200: 100 });
    expect(up.label).toBe('uptrend');
    expect(up.basis.fromAverage).toBe(true);
    const none = judgePhase(base);
    expect(none.confidence).toBe(0);
    expect(none.unusedEvidence).toContain('bottoming/two-way-flows: needs ETF flows');
    expect(none.unusedEvidence).toContain('uptrend/bull-regime: needs a price history with a 15 % move');
  });
});

describe('callConfidence', () => {
  it('is the logistic of the coefficients times the features (hand-computed)', () => {
    const basis = {
      side: 'bull',
      fromAverage: false,
      earlySwitch: false,
      moveAgainstRegime: 0.03,
      regimeAgeDays: 90,
      agreesWithSma200: 1,
    } as const;
    // z = 1 − 2·0.2 + 0.5·1 + 0.25·ln 4 = 1.1 + 0.346574 = 1.446574; σ(z) = 1 / (1 + 0.235379) = 0.809471
    expect(callConfidence('uptrend', basis, [1, -2, 0.5, 0, 0.25, 0, 0, 0])).toBeCloseTo(0.809471, 6);
    // Features past twice the regime threshold are capped at 2.
    expect(confidenceFeatures('topping', { ...basis, moveAgainstRegime: 0.9 })[1]).toBe(2);
  });
});

describe('confirmationChecklist', () => {
  it('ticks what the bottoming facts meet and explains what is undecidable', () => {
    const items = Object.fromEntries(confirmationChecklist(bottoming).map((c) => [c.id, c]));
    expect(items['weekly-etf-inflows-persisting']?.met).toBe(false);
    expect(items['etf-flows-not-one-way-out']?.met).toBe(true);
    expect(items['price-above-key-averages']?.met).toBe(false);
    expect(items['price-above-key-averages']?.text).toContain('82.00 vs 84.00 / 100.00');
    expect(items['price-above-resistance']?.met).toBe(false);
    expect(items['leverage-rebuilt-without-stress']?.met).toBe(false);
    expect(items['leverage-rebuilt-without-stress']?.text).toMatch(/not decidable/);
    expect(items['no-derisking-wave-under-way']?.met).toBe(true);
    expect(confirmationChecklist(decline).find((c) => c.id === 'no-derisking-wave-under-way')?.met).toBe(false);
  });
});
