import { describe, expect, it } from 'vitest';
import { positioningSection } from '../../../src/signals/sections/positioning-section.js';
import type { CmeDay } from '../../../src/domain/market-series.js';
import { addDays } from '../../../src/domain/dates.js';
import { bar, barsFromCloses, daily, emptyMarketSeries } from '../../helpers/market-series.js';

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

describe('positioningSection', () => {
  it('reports every number null and lists what is missing for an empty series', () => {
    const s = positioningSection(emptyMarketSeries());
    expect(s.openInterestUsd).toBeNull();
    expect(s.oiChangePct).toEqual({ d1: null, d7: null, d30: null });
    expect(s.fundingAnnualised).toBeNull();
    expect(s.fundingRegime).toBeNull();
    expect(s.liquidations.longUsd).toBeNull();
    expect(s.oiPriceDivergence).toBeNull();
    expect(s.cme.annualisedBasis).toBeNull();
    expect(s.cme.positionProxy).toBeNull();
    expect(s.cot).toBeNull();
    expect(s.leverageRebuiltWithoutStress).toBeNull();
    expect(s.evidence).toEqual([]);
    expect(s.availability.available).toBe(false);
    expect(s.availability.missing).toEqual(
      expect.arrayContaining([
        'openInterestUsd',
        'fundingRate8h',
        'liquidations',
        'cmeOpenInterest',
        'cmeBasis',
        'cot',
      ]),
    );
  });

  it('cites OI and funding numbers in the evidence after a flush', () => {
    const oi = daily('2025-09-10', [...range(30, () => 45.6e9), 34.2e9]);
    const m = emptyMarketSeries({
      openInterestUsd: oi,
      fundingRate8h: daily(
        '2025-10-04',
        range(7, () => -0.00003),
      ),
      spot: barsFromCloses(
        '2025-09-10',
        range(31, () => 110_000),
      ),
    });
    const s = positioningSection(m);
    expect(s.oiPctFromPeak).toBeCloseTo(-25, 0);
    expect(s.oiChangePct.d1).toBeCloseTo((34.2 / 45.6 - 1) * 100, 10);
    expect(s.fundingAnnualised).toBeCloseTo(-0.03285, 10);
    expect(s.fundingRegime).toBe('negative');
    expect(s.oiPriceDivergence).toBe('oi-falling-price-holding');
    const texts = s.evidence.map((e) => e.text).join('\n');
    expect(texts).toContain('BTC perp OI $34.2B');
    expect(texts).toContain('−25.0% from its 30-day peak');
    expect(texts).toContain('Funding −0.0030% per 8h (annualised −3.3%)');
    expect(s.evidence.find((e) => e.signal === 'positioning.oiPriceDivergence')!.weight).toBe(1);
    expect(s.leverageRebuiltWithoutStress).toBe(false);
  });

  it('says leverage was rebuilt without stress when OI rises, funding is neutral and no spike', () => {
    const m = emptyMarketSeries({
      openInterestUsd: daily(
        '2025-11-01',
        range(31, (i) => 30e9 + i * 0.2e9),
      ), // +20 %
      fundingRate8h: daily(
        '2025-11-25',
        range(7, () => 0.0001),
      ),
      longLiquidationsUsd: daily(
        '2025-11-01',
        range(31, () => 50e6),
      ),
      shortLiquidationsUsd: daily(
        '2025-11-01',
        range(31, () => 50e6),
      ),
      spot: barsFromCloses(
        '2025-11-01',
        range(31, () => 100_000),
      ), // flat price: coins +20 % too
    });
    const s = positioningSection(m);
    expect(s.fundingRegime).toBe('neutral');
    expect(s.liquidations.spike).toBe(false);
    expect(s.oiCoinsChange30dPct).toBeCloseTo(20, 10);
    expect(s.leverageRebuiltWithoutStress).toBe(true);
  });

  it('does not call a price rise with flat positions leverage rebuilt (OI counted in coins)', () => {
    // OI USD +20 % only because the price rose 20 %: 300,000 coins throughout.
    const closes = range(31, (i) => 100_000 * (1 + (0.2 * i) / 30));
    const m = emptyMarketSeries({
      openInterestUsd: daily(
        '2025-11-01',
        closes.map((c) => 300_000 * c),
      ),
      fundingRate8h: daily(
        '2025-11-25',
        range(7, () => 0.0001),
      ),
      longLiquidationsUsd: daily(
        '2025-11-01',
        range(31, () => 50e6),
      ),
      shortLiquidationsUsd: daily(
        '2025-11-01',
        range(31, () => 50e6),
      ),
      spot: barsFromCloses('2025-11-01', closes),
    });
    const s = positioningSection(m);
    expect(s.oiChangePct.d30).toBeCloseTo(20, 10);
    expect(s.oiCoinsChange30dPct).toBeCloseTo(0, 10);
    expect(s.leverageRebuiltWithoutStress).toBe(false);
    expect(s.evidence.find((e) => e.signal === 'positioning.leverageRebuiltWithoutStress')!.text).toContain(
      'OI in coins 0.0% over 30 days',
    );
  });

  it('falls back to the leverage ratio when no spot close prices the OI, and is null with neither', () => {
    const base = {
      openInterestUsd: daily(
        '2025-11-01',
        range(31, (i) => 30e9 + i * 0.2e9),
      ),
      fundingRate8h: daily(
        '2025-11-25',
        range(7, () => 0.0001),
      ),
    };
    expect(positioningSection(emptyMarketSeries(base)).leverageRebuiltWithoutStress).toBeNull();
    const rising = positioningSection(
      emptyMarketSeries({
        ...base,
        leverageRatio: daily(
          '2025-11-01',
          range(31, (i) => 0.2 + i * 0.001),
        ),
      }),
    );
    expect(rising.oiCoinsChange30dPct).toBeNull();
    expect(rising.leverageChange30dPct).toBeCloseTo(15, 10);
    expect(rising.leverageRebuiltWithoutStress).toBe(true);
    const flat = positioningSection(
      emptyMarketSeries({
        ...base,
        leverageRatio: daily(
          '2025-11-01',
          range(31, () => 0.2),
        ),
      }),
    );
    expect(flat.leverageRebuiltWithoutStress).toBe(false);
  });

  it('computes CME OI in USD, its basis and position proxy', () => {
    const cme: CmeDay[] = range(40, (i) => ({
      ...bar(addDays('2025-11-01', i), 91_000 + i * 100),
      openInterestContracts: 10_000 + i * 10,
      coinsPerContract: 5,
    }));
    const spot = range(40, (i) => bar(addDays('2025-11-01', i), 90_000 + i * 100));
    const s = positioningSection(emptyMarketSeries({ cme, spot }));
    const last = cme[cme.length - 1]!;
    expect(s.cme.openInterestUsd).toBeCloseTo(last.openInterestContracts! * 5 * last.close, 6);
    // last trade date 2025-12-10 → expiry 2025-12-26 = 16 days; (94,900 / 93,900 − 1) × 365 / 16
    expect(s.cme.daysToExpiry).toBe(16);
    expect(s.cme.annualisedBasis).toBeCloseTo((94_900 / 93_900 - 1) * (365 / 16), 12);
    expect(s.cme.positionProxy).toBeGreaterThan(0); // OI added every week into a rising price
    expect(s.evidence.some((e) => e.signal === 'positioning.cmeBasis' && e.text.includes('26 Dec 2025 expiry'))).toBe(
      true,
    );
  });
});
