// Artemis bitcoin treasury-company ("BTC DATs") exports, one column per company:
// - "BTC DATs - Bitcoin Count.csv", `<Company> - Number of Tokens Held` → treasury.coinsHeld
// - "BTC DATs- Fully Diluted EV NAV.csv", `<Company> - Fully Diluted EV / Nav` → treasury.mnav
// Asset BTC, key = company slug ("Strategy" → "strategy", "Twenty One Capital" →
// "twenty-one-capital"). knownAt: cryptoDailyKnownAt (D+1 00:00 UTC) for both — holdings are
// announced at any hour of D (often after the US close) and mNAV marks the coins at the crypto
// day's close, which comes after the US close; usCloseKnownAt would be too early.
import type { FieldName } from '../../domain/datasets.js';
import { todayUtc } from '../../domain/dates.js';
import { cryptoDailyKnownAt } from '../../domain/known-at.js';
import { ImportError } from '../errors.js';
import type { FileLayout, ParsedFile } from '../layout.js';
import { headerCells, readDatedTable, slugOf } from '../vendor-csv/dated-table.js';
import { uniqueColumnKeys, wideTableFile } from './wide-table.js';

const SUFFIX_FIELD: readonly { suffix: RegExp; field: FieldName<'treasury'> }[] = [
  { suffix: / - Number of Tokens Held$/i, field: 'coinsHeld' },
  { suffix: / - Fully Diluted EV \/ Nav$/i, field: 'mnav' },
];

/** The treasury field all company columns share, or null when they do not all match one suffix. */
function fieldOfColumns(columns: readonly string[]): { suffix: RegExp; field: FieldName<'treasury'> } | null {
  if (columns.length === 0) return null;
  return SUFFIX_FIELD.find((s) => columns.every((c) => s.suffix.test(c))) ?? null;
}

/** Artemis "BTC DATs" exports → treasury.coinsHeld or treasury.mnav per company slug (asset BTC). */
export const artemisTreasuryCsv: FileLayout = {
  id: 'artemis-treasury-csv',
  description: 'Artemis BTC treasury companies: coins held or fully diluted EV / NAV per company',
  detect({ name, head }) {
    const cols = headerCells(head);
    return /DATs?\b/i.test(name) && cols[0]?.toLowerCase() === 'date' && fieldOfColumns(cols.slice(1)) !== null;
  },
  parse({ path, text, today = todayUtc() }): ParsedFile {
    const table = readDatedTable(path, text, { today });
    const spec = fieldOfColumns(table.columns);
    if (!spec)
      throw new ImportError(
        `${path}: expected every column to end in " - Number of Tokens Held" or " - Fully Diluted EV / Nav", found "${table.columns.join(',')}"`,
      );
    const { keys, warnings } = uniqueColumnKeys(table.columns, (c) => slugOf(c.replace(spec.suffix, '')), 'company');
    return wideTableFile(
      table,
      today,
      cryptoDailyKnownAt,
      (value, i, date, knownAt) => {
        const key = keys[i];
        return key ? { dataset: 'treasury', field: spec.field, asset: 'BTC', key, date, value, knownAt } : null;
      },
      warnings,
    );
  },
};
