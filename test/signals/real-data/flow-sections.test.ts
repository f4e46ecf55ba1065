// Readings on the real exports in /work/shared/data (skipped when absent): the Nov–Dec 2025 BTC ETF
// outflow, the early-Jan 2026 two-way flows, the 2025-10-10 perp flush.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import type { MarketEvent } from '../../../src/domain/events.js';
import type { CmeDay, DatedValue, FundFlow, MarketSeries } from '../../../src/domain/market-series.js';
import { etfFlowsSection } from '../../../src/signals/sections/etf-flows-section.js';
import { eventsSection } from '../../../src/signals/sections/events-section.js';
import { wavesSection } from '../../../src/signals/sections/waves-section.js';
import { eventsCalendarCsv } from '../../../src/sources/events/events-csv.js';
import { FUNDS } from '../../../src/domain/etf-funds.js';
import { COINS_PER_CONTRACT } from '../../../src/domain/cme-contracts.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';
import { SHARED_DATA_DIR } from '../../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;

/** Minimal reader for these unquoted CSVs: header → rows of cells. */
function readCsv(relative: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(resolve(SHARED, relative), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function column(relative: string, name: string, scale = 1): DatedValue[] {
  const { header, rows } = readCsv(relative);
  const k = header.indexOf(name);
  return rows
    .filter((r) => r[k] !== undefined && r[k] !== '')
    .map((r) => ({ date: r[0]!, value: Number(r[k]) * scale }));
}

function loadBtc(asOf: string): MarketSeries {
  const { header, rows } = readCsv('etf_flows/farside_btc_etf_flows__daily.csv');
  const issuerOf = new Map(FUNDS.filter((f) => f.asset === 'BTC').map((f) => [f.ticker, f.issuer]));
  const etfFlows: FundFlow[] = [];
  for (const r of rows) {
    for (let k = 1; k < header.length; k++) {
      const fund = header[k]!;
      if (fund === 'Total' || r[k] === undefined || r[k] === '') continue;
      etfFlows.push({ date: r[0]!, fund, issuer: issuerOf.get(fund) ?? fund, netFlowUsd: Number(r[k]) * 1e6 });
    }
  }
  const aum = readCsv('etf_flows/Bitcoin ETFs AUM.csv');
  const etfAumUsd = aum.rows.map((r) => ({
    date: r[0]!,
    value: r.slice(1).reduce((a, c) => a + (c === '' ? 0 : Number(c)), 0),
  }));
  const cmeCsv = readCsv('cme/CME_BTC_front_month_futures__daily.csv');
  // TradingView dates the session by its opening (UTC) day: trade date = file date + 1.
  const cme: CmeDay[] = cmeCsv.rows
    .filter((r) => r[6] !== '' && r[0]! >= '2024-01-01')
    .map((r) => ({
      date: addDays(r[0]!, 1),
      open: Number(r[1]),
      high: Number(r[2]),
      low: Number(r[3]),
      close: Number(r[4]),
      volumeUsd: null,
      volumeUnits: Number(r[5]),
      openInterestContracts: Number(r[6]),
      coinsPerContract: COINS_PER_CONTRACT['BTC/front'],
    }));
  const spotCsv = readCsv('ohlcv/Bitcoin Price & Volume - Spot, All Exchanges, BTC-USD - Day.csv');
  const spot = spotCsv.rows
    .filter((r) => r[0]! >= '2024-01-01' && r[4] !== '')
    .map((r) => ({
      date: r[0]!,
      open: Number(r[1]),
      high: Number(r[2]),
      low: Number(r[3]),
      close: Number(r[4]),
      volumeUsd: null,
      volumeUnits: Number(r[5]),
    }));
  const upTo = <T extends { date: string }>(xs: readonly T[]): T[] => xs.filter((x) => x.date <= asOf);
  return emptyMarketSeries({
    asOf,
    etfFlows: upTo(etfFlows),
    etfAumUsd: upTo(etfAumUsd),
    openInterestUsd: upTo(
      column('derivatives/Bitcoin Open Interest - All Exchanges, All Symbol - Day.csv', 'Open Interest').filter(
        (d) => d.date >= '2024-01-01',
      ),
    ),
    cme: upTo(cme),
    spot: upTo(spot),
  });
}

/** The shipped calendar, parsed by the calendar importer. */
function calendar(): MarketEvent[] {
  const path = resolve(process.cwd(), 'data/events/calendar.csv');
  return (
    eventsCalendarCsv.parse({ path, text: readFileSync(path, 'utf8') } as Parameters<typeof eventsCalendarCsv.parse>[0])
      .events ?? []
  );
}

describe.skipIf(!existsSync(SHARED))('flow signals on the real BTC data', () => {
  it('reads one-way outflow in Nov 2025 and two-way flows in early Jan 2026', () => {
    const readings = new Map<string, ReturnType<typeof etfFlowsSection>>();
    for (const asOf of [
      '2025-10-31',
      '2025-11-10',
      '2025-11-21',
      '2025-11-26',
      '2025-12-05',
      '2025-12-19',
      '2025-12-31',
      '2026-01-07',
      '2026-01-12',
      '2026-01-16',
    ]) {
      const s = etfFlowsSection(loadBtc(asOf));
      readings.set(asOf, s);
      if (asOf === '2026-01-07') for (const e of s.evidence) console.log(e.text);
      console.log(
        asOf,
        s.regime,
        s.directionality?.toFixed(3),
        `${s.outflowDays}/${s.days}`,
        s.flowPctOfAum?.toFixed(2),
        s.runsTest?.z.toFixed(2),
        'cp:',
        s.changePoints.slice(-3).join(' '),
      );
    }
    for (const asOf of ['2025-11-10', '2025-11-21', '2025-11-26'])
      expect(readings.get(asOf)!.regime).toBe('one-way-outflow');
    for (const asOf of ['2026-01-07', '2026-01-12']) {
      expect(readings.get(asOf)!.regime).toBe('two-way');
      expect(Math.abs(readings.get(asOf)!.directionality!)).toBeLessThan(0.1);
    }
    // Spot check against SOURCES.md: 2026-01-05 +697.2, 01-06 −243.2, 01-07 −486.1 (US$m) are in the 01-07 window
    const jan7 = readings.get('2026-01-07')!;
    expect(jan7.windowTo).toBe('2026-01-07');
    expect(jan7.issuers.length).toBeGreaterThan(3);
    expect(readings.get('2025-11-26')!.flowPctOfAum!).toBeLessThan(-1);
  });

  it('finds the Oct 2025 perp flush first, with ETF holders following weeks later', () => {
    const w = wavesSection(loadBtc('2026-01-09'));
    console.log(JSON.stringify(w.waves.filter((x) => x.start >= '2025-06-01')), w.order, JSON.stringify(w.leadLagDays));
    for (const e of w.evidence) console.log(e.text);
    const perps = w.waves.find((x) => x.segment === 'perps' && x.confirmedOn === '2025-10-10');
    expect(perps).toBeDefined();
    // 45.6 → 34.2 bn USD in a day; counted in coins (price fell too) and valued at the trough: ~$9.2B
    expect(perps!.size).toBeGreaterThan(7e9);
    expect(w.order[0]).toBe('perps');
    const etf = w.leadLagDays.find((l) => l.follower === 'etf')!;
    expect(etf.days).toBeGreaterThanOrEqual(14);
    expect(w.cryptoNativeLed).toBe(true);
  });

  it('event studies on the shipped calendar: the 2025-10-10 flush is an abnormal OI drop', () => {
    const m = { ...loadBtc('2026-01-30'), events: calendar() };
    const s = eventsSection(m);
    for (const e of s.evidence) console.log(e.text);
    const flush = s.events.find((e) => e.id === 'record-liquidations-2025-10-10')!;
    const oi = flush.study!.openInterestChangeUsd!;
    expect(oi.car).toBeLessThan(-8e9); // measured −$9.86B over [−1, +10], t = −3.13
    expect(oi.tStat!).toBeLessThan(-2);
    // the MSCI decision of 2026-01-06 is studied with data up to asOf only
    const msci = s.events.find((e) => e.id === 'msci-dat-decision-2026-01-06')!;
    expect(msci.study!.etfNetFlowUsd!.abnormal.every((a) => a.date <= '2026-01-30')).toBe(true);
    // an event is not visible before it is known
    expect(
      eventsSection({ ...loadBtc('2026-01-05'), events: calendar() }).events.some(
        (e) => e.id === 'msci-dat-decision-2026-01-06',
      ),
    ).toBe(false);
  });
});
