// The boundary check of every stored number (src/domain/field-ranges.ts): hand-picked values at and
// beyond each kind of bound, the date window with each dataset's lag, keys, timestamps, and the
// documentation listing every dataset's range.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../src/domain/datasets.js';
import { isIsoDate, parseIsoTimestamp } from '../../src/domain/dates.js';
import { DATASET_BOUNDS, MAX_DAYS_AHEAD } from '../../src/domain/field-ranges.js';
import { checkFieldValue, checkKey, checkMarketDate, checkObservation } from '../../src/domain/observation-check.js';
import type { Observation } from '../../src/domain/observation.js';

const TODAY = '2026-06-30';
const obs = (over: Partial<Observation> = {}): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key: 'IBIT',
  date: '2026-01-05',
  value: -243_200_000,
  knownAt: '2026-01-06T02:00:00.000Z',
  ...over,
});

describe('checkFieldValue', () => {
  it('holds each kind of bound at its edge', () => {
    expect(checkFieldValue('spot', 'close', 0)).toBeNull();
    expect(checkFieldValue('spot', 'close', -0.01)).toMatch(/^-0\.01 USD is below 0 \(a price is never negative/);
    expect(checkFieldValue('perp', 'fundingRate8h', 0.05)).toBeNull();
    expect(checkFieldValue('perp', 'fundingRate8h', -0.05)).toBeNull();
    expect(checkFieldValue('perp', 'fundingRate8h', 0.0501)).toMatch(/^0\.0501 fraction per 8h is above 0\.05/);
    expect(checkFieldValue('etf-flows', 'netFlowUsd', -1e11)).toBeNull();
    expect(checkFieldValue('etf-flows', 'netFlowUsd', -1.0000001e11)).toMatch(/is below -100000000000/);
    expect(checkFieldValue('treasury', 'mnav', -0.085)).toBeNull();
    expect(checkFieldValue('perp', 'longLiquidationsUsd', -1)).toMatch(/^-1 USD is below 0/);
  });

  it('refuses what is not a finite number, and unknown fields', () => {
    expect(checkFieldValue('etf-flows', 'netFlowUsd', -Infinity)).toBe('-Infinity is not a finite number');
    expect(checkFieldValue('etf-flows', 'netFlowUsd', NaN)).toBe('NaN is not a finite number');
    expect(checkFieldValue('etf-flows', 'aumUsd', 1)).toBe('"aumUsd" is not a field of etf-flows');
    expect(checkFieldValue('nope', 'x', 1)).toBe('unknown dataset "nope"');
  });
});

describe('checkMarketDate', () => {
  it('runs from the genesis block to today + the dataset’s lag', () => {
    expect(checkMarketDate('2009-01-03', 'spot', TODAY)).toBeNull();
    expect(checkMarketDate('2009-01-02', 'spot', TODAY)).toMatch(/before 2009-01-03 \(the bitcoin genesis block/);
    expect(checkMarketDate('2026-06-30', 'spot', TODAY)).toBeNull();
    expect(checkMarketDate('2026-07-01', 'spot', TODAY)).toBe(
      'date 2026-07-01 is after 2026-06-30 (today: a daily bar is dated by the UTC day it covers)',
    );
    expect(checkMarketDate('2026-07-01', 'cme', TODAY)).toBeNull();
    expect(checkMarketDate('2026-07-08', 'cme-weekly', TODAY)).toBeNull();
    expect(checkMarketDate('2026-07-09', 'cme-weekly', TODAY)).toMatch(
      /^date 2026-07-09 is after 2026-07-08 \(today \+ 8 days/,
    );
    expect(checkMarketDate('2026-07-31', null, TODAY)).toBeNull();
    expect(MAX_DAYS_AHEAD).toBe(31);
    expect(checkMarketDate('9999-12-31', null, TODAY)).toBe('date 9999-12-31 is after 2026-07-31 (today + 31 days)');
    expect(checkMarketDate('2025-02-29', null, TODAY)).toBe('date "2025-02-29" is not a YYYY-MM-DD calendar date');
  });
});

describe('checkObservation', () => {
  it('passes a valid observation and names each failing part', () => {
    expect(checkObservation(obs(), TODAY)).toEqual([]);
    expect(checkObservation(obs({ key: '\uFFFDARKB', value: NaN }), TODAY).map((p) => p.part)).toEqual([
      'key',
      'value',
    ]);
    expect(checkObservation(obs({ knownAt: '2026-01-04T00:00:00Z' }), TODAY)).toEqual([
      { part: 'knownAt', message: "2026-01-04T00:00:00.000Z is before the row's date 2026-01-05" },
    ]);
    expect(checkObservation(obs({ knownAt: '2026-02-30T00:00:00Z' }), TODAY)[0]?.part).toBe('knownAt');
    expect(checkObservation(obs({ knownAt: '2028-01-01T00:00:00Z' }), TODAY)[0]?.message).toMatch(
      /more than a year ahead/,
    );
  });

  it('keys: 1–64 printable characters', () => {
    expect(checkKey('tff-btc+micro')).toBeNull();
    expect(checkKey('')).toBe('the key is empty');
    expect(checkKey('x'.repeat(65))).toMatch(/longer than 64/);
    expect(checkKey('a\u0000b')).toMatch(/control or replacement character/);
  });
});

describe('dates', () => {
  it('reads years below 100 as written and timestamps strictly', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('0000-02-29')).toBe(true); // year 0 is a leap year (divisible by 400)
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(parseIsoTimestamp('2025-01-02T01:00:00+02:00')).toBe('2025-01-01T23:00:00.000Z');
    expect(parseIsoTimestamp('2025-01-02T01:00')).toBe('2025-01-02T01:00:00.000Z');
    expect(parseIsoTimestamp('2025-02-30T00:00:00Z')).toBeNull();
    expect(parseIsoTimestamp('2025-01-02T24:00:00Z')).toBeNull();
    expect(parseIsoTimestamp('2025-01-02 01:00:00Z')).toBeNull();
  });
});

describe('docs/reliability.md', () => {
  it('lists the range of every dataset of the catalog', () => {
    const doc = readFileSync(resolve(process.cwd(), 'docs/reliability.md'), 'utf8');
    const section = doc.slice(doc.indexOf('### Ranges, and why'), doc.indexOf('### What a rejection looks like'));
    const missing = DATASET_NAMES.filter((d) => !section.includes(`\`${d}.`) && !section.includes(`\`${d}\``));
    expect(missing).toEqual([]);
    expect(Object.keys(DATASET_BOUNDS).sort()).toEqual([...DATASET_NAMES].sort());
  });
});
