// formatFigure (the unit read from the field name) and labelOf, pinned by exact strings (M is U+2212).
import { describe, expect, it } from 'vitest';
import { formatFigure, labelOf } from '../../src/report/figure-text.js';

const M = '\u2212';

describe('formatFigure', () => {
  it('chooses the format from the field name', () => {
    expect(formatFigure('netFlowWindowUsd', -612e6)).toBe(`${M}$612M`);
    expect(formatFigure('fundingRate8hMean14d', 0.000042)).toBe('0.0042% per 8h');
    expect(formatFigure('coinsHeld', 673783)).toBe('673,783 coins');
    expect(formatFigure('outflowShare', 0.55)).toBe('55.0%');
    expect(formatFigure('perpOpenInterestDrawdown', -0.274)).toBe(`${M}27.4%`);
    expect(formatFigure('mnav', 1.08)).toBe('1.08');
    expect(formatFigure('forcedSaleRisk', false)).toBe('no');
    expect(formatFigure('highDate', '2025-10-06')).toBe('2025-10-06');
    expect(formatFigure('anything', null)).toBe('n/a');
  });

  it('keeps percentages that are already percentages and reads the unit from a dotted path', () => {
    expect(formatFigure('oiPctFromPeak', -27.4)).toBe(`${M}27.4%`);
    expect(formatFigure('oiChangePct.d7', 3.14)).toBe('3.1%');
    expect(formatFigure('cme.openInterestUsd', 10.4e9)).toBe('$10.4B');
    expect(formatFigure('fundingAnnualised', 0.046)).toBe('4.6%');
    expect(formatFigure('cme.annualisedBasis', 0.047)).toBe('4.7%');
  });
});

describe('labelOf', () => {
  it('turns field names into labels without the unit', () => {
    expect(labelOf('netFlowWindowUsd')).toBe('Net flow window');
    expect(labelOf('cotLeveragedFundsNetCoins')).toBe('Cot leveraged funds net');
    expect(labelOf('mnav')).toBe('Mnav');
  });
});
