// `tidemark status`: what the database holds — coverage per series, gaps, revisions, last runs.
import type { Command } from 'commander';
import { resolveDbPath, withStore } from './context.js';
import { asOfFlag } from './options.js';
import { formatTable } from './table.js';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('coverage per series: first/last date, rows, gaps, revisions, sources; last imports and syncs')
    .option('--db <path>', 'database file')
    .option('--json', 'print JSON')
    .option('--as-of <date>', 'coverage of what was known at the end of this date (UTC)')
    .action(async (opts: { db?: string; json?: boolean; asOf?: string }) => {
      const asOf = asOfFlag('--as-of', opts.asOf);
      await withStore(opts, 'read', async (store) => {
        const coverage = await store.coverage({ asOf });
        const runs = await store.runs(10);
        if (opts.json) {
          process.stdout.write(JSON.stringify({ db: resolveDbPath(opts, 'read'), coverage, runs }, null, 2) + '\n');
          return;
        }
        process.stdout.write(
          `database: ${resolveDbPath(opts, 'read')}${asOf ? ` — as known at the end of ${asOf}` : ''}\n`,
        );
        if (coverage.some((c) => c.sources.includes('tidemark-sim'))) {
          process.stdout.write('NOTE: this database holds SIMULATED data (tidemark simulate), not market data.\n');
        }
        process.stdout.write(
          '\n' +
            formatTable(
              ['dataset', 'asset', 'key', 'field', 'first', 'last', 'rows', 'gaps', 'revised', 'source'],
              coverage.map((c) => [
                c.dataset,
                c.asset,
                c.key,
                c.field,
                c.firstDate,
                c.lastDate,
                c.rows,
                c.gaps,
                c.revisedRows,
                c.sources.join('+'),
              ]),
            ) +
            '\n',
        );
        if (runs.length > 0) {
          process.stdout.write(
            '\nlast runs\n' +
              formatTable(
                ['finished', 'kind', 'source', 'status', 'new', 'revised', 'rejected', 'origin'],
                runs.map((r) => [
                  r.finishedAt.slice(0, 19),
                  r.kind,
                  r.source,
                  r.status,
                  r.counts.inserted,
                  r.counts.revised,
                  r.rejected,
                  r.origin.slice(-50),
                ]),
              ) +
              '\n',
          );
        }
      });
    });
}
