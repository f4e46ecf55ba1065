// The one label table (src/domain/labels/): every figure kind printed character by character, coded
// values in words, a section's rows in the table's order; and, over a simulated analysis, everything a
// reader can see — every field, every coded value, every signal id, every dataset, every sentence — has
// exactly one label in the table and never falls back to a raw key.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import {
  CODE_NAMES,
  CODE_TABLES,
  DATASET_NAMES_FOR_PEOPLE,
  SIGNAL_LABELS,
  signalLabel,
  valueLabel,
} from '../../src/domain/labels/code-names.js';
import { FIELD_LABELS, type AnalysisFieldPath } from '../../src/domain/labels/field-labels.js';
import {
  ETF_FLOWS_LABELS,
  formatField,
  labelledRows,
  LIQUIDITY_LABELS,
  POSITIONING_LABELS,
} from '../../src/domain/labels/field-rows.js';
import { humanText } from '../../src/domain/labels/human-text.js';
import { formatPercentile } from '../../src/format/percent.js';
import { simulatedNoteInput, type NoteInput } from '../helpers/simulated-note-input.js';

describe('formatField', () => {
  it('prints each kind in the house style', () => {
    expect(formatField({ kind: 'usd' }, -602_300_000)).toBe('\u2212$602M');
    expect(formatField({ kind: 'signedUsd' }, 243_200_000)).toBe('+$243M');
    expect(formatField({ kind: 'price' }, 64_239.4)).toBe('64,239');
    expect(formatField({ kind: 'signedPct' }, 0.964)).toBe('+1.0%');
    expect(formatField({ kind: 'signedFraction' }, 0.105)).toBe('+10.5%');
    expect(formatField({ kind: 'fraction' }, 0.7)).toBe('70.0%');
    expect(formatField({ kind: 'fraction', digits: 0 }, 0.62)).toBe('62%');
    expect(formatField({ kind: 'rate8h' }, 0.0001)).toBe('0.0100% per 8h');
    expect(formatField({ kind: 'signedCoins' }, -71_448.4)).toBe('\u221271,448 coins');
    expect(formatField({ kind: 'ratio' }, 1.234)).toBe('1.23×');
    expect(formatField({ kind: 'count' }, 12)).toBe('12');
    expect(formatField({ kind: 'days' }, 7)).toBe('7 days');
    expect(formatField({ kind: 'bp' }, 0.00123)).toBe('12.3 bp');
    expect(formatField({ kind: 'perBillionUsd' }, 2.5e-11)).toBe('0.0250');
    expect(formatField({ kind: 'date' }, '2026-08-18')).toBe('18 Aug 2026');
    expect(formatField({ kind: 'yesNo' }, false)).toBe('no');
    expect(formatField({ kind: 'code' }, 'cftc-total-oi')).toBe('CFTC total open interest');
    expect(formatField({ kind: 'text' }, 'BTC')).toBe('BTC');
    expect(formatField({ kind: 'usd' }, null)).toBe('n/a');
  });
  it('ranks as ordinal percentiles', () => {
    expect(formatPercentile(0.834)).toBe('83rd percentile');
    expect(formatPercentile(0.01)).toBe('1st percentile');
    expect(formatPercentile(0.12)).toBe('12th percentile');
    expect(formatPercentile(0.22)).toBe('22nd percentile');
    expect(formatPercentile(null)).toBe('n/a');
  });
});

describe('words for codes and signals', () => {
  it('labels coded values and falls back to spaces for unknown codes', () => {
    expect(valueLabel('one-way-outflow')).toBe('one-way outflow');
    expect(valueLabel('oi-falling-price-holding')).toBe('open interest falling while price holds');
    expect(valueLabel('perps')).toBe('perpetual futures');
    expect(valueLabel('brand-new-code')).toBe('brand new code');
    expect(valueLabel(null)).toBe('n/a');
  });
  it('names signals without dots, hyphens or camel case', () => {
    expect(signalLabel('positioning.cot')).toBe('CFTC positioning');
    expect(signalLabel('liquidity.someNewMeasure')).toBe('Some new measure');
  });
  it('gives a code the same words in every table that holds it', () => {
    const seen = new Map<string, string>();
    for (const table of CODE_TABLES)
      for (const [code, words] of Object.entries(table)) {
        expect(seen.get(code) ?? words, code).toBe(words);
        seen.set(code, words);
      }
  });
  it('gives no two fields the same words', () => {
    const labels = Object.values(FIELD_LABELS).map((f) => f.label.toLowerCase());
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });
});

describe('labelledRows', () => {
  it('takes the table order, capitalises, formats by kind and leaves absent fields out', () => {
    const rows = labelledRows(
      {
        openInterestUsd: 24_600_000_000,
        oiChangePct: { d1: 0.964, d7: null, d30: -12.5 },
        liquidations: { spike: false },
        cme: { annualisedBasis: 0.105, positionProxySource: 'cftc-total-oi' },
        somethingElse: 3,
      },
      POSITIONING_LABELS,
    );
    expect(rows).toEqual([
      ['Perp open interest', '$24.6B'],
      ['Perp OI change, 1 day', '+1.0%'],
      ['Perp OI change, 7 days', 'n/a'],
      ['Perp OI change, 30 days', '\u221212.5%'],
      ['Liquidation spike on the latest day', 'no'],
      ['CME basis, annualised', '+10.5%'],
      ['CME position proxy source', 'CFTC total open interest'],
    ]);
    expect(labelledRows(null, LIQUIDITY_LABELS)).toEqual([]);
  });
});

