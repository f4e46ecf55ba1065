import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, timestampOn } from '../../../src/domain/dates.js';
import type { MarketEvent } from '../../../src/domain/events.js';
import type { FundFlow } from '../../../src/domain/market-series.js';
import { usTradingDays } from '../../../src/domain/us-market-calendar.js';
import { divergenceSection } from '../../../src/signals/sections/divergence-section.js';
import { etfFlowsSection } from '../../../src/signals/sections/etf-flows-section.js';
import { eventsSection } from '../../../src/signals/sections/events-section.js';
import { wavesSection } from '../../../src/signals/sections/waves-section.js';
import { emptyMarketSeries, seededNormal } from './helpers.js';

const tradingDays = usTradingDays('2025-08-01', '2025-12-31');
/** 2 funds; inflows until 2025-10-31, then outflows. */
function flows(): FundFlow[] {
  const normal = seededNormal(3);
  const out: FundFlow[] = [];
  for (const date of tradingDays) {
    const drift = date <= '2025-10-31' ? 150e6 : -200e6;
    out.push({ date, fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: drift * 0.7 + 60e6 * normal() });
    out.push({ date, fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: drift * 0.3 + 30e6 * normal() });
  }
  return out;
}

describe('etfFlowsSection', () => {
  it('reads one-way outflow in December with evidence and change points, never past asOf', () => {
    const m = emptyMarketSeries({
      asOf: '2025-12-15',
      etfFlows: flows(),
      etfAumUsd: [{ date: '2025-11-28', value: 120e9 }],
    });
    const s = etfFlowsSection(m, { window: 10 });
    expect(s.regime).toBe('one-way-outflow');
    expect(s.directionality).toBeLessThan(-0.6);
    expect(s.days).toBe(10);
    expect(s.windowTo).toBe('2025-12-15');
    expect(s.outflowDays).toBeGreaterThanOrEqual(9);
    expect(s.flowPctOfAum).toBeCloseTo((100 * s.netFlowUsd) / 120e9, 12);
    expect(s.issuers[0]!.issuer).toBe('BlackRock');
    expect(s.weeklyNetFlowsUsd.length).toBe(12);
    expect(s.weeklyNetFlowsUsd[s.weeklyNetFlowsUsd.length - 1]!.weekEnding).toBe('2025-12-19');
    expect(s.consecutivePositiveWeeks).toBe(0);
    // the planted switch on 2025-11-03 is found within a few trading days, using data up to then
    const hit = s.changePoints.find((d) => d >= '2025-11-03');
    expect(hit).toBeDefined();
    expect(hit! <= '2025-11-07').toBe(true);
    expect(s.evidence.find((e) => e.signal === 'etf-flow-regime')!.text).toMatch(
      /^10-day BTC ETF flows one-way out: D = −[01]\.\d\d .* of 10 days outflow/,
    );
    expect(s.evidence.find((e) => e.signal === 'etf-flow-regime')!.weight).toBe(-1);
    expect(s.availability).toEqual({ available: true, missing: [] });
    expect(s.regimeHistory!.length).toBeGreaterThan(0);
  });

  it('flipping every flow flips the regime', () => {
    const flipped = flows().map((f) => ({ ...f, netFlowUsd: -f.netFlowUsd }));
    const s = etfFlowsSection(emptyMarketSeries({ asOf: '2025-12-15', etfFlows: flipped }));
    expect(s.regime).toBe('one-way-inflow');
  });

  it('reports missing flows instead of inventing them', () => {
    const s = etfFlowsSection(emptyMarketSeries());
    expect(s.regime).toBeNull();
    expect(s.directionality).toBeNull();
    expect(s.runsTest).toBeNull();
    expect(s.changePoints).toEqual([]);
    expect(s.evidence).toEqual([]);
    expect(s.availability.available).toBe(false);
    expect(s.availability.missing).toContain('etfFlows');
  });
});

describe('divergenceSection', () => {
  it('uses the equity cadence and names selective crypto de-risking', () => {
    const m = emptyMarketSeries({
      asOf: '2025-12-31',
      etfFlows: flows(),
      equityEtfFlowsUsd: [
        { date: '2025-09-30', value: 40e9 },
        { date: '2025-10-31', value: 60e9 },
        { date: '2025-11-30', value: 96e9 },
        { date: '2025-12-31', value: 235e9 },
      ],
    });
    const s = divergenceSection(m);
    expect(s.kind).toBe('selective-crypto-derisking');
    expect(s.periodTo).toBe('2025-12-31');
    expect(s.cadenceDays).toBe(31);
    expect(s.selectiveStreak).toBe(2);
    expect(s.history.map((h) => h.kind)).toEqual([
      'broad-risk-on',
      'selective-crypto-derisking',
      'selective-crypto-derisking',
    ]);
    expect(s.evidence[0]!.weight).toBeLessThan(0);
    expect(divergenceSection(emptyMarketSeries()).availability.missing).toContain('equityEtfFlowsUsd');
  });
});

describe('eventsSection', () => {
  const event = (id: string, date: string, knownAt: string): MarketEvent => ({
    id,
    date,
    kind: 'market',
    title: id,
    sourceUrl: 'https://example.org/x',
    instruments: ['BTC'],
    knownAt,
  });

  it('studies events known by asOf only, and truncates at asOf', () => {
    const m = emptyMarketSeries({
      asOf: '2025-11-06',
      etfFlows: flows(),
      events: [
        event('switch-2025-11-03', '2025-11-03', timestampOn('2025-11-03', 0, 21)),
        event('future-2025-11-20', '2025-11-20', timestampOn('2025-11-20')),
        event('early-2025-08-04', '2025-08-04', timestampOn('2025-08-04')),
      ],
    });
    const s = eventsSection(m);
    expect(s.events.map((e) => e.id)).toEqual(['early-2025-08-04', 'switch-2025-11-03']);
    expect(s.events[0]!.study).toBeNull(); // no estimation window before 2025-08-04
    const flow = s.events[1]!.study!.etfNetFlowUsd!;
    expect(flow.truncated).toBe(true);
    expect(flow.abnormal[flow.abnormal.length - 1]!.date).toBe('2025-11-06');
    expect(flow.car).toBeLessThan(0);
    expect(flow.tStat!).toBeLessThan(-2);
    expect(s.events[1]!.study!.spotReturn).toBeNull();
    expect(s.evidence[0]!.text).toMatch(/switch-2025-11-03 \(2025-11-03\): abnormal ETF flow −\$\d/);
    expect(s.availability.missing).toEqual(['openInterestUsd', 'spot']);
  });
});

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
      etfFlows: flows(),
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
