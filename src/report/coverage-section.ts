// The caveats box and the data-coverage appendix: per dataset the span, rows, gaps, revisions and sources stored for
// the analysed asset (and the cross-asset series it reads), plus every input the engine lacked.
import type { Analysis } from '../domain/analysis.js';
import type { CoverageRow } from '../store/store.js';
import { datasetName, sourceName } from '../domain/labels/code-names.js';
import { humanText } from '../domain/labels/human-text.js';
import { formatCount } from '../format/numbers.js';
import type { NoteBlock, NoteSection } from './note-model.js';

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

/** The data-coverage appendix: per dataset the span, values, gaps, revisions and sources, in words. */
export function coverageSection(analysis: Analysis, coverage: readonly CoverageRow[]): NoteSection {
  const summary = summariseCoverage(coverage, [analysis.asset, 'MULTI', 'EQUITY']);
  const blocks: NoteBlock[] = [];
  if (summary.length === 0) blocks.push({ kind: 'missing', text: 'The store reported no coverage for this asset.' });
  else
    blocks.push({
      kind: 'table',
      columns: ['Dataset', 'Series', 'From', 'To', 'Values', 'Gaps', 'Revised', 'Sources'],
      rows: summary.map((c) => [
        datasetName(c.dataset) +
          (c.asset === analysis.asset ? '' : c.asset === 'EQUITY' ? ' (equities)' : ' (all assets)'),
        formatCount(c.keys),
        c.firstDate,
        c.lastDate,
        formatCount(c.rows),
        formatCount(c.gaps),
        formatCount(c.revisedRows),
        c.sources.map(sourceName).join(', '),
      ]),
      numeric: [false, true, false, false, true, true, true, false],
      dense: true,
    });
  return { id: 'coverage', title: 'Data coverage', blocks };
}

/** The caveats box: simulated data, point-in-time reading, what could not be computed, later data not used. */
export function caveatsSection(analysis: Analysis, coverage: readonly CoverageRow[]): NoteSection {
  const items: string[] = [];
  if (analysis.simulated)
    items.push('Simulated data: every figure comes from the seeded market simulator, not from markets.');
  items.push(
    `Point-in-time: every figure uses only what was published by the end of ${analysis.asOf} (UTC); later revisions are not visible to this note.`,
  );
  items.push(
    'The confidence is a model probability fitted in sample (simulator and BTC to 2022); it is not a forecast of returns.',
  );
  const later = [
    ...new Set(
      summariseCoverage(coverage, [analysis.asset, 'MULTI', 'EQUITY'])
        .filter((c) => c.lastDate > analysis.asOf)
        .map((c) => datasetName(c.dataset)),
    ),
  ];
  if (later.length > 0) items.push(`The store holds later data (${later.join(', ')}); none of it was used here.`);
  const s = analysis.signals;
  const missing = [
    ...new Set(
      [s.etfFlows, s.positioning, s.liquidity, s.divergence, s.trend, s.treasuries]
        .flatMap((x) => x.availability.missing)
        .map((m) => humanText(m)),
    ),
  ];
  if (missing.length > 0) items.push(`Not computed for lack of data: ${missing.join(', ')}.`);
  for (const u of analysis.phase.unusedEvidence ?? []) items.push(`Left out of the judgment: ${u}.`);
  if (s.positioning.cme.nearExpiry)
    items.push('The CME basis is not annualised: the front month is within 7 days of expiry.');
  return { id: 'caveats', title: 'Caveats', blocks: [{ kind: 'box', title: 'Read with care', items }] };
}
