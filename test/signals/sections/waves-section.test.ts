// The waves section: perps, CME and ETF de-risking waves, their order and lead-lag.
import { plantedEtfFlows } from '../../helpers/planted-etf-flows.js';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../src/domain/dates.js';
import { wavesSection } from '../../../src/signals/sections/waves-section.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';

describe('wavesSection', () => {
  it('finds perps first, then CME and ETF, with lead-lag in days', () => {
    const days = Array.from({ length: 120 }, (_, i) => addDays('2025-09-01', i));
    const perp = days.map((date) => ({ date, value: date < '2025-10-10' ? 45e9 : date < '2025-10-20' ? 33e9 : 34e9 }));
    const cme = days.map((date) => {
      const oi = date < '2025-11-05' ? 20_000 : date < '2025-11-20' ? 14_000 : 15_000;
      return {
        date,
        open: 1e5,
        high: 1e5,
        low: 1e5,
        close: 1e5,
        volumeUsd: null,
        volumeUnits: null,
        openInterestContracts: oi,
        coinsPerContract: 5,
      };
    });
    // The CFTC's weekly total OI (Tuesdays) is what CME waves are read from when it is present.
    const cot = days
      .filter((date) => new Date(`${date}T00:00:00Z`).getUTCDay() === 2)
      .map((date) => ({
        date,
        openInterestCoins: 5 * (date < '2025-11-05' ? 20_000 : date < '2025-11-20' ? 14_000 : 15_000),
        leveragedFundsNetCoins: 0,
        assetManagersNetCoins: 0,
        dealersNetCoins: 0,
      }));
    const m = emptyMarketSeries({
      asOf: '2025-12-29',
      openInterestUsd: perp,
      cme,
      cot,
      etfFlows: plantedEtfFlows(),
      etfAumUsd: [{ date: '2025-09-01', value: 120e9 }],
    });
    const s = wavesSection(m);
    expect(s.cmeLevelSource).toBe('cftc-total-open-interest');
    const perps = s.waves.filter((w) => w.segment === 'perps');
    expect(perps).toHaveLength(1);
    expect(perps[0]!.start).toBe('2025-10-09');
    expect(perps[0]!.size).toBe(12e9);
    expect(perps[0]!.end).toBe('2025-10-10');
    const etf = s.waves.filter((w) => w.segment === 'etf');
    expect(etf).toHaveLength(1);
    expect(etf[0]!.start >= '2025-10-28' && etf[0]!.start <= '2025-11-03').toBe(true);
    expect(etf[0]!.end).toBeNull(); // outflows continue to asOf
    expect(s.waves.find((w) => w.segment === 'cme')!.start).toBe('2025-11-04');
    expect(s.waves.find((w) => w.segment === 'cme')!.confirmedOn).toBe('2025-11-11'); // the first report after the fall
    expect(s.waves.find((w) => w.segment === 'cme')!.size).toBe(30_000 * 1e5);
    expect(perps[0]!.confirmedOn).toBe('2025-10-10');
    // ETF outflows of ~$200M a day need ~9 trading days to pass 1.5 % of $120B; CME's −30 % shows in the next weekly report
    expect(s.order).toEqual(['perps', 'cme', 'etf']);
    expect(s.leadLagDays.map((l) => l.days)).toEqual([
      32,
      daysBetween('2025-10-10', s.waves.find((w) => w.segment === 'etf')!.confirmedOn),
    ]);
    expect(s.leadLagDays[0]!.leader).toBe('perps');
    expect(s.cryptoNativeLed).toBe(true);
    expect(s.ongoing).toEqual(['etf']);
    expect(s.evidence.some((e) => /crypto-native leverage led/.test(e.text))).toBe(true);
  });
});
