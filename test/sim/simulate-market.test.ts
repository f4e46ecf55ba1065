import { describe, expect, it } from 'vitest';
import { ANALYSED_ASSETS } from '../../src/domain/assets.js';
import { DATASETS, type DatasetName } from '../../src/domain/datasets.js';
import { addDays, dayOfWeek } from '../../src/domain/dates.js';
import { marketEventSchema } from '../../src/domain/events.js';
import { observationSchema, type Observation } from '../../src/domain/observation.js';
import { isUsTradingDay } from '../../src/domain/us-market-calendar.js';
import { FUNDS } from '../../src/domain/etf-funds.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { directionality } from '../../src/sim/stats.js';
import { maxDrawdown } from '../../src/sim/price-path.js';
import { MIN_SIMULATION_DAYS } from '../../src/sim/scenario.js';

const market = simulateMarket({ seed: 42 });
const { observations, truth } = market;

function series(dataset: DatasetName, field: string, asset: string, key?: string): Observation[] {
  return observations.filter(
    (o) => o.dataset === dataset && o.field === field && o.asset === asset && (key === undefined || o.key === key),
  );
}

describe('simulateMarket: shape and determinism', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const again = simulateMarket({ seed: 42 });
    expect(again.observations).toEqual(observations);
    expect(again.truth).toEqual(truth);
    const other = simulateMarket({ seed: 43 });
    expect(other.observations.length).toBeGreaterThan(0);
    const close = (m: typeof market): number[] =>
      m.observations
        .filter((o) => o.dataset === 'spot' && o.field === 'close' && o.asset === 'BTC')
        .map((o) => o.value);
    expect(close(other)).not.toEqual(close(market));
  });

  it('covers 3 years ending 2026-03-31 by default', () => {
    expect(truth.startDate).toBe('2023-04-01');
    expect(truth.endDate).toBe('2026-03-31');
    expect(truth.days).toHaveLength(1096);
  });

  it('produces only valid observations, with knownAt never before the market date', () => {
    for (const o of observations) {
      const parsed = observationSchema.safeParse(o);
      if (!parsed.success) throw new Error(`invalid observation ${JSON.stringify(o)}: ${parsed.error.message}`);
      expect(o.knownAt >= `${o.date}T`).toBe(true);
    }
    for (const e of market.events) expect(marketEventSchema.safeParse(e).success).toBe(true);
  });

  it('produces every dataset the engine reads, for both assets', () => {
    const needed: DatasetName[] = [
      'etf-flows',
      'etf-flows-total',
      'etf-aum',
      'etf-holdings',
      'spot',
      'perp',
      'cme',
      'cme-basis',
      'cot',
    ];
    for (const asset of ANALYSED_ASSETS)
      for (const d of needed)
        expect(
          observations.some((o) => o.dataset === d && o.asset === asset),
          `${d} ${asset}`,
        ).toBe(true);
    expect(series('treasury', 'coinsHeld', 'BTC', 'strategy').length).toBeGreaterThan(50);
    expect(series('treasury', 'mnav', 'BTC', 'strategy').length).toBeGreaterThan(700);
    for (const key of ['MSTR', 'SPY']) expect(series('equity', 'close', 'EQUITY', key).length).toBeGreaterThan(700);
    expect(series('equity-etf-flows', 'netFlowUsd', 'EQUITY', 'global')).toHaveLength(36);
    for (const f of ['open', 'high', 'low', 'close', 'volumeCoins', 'volumeUsd'])
      expect(series('spot', f, 'BTC', 'sim')).toHaveLength(1096);
    for (const f of [
      'openInterestUsd',
      'fundingRate8h',
      'leverageRatio',
      'longLiquidationsUsd',
      'shortLiquidationsUsd',
    ])
      expect(series('perp', f, 'ETH', 'all')).toHaveLength(1096);
    for (const f of Object.keys(DATASETS.cme.fields))
      expect(series('cme', f, 'BTC', 'front').length).toBeGreaterThan(700);
  });

  it('uses the real fund line-up with IBIT and ETHA the largest by flow', () => {
    for (const asset of ANALYSED_ASSETS) {
      const tickers = new Set(series('etf-flows', 'netFlowUsd', asset).map((o) => o.key));
      expect(tickers).toEqual(new Set(FUNDS.filter((f) => f.asset === asset).map((f) => f.ticker)));
      const abs = new Map<string, number>();
      for (const o of series('etf-flows', 'netFlowUsd', asset))
        abs.set(o.key, (abs.get(o.key) ?? 0) + Math.abs(o.value));
      const top = [...abs].sort((a, b) => b[1] - a[1])[0]![0];
      expect(top).toBe(asset === 'BTC' ? 'IBIT' : 'ETHA');
    }
  });

  it('generates 10 years (generic cycles before the episode) and refuses too short runs', () => {
    const long = simulateMarket({ seed: 7, years: 10 });
    expect(long.truth.days).toHaveLength(3653);
    expect(long.truth.phases[0]!.name).toBe('filler');
    expect(long.truth.flush.openInterestDrop.BTC).toBeGreaterThan(0.2);
    expect(() => simulateMarket({ days: MIN_SIMULATION_DAYS - 1 })).toThrow(RangeError);
    expect(() => simulateMarket({ endDate: '2026-02-30' })).toThrow(/not a YYYY-MM-DD/);
  });
});

