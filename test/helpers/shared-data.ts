// A small reader of the real CSV exports in /work/shared/data for the sanity tests of the
// positioning, liquidity, trend and treasury signals (the product's importers are not used, so
// these tests check the signals alone). Dates ascending; empty or non-numeric cells are skipped.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addDays } from '../../src/domain/dates.js';
import type { CmeDay, CotWeek, DailyBar, DatedValue } from '../../src/domain/market-series.js';
import { SHARED_DATA_DIR } from './shared-data-dir.js';

export const SHARED: string = SHARED_DATA_DIR;

function rows(relativePath: string): string[][] {
  const text = readFileSync(resolve(SHARED, relativePath), 'utf8');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(','));
}

const num = (cell: string | undefined): number | null => {
  if (cell === undefined || cell.trim() === '') return null;
  const v = Number(cell);
  return Number.isFinite(v) ? v : null;
};

/** Column `column` (0 = date) of a dated CSV as DatedValue, scaled, cut at `to` (inclusive). */
export function readDated(relativePath: string, column = 1, to = '9999-12-31', scale = 1): DatedValue[] {
  return rows(relativePath)
    .map((r) => ({ date: r[0]!, value: num(r[column]) }))
    .filter((p): p is DatedValue => p.value !== null && p.date <= to)
    .map((p) => ({ date: p.date, value: p.value * scale }));
}

/** CryptoQuant spot bars (date, Open, High, Low, Close, Volume in coins), cut at `to`. */
export function readSpot(relativePath: string, to: string): DailyBar[] {
  return rows(relativePath)
    .filter((r) => r[0]! <= to && num(r[4]) !== null)
    .map((r) => ({
      date: r[0]!,
      open: num(r[1])!,
      high: num(r[2])!,
      low: num(r[3])!,
      close: num(r[4])!,
      volumeUsd: null,
      volumeUnits: num(r[5]),
    }));
}

/** TradingView CME bars, shifted from session-open date D to trade date D+1, cut at trade date `to`. */
export function readCme(relativePath: string, to: string, coinsPerContract: number): CmeDay[] {
  return rows(relativePath)
    .map((r) => ({ r, date: addDays(r[0]!, 1) }))
    .filter(({ r, date }) => date <= to && num(r[4]) !== null)
    .map(({ r, date }) => ({
      date,
      open: num(r[1])!,
      high: num(r[2])!,
      low: num(r[3])!,
      close: num(r[4])!,
      volumeUsd: null,
      volumeUnits: num(r[5]),
      openInterestContracts: num(r[6]),
      coinsPerContract,
    }));
}

/** Header names of a CSV. */
export function header(relativePath: string): string[] {
  return readFileSync(resolve(SHARED, relativePath), 'utf8').split(/\r?\n/)[0]!.split(',');
}

interface CotRow {
  readonly date: string;
  readonly availableAfter: string;
  readonly metrics: Readonly<Record<string, number>>;
}

/** CFTC TFF weeks from cot-history.json that were public by the end of `asOf` (availableAfter < next midnight UTC). */
export function readCot(asOf: string): CotWeek[] {
  const json = JSON.parse(readFileSync(resolve(SHARED, 'cftc_cot/cot-history.json'), 'utf8')) as { rows: CotRow[] };
  const cutoff = `${addDays(asOf, 1)}T00:00:00.000Z`;
  return json.rows
    .filter((r) => r.availableAfter <= cutoff)
    .map((r) => ({
      date: r.date,
      openInterestCoins: r.metrics.openInterestBtc!,
      leveragedFundsNetCoins: r.metrics.leveragedMoneyNetBtc!,
      assetManagersNetCoins: r.metrics.assetManagerNetBtc!,
      dealersNetCoins: r.metrics.dealerNetBtc!,
    }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}
