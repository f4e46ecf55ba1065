import { describe, expect, it } from 'vitest';
import { confirmationChecklist } from '../../src/phase/checklist.js';
import type { PhaseFacts } from '../../src/phase/facts.js';
import { judgePhase } from '../../src/phase/judge.js';

const base: PhaseFacts = {
  asset: 'BTC',
  close: null,
  closeDate: null,
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
  sma50: 90,
  sma200: 100,
  drawdownFromPeak: 0.3,
  return10d: -0.06,
  return20d: -0.12,
  aboveLow20d: 0.01,
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
  ...base,
  close: 85,
  sma50: 84,
  sma200: 100,
  drawdownFromPeak: 0.25,
  return10d: 0.01,
  return20d: -0.02,
  aboveLow20d: 0.06,
  aboveResistance: false,
  flowRegime: 'two-way',
  flowDirectionality: 0.1,
  flowOutflowDays: 5,
  flowDays: 10,
  consecutivePositiveWeeks: 1,
  oiChange30d: -0.12,
  oiPriceDivergence: 'oi-falling-price-holding',
  fundingRegime: 'neutral',
  selloffType: 'position-rebalancing',
  waves: [{ segment: 'perps', start: '2025-10-01', end: '2025-12-20', size: 9e9 }],
  daysSinceWaveEnded: 20,
  wavesDecidable: true,
};

describe('judgePhase (hand-computed)', () => {
  it('a clear decline: every trend-decline rule holds (9.5/9.5), bottoming 2/8.5 → confidence 0.88', () => {
    const j = judgePhase(decline);
    expect(j.label).toBe('trend-decline');
    const score = (l: string): number => j.scores.find((s) => s.label === l)!.score;
    expect(score('trend-decline')).toBe(1);
    expect(score('bottoming')).toBeCloseTo(2 / 8.5, 10);
    expect(score('uptrend')).toBe(0);
    expect(score('topping')).toBe(0);
    // ½·1 + ½·(1 − 0.2353) = 0.8824, all rules decidable.
    expect(j.confidence).toBe(0.88);
    expect(j.evidence[0]?.text).toMatch(/below its 200-day average 100/);
    expect(j.evidence.some((e) => /one-way out: D = −0.80, 9 of 10 days outflow/.test(e.text))).toBe(true);
    expect(j.unusedEvidence).toEqual([]);
  });

  it('a bottom: two-way flows, OI falling while price holds, waves over → bottoming 8.5/8.5, decline 3/9.5', () => {
    const j = judgePhase(bottoming);
    expect(j.label).toBe('bottoming');
    expect(j.scores.find((s) => s.label === 'trend-decline')!.score).toBeCloseTo(3 / 9.5, 10);
    expect(j.scores.find((s) => s.label === 'uptrend')!.score).toBeCloseTo(1 / 8, 10);
    expect(j.confidence).toBe(0.84);
    expect(
      j.evidence.some(
        (e) => e.signal === 'positioning' && /OI falling \(−12.0% in 30 days\) while price holds/.test(e.text),
      ),
    ).toBe(true);
    expect(j.evidence.some((e) => e.text.startsWith('against:') && /points to trend-decline/.test(e.text))).toBe(true);
  });

  it('no bottom without a decline first: the same facts 10 % below the peak are not bottoming', () => {
    const j = judgePhase({ ...bottoming, drawdownFromPeak: 0.1 });
    expect(j.scores.find((s) => s.label === 'bottoming')!.score).toBe(0);
    expect(j.label).not.toBe('bottoming');
  });

  it('with no data it says so: confidence 0 and every undecidable rule listed', () => {
    const j = judgePhase(base);
    expect(j.confidence).toBe(0);
    expect(j.unusedEvidence.length).toBeGreaterThan(15);
    expect(j.unusedEvidence).toContain('bottoming/two-way-flows: needs ETF flows');
    expect(j.unusedEvidence).toContain('trend-decline/wave-under-way: needs waves');
  });

  it('missing flows lower the confidence of the same call', () => {
    const withoutFlows = judgePhase({
      ...decline,
      flowRegime: null,
      flowDirectionality: null,
      consecutivePositiveWeeks: null,
    });
    expect(withoutFlows.label).toBe('trend-decline');
    expect(withoutFlows.confidence).toBeLessThan(judgePhase(decline).confidence);
  });
});

describe('confirmationChecklist', () => {
  it('ticks what the bottoming facts meet and explains what is undecidable', () => {
    const items = Object.fromEntries(confirmationChecklist(bottoming).map((c) => [c.id, c]));
    expect(items['weekly-etf-inflows-persisting']?.met).toBe(false);
    expect(items['etf-flows-not-one-way-out']?.met).toBe(true);
    expect(items['price-above-key-averages']?.met).toBe(false);
    expect(items['price-above-key-averages']?.text).toContain('85.00 vs 84.00 / 100.00');
    expect(items['price-above-resistance']?.met).toBe(false);
    expect(items['leverage-rebuilt-without-stress']?.met).toBe(false);
    expect(items['leverage-rebuilt-without-stress']?.text).toMatch(/not decidable/);
    expect(items['no-derisking-wave-under-way']?.met).toBe(true);
    expect(confirmationChecklist(decline).find((c) => c.id === 'no-derisking-wave-under-way')?.met).toBe(false);
  });
});