describe('simulateMarket: calendars and point-in-time', () => {
  it('has ETF flows, CME and equities on US trading days only; crypto on every day', () => {
    for (const d of ['etf-flows', 'etf-flows-total', 'cme', 'cme-basis', 'equity'] as const) {
      const dates = new Set(observations.filter((o) => o.dataset === d).map((o) => o.date));
      for (const date of dates) expect(isUsTradingDay(date), `${d} on ${date}`).toBe(true);
    }
    const flowDates = new Set(series('etf-flows-total', 'netFlowUsd', 'BTC').map((o) => o.date));
    expect(flowDates.has('2025-12-25')).toBe(false);
    expect(flowDates.has('2025-04-18')).toBe(false); // Good Friday
    expect(flowDates.has('2025-12-24')).toBe(true);
    const spotDates = series('spot', 'close', 'BTC').map((o) => o.date);
    spotDates.forEach((d, i) => i > 0 && expect(d).toBe(addDays(spotDates[i - 1]!, 1)));
  });

  it('dates COT reports on Tuesdays, unknown before Friday 20:30 UTC (later in holiday and shutdown weeks)', () => {
    const cot = series('cot', 'openInterestCoins', 'BTC', 'tff-btc+micro');
    expect(cot.length).toBeGreaterThan(150);
    let onFriday = 0;
    for (const o of cot) {
      expect(dayOfWeek(o.date)).toBe(2);
      expect(o.knownAt >= `${addDays(o.date, 3)}T20:30:00.000Z`).toBe(true);
      if (o.knownAt === `${addDays(o.date, 3)}T20:30:00.000Z`) onFriday++;
    }
    // Most weeks publish on the Friday; holiday weeks and the 2025 shutdown backlog later.
    expect(onFriday / cot.length).toBeGreaterThan(0.7);
    expect(cot.find((o) => o.date === '2025-10-07')?.knownAt).toBe('2025-11-21T20:30:00.000Z');
  });

  it('makes ETF flows known the next morning and crypto bars at the next 00:00 UTC', () => {
    const flow = series('etf-flows', 'netFlowUsd', 'BTC', 'IBIT')[0]!;
    expect(flow.knownAt).toBe(`${addDays(flow.date, 1)}T02:00:00.000Z`);
    const bar = series('spot', 'close', 'ETH', 'sim')[5]!;
    expect(bar.knownAt).toBe(`${addDays(bar.date, 1)}T00:00:00.000Z`);
  });

  it('makes CME prices known at the settlement and volume/OI the next US trading day 15:00 UTC', () => {
    const close = series('cme', 'close', 'BTC', 'front');
    const oi = new Map(series('cme', 'openInterestContracts', 'BTC', 'front').map((o) => [o.date, o.knownAt]));
    const volume = new Map(series('cme', 'volumeContracts', 'BTC', 'front').map((o) => [o.date, o.knownAt]));
    const oiUsd = new Map(series('cme', 'openInterestUsd', 'BTC', 'front').map((o) => [o.date, o.knownAt]));
    let overWeekend = 0;
    for (const bar of close) {
      expect(bar.knownAt).toBe(`${bar.date}T22:00:00.000Z`);
      let next = addDays(bar.date, 1);
      while (!isUsTradingDay(next)) next = addDays(next, 1);
      if (dayOfWeek(bar.date) === 5) overWeekend++;
      const expected = `${next}T15:00:00.000Z`;
      expect([oi.get(bar.date), volume.get(bar.date), oiUsd.get(bar.date)]).toEqual([expected, expected, expected]);
    }
    expect(overWeekend).toBeGreaterThan(100);
    // Hand-checked: Friday 2025-10-10 → Monday 2025-10-13 (Columbus Day, NYSE open).
    expect(oi.get('2025-10-10')).toBe('2025-10-13T15:00:00.000Z');
  });

  it('keeps per-fund flows summing to the total and AUM consistent with holdings × price', () => {
    const total = new Map(series('etf-flows-total', 'netFlowUsd', 'BTC').map((o) => [o.date, o.value]));
    const sums = new Map<string, number>();
    for (const o of series('etf-flows', 'netFlowUsd', 'BTC')) sums.set(o.date, (sums.get(o.date) ?? 0) + o.value);
    for (const [date, v] of total) expect(Math.abs(sums.get(date)! - v)).toBeLessThan(1);
    const aum = new Map<string, number>();
    for (const o of series('etf-aum', 'aumUsd', 'BTC')) aum.set(o.date, (aum.get(o.date) ?? 0) + o.value);
    const holdings = new Map(series('etf-holdings', 'holdingsCoins', 'BTC').map((o) => [o.date, o.value]));
    const close = new Map(series('spot', 'close', 'BTC').map((o) => [o.date, o.value]));
    const date = '2025-06-04'; // a Wednesday: AUM valued at that day's close
    expect(aum.get(date)! / (holdings.get(date)! * close.get(date)!)).toBeCloseTo(1, 3);
    const saturday = '2025-06-07';
    expect(aum.get(saturday)).toBe(aum.get('2025-06-06')); // weekends carried forward
  });
});

