// `tidemark import PATH...`: import data files (auto-detected layouts) and print what happened.
import type { Command } from 'commander';
import { importFiles } from '../sources/import-files.js';
import { ImportError } from '../sources/errors.js';
import { loadShippedEvents, SHIPPED_CALENDAR } from '../sources/events/shipped-calendar.js';
import { withStore } from './context.js';
import { formatTable } from './table.js';
import { relative } from 'node:path';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import data files or directories (recursive); layouts are detected per file')
    .argument('<paths...>', 'files or directories')
    .option('--db <path>', 'database file')
    .option('--strict', 'any rejected row fails the whole import (nothing is stored)')
    .option('--show-rejects <n>', 'how many rejected rows to list', '20')
    .action(async (paths: string[], opts: { db?: string; strict?: boolean; showRejects: string }) => {
      const summaries = await withStore(opts, 'write', async (store) => {
        const read = await importFiles(store, paths, {
          strict: opts.strict,
          onFile: (path, i, total) => {
            if (process.stderr.isTTY)
              process.stderr.write(`\rreading ${i + 1}/${total} ${relative('.', path).slice(-60).padEnd(60)}`);
          },
        });
        // The shipped events calendar goes in with every import, so the store's events (`/api/events`,
        // `export events`) are never empty on real data; re-importing it changes nothing.
        await store.ingest([
          {
            provenance: { source: 'tidemark-calendar', origin: SHIPPED_CALENDAR },
            observations: [],
            events: loadShippedEvents(),
          },
        ]);
        return read;
      });
      if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(80) + '\r');
      const rows = summaries.map((s) => [
        relative('.', s.path),
        s.layout ?? `skipped: ${s.skipped}`,
        s.counts.inserted,
        s.counts.revised,
        s.counts.unchanged,
        s.rejected,
        s.firstDate ? `${s.firstDate}..${s.lastDate}` : '',
      ]);
      process.stdout.write(
        formatTable(['file', 'layout', 'imported', 'updated', 'unchanged', 'rejected', 'dates'], rows) + '\n',
      );
      const total = summaries.reduce((n, s) => n + s.counts.inserted + s.counts.revised, 0);
      const rejects = summaries.flatMap((s) => s.rejects);
      const failed = summaries.filter((s) => s.layout !== null && s.skipped);
      for (const s of summaries)
        for (const w of s.warnings) process.stderr.write(`warning: ${relative('.', s.path)}: ${w}\n`);
      for (const s of failed) process.stderr.write(`error: ${relative('.', s.path)}: ${s.skipped}\n`);
      const limit = Number(opts.showRejects);
      for (const r of rejects.slice(0, limit)) process.stderr.write(`rejected: ${r}\n`);
      if (rejects.length > limit) process.stderr.write(`… and ${rejects.length - limit} more rejected rows\n`);
      process.stdout.write(
        `${total} rows stored from ${summaries.filter((s) => !s.skipped).length} files; ${rejects.length} rows rejected\n`,
      );
      if (failed.length > 0)
        throw new ImportError(`${failed.length} file(s) could not be read (listed above); the rest was imported`);
    });
}
