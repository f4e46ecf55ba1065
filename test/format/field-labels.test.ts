// The label table: every figure kind printed character by character, coded values in words, and a
// section's rows taken in the table's order with absent fields left out.
import { describe, expect, it } from 'vitest';
import {
  formatByKind,
  formatPercentile,
  labelledRows,
  LIQUIDITY_LABELS,
  POSITIONING_LABELS,
  signalLabel,
  valueLabel,
} from '../../src/format/field-labels.js';

describe('formatByKind', () => {
  it('prints each kind in the house style', () => {
    expect(formatByKind('usd', -602_300_000)).toBe('\u2212$602M');
    expect(formatByKind('signedUsd', 243_200_000)).toBe('+$243M');
    expect(formatByKind('signedPct', 0.964)).toBe('+1.0%');
    expect(formatByKind('signedFraction', 0.105)).toBe('+10.5%');
    expect(formatByKind('fraction', 0.7)).toBe('70.0%');
    expect(formatByKind('rate8h', 0.0001)).toBe('0.0100% per 8h');
    expect(formatByKind('signedCoins', -71_448.4)).toBe('\u221271,448 coins');
    expect(formatByKind('ratio', 1.234)).toBe('1.23×');
    expect(formatByKind('count', 12)).toBe('12');
    expect(formatByKind('bp', 0.00123)).toBe('12.3 bp');
    expect(formatByKind('perBillionUsd', 2.5e-11)).toBe('0.0250');
    expect(formatByKind('date', '2026-08-18')).toBe('18 Aug 2026');
    expect(formatByKind('yesNo', false)).toBe('no');
    expect(formatByKind('code', 'cftc-total-oi')).toBe('CFTC total open interest');
    expect(formatByKind('usd', null)).toBe('n/a');
  });
  it('ranks as ordinal percentiles', () => {
    expect(formatPercentile(0.834)).toBe('83rd percentile');
    expect(formatPercentile(0.01)).toBe('1st percentile');
    expect(formatPercentile(0.12)).toBe('12th percentile');
    expect(formatPercentile(0.22)).toBe('22nd percentile');
    expect(formatPercentile(null)).toBe('n/a');
  });
});

describe('words for codes and signals', () => {
  it('labels coded values and falls back to spaces for unknown codes', () => {
    expect(valueLabel('one-way-outflow')).toBe('one-way outflow');
    expect(valueLabel('oi-falling-price-holding')).toBe('OI falling, price holding');
    expect(valueLabel('brand-new-code')).toBe('brand new code');
    expect(valueLabel(null)).toBe('n/a');
  });
  it('names signals without dots, hyphens or camel case', () => {
    expect(signalLabel('positioning.cot')).toBe('CFTC positioning');
    expect(signalLabel('liquidity.someNewMeasure')).toBe('Some new measure');
  });
});

describe('labelledRows', () => {
  it('takes the table order, formats by kind and leaves absent fields out', () => {
    const rows = labelledRows(
      {
        openInterestUsd: 24_600_000_000,
        oiChangePct: { d1: 0.964, d7: null, d30: -12.5 },
        liquidations: { spike: false },
        cme: { annualisedBasis: 0.105, positionProxySource: 'cftc-total-oi' },
        somethingElse: 3,
      },
      POSITIONING_LABELS,
    );
    expect(rows).toEqual([
      ['Perp open interest', '$24.6B'],
      ['Perp OI change, 1 day', '+1.0%'],
      ['Perp OI change, 7 days', 'n/a'],
      ['Perp OI change, 30 days', '\u221212.5%'],
      ['Liquidation spike on the latest day', 'no'],
      ['CME basis, annualised', '+10.5%'],
      ['CME position proxy source', 'CFTC total open interest'],
    ]);
    expect(labelledRows(null, LIQUIDITY_LABELS)).toEqual([]);
  });
});
