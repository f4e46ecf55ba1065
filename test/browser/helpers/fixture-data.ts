// Deterministic stand-in data for the browser tests while the real server/simulator are absent:
// seeded daily series for every dataset the dashboard draws, and an Analysis whose phase depends
// on the as-of date (uptrend before 2025-10-10, trend-decline until 2025-12-31, bottoming after).
import type { Analysis, PhaseLabel } from '../../../src/domain/analysis.js';

export interface WideTable {
  readonly columns: string[];
  readonly rows: (string | number | null)[][];
}

const FIRST_DAY = '2025-01-01';
const LAST_DAY = '2026-01-31';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

const isWeekday = (date: string): boolean => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** The fixture price path: rises to October 2025, falls to December, then steadies. */
function pricePath(asset: string): Map<string, number> {
  const rnd = lcg(asset === 'BTC' ? 7 : 11);
  const base = asset === 'BTC' ? 90_000 : 3_000;
  const out = new Map<string, number>();
  let p = base;
  for (const d of days(FIRST_DAY, LAST_DAY)) {
    const drift = d < '2025-10-10' ? 0.0012 : d < '2025-12-20' ? -0.004 : 0.0005;
    p *= 1 + drift + (rnd() - 0.5) * 0.03;
    out.set(d, p);
  }
  return out;
}

/** Wide rows of `dataset` for `asset`, dates within [from, to] and ≤ asOf. */
export function fixtureSeries(
  dataset: string,
  asset: string,
  from = FIRST_DAY,
  to = LAST_DAY,
  asOf = LAST_DAY,
): WideTable | null {
  const last = to < asOf ? to : asOf;
  const dates = days(from < FIRST_DAY ? FIRST_DAY : from, last > LAST_DAY ? LAST_DAY : last);
  const price = pricePath(asset);
  const rnd = lcg(dataset.length * 31 + (asset === 'BTC' ? 1 : 2));
  const rows: (string | number | null)[][] = [];
  switch (dataset) {
    case 'spot':
      for (const d of dates) {
        const c = price.get(d) ?? 0;
        rows.push([d, 'coinbase', c * 0.99, c * 1.02, c * 0.97, c, 1000 + rnd() * 500, (1 + rnd()) * 2e9]);
      }
      return { columns: ['date', 'venue', 'open', 'high', 'low', 'close', 'volume_coins', 'volume_usd'], rows };
    case 'perp':
      for (const d of dates) {
        const c = price.get(d) ?? 0;
        for (const venue of ['binance', 'bybit']) {
          const oi = (c / 90_000) * (d < '2025-10-10' ? 2.2e10 : 1.5e10) * (0.9 + rnd() * 0.2);
          rows.push([d, venue, oi, (rnd() - 0.4) * 0.0003, rnd() * 5e7, rnd() * 3e7]);
        }
      }
      return {
        columns: [
          'date',
          'venue',
          'open_interest_usd',
          'funding_rate8h',
          'long_liquidations_usd',
          'short_liquidations_usd',
        ],
        rows,
      };
    case 'etf-flows':
      for (const d of dates.filter(isWeekday)) {
        for (const fund of ['IBIT', 'FBTC', 'GBTC', 'ARKB', 'BITB']) {
          const sign = d < '2025-10-10' ? 0.7 : d < '2025-12-31' ? 0.35 : 0.5;
          rows.push([d, fund, (rnd() < sign ? 1 : -1) * rnd() * (fund === 'IBIT' ? 4e8 : 1e8)]);
        }
      }
      return { columns: ['date', 'fund', 'net_flow_usd'], rows };
    case 'cme':
      for (const d of dates.filter(isWeekday))
        rows.push([d, 'front', (price.get(d) ?? 0) * 1.01, 1.2e10 * (0.9 + rnd() * 0.2)]);
      return { columns: ['date', 'contract', 'close', 'open_interest_usd'], rows };
    case 'cme-basis':
      for (const d of dates.filter(isWeekday)) rows.push([d, 'front-spot', (price.get(d) ?? 0) * 0.01 * rnd()]);
      return { columns: ['date', 'pair', 'basis_usd'], rows };
    case 'cot':
      for (const d of dates.filter((x) => new Date(`${x}T00:00:00Z`).getUTCDay() === 2)) {
        rows.push([d, 'tff', -10_000 - rnd() * 5000, 8000 + rnd() * 3000]);
      }
      return { columns: ['date', 'report', 'leveraged_funds_net_coins', 'asset_managers_net_coins'], rows };
    default:
      return null;
  }
}

/** The phase the fixture analysis states on `asOf`. */
export function fixturePhase(asOf: string): PhaseLabel {
  return asOf < '2025-10-10' ? 'uptrend' : asOf < '2025-12-31' ? 'trend-decline' : 'bottoming';
}

