// Data coverage and sources: per dataset the span, rows, gaps, revisions and sources stored for
// the analysed asset (and the cross-asset series it reads), plus every input the engine lacked.
import type { Analysis } from '../domain/analysis.js';
import type { CoverageRow } from '../store/store.js';
import { sectionMissing, type NoteBlock, type NoteSection } from './note-model.js';

export interface DatasetCoverage {
  readonly dataset: string;
  readonly asset: string;
  readonly keys: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly rows: number;
  readonly gaps: number;
  readonly revisedRows: number;
  readonly sources: readonly string[];
}

/** Rolls coverage rows up to one line per dataset and asset, keeping only `assets`; sorted. */
export function summariseCoverage(rows: readonly CoverageRow[], assets: readonly string[]): DatasetCoverage[] {
  const groups = new Map<
    string,
    {
      dataset: string;
      asset: string;
      keys: Set<string>;
      firstDate: string;
      lastDate: string;
      rows: number;
      gaps: number;
      revisedRows: number;
      sources: Set<string>;
    }
  >();
  for (const r of rows) {
    if (!assets.includes(r.asset)) continue;
    const id = `${r.dataset}|${r.asset}`;
    const g = groups.get(id) ?? {
      dataset: r.dataset,
      asset: r.asset,
      keys: new Set<string>(),
      firstDate: r.firstDate,
      lastDate: r.lastDate,
      rows: 0,
      gaps: 0,
      revisedRows: 0,
      sources: new Set<string>(),
    };
    g.keys.add(r.key);
    if (r.firstDate < g.firstDate) g.firstDate = r.firstDate;
    if (r.lastDate > g.lastDate) g.lastDate = r.lastDate;
    g.rows += r.rows;
    g.gaps += r.gaps;
    g.revisedRows += r.revisedRows;
    r.sources.forEach((s) => g.sources.add(s));
    groups.set(id, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, keys: g.keys.size, sources: [...g.sources].sort() }))
    .sort((a, b) => a.dataset.localeCompare(b.dataset) || a.asset.localeCompare(b.asset));
}

/** The section: the coverage table (datasets of the asset, MULTI and EQUITY) and the missing inputs. */
export function coverageSection(analysis: Analysis, coverage: readonly CoverageRow[]): NoteSection {
  const summary = summariseCoverage(coverage, [analysis.asset, 'MULTI', 'EQUITY']);
  const blocks: NoteBlock[] = [
    {
      kind: 'paragraph',
      text: `Point-in-time: every figure uses only what was published by the end of ${analysis.asOf} (UTC); later revisions are not visible to this note.`,
    },
  ];
  if (summary.length === 0) blocks.push({ kind: 'missing', text: 'The store reported no coverage for this asset.' });
  else {
    const later = summary.filter((c) => c.lastDate > analysis.asOf).map((c) => c.dataset);
    if (later.length > 0)
      blocks.push({
        kind: 'paragraph',
        text: `The table describes the whole store: ${later.length} dataset${later.length === 1 ? '' : 's'} (${[...new Set(later)].join(', ')}) run past ${analysis.asOf}; those later values were not used here.`,
      });
    blocks.push({
      kind: 'table',
      columns: ['Dataset', 'Asset', 'Keys', 'From', 'To', 'Values', 'Gaps', 'Revised', 'Sources'],
      rows: summary.map((c) => [
        c.dataset,
        c.asset,
        String(c.keys),
        c.firstDate,
        c.lastDate,
        String(c.rows),
        String(c.gaps),
        String(c.revisedRows),
        c.sources.join(', '),
      ]),
    });
  }
  const sections = analysis.signals;
  const missing = [
    ...Object.entries({
      etfFlows: sections.etfFlows,
      positioning: sections.positioning,
      liquidity: sections.liquidity,
      divergence: sections.divergence,
      trend: sections.trend,
      treasuries: sections.treasuries,
    }).flatMap(([name, s]) => sectionMissing(s).map((m) => `${name}: ${m}`)),
    ...(analysis.phase.unusedEvidence ?? []),
  ];
  if (missing.length > 0)
    blocks.push({ kind: 'paragraph', text: 'Inputs missing at the as-of date:' }, { kind: 'bullets', items: missing });
  return { id: 'coverage', title: 'Data coverage and sources', blocks };
}
