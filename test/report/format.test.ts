import { describe, expect, it } from 'vitest';
import {
  formatConfidence,
  formatFigure,
  formatFunding8h,
  formatNumber,
  formatPercent,
  formatUsd,
  labelOf,
} from '../../src/report/format.js';

describe('report formatting', () => {
  it('formats USD compactly with the sign in front', () => {
    expect(formatUsd(4_570_000_000)).toBe('$4.57B');
    expect(formatUsd(-612e6)).toBe('-$612M');
    expect(formatUsd(331e9)).toBe('$331B');
    expect(formatUsd(91320)).toBe('$91,320');
    expect(formatUsd(-12.5)).toBe('-$12.5');
    expect(formatUsd(1.2e12)).toBe('$1.20T');
  });

  it('formats fractions, funding, numbers and confidence', () => {
    expect(formatPercent(-0.274)).toBe('-27.4%');
    expect(formatFunding8h(0.000042)).toBe('0.0042% per 8h');
    expect(formatNumber(20)).toBe('20');
    expect(formatNumber(1.126)).toBe('1.13');
    expect(formatNumber(-0.18)).toBe('-0.18');
    expect(formatNumber(673783)).toBe('673,783');
    expect(formatConfidence(0.645)).toBe('65%');
  });

  it('chooses the format from the field name', () => {
    expect(formatFigure('netFlowWindowUsd', -612e6)).toBe('-$612M');
    expect(formatFigure('fundingRate8hMean14d', 0.000042)).toBe('0.0042% per 8h');
    expect(formatFigure('coinsHeld', 673783)).toBe('673,783 coins');
    expect(formatFigure('outflowShare', 0.55)).toBe('55.0%');
    expect(formatFigure('perpOpenInterestDrawdown', -0.274)).toBe('-27.4%');
    expect(formatFigure('mnav', 1.08)).toBe('1.08');
    expect(formatFigure('forcedSaleRisk', false)).toBe('no');
    expect(formatFigure('highDate', '2025-10-06')).toBe('2025-10-06');
    expect(formatFigure('anything', null)).toBe('n/a');
  });

  it('turns field names into labels without the unit', () => {
    expect(labelOf('netFlowWindowUsd')).toBe('Net flow window');
    expect(labelOf('cotLeveragedFundsNetCoins')).toBe('Cot leveraged funds net');
    expect(labelOf('mnav')).toBe('Mnav');
  });
});

describe('formatFigure on dotted paths', () => {
  it('keeps percentages that are already percentages and reads the unit from the path', () => {
    expect(formatFigure('oiPctFromPeak', -27.4)).toBe('-27.4%');
    expect(formatFigure('oiChangePct.d7', 3.14)).toBe('3.1%');
    expect(formatFigure('cme.openInterestUsd', 10.4e9)).toBe('$10.4B');
    expect(formatFigure('fundingAnnualised', 0.046)).toBe('4.6%');
    expect(formatFigure('cme.annualisedBasis', 0.047)).toBe('4.7%');
  });
});
