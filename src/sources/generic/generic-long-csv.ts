// The generic long CSV: one number per line, `date,series,key,value` with optional `asset`,
// `known_at` and `source` columns. Lets an analyst import any catalog series (equity-ETF flows, a
// venue's funding …) without a dedicated importer. Values are stored as written, in the catalog unit.
import { isAsset, type Asset } from '../../domain/assets.js';
import { isIsoDate, parseIsoTimestamp, timestampOn, todayUtc } from '../../domain/dates.js';
import { parseNumberCell } from '../cells.js';
import { CheckedRows } from '../checked-rows.js';
import { CUT_LINE_MESSAGE, firstRecordCells, parseCsv } from '../csv.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { IMPLIED_ASSETS, resolveSeries } from './series.js';

const ID = 'generic-long-csv';
const REQUIRED = ['date', 'series', 'key', 'value'] as const;
const OPTIONAL = ['asset', 'known_at', 'source'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Source name when the file has no `source` column (or leaves it blank). */
export const GENERIC_SOURCE = 'generic';

const SOURCE_NAME = /^[a-z0-9][a-z0-9._-]{0,40}$/i;

function headerColumns(head: string): string[] {
  return firstRecordCells(head).map((c) => c.toLowerCase());
}

/**
 * Reads `known_at`: a YYYY-MM-DD date (00:00 UTC that day) or an ISO timestamp; blank → the day
 * after `date`, 00:00 UTC. Returns a message when invalid or earlier than `date` 00:00 UTC.
 */
function readKnownAt(raw: string, date: string): { ok: true; knownAt: string } | { ok: false; message: string } {
  const text = raw.trim();
  let knownAt: string;
  if (text === '') knownAt = timestampOn(date, 1);
  else if (isIsoDate(text)) knownAt = timestampOn(text);
  else {
    const parsed = parseIsoTimestamp(text);
    if (parsed === null) return { ok: false, message: `"${raw}" is not a YYYY-MM-DD date or ISO timestamp` };
    knownAt = parsed;
  }
  if (knownAt < timestampOn(date)) return { ok: false, message: `${knownAt} is before the row's date ${date}` };
  return { ok: true, knownAt };
}

export const genericLongCsv: FileLayout = {
  id: ID,
  description:
    'Generic long CSV: date,series,key,value[,asset][,known_at][,source]; series = <dataset>.<field> from the catalog',
  detect({ head }) {
    const cols = headerColumns(head);
    return (
      REQUIRED.every((c) => cols.includes(c)) &&
      cols.every((c) => (REQUIRED as readonly string[]).includes(c) || (OPTIONAL as readonly string[]).includes(c))
    );
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const records = parseCsv(text);
    const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
    const index = new Map<Column, number>();
    header.forEach((c, i) => index.set(c as Column, i));
    const missing = REQUIRED.filter((c) => !index.has(c));
    if (missing.length > 0)
      throw new ImportError(
        `${ID}: ${path}: header lacks column(s) ${missing.join(', ')} (found ${header.join(', ')})`,
      );
    const cell = (cells: readonly string[], c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const out = new CheckedRows(today);
    const rejects: RowReject[] = out.rejects;
    const seen = new Map<string, number>();
    // The file's source is the one most rows name (the first named on a tie), decided before any row
    // is read, so that one bad source cell cannot take the file over from the rows after it.
    const votes = new Map<string, number>();
    for (const { cells } of records.slice(1)) {
      const named = cell(cells, 'source');
      if (SOURCE_NAME.test(named)) votes.set(named, (votes.get(named) ?? 0) + 1);
    }
    let source: string | null = null;
    for (const [name, n] of votes) if (source === null || n > votes.get(source)!) source = name;
    for (const record of records.slice(1)) {
      const { line, cells } = record;
      const fail = (field: string | undefined, message: string): void => out.reject(line, field, message);
      if (record.cut) {
        fail(undefined, CUT_LINE_MESSAGE);
        continue;
      }
      if (cells.length !== header.length) {
        fail(undefined, `expected ${header.length} cells, found ${cells.length}`);
        continue;
      }
      const date = cell(cells, 'date');
      if (!isIsoDate(date)) {
        fail('date', `"${date}" is not a YYYY-MM-DD date`);
        continue;
      }
      const series = resolveSeries(cell(cells, 'series'));
      if (!series.ok) {
        fail('series', series.message);
        continue;
      }
      const key = cell(cells, 'key');
      if (key === '' || key.length > 64) {
        fail(
          'key',
          key === ''
            ? 'key is empty (fund, venue, ticker … the row belongs to)'
            : `"${key.slice(0, 20)}…" is longer than 64 characters`,
        );
        continue;
      }
      const rawAsset = cell(cells, 'asset').toUpperCase();
      const implied = IMPLIED_ASSETS[series.dataset];
      let asset: Asset;
      if (rawAsset === '') {
        if (!implied) {
          fail(
            'asset',
            `asset is required for ${series.dataset} (a per-coin dataset); only ${Object.keys(IMPLIED_ASSETS).join(', ')} imply it`,
          );
          continue;
        }
        asset = implied;
      } else if (isAsset(rawAsset)) asset = rawAsset;
      else {
        fail('asset', `"${cell(cells, 'asset')}" is not an asset (BTC, ETH, SOL, XRP, MULTI, EQUITY)`);
        continue;
      }
      const value = parseNumberCell(cell(cells, 'value'));
      if (!value.ok || value.value === null) {
        fail('value', value.ok ? 'value is empty' : value.message);
        continue;
      }
      const known = readKnownAt(cell(cells, 'known_at'), date);
      if (!known.ok) {
        fail('known_at', known.message);
        continue;
      }
      const rowSource = cell(cells, 'source');
      if (rowSource !== '') {
        if (!SOURCE_NAME.test(rowSource)) {
          fail('source', `"${rowSource}" is not a source name (letters, digits, . _ -)`);
          continue;
        }
        if (rowSource !== source) {
          fail('source', `"${rowSource}" differs from the file's source "${source}": one source per file`);
          continue;
        }
      }
      const natural = `${series.dataset}|${series.field}|${asset}|${key}|${date}`;
      const earlier = seen.get(natural);
      if (earlier !== undefined) {
        fail(
          'date',
          `duplicate of line ${earlier} (${series.dataset}.${series.field} ${asset} ${key} ${date}): the first row is kept`,
        );
        continue;
      }
      seen.set(natural, line);
      out.addRow(
        line,
        [
          {
            column: 'value',
            observation: {
              dataset: series.dataset,
              field: series.field,
              asset,
              key,
              date,
              value: value.value,
              knownAt: known.knownAt,
            },
          },
        ],
        { knownAt: 'known_at', key: 'key' },
      );
    }
    return { source: source ?? GENERIC_SOURCE, observations: out.observations, rejects, warnings: [] };
  },
};
