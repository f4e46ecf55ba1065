import { describe, expect, it } from 'vitest';
import { cotKnownAt, etfFlowKnownAt } from '../../src/domain/known-at.js';

describe('cotKnownAt', () => {
  it('a normal week: Tuesday positions published that Friday 20:30 UTC', () => {
    expect(cotKnownAt('2026-02-24')).toBe('2026-02-27T20:30:00.000Z');
  });
  it('the 2025 shutdown backlog: the 2025-10-07 report came out on 2025-11-21, the 2026-01-13 one on 2026-01-20', () => {
    expect(cotKnownAt('2025-10-07')).toBe('2025-11-21T20:30:00.000Z');
    expect(cotKnownAt('2025-11-10')).toBe('2025-12-12T20:30:00.000Z');
    expect(cotKnownAt('2026-01-13')).toBe('2026-01-20T20:30:00.000Z');
  });
  it('a holiday week publishes a trading day late (Thanksgiving 2024: report 11-26 → Monday 12-02)', () => {
    expect(cotKnownAt('2024-11-26')).toBe('2024-12-02T20:30:00.000Z');
  });
  it('Farside flows of D are known D+1 02:00 UTC', () => {
    expect(etfFlowKnownAt('2026-01-06')).toBe('2026-01-07T02:00:00.000Z');
  });
});

describe('isUsFederalHoliday', () => {
  it('follows federal, not NYSE, holidays', async () => {
    const { isUsFederalHoliday } = await import('../../src/domain/us-market-calendar.js');
    expect(isUsFederalHoliday('2023-04-07')).toBe(false); // Good Friday: NYSE closed, federal offices open
    expect(isUsFederalHoliday('2025-10-13')).toBe(true); // Columbus Day
    expect(isUsFederalHoliday('2025-11-11')).toBe(true); // Veterans Day
    expect(isUsFederalHoliday('2025-12-25')).toBe(true);
  });
  it('a Good Friday week is published on the Friday; a Veterans Day week a day late', () => {
    expect(cotKnownAt('2023-04-04')).toBe('2023-04-07T20:30:00.000Z');
    expect(cotKnownAt('2024-11-12')).toBe('2024-11-18T20:30:00.000Z');
  });
});