/** Every scalar leaf of the analysis, dotted, with its value (arrays are not walked). */
function leaves(node: unknown, path: string, out: [string, unknown][]): [string, unknown][] {
  if (node === null || node === undefined || Array.isArray(node)) return out;
  if (typeof node !== 'object') {
    out.push([path, node]);
    return out;
  }
  for (const [k, v] of Object.entries(node)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  return out;
}

/** A raw key a reader must never meet: camelCase, a dotted path, or a hyphenated slug of the label table. */
const CODE_SLUGS = Object.keys(CODE_NAMES).filter((k) => k.includes('-') && k !== 'two-way');
function rawKeys(text: string): string[] {
  const camel = (text.match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? []).filter((w) => w !== 'mNAV');
  const dotted = text.match(/\b[a-z]+\.[a-z][a-zA-Z]+\b/g) ?? [];
  const slugs = CODE_SLUGS.filter((s) => new RegExp(`(?<![\\w-])${s}(?![\\w-])`).test(text));
  return [...camel, ...dotted, ...slugs];
}

describe('over the simulated analysis (seed 7, 2026-01-16), everything a reader sees has one label', () => {
  let input: NoteInput;
  let analysis: Analysis;
  beforeAll(async () => {
    input = await simulatedNoteInput();
    analysis = input.analysis;
  }, 180_000);

  it('every scalar field has words in FIELD_LABELS, and every coded value has words in CODE_NAMES', () => {
    const fields = leaves(analysis, '', []).filter(([p]) => !p.startsWith('signals.liquidity.latestSelloff.measures.'));
    expect(fields.length).toBeGreaterThan(60);
    const unlabelled = fields.filter(([p]) => !Object.hasOwn(FIELD_LABELS, p)).map(([p]) => p);
    expect(unlabelled).toEqual([]);
    const unworded = fields
      .filter(([p, v]) => FIELD_LABELS[p as AnalysisFieldPath].kind === 'code' && typeof v === 'string')
      .filter(([, v]) => !Object.hasOwn(CODE_NAMES, v as string))
      .map(([p, v]) => `${p} = ${String(v)}`);
    expect(unworded).toEqual([]);
  });

  it("the dashboard's figure tables print no raw key, in a label or a value", () => {
    const s = analysis.signals;
    const rows = [
      ...labelledRows(s.positioning, POSITIONING_LABELS),
      ...labelledRows(s.liquidity, LIQUIDITY_LABELS),
      ...labelledRows(s.etfFlows, ETF_FLOWS_LABELS),
    ];
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.flatMap(([label, value]) => rawKeys(`${label}: ${value}`))).toEqual([]);
  });

  it('every evidence signal id has a short name, and every sentence reads without a raw key', () => {
    const evidence = [...analysis.phase.evidence, ...Object.values(analysis.signals).flatMap(sectionEvidence)];
    expect(evidence.length).toBeGreaterThan(10);
    expect([...new Set(evidence.map((e) => e.signal))].filter((id) => !Object.hasOwn(SIGNAL_LABELS, id))).toEqual([]);
    const sentences = [
      ...evidence.map((e) => e.text),
      ...analysis.checklist.map((c) => c.text),
      ...(analysis.phase.unusedEvidence ?? []),
      ...Object.values(analysis.signals).flatMap((x) => missingOf(x)),
    ];
    expect(sentences.flatMap((t) => rawKeys(humanText(t)).map((k) => `${k} in "${humanText(t)}"`))).toEqual([]);
  });

  it('every stored dataset has a name for people', () => {
    const datasets = input.coverage.map((c) => c.dataset);
    expect(datasets.length).toBeGreaterThan(3);
    expect(datasets.filter((d) => !Object.hasOwn(DATASET_NAMES_FOR_PEOPLE, d))).toEqual([]);
  });
});

function sectionEvidence(section: unknown): { signal: string; text: string }[] {
  const e = (section as { evidence?: unknown }).evidence;
  return Array.isArray(e) ? (e as { signal: string; text: string }[]) : [];
}

function missingOf(section: unknown): string[] {
  const m = (section as { availability?: { missing?: unknown } }).availability?.missing;
  return Array.isArray(m) ? (m as string[]) : [];
}

describe('no module outside src/domain/labels/ holds words for a coded value', () => {
  it('finds no "<code>": "<its words>" table entry elsewhere in src/', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (!path.endsWith(join('domain', 'labels'))) walk(path);
        } else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk('src');
    // An entry keyed by a code whose text is a code's words, or holds the words of a multi-word code:
    // a second label table (colours, thresholds and explanations are not words for the code).
    const words = Object.values(CODE_NAMES).map((w) => w.toLowerCase());
    const phrases = words.filter((w) => w.includes(' '));
    const isLabel = (text: string): boolean =>
      words.includes(text.toLowerCase()) || phrases.some((p) => text.toLowerCase().includes(p));
    const entry = /(?:'([a-z0-9]+(?:-[a-z0-9]+)+)'|\b([a-z]+)): '([^'$]*)'/g;
    const found = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(entry)]
        .filter((m) => Object.hasOwn(CODE_NAMES, m[1] ?? m[2]!) && isLabel(m[3]!))
        .map((m) => `${f}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
