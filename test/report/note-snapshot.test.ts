// The note for a fixed seed and date, as Markdown, against its snapshot; and the reading rules every
// note must keep: no internal key, no ASCII minus before a figure, one label per thing.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render-report.js';
import { FLOW_REGIMES, PHASE_LABELS, SEGMENTS, SELLOFF_TYPES } from '../../src/domain/analysis.js';
import { COMPANY_NAMES } from '../../src/domain/labels/code-names.js';
import { simulatedNoteInput, type NoteInput } from '../helpers/simulated-note-input.js';

let input: NoteInput;
let md: string;

beforeAll(async () => {
  input = await simulatedNoteInput();
  md = (await renderReport(input, { formats: ['md'] })).markdown ?? '';
}, 180_000);

/** The note's prose: everything but chart file references. */
const prose = (): string => md.replace(/!\[[^\]]*\]\([^)]*\)/g, '');

describe('the note for seed 7 as of 2026-01-16', () => {
  it('matches its snapshot', async () => {
    await expect(md).toMatchFileSnapshot('__snapshots__/note-seed7-2026-01-16.md');
  });

  it('prints no camelCase key', () => {
    const camel = prose().match(/\b[a-z]+[A-Z][a-zA-Z]*\b/g) ?? [];
    // "mNAV" is the market's own word.
    expect(camel.filter((w) => w !== 'mNAV')).toEqual([]);
  });

  it('prints no slug of a known key', () => {
    const slugs = [
      ...PHASE_LABELS,
      ...FLOW_REGIMES.filter((r) => r !== 'two-way'), // "two-way" is the market's own word
      ...SELLOFF_TYPES.filter((s) => s !== 'none'),
      ...Object.keys(COMPANY_NAMES).filter((k) => k.includes('-')),
      'oi-rising-price-falling',
      'oi-falling-price-holding',
      'cftc-total-oi',
    ].filter((k) => k.includes('-'));
    for (const slug of slugs) expect(prose(), slug).not.toMatch(new RegExp(`(?<![\\w-])${slug}(?![\\w-])`));
    for (const segment of SEGMENTS) expect(prose(), segment).not.toMatch(new RegExp(`\\b${segment}\\b`));
  });

  it('uses the Unicode minus before every negative figure, never an ASCII hyphen', () => {
    // A hyphen directly before a digit or a currency sign, not inside a date (2026-01-16) or a range word.
    const ascii = prose().match(/(?<![\d\w])-\$?\d/g) ?? [];
    expect(ascii).toEqual([]);
    expect(prose()).not.toMatch(/-\$\d/);
  });

  it('prints money in one style ($ with K/M/B/T) and prices with thousands separators', () => {
    expect(prose()).not.toMatch(/\d\s?(bn|m) USD/);
    expect(prose()).not.toMatch(/\b\d{5,}\b(?!-)/);
  });

  it('says how long the call has held, from the replayed sessions', () => {
    const lead = md.split('\n').find((l) => l.startsWith('**BTC as of 16 Jan 2026: '));
    expect(lead).toBeDefined();
    const last = input.history.filter((c) => c.date < '2026-01-16').at(-1);
    expect(last).toBeDefined();
    if (last!.label === input.analysis.phase.label) expect(lead).toMatch(/unchanged for \d+ sessions/);
  });
});