/** A complete Analysis for `asOf`/`asset` in the shape the real analysis produces. */
export function fixtureAnalysis(asOfRequested: string | undefined, asset: 'BTC' | 'ETH'): Analysis {
  const asOf = asOfRequested ?? '2026-01-30';
  const label = fixturePhase(asOf);
  const decline = label === 'trend-decline';
  const abnormal = Array.from({ length: 12 }, (_, i) => ({
    offset: i - 1,
    date: asOf,
    actual: 0,
    expected: 0,
    abnormal: (i % 3 === 0 ? -1 : 0.4) * 1e8 * (i + 1),
  }));
  return {
    asOf,
    asset,
    simulated: true,
    phase: {
      label,
      confidence: decline ? 0.72 : 0.55,
      evidence: [
        {
          signal: 'etfFlowRegime',
          text: `ETF flows were ${decline ? 'one-way out' : 'two-way'}: 7 of 10 days had outflows totalling $2.1B.`,
          value: -2.1e9,
          weight: decline ? -0.8 : 0.3,
        },
        {
          signal: 'oiPriceDivergence',
          text: 'Perp OI fell 31 % from its peak while price fell 18 %.',
          value: -0.31,
          weight: -0.5,
        },
        { signal: 'fundingRegime', text: 'Funding averaged 0.004 % per 8h, neutral.', value: 0.00004, weight: 0.1 },
      ],
      unusedEvidence: ['treasury mNAV: no data for MSTR'],
    },
    signals: {
      etfFlows: {
        regime: decline ? 'one-way-outflow' : 'two-way',
        directionality: decline ? -0.6 : 0.1,
        outflowShare: decline ? 0.7 : 0.45,
        window: 10,
        regimeHistory: days('2025-06-01', asOf).map((d) => ({
          date: d,
          regime:
            fixturePhase(d) === 'trend-decline'
              ? 'one-way-outflow'
              : fixturePhase(d) === 'uptrend'
                ? 'one-way-inflow'
                : 'two-way',
          directionality: 0,
        })),
      },
      positioning: {
        openInterestUsd: 3.1e10,
        oiChangePct: { d7: -5, d30: -18 },
        fundingRate8h: 0.00004,
        cme: { annualisedBasis: 0.06 },
      },
      liquidity: {
        selloffType: decline ? 'position-rebalancing' : 'none',
        selloffs: [
          {
            start: '2025-10-10',
            end: '2025-10-12',
            drawdownPct: -14.2,
            type: 'position-rebalancing',
            reasons: ['Volume rose 2.1× its median', 'Amihud stayed below 1.5× its median'],
          },
        ],
        amihud: 2.3e-12,
        corwinSchultzSpread: 0.0012,
        amihudSeries: days('2025-06-01', asOf).map((d, i) => ({
          date: d,
          value: 2.3e-12 * (1 + 0.3 * Math.sin(i / 9)),
        })),
        corwinSchultzSpreadSeries: days('2025-06-01', asOf).map((d, i) => ({
          date: d,
          value: 0.0012 * (1 + 0.2 * Math.cos(i / 7)),
        })),
      },
      divergence: {},
      events: [
        {
          id: 'msci-dat-consultation-2025-10-10',
          date: '2025-10-10',
          kind: 'index',
          title: 'MSCI consults on excluding digital-asset treasury companies',
          sourceUrl: 'https://www.msci.com/',
          instruments: ['BTC', 'MSTR'],
          knownAt: '2025-10-10T21:00:00Z',
          study: {
            etfNetFlowUsd: {
              model: 'constant-mean',
              eventDay: '2025-10-10',
              estimationDays: 50,
              abnormal,
              car: -3.2e8,
              tStat: -2.1,
              tPValue: 0.04,
              positiveDays: 4,
              signTestPValue: 0.3,
              truncated: false,
            },
            openInterestChangeUsd: null,
            spotReturn: null,
          },
        },
        {
          id: 'fomc-2025-12-10',
          date: '2025-12-10',
          kind: 'policy',
          title: 'FOMC decision',
          sourceUrl: 'https://www.federalreserve.gov/',
          instruments: ['BTC'],
          knownAt: '2025-12-10T19:00:00Z',
          study: null,
        },
      ].filter((e) => e.date <= asOf),
      trend: {},
      treasuries: {},
    },
    waves: [
      { segment: 'perps', start: '2025-10-10', end: '2025-10-20', size: 1.2e10, unit: 'USD' },
      { segment: 'etf', start: '2025-11-03', end: asOf < '2025-12-20' ? null : '2025-12-19', size: 4.5e9, unit: 'USD' },
      { segment: 'cme', start: '2025-10-15', end: '2025-11-30', size: 2.0e9, unit: 'USD' },
    ].filter((w) => w.start <= asOf),
    checklist: [
      { id: 'flows-two-way', met: !decline, text: 'ETF flows have turned two-way' },
      { id: 'oi-flushed', met: true, text: 'Perp open interest is at least 25 % below its peak' },
      { id: 'funding-neutral', met: true, text: 'Funding is neutral or negative' },
      { id: 'price-holds', met: false, text: 'Price holds above its 50-day low for 2 weeks' },
    ],
    // A partial analysis (several sections empty): the fallback for when the real server cannot start.
  } as unknown as Analysis;
}
