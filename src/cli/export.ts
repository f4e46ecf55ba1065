// `tidemark export DATASET`: one dataset as CSV, JSON or Parquet, optionally as known at a date.
// Contract: `export etf-flows --asset BTC --format csv` prints `date,fund,net_flow_usd`, one row
// per fund and day, in US dollars.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DuckDBInstance } from '../store/duckdb/duckdb-api.js';
import { DATASET_NAMES, isDatasetName, type DatasetName } from '../domain/datasets.js';
import { fieldColumns, fieldForColumn, toWideTable, wideTableToCsv, type WideTable } from '../store/wide-rows.js';
import { UsageError, withStore } from './context.js';
import { asOfFlag, assetFlag, checkRange, dateFlag } from './options.js';

interface ExportFlags {
  db?: string;
  asset?: string;
  from?: string;
  to?: string;
  asOf?: string;
  format: string;
  field?: string[];
  key?: string[];
  out?: string;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export a dataset as csv, json or parquet (`tidemark export --help` lists the datasets)')
    .argument('<dataset>', `one of ${DATASET_NAMES.join(', ')}, events`)
    .option('--db <path>', 'database file')
    .option('--asset <asset>', 'BTC, ETH, SOL, XRP, MULTI or EQUITY')
    .option('--from <date>', 'first date (YYYY-MM-DD)')
    .option('--to <date>', 'last date (YYYY-MM-DD)')
    .option('--as-of <date>', 'only what was known at the end of this date (UTC)')
    .option('--format <format>', 'csv, json or parquet', 'csv')
    .option(
      '--field <column...>',
      'only these columns, named as the CSV header names them (net_flow_usd) or as fields (netFlowUsd)',
    )
    .option('--key <key...>', 'only these keys (funds, venues, …; any case: ibit = IBIT)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (name: string, flags: ExportFlags) => {
      const format = flags.format.toLowerCase();
      if (!['csv', 'json', 'parquet'].includes(format))
        throw new UsageError(`--format "${flags.format}" is not csv, json or parquet`);
      const asset = assetFlag(flags.asset);
      const from = dateFlag('--from', flags.from);
      const to = dateFlag('--to', flags.to);
      checkRange(from, to);
      const asOf = asOfFlag('--as-of', flags.asOf);
      const table = await withStore(flags, 'read', async (store): Promise<WideTable> => {
        if (name === 'events') {
          const events = await store.readEvents({ from, to, asOf });
          return {
            columns: ['date', 'id', 'kind', 'title', 'source_url', 'instruments'],
            rows: events.map((e) => [e.date, e.id, e.kind, e.title, e.sourceUrl, e.instruments.join(' ')]),
          };
        }
        if (!isDatasetName(name))
          throw new UsageError(`unknown dataset "${name}"; one of: ${DATASET_NAMES.join(', ')}, events`);
        const observations = await store.read({
          dataset: name,
          asset,
          from,
          to,
          asOf,
          fields: flags.field === undefined ? undefined : fieldsFlag(name, flags.field),
          keys: flags.key,
        });
        return toWideTable(name, observations, asset === undefined);
      });
      const output =
        format === 'parquet' ? await toParquet(table) : format === 'json' ? toJson(table) : wideTableToCsv(table);
      if (flags.out) writeFileSync(flags.out, output);
      else process.stdout.write(output);
    });
}

/**
 * Maps --field values (the CSV's column names, or field names, in any case; comma-separated or
 * repeated) to the dataset's fields; an unknown one is a usage error listing the columns.
 */
export function fieldsFlag(dataset: DatasetName, values: readonly string[]): string[] {
  const names = values.flatMap((v) => v.split(',')).filter((v) => v.trim() !== '');
  return [
    ...new Set(
      names.map((n) => {
        const field = fieldForColumn(dataset, n);
        if (field === undefined)
          throw new UsageError(
            `--field "${n}" is not a column of ${dataset}; its columns: ${fieldColumns(dataset).join(', ')}`,
          );
        return field;
      }),
    ),
  ];
}

function toJson(table: WideTable): string {
  const objects = table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c, r[i] ?? null])));
  return JSON.stringify(objects) + '\n';
}

/** Writes the table through an in-memory DuckDB to Parquet bytes. */
async function toParquet(table: WideTable): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-export-'));
  try {
    const csvPath = join(dir, 'rows.csv');
    const parquetPath = join(dir, 'rows.parquet');
    writeFileSync(csvPath, wideTableToCsv(table));
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const types = table.columns.map(
      (c, i) =>
        `'${c}': '${i === 0 ? 'DATE' : table.rows.some((r) => typeof r[i] === 'number') ? 'DOUBLE' : 'VARCHAR'}'`,
    );
    await db.run(
      `COPY (SELECT * FROM read_csv('${csvPath}', header = true, columns = {${types.join(', ')}})) TO '${parquetPath}' (FORMAT parquet)`,
    );
    db.closeSync();
    instance.closeSync();
    return readFileSync(parquetPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