describe('simulateMarket: planted properties', () => {
  const regimeOf = new Map(truth.days.map((d) => [d.date, d.flowRegime.BTC]));

  it('plants the leverage flush: OI −20–30 %, long liquidations spike, funding negative, price gap down', () => {
    for (const asset of ANALYSED_ASSETS) {
      const oi = series('perp', 'openInterestUsd', asset, 'all');
      const i = oi.findIndex((o) => o.date === truth.flush.date);
      const drop = 1 - oi[i]!.value / oi[i - 1]!.value;
      expect(drop).toBeGreaterThanOrEqual(0.2);
      expect(drop).toBeLessThanOrEqual(0.3);
      expect(truth.flush.openInterestDrop[asset]).toBeCloseTo(drop, 6);
      const liq = series('perp', 'longLiquidationsUsd', asset, 'all').map((o) => o.value);
      expect(liq[i]).toBe(Math.max(...liq));
      expect(series('perp', 'fundingRate8h', asset, 'all')[i]!.value).toBeLessThan(0);
      const close = series('spot', 'close', asset, 'sim');
      expect(close[i]!.value / close[i - 1]!.value).toBeLessThan(0.94);
    }
  });

  it('plants waves in order: perps flush, then the policy event, then ETF outflows with CME OI falling', () => {
    const btc = truth.waves.filter((w) => w.asset === 'BTC');
    expect(btc.map((w) => w.segment)).toEqual(['perps', 'etf', 'cme', 'etf']);
    const policy = truth.events.find((e) => e.id === 'sim-index-exclusion-consultation')!;
    expect(btc[0]!.start < policy.date).toBe(true);
    expect(policy.date < btc[1]!.start).toBe(true);
    expect(btc.every((w) => w.sizeUsd > 0)).toBe(true);
    expect(btc[2]!.sizeUsd).toBeGreaterThan(0); // CME OI in USD fell over the ETF wave
  });

  it('keeps 10-day directionality |D| > 0.6 in one-way windows and < 0.35 in two-way windows', () => {
    const flows = series('etf-flows-total', 'netFlowUsd', 'BTC');
    let oneWay = 0;
    let twoWay = 0;
    for (let i = 9; i < flows.length; i++) {
      const window = flows.slice(i - 9, i + 1);
      const regimes = new Set(window.map((o) => regimeOf.get(o.date)));
      if (regimes.size !== 1) continue;
      const d = directionality(window.map((o) => o.value));
      if (regimes.has('two-way')) {
        expect(Math.abs(d)).toBeLessThan(0.35);
        twoWay++;
      } else {
        expect(Math.abs(d)).toBeGreaterThan(0.6);
        expect(Math.sign(d)).toBe(regimes.has('one-way-inflow') ? 1 : -1);
        oneWay++;
      }
    }
    expect(oneWay).toBeGreaterThan(300);
    expect(twoWay).toBeGreaterThan(50);
  });

  it('makes the second decline a ~25 % drawdown with one-way outflows', () => {
    const closes = series('spot', 'close', 'BTC', 'sim');
    const from = closes.findIndex((o) => o.date === truth.secondDecline.start);
    const to = closes.findIndex((o) => o.date === truth.secondDecline.end);
    const dd = maxDrawdown(
      closes.map((o) => o.value),
      from - 1,
      to,
    );
    expect(dd).toBeGreaterThan(0.23);
    expect(dd).toBeLessThan(0.27);
  });

  it('plants one liquidity-failure sell-off: volume dries up, range and Amihud spike vs rebalancing sell-offs', () => {
    const closes = series('spot', 'close', 'BTC', 'sim');
    const highs = series('spot', 'high', 'BTC', 'sim');
    const lows = series('spot', 'low', 'BTC', 'sim');
    const volume = series('spot', 'volumeUsd', 'BTC', 'sim');
    const stats = (start: string, end: string): { amihud: number; range: number; volume: number } => {
      let amihud = 0;
      let range = 0;
      let vol = 0;
      let n = 0;
      closes.forEach((c, i) => {
        if (c.date < start || c.date > end || i === 0) return;
        amihud += Math.abs(Math.log(c.value / closes[i - 1]!.value)) / volume[i]!.value;
        range += (highs[i]!.value - lows[i]!.value) / c.value;
        vol += volume[i]!.value;
        n++;
      });
      return { amihud: amihud / n, range: range / n, volume: vol / n };
    };
    const selloffs = truth.selloffs.filter((s) => s.asset === 'BTC');
    const failures = selloffs.filter((s) => s.kind === 'liquidity-failure');
    expect(failures).toHaveLength(1);
    const failure = stats(failures[0]!.start, failures[0]!.end);
    const second = selloffs.filter((s) => s.kind === 'position-rebalancing' && s.start >= truth.secondDecline.start);
    for (const s of second) {
      const r = stats(s.start, s.end);
      expect(failure.amihud).toBeGreaterThan(2 * r.amihud);
      expect(failure.range).toBeGreaterThan(1.8 * r.range);
      expect(failure.volume).toBeLessThan(0.5 * r.volume);
    }
  });

  it('labels every day with a phase and lists the flow change points on trading days', () => {
    expect(new Set(truth.days.map((d) => d.phase))).toEqual(
      new Set(['uptrend', 'topping', 'trend-decline', 'bottoming']),
    );
    for (const cp of truth.flowChangePoints.BTC) {
      expect(isUsTradingDay(cp)).toBe(true);
      expect(regimeOf.get(cp)).not.toBe(regimeOf.get(addDays(cp, -4)));
    }
    expect(truth.flowChangePoints.BTC.length).toBeGreaterThanOrEqual(5);
  });
});

