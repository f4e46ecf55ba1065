// `tidemark simulate`: write the seeded simulated dataset (default .tidemark/simulated.duckdb) and,
// optionally, its planted ground truth as JSON. Says loudly that the data is simulated.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_SEED, openStoreAt, SIMULATED_DB, UsageError } from './context.js';
import { writeSimulatedDataset } from '../sim/simulate.js';
import { formatTable } from './table.js';

interface SimulateFlags {
  readonly seed: string;
  readonly years: string;
  readonly db?: string;
  readonly truth?: string;
}

function integerFlag(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} "${value}" must be a whole number from ${min} to ${max}`);
  return n;
}

function yearsFlag(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 2.2 || n > 30)
    throw new UsageError(
      `--years "${value}" must be a number from 2.2 to 30 (the planted episode needs about 2.1 years)`,
    );
  return n;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description(
      'write the seeded SIMULATED market dataset (planted de-risking episode) and optionally its ground truth',
    )
    .option('--seed <n>', 'random seed', String(DEFAULT_SEED))
    .option('--years <n>', 'years of daily data ending 2026-03-31', '3')
    .option('--db <path>', `database file (default ${SIMULATED_DB}; refuses a database holding real data)`)
    .option('--truth <file.json>', 'also write the planted ground truth as JSON')
    .action(async (opts: SimulateFlags) => {
      const seed = integerFlag('--seed', opts.seed, 0, 2 ** 32 - 1);
      const years = yearsFlag(opts.years);
      const path = opts.db === ':memory:' ? ':memory:' : resolve(opts.db ?? SIMULATED_DB);
      const store = await openStoreAt(path, 'write');
      const summary = await (async () => {
        try {
          return await writeSimulatedDataset(store, { seed, years, progress: process.stderr.isTTY === true });
        } finally {
          await store.close();
        }
      })();
      process.stdout.write(
        `SIMULATED DATA (not market data): seed ${summary.seed}, ${summary.firstDate}..${summary.lastDate}\n`,
      );
      process.stdout.write(`database: ${path}\n\n`);
      const rows = Object.entries(summary.datasets).map(([dataset, n]) => [dataset, n]);
      process.stdout.write(formatTable(['dataset', 'rows'], rows) + '\n');
      const { inserted, revised, unchanged } = summary.counts;
      process.stdout.write(
        `\n${summary.observations} rows (${inserted} new, ${revised} revised, ${unchanged} unchanged), ${summary.events} simulated events\n`,
      );
      const t = summary.truth;
      process.stdout.write(
        `planted: leverage flush ${t.flush.date}; policy event ${t.events.find((e) => e.kind === 'index')?.date ?? '-'}; `,
      );
      process.stdout.write(
        `ETF outflow wave ${t.waves.find((w) => w.segment === 'etf')?.start ?? '-'}; second decline ${t.secondDecline.start}..${t.secondDecline.end}\n`,
      );
      if (opts.truth) {
        const file = resolve(opts.truth);
        writeFileSync(file, JSON.stringify(summary.truth, null, 2) + '\n');
        process.stdout.write(`ground truth written to ${file}\n`);
      }
    });
}
