// CoinGecko-style daily OHLCV saved as a JSON array (`btc-history.json`: [{date, open, high, low,
// close, volume}], prices in USD, volume in USD). The coin is read from the file name (btc-…, eth-…).
import { isAsset, type Asset } from '../../domain/assets.js';
import { isIsoDate, todayUtc } from '../../domain/dates.js';
import { checkMarketDate } from '../../domain/observation-check.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { CheckedRows, type CellObservation } from '../checked-rows.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile, RowReject } from '../layout.js';
import { describeJsonValue, jsonNumber } from './cache-rows.js';
import { arrayElementLines, parseJsonText } from './json-text.js';

const ID = 'coingecko-ohlcv-json';

/** Array property → stored `spot` field. */
const FIELDS = { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volumeUsd' } as const;

/**
 * The coin a file name starts with: "btc-history.json" → "BTC", "ETH_daily.json" → "ETH";
 * null when the name does not start with a known coin ticker followed by "-", "_" or ".".
 */
export function assetOfFileName(name: string): Asset | null {
  const base = /^([a-z]{3,5})(?=[-_.])/i.exec(name)?.[1]?.toUpperCase();
  return base && isAsset(base) && base !== 'MULTI' ? base : null;
}

export const coingeckoOhlcvJson: FileLayout = {
  id: ID,
  description:
    'CoinGecko-style daily OHLCV JSON array [{date, open, high, low, close, volume (USD)}]; coin from the file name',
  detect({ head }) {
    return /^\uFEFF?\s*\[\s*\{\s*"date"\s*:/.test(head) && /"close"\s*:/.test(head) && /"volume"\s*:/.test(head);
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const name = path.split(/[\\/]/).at(-1) ?? path;
    const asset = assetOfFileName(name);
    if (!asset || asset === 'EQUITY') {
      throw new ImportError(
        `${ID}: ${path}: cannot tell the coin from the file name "${name}"; name it after the coin, e.g. btc-history.json or eth-history.json`,
      );
    }
    const root = parseJsonText(ID, path, text);
    if (!Array.isArray(root))
      throw new ImportError(`${ID}: ${path}: expected a JSON array of daily bars, found ${describeJsonValue(root)}`);
    let lines: number[] | null = null;
    const lineOf = (index: number): number => {
      lines ??= arrayElementLines(text, null);
      return lines[index] ?? 1;
    };
    const rejects: RowReject[] = [];
    const reject = (index: number, field: string | undefined, message: string): void => {
      rejects.push({ line: lineOf(index), field: field ? `[${index}].${field}` : `[${index}]`, message });
    };
    const out = new CheckedRows(today);
    const seen = new Set<string>();
    root.forEach((bar: unknown, index) => {
      if (typeof bar !== 'object' || bar === null || Array.isArray(bar))
        return reject(index, undefined, `expected an object, found ${describeJsonValue(bar)}`);
      const row = bar as Record<string, unknown>;
      const date = row['date'];
      if (typeof date !== 'string' || !isIsoDate(date))
        return reject(index, 'date', `expected a YYYY-MM-DD date, found ${describeJsonValue(date)}`);
      const outOfRange = checkMarketDate(date, 'spot', today);
      if (outOfRange) return reject(index, 'date', outOfRange);
      if (seen.has(date)) return reject(index, 'date', `duplicate date ${date}: the first bar is kept`);
      seen.add(date);
      const knownAt = cryptoDailyKnownAt(date);
      const cells: CellObservation[] = [];
      for (const [prop, field] of Object.entries(FIELDS)) {
        const n = jsonNumber(row[prop]);
        if (!n.ok) return reject(index, prop, row[prop] === undefined ? 'missing' : n.message);
        if (n.value < 0) return reject(index, prop, `${n.value} is negative`);
        cells.push({
          column: `[${index}].${prop}`,
          observation: { dataset: 'spot', field, asset, key: 'coingecko', date, value: n.value, knownAt },
        });
      }
      const high = row['high'] as number;
      const low = row['low'] as number;
      if (high < low) return reject(index, 'high', `high ${high} is below low ${low}`);
      out.addRow(lineOf(index), cells, { date: `[${index}].date` });
    });
    const all = [...rejects, ...out.rejects].sort((a, b) => a.line - b.line);
    return { source: 'coingecko', observations: out.observations, rejects: all, warnings: [] };
  },
};