describe('simulateMarket: planted properties hold across seeds', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: flush within 20–30 %, directionality bounds, ~25 % second decline`, () => {
      const m = simulateMarket({ seed });
      const t = m.truth;
      for (const asset of ANALYSED_ASSETS) {
        expect(t.flush.openInterestDrop[asset]).toBeGreaterThanOrEqual(0.2);
        expect(t.flush.openInterestDrop[asset]).toBeLessThanOrEqual(0.3);
      }
      expect(t.secondDecline.drawdown.BTC).toBeCloseTo(0.25, 2);
      const regime = new Map(t.days.map((d) => [d.date, d.flowRegime.ETH]));
      const flows = m.observations.filter((o) => o.dataset === 'etf-flows-total' && o.asset === 'ETH');
      for (let i = 9; i < flows.length; i++) {
        const window = flows.slice(i - 9, i + 1);
        const regimes = new Set(window.map((o) => regime.get(o.date)));
        if (regimes.size !== 1) continue;
        const d = Math.abs(directionality(window.map((o) => o.value)));
        if (regimes.has('two-way')) expect(d).toBeLessThan(0.35);
        else expect(d).toBeGreaterThan(0.6);
      }
    });
  }
});

describe('ground truth waves', () => {
  it('numbers the waves 1..4 per asset, in start-date order', () => {
    for (const asset of ANALYSED_ASSETS) {
      const waves = truth.waves.filter((w) => w.asset === asset);
      expect(waves.map((w) => w.order)).toEqual([1, 2, 3, 4]);
      const starts = waves.map((w) => w.start);
      expect([...starts].sort()).toEqual(starts);
    }
  });
});
