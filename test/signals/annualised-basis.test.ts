import { describe, expect, it } from 'vitest';
import {
  annualisedBasis,
  cmeAnnualisedBasis,
  cmeAnnualisedBasisSeries,
  cmeFrontMonthExpiry,
  isCmeRollWeek,
  lastFridayOfMonth,
} from '../../src/signals/annualised-basis.js';
import type { CmeDay } from '../../src/domain/market-series.js';
import { bar } from '../helpers/market-series.js';

const cmeDay = (date: string, close: number, openInterestContracts: number | null = 10_000): CmeDay => ({
  ...bar(date, close),
  openInterestContracts,
  coinsPerContract: 5,
});

describe('CME expiry', () => {
  it('finds the last Friday of the month', () => {
    expect(lastFridayOfMonth('2025-12-03')).toBe('2025-12-26');
    expect(lastFridayOfMonth('2026-01-15')).toBe('2026-01-30');
    expect(lastFridayOfMonth('2025-10-01')).toBe('2025-10-31'); // the 31st is itself a Friday
    expect(lastFridayOfMonth('2024-02-10')).toBe('2024-02-23');
  });

  it('marks the expiry week and the week before as roll weeks', () => {
    // December 2025 expiry: Friday 12-26
    expect(isCmeRollWeek('2025-12-22')).toBe(true);
    expect(isCmeRollWeek('2025-12-15')).toBe(true);
    expect(isCmeRollWeek('2025-12-08')).toBe(false);
    expect(isCmeRollWeek('2025-12-29')).toBe(false); // next expiry 2026-01-30
  });

  it('rolls to next month after the expiry Friday', () => {
    expect(cmeFrontMonthExpiry('2025-12-26')).toBe('2025-12-26');
    expect(cmeFrontMonthExpiry('2025-12-29')).toBe('2026-01-30');
    expect(cmeFrontMonthExpiry('2025-12-01')).toBe('2025-12-26');
  });
});

describe('annualisedBasis', () => {
  it('is (F/S − 1) × 365 / days', () => {
    expect(annualisedBasis(101, 100, 36.5)).toBeCloseTo(0.1, 12);
    expect(annualisedBasis(99, 100, 365)).toBeCloseTo(-0.01, 12);
    expect(annualisedBasis(101, 100, 0)).toBeNull();
    expect(annualisedBasis(101, 0, 10)).toBeNull();
  });

  it('uses the trade date to the front-month expiry (known expiry)', () => {
    // 2025-12-01 → 2025-12-26 = 25 days; F/S − 1 = 0.01 → 0.01 × 365 / 25 = 0.146
    const r = cmeAnnualisedBasis([cmeDay('2025-12-01', 90_900)], [bar('2025-12-01', 90_000)], []);
    expect(r.expiry).toBe('2025-12-26');
    expect(r.daysToExpiry).toBe(25);
    expect(r.annualisedBasis).toBeCloseTo(0.146, 12);
  });

  it('falls back to spot + basis USD without CME bars, and is null without spot', () => {
    const r = cmeAnnualisedBasis([], [bar('2025-12-01', 90_000)], [{ date: '2025-12-01', value: 900 }]);
    expect(r.futuresPrice).toBe(90_900);
    expect(r.annualisedBasis).toBeCloseTo(0.146, 12);
    expect(cmeAnnualisedBasis([cmeDay('2025-12-01', 1)], [], []).annualisedBasis).toBeNull();
  });

  it('prefers the synchronised futures-minus-spot series for S', () => {
    // F 90,900, basis 1,800 → S 89,100 (the spot close 90,000 is ignored); 25 days
    const r = cmeAnnualisedBasis(
      [cmeDay('2025-12-01', 90_900)],
      [bar('2025-12-01', 90_000)],
      [{ date: '2025-12-01', value: 1_800 }],
    );
    expect(r.spotSource).toBe('cme-basis');
    expect(r.spotPrice).toBe(89_100);
    expect(r.annualisedBasis).toBeCloseTo((90_900 / 89_100 - 1) * (365 / 25), 12);
  });

  it('does not annualise within minDaysToExpiry of expiry', () => {
    const r = cmeAnnualisedBasis([cmeDay('2025-12-22', 90_900)], [bar('2025-12-22', 90_000)], []);
    expect(r.daysToExpiry).toBe(4);
    expect(r.nearExpiry).toBe(true);
    expect(r.annualisedBasis).toBeNull();
    const loose = cmeAnnualisedBasis([cmeDay('2025-12-22', 90_900)], [bar('2025-12-22', 90_000)], [], {
      minDaysToExpiry: 1,
    });
    expect(loose.annualisedBasis).toBeCloseTo(0.01 * (365 / 4), 12);
  });
});

describe('cmeAnnualisedBasisSeries (the chart of the table figure)', () => {
  it('gives each CME day its annualised basis, skipping near-expiry and unpriced days', () => {
    const cme = [
      cmeDay('2025-12-01', 90_900), // spot 90,000, 25 days → 0.146
      cmeDay('2025-12-02', 91_000), // no spot, no basis → gap
      cmeDay('2025-12-03', 92_000), // basis 460 → S 91,540; 23 days
      cmeDay('2025-12-22', 90_900), // 4 days to expiry → left out
    ];
    const spot = [bar('2025-12-01', 90_000), bar('2025-12-03', 91_000), bar('2025-12-22', 90_000)];
    const series = cmeAnnualisedBasisSeries(cme, spot, [{ date: '2025-12-03', value: 460 }]);
    expect(series.map((p) => p.date)).toEqual(['2025-12-01', '2025-12-03']);
    expect(series[0]!.value).toBeCloseTo(0.146, 12);
    expect(series[1]!.value).toBeCloseTo((92_000 / 91_540 - 1) * (365 / 23), 12);
    // its last point is the single figure when that day is not near expiry
    const upToThird = cmeAnnualisedBasis(cme.slice(0, 3), spot, [{ date: '2025-12-03', value: 460 }]);
    expect(upToThird.annualisedBasis).toBeCloseTo(series[1]!.value, 12);
  });
});
