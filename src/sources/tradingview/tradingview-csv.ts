// TradingView chart exports: `date,open,high,low,close,Volume,Open Interest,...` (the four
// "Open Interest (…)" columns are empty). The instrument comes from the file name (instruments.ts).
// Point-in-time:
// - CME daily bars (futures and the futures-minus-spot basis) are dated by the session's OPENING
//   UTC date, the evening before the trade date (Sunday rows hold Monday's session): we store
//   them on the trade date = date + 1 day. Prices are known at cmeSettleKnownAt(trade date); volume
//   and open interest (final figures come out the next business morning) at
//   cmeOpenInterestKnownAt(trade date).
// - The weekly continuous bar is dated by its first session's opening date; we store it on the
//   Friday of the week holding date + 1 (its last trade date), with the same two rules on that Friday.
//   Bar 2025-06-29 (Sun) → 2025-07-04. A bar opened on a Thursday before a Friday holiday
//   (2025-07-03) starts the NEXT week (its first trade date is the Monday): when the Friday is
//   already taken by the previous bar, the bar goes to the Friday after (→ 2025-07-11).
// - MSTR bars are dated by the US trade date: usCloseKnownAt.
// CME open interest is stored in contracts and in USD = contracts × coins per contract × close.
import { addDays, dayOfWeek, daysBetween, todayUtc } from '../../domain/dates.js';
import { cmeOpenInterestKnownAt, cmeSettleKnownAt, usCloseKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { headerCells, readDatedTable } from '../vendor-csv/dated-table.js';
import { TRADINGVIEW_INSTRUMENTS, tradingViewInstrumentOfFile, type TradingViewInstrument } from './instruments.js';

const LEADING = ['date', 'open', 'high', 'low', 'close', 'Volume'];

/**
 * The store date of a bar dated `fileDate` (see TradingViewInstrument.dating); `previous` is the
 * store date of the bar before it, which a weekly bar must come after.
 */
function storeDate(instrument: TradingViewInstrument, fileDate: string, previous: string | null): string {
  if (instrument.dating === 'none') return fileDate;
  const tradeDate = addDays(fileDate, 1);
  if (instrument.dating === 'next-day') return tradeDate;
  const friday = addDays(tradeDate, (5 - dayOfWeek(tradeDate) + 7) % 7);
  return previous !== null && friday <= previous && daysBetween(friday, previous) < 7 ? addDays(friday, 7) : friday;
}

const hasTradingViewHeader = (cols: readonly string[]): boolean =>
  LEADING.every((c, i) => cols[i]?.toLowerCase() === c.toLowerCase()) &&
  cols.some((c) => c.toLowerCase() === 'open interest');

/**
 * TradingView exports of the instruments in TRADINGVIEW_INSTRUMENTS. Detects any TradingView header
 * (any case); parse throws on a file name that names no known instrument (the runner reports it).
 * Rows are read in date order whatever the file's order (the weekly dating looks at the bar before).
 */
export const tradingViewCsv: FileLayout = {
  id: 'tradingview-csv',
  description: 'TradingView chart export (CME futures, CME basis, MSTR): OHLC, volume, open interest',
  detect({ head }) {
    return hasTradingViewHeader(headerCells(head));
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const instrument = tradingViewInstrumentOfFile(name);
    if (!instrument) {
      throw new ImportError(
        `${path}: unrecognised TradingView export "${name}"; the file name must start with one of ${TRADINGVIEW_INSTRUMENTS.map((i) => i.symbol).join(', ')}`,
      );
    }
    const table = readDatedTable(path, text, { today });
    if (!hasTradingViewHeader(['date', ...table.columns]))
      throw new ImportError(
        `${path}: expected a TradingView header "${LEADING.join(',')},Open Interest,…", found "date,${table.columns.join(',')}"`,
      );
    const col = (label: string): number => table.columns.findIndex((c) => c.toLowerCase() === label.toLowerCase());
    const [iOpen, iHigh, iLow, iClose, iVolume, iOi] = ['open', 'high', 'low', 'close', 'Volume', 'Open Interest'].map(
      col,
    ) as [number, number, number, number, number, number];
    const rejects: RowReject[] = [...table.rejects];
    const out = new CheckedRows(today);
    const warnings: string[] = [];
    const used = new Map<string, number>();
    let preLaunch = 0;
    let previous: string | null = null;
    const { asset, key, target } = instrument;
    for (const row of table.rows) {
      const date = storeDate(instrument, row.date, previous);
      if (instrument.firstTradeDate && date < instrument.firstTradeDate) {
        preLaunch++;
        continue;
      }
      const firstLine = used.get(date);
      if (firstLine !== undefined) {
        rejects.push({
          line: row.line,
          field: 'date',
          message: `${row.date} maps to ${date}, already taken by line ${firstLine}: this row is ignored`,
        });
        continue;
      }
      used.set(date, row.line);
      previous = date;
      const v = (i: number): number | null => row.values[i] ?? null;
      const close = v(iClose);
      const cells: CellObservation[] = [];
      const push = (
        dataset: Observation['dataset'],
        field: string,
        column: string,
        value: number | null,
        knownAt: string,
        raw?: string,
      ): void => {
        if (value !== null)
          cells.push({
            column,
            raw,
            observation: { dataset, field, asset, key, date, value, knownAt },
          });
      };
      if (target.kind === 'cme-basis') {
        push('cme-basis', 'basisUsd', table.columns[iClose]!, close, cmeSettleKnownAt(date));
      } else if (target.kind === 'equity') {
        const knownAt = usCloseKnownAt(date);
        for (const [field, i] of [
          ['open', iOpen],
          ['high', iHigh],
          ['low', iLow],
          ['close', iClose],
          ['volumeShares', iVolume],
        ] as const)
          push('equity', field, table.columns[i]!, v(i), knownAt);
      } else {
        const settleKnownAt = cmeSettleKnownAt(date);
        const oiKnownAt = cmeOpenInterestKnownAt(date);
        const oi = v(iOi);
        for (const [field, i] of [
          ['open', iOpen],
          ['high', iHigh],
          ['low', iLow],
          ['close', iClose],
        ] as const)
          push(target.dataset, field, table.columns[i]!, v(i), settleKnownAt);
        push(target.dataset, 'volumeContracts', table.columns[iVolume]!, v(iVolume), oiKnownAt);
        push(target.dataset, 'openInterestContracts', table.columns[iOi]!, oi, oiKnownAt);
        if (oi !== null && close !== null)
          push(
            target.dataset,
            'openInterestUsd',
            `${table.columns[iOi]!} × close`,
            oi * target.coinsPerContract * close,
            oiKnownAt,
            `${oi} contracts × ${target.coinsPerContract} coins × close ${close}`,
          );
      }
      out.addRow(row.line, cells);
    }
    if (preLaunch > 0)
      warnings.push(
        `${preLaunch} placeholder bar(s) before the contract's first trade date ${instrument.firstTradeDate} dropped`,
      );
    return {
      source: 'tradingview',
      observations: out.observations,
      rejects: [...rejects, ...out.rejects].sort((a, b) => a.line - b.line),
      warnings,
    };
  },
};
