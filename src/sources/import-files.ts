// `tidemark import`'s engine: walks files and directories, detects each file's layout, parses it,
// and stores everything in one transaction. Returns a per-file summary for the table it prints.
import { openSync, readSync, closeSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { UpsertCounts } from '../domain/observation.js';
import type { IngestBatch, RunRecord, Store } from '../store/store.js';
import { ImportError } from './errors.js';
import { formatReject, type FileLayout, type ParsedFile } from './layout.js';
import { FILE_LAYOUTS } from './layouts.js';

export interface FileImportSummary {
  readonly path: string;
  /** Layout id, or null when the file was skipped. */
  readonly layout: string | null;
  readonly counts: UpsertCounts;
  readonly rejected: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** Why the file was skipped or failed, when it was. */
  readonly skipped?: string;
  /** Rejected rows, formatted `file:line field: message`. */
  readonly rejects: readonly string[];
  readonly warnings: readonly string[];
}

export interface ImportOptions {
  /** Any rejected row makes the whole import fail (nothing stored). */
  readonly strict?: boolean;
  readonly layouts?: readonly FileLayout[];
  /** Called after each file is parsed (for progress bars). */
  readonly onFile?: (path: string, index: number, total: number) => void;
}

const DATA_EXTENSIONS = /\.(csv|json|html?|txt|tsv)$/i;

/** Expands files and directories (recursively, sorted) into data file paths. */
export function listDataFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new ImportError(`import: "${p}" does not exist`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Picks the layout that reads a file, or explains why none does. */
export function detectLayout(path: string, layouts: readonly FileLayout[] = FILE_LAYOUTS): FileLayout | string {
  const name = basename(path);
  if (!DATA_EXTENSIONS.test(name)) return 'not a data file (csv, json, html, tsv)';
  const head = readHead(path);
  const layout = layouts.find((l) => l.detect({ path, name, head }));
  return layout ?? 'no known layout matches its header';
}

/**
 * Imports every data file under `paths` into `store` in one transaction. Files no layout reads
 * are skipped with a reason; rejected rows are listed; with `strict`, any reject aborts it all.
 */
export async function importFiles(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<FileImportSummary[]> {
  const files = listDataFiles(paths);
  const startedAt = new Date().toISOString();
  const parsed: { path: string; layout: FileLayout; result: ParsedFile }[] = [];
  const summaries = new Map<string, FileImportSummary>();
  files.forEach((path, index) => {
    const layout = detectLayout(path, options.layouts);
    if (typeof layout === 'string') {
      summaries.set(path, skipped(path, layout));
    } else {
      try {
        const result = layout.parse({ path, text: readFileSync(path, 'utf8') });
        parsed.push({ path, layout, result });
      } catch (cause) {
        summaries.set(path, { ...skipped(path, (cause as Error).message), layout: layout.id });
      }
    }
    options.onFile?.(path, index, files.length);
  });
  if (options.strict) {
    const problems = parsed.flatMap((p) => p.result.rejects.map((r) => formatReject(p.path, r)));
    const failed = [...summaries.values()]
      .filter((s) => s.layout !== null && s.skipped)
      .map((s) => `${s.path}: ${s.skipped}`);
    if (problems.length + failed.length > 0) {
      throw new ImportError(
        `import --strict: nothing stored; ${problems.length + failed.length} problem(s):\n${[...failed, ...problems].slice(0, 50).join('\n')}`,
      );
    }
  }
  // Older snapshots first, so that a later snapshot's different value becomes the newer version.
  parsed.sort((a, b) => (a.result.observedAt ?? '').localeCompare(b.result.observedAt ?? ''));
  const batches: IngestBatch[] = parsed.map((p) => ({
    provenance: { source: p.result.source, origin: p.path, observedAt: p.result.observedAt },
    observations: p.result.observations,
    events: p.result.events,
  }));
  const finishedAt = new Date().toISOString();
  const runs: Omit<RunRecord, 'counts'>[] = parsed.map((p) => ({
    kind: 'import',
    source: p.result.source,
    origin: p.path,
    startedAt,
    finishedAt,
    rejected: p.result.rejects.length,
    status: p.result.rejects.length > 0 ? 'partial' : 'ok',
    message: `layout ${p.layout.id}`,
  }));
  // Under --strict a batch the store refuses (e.g. a non-finite value) fails everything, like a reject.
  const counts = await store.ingest(batches, runs, { allOrNothing: options.strict === true });
  parsed.forEach((p, i) => {
    const refused = counts[i]?.refused;
    if (refused !== undefined) {
      summaries.set(p.path, {
        ...skipped(p.path, refused),
        layout: p.layout.id,
        rejected: p.result.rejects.length,
        rejects: p.result.rejects.map((r) => formatReject(p.path, r)),
        warnings: p.result.warnings,
      });
      return;
    }
    const dates = p.result.observations.map((o) => o.date).concat((p.result.events ?? []).map((e) => e.date));
    let first: string | null = null;
    let last: string | null = null;
    for (const d of dates) {
      if (first === null || d < first) first = d;
      if (last === null || d > last) last = d;
    }
    summaries.set(p.path, {
      path: p.path,
      layout: p.layout.id,
      counts: counts[i]!,
      rejected: p.result.rejects.length,
      firstDate: first,
      lastDate: last,
      rejects: p.result.rejects.map((r) => formatReject(p.path, r)),
      warnings: p.result.warnings,
    });
  });
  return files.map((f) => summaries.get(f)!);
}

function skipped(path: string, reason: string): FileImportSummary {
  return {
    path,
    layout: null,
    counts: { inserted: 0, revised: 0, unchanged: 0 },
    rejected: 0,
    firstDate: null,
    lastDate: null,
    skipped: reason,
    rejects: [],
    warnings: [],
  };
}
