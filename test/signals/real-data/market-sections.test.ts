// Sanity checks of the positioning, liquidity, trend and treasury sections on the real exports in
// /work/shared/data; skipped when the directory is absent.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import type { MarketSeries } from '../../../src/domain/market-series.js';
import { cmeAnnualisedBasis } from '../../../src/signals/annualised-basis.js';
import { liquiditySection } from '../../../src/signals/sections/liquidity-section.js';
import { positioningSection } from '../../../src/signals/sections/positioning-section.js';
import { treasuriesSection } from '../../../src/signals/sections/treasuries-section.js';
import { trendSection } from '../../../src/signals/sections/trend-section.js';
import { median } from '../../../src/signals/stats/median.js';
import { emptyMarketSeries } from '../../helpers/market-series.js';
import { header, readCme, readCot, readDated, readSpot, SHARED } from '../../helpers/shared-data.js';

const D = 'derivatives/';
const L = 'liquidations/';
const SPOT = 'ohlcv/Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv';
const CME = 'cme/CME_BTC_front_month_futures__daily.csv';
// TradingView futures-minus-spot, dated like the CME bars by session-open day (shifted to trade date below)
const BASIS = 'cme/CME_BTC_futures_minus_SPOT_BTC_basis__daily.csv';
const MNAV = 'mstr/BTC DATs- Fully Diluted EV NAV.csv';
const COUNT = 'mstr/BTC DATs - Bitcoin Count.csv';

function btcAsOf(asOf: string): MarketSeries {
  return emptyMarketSeries({
    asOf,
    spot: readSpot(SPOT, asOf),
    openInterestUsd: readDated(`${D}Bitcoin Open Interest - All Exchanges, All Symbol - Day.csv`, 1, asOf),
    // CryptoQuant quotes percent per 8h: divide by 100 for a fraction
    fundingRate8h: readDated(`${D}Bitcoin Funding Rates - All Exchanges - Day.csv`, 1, asOf, 0.01),
    leverageRatio: readDated(`${D}Bitcoin Estimated Leverage Ratio - All Exchanges - Day.csv`, 1, asOf),
    longLiquidationsUsd: readDated(`${L}Bitcoin Long Liquidations USD - All Exchanges, All Symbol - Day.csv`, 1, asOf),
    shortLiquidationsUsd: readDated(
      `${L}Bitcoin Short Liquidations USD - All Exchanges, All Symbol - Day.csv`,
      1,
      asOf,
    ),
    cme: readCme(CME, asOf, 5),
    cot: readCot(asOf),
    cmeBasisUsd: readDated(BASIS, 1, addDays(asOf, -1)).map((p) => ({ date: addDays(p.date, 1), value: p.value })),
  });
}

describe.skipIf(!existsSync(SHARED))('positioning/liquidity/trend/treasuries on real BTC data', () => {
  it('flags 2025-10-10 as a liquidation spike with OI −25 % from its peak', () => {
    const s = positioningSection(btcAsOf('2025-10-10'));
    console.log('2025-10-10 positioning:', s.evidence.map((e) => e.text).join('\n  '));
    expect(s.openInterestDate).toBe('2025-10-10');
    expect(s.oiChangePct.d1!).toBeCloseTo(-24.95, 1); // 45.61 bn → 34.23 bn in a day
    expect(s.oiPctFromPeak!).toBeLessThan(-24);
    expect(s.liquidations.spike).toBe(true);
    expect(s.liquidations.multipleOfMedian!).toBeGreaterThan(5);
    expect(s.leverageRebuiltWithoutStress).toBe(false);
    expect(s.cot!.date).toBe('2025-10-07'); // the Tuesday report published Friday 10-10
    expect(s.cme.positionProxySource).toBe('cftc-total-oi');
  });

  it('keeps the CME annualised basis in a plausible range', () => {
    const spot = readSpot(SPOT, '2026-01-31');
    const cme = readCme(CME, '2026-01-31', 5);
    const basis = readDated(BASIS).map((p) => ({ date: addDays(p.date, 1), value: p.value }));
    const values: number[] = [];
    for (let i = 0; i < cme.length; i += 1) {
      const day = cme[i]!;
      if (day.date < '2024-01-01') continue;
      const r = cmeAnnualisedBasis(cme.slice(0, i + 1), spot, basis);
      if (r.annualisedBasis !== null && r.date === day.date) values.push(r.annualisedBasis);
    }
    const medianBasis = median(values);
    const inRange = values.filter((v) => v > -0.2 && v < 0.4).length / values.length;
    console.log(
      `CME basis 2024-01..2026-01: n=${values.length}, median ${(medianBasis * 100).toFixed(1)}%/yr, ${(inRange * 100).toFixed(1)}% within −20..+40 %`,
    );
    expect(values.length).toBeGreaterThan(300);
    expect(medianBasis).toBeGreaterThan(0);
    expect(medianBasis).toBeLessThan(0.25);
    expect(inRange).toBeGreaterThan(0.9);
  });

  it('reads the trend and liquidity as of 2026-01-15', () => {
    const m = btcAsOf('2026-01-15');
    const t = trendSection(m);
    const l = liquiditySection(m);
    console.log('2026-01-15 trend:', t.evidence.map((e) => e.text).join('\n  '));
    console.log('2026-01-15 liquidity:', l.evidence.map((e) => e.text).join('\n  '));
    console.log(
      'sell-offs since 2025-09:',
      l.selloffs
        .filter((s) => s.start >= '2025-09-01')
        .map((s) => `${s.start}→${s.end} ${s.drawdownPct.toFixed(1)}% ${s.type} [${s.reasons.join('; ')}]`)
        .join('\n  '),
    );
    expect(t.peakDate! >= '2025-10-01' && t.peakDate! <= '2025-10-10').toBe(true);
    expect(t.drawdownFromPeakPct!).toBeLessThan(-15);
    expect(t.aboveSma200).toBe(false);
    expect(l.amihud).not.toBeNull();
    expect(l.selloffs.some((s) => s.start >= '2025-10-01' && s.start <= '2025-11-30')).toBe(true);
  });

  it('reads Strategy mNAV near 1.1 in December 2025', () => {
    const names = header(MNAV).slice(1);
    const counts = header(COUNT);
    const treasuries = names.map((name, i) => {
      const company = name.replace(/ - Fully Diluted EV \/ Nav$/, '');
      const countColumn = counts.findIndex((c) => c.startsWith(`${company} - `));
      return {
        company,
        mnav: readDated(MNAV, i + 1, '2025-12-15'),
        coinsHeld: countColumn > 0 ? readDated(COUNT, countColumn, '2025-12-15') : [],
      };
    });
    const s = treasuriesSection(emptyMarketSeries({ treasuries }));
    console.log('2025-12-15 treasuries:', s.evidence.map((e) => e.text).join('\n  '));
    expect(s.strategyMnav!).toBeGreaterThan(0.9);
    expect(s.strategyMnav!).toBeLessThan(1.3);
    expect(s.premiumCompressed).toBe(true);
    expect(s.companies.find((c) => c.company === 'Strategy')!.coinsHeld!).toBeGreaterThan(600_000);
  });
});
