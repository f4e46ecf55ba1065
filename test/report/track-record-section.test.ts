// The note's Track record: the sections per period, the plain-words list of where the engine is worse,
// the yardstick table's cells from the record, the three charts, SIMULATED marking, the missing case,
// and the section through Markdown and HTML.
import { describe, expect, it } from 'vitest';
import { formatPercent, formatSignedPercent } from '../../src/format/percent.js';
import { buildNote } from '../../src/report/build-note.js';
import type { NoteBlock, NoteSection } from '../../src/report/note-model.js';
import { renderReport } from '../../src/report/render-report.js';
import { decimate } from '../../src/report/track-record-charts.js';
import { trackRecordSections } from '../../src/report/track-record-section.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { buildSeriesFixture } from '../fixtures/analysis/series-btc.js';
import { fixtureRun } from '../helpers/track-record-fixture.js';

const run = fixtureRun();
const blocksOf = <K extends NoteBlock['kind']>(section: NoteSection, kind: K): Extract<NoteBlock, { kind: K }>[] =>
  section.blocks.filter((b): b is Extract<NoteBlock, { kind: K }> => b.kind === kind);

describe('trackRecordSections', () => {
  const sections = trackRecordSections({ run });
  const [overview, inSample, outOfSample] = sections;

  it('opens with the overview, then one section per period, in-sample and out-of-sample apart', () => {
    expect(sections.map((s) => s.id)).toEqual(['track-record', 'track-record-in-sample', 'track-record-out-of-sample']);
    expect(inSample!.title).toBe('Track record, in-sample (to 2022-06-30): 2021-07-30 → 2022-06-30');
    expect(outOfSample!.title).toBe('Track record, out-of-sample: 2022-07-01 → 2023-09-28');
    expect(blocksOf(inSample!, 'paragraph')[0]!.text).toMatch(/^In-sample: the rules .* flatter the engine\.$/);
    expect(blocksOf(outOfSample!, 'paragraph')[0]!.text).toMatch(/^Out-of-sample: nothing was chosen/);
  });

  it('says in plain words every yardstick where the engine is worse, and only those', () => {
    const worse = run.record.periods.flatMap((p) =>
      p.verdicts.filter((v) => v.outcome === 'worse').map((v) => `${p.name}: ${v.text}`),
    );
    expect(worse).toEqual([
      'in-sample (to 2022-06-30): Brier score: 0.117 against 0.076 for the constant rate: the confidence is worse than answering the hit rate every time.',
      'out-of-sample: Brier score: 0.106 against 0.080 for the constant rate: the confidence is worse than answering the hit rate every time.',
    ]);
    const paragraphs = blocksOf(overview!, 'paragraph').map((b) => b.text);
    expect(paragraphs).toContain('Where the engine is worse than a baseline (or than holding):');
    expect(paragraphs).toContain(
      'Against the best baseline on each yardstick — in-sample (to 2022-06-30): better on 8, worse on 1, tied on 0 of 9 comparisons; out-of-sample: better on 8, worse on 1, tied on 0 of 9 comparisons.',
    );
    expect(blocksOf(overview!, 'bullets')[0]!.items).toEqual(worse);
    // Each period lists every verdict, marked.
    const marks = blocksOf(outOfSample!, 'bullets')[0]!.items.map((i) => i.slice(0, 1));
    expect(marks).toEqual(['✓', '✓', '✓', '✓', '✓', '✓', '✓', '✗', '✓']);
  });

  it('tabulates every yardstick for the three engines and buy-and-hold from the record', () => {
    const table = blocksOf(outOfSample!, 'table')[0]!;
    expect(table.columns).toEqual(['Yardstick', 'Tidemark engine', '200-day rule', '50/200 rule', 'Buy and hold']);
    const row = (name: string): readonly string[] => table.rows.find((r) => r[0] === name)!;
    const period = run.record.periods[1]!;
    expect(row('label right in hindsight')).toEqual([
      'label right in hindsight',
      formatPercent(period.engines.engine.labelAgreement.shareRight),
      formatPercent(period.engines.sma200.labelAgreement.shareRight),
      formatPercent(period.engines.sma50and200.labelAgreement.shareRight),
      '–',
    ]);
    expect(row('phase-following CAGR')[4]).toBe(formatSignedPercent(period.buyAndHold!.cagr));
    expect(row('Brier score of the confidence').slice(2)).toEqual(['–', '–', '–']);
    expect(table.rows.map((r) => r[0])).toContain('forward-return spread 60 d (bull-side minus bear-side calls)');
  });

  it('draws the price with the calls and the turning points, the equity curves and the reliability diagram', () => {
    const charts = sections.flatMap((s) => blocksOf(s, 'chart').map((b) => b.chart));
    expect(charts.map((c) => c.id)).toEqual([
      'track-record-price',
      'track-record-equity-in-sample',
      'track-record-reliability-in-sample',
      'track-record-equity-out-of-sample',
      'track-record-reliability-out-of-sample',
    ]);
    const price = charts[0]!.svg;
    expect(price.startsWith('<svg')).toBe(true);
    // The legend names the calls in words, never by key.
    expect(price).toContain('>trend decline<');
    expect(price).not.toContain('>trend-decline<');
    // The dated turning points after the first call are labelled with their dates.
    for (const date of ['2021-09-08', '2022-02-05', '2022-12-02', '2023-05-01']) expect(price).toContain(date);
    expect(price).toContain('hindsight');
    expect(charts[2]!.svg).toContain('perfect probability');
    expect(charts[1]!.svg).toContain('buy and hold');
    expect(sections.flatMap((s) => blocksOf(s, 'missing'))).toEqual([]);
  });

  it('marks simulated data in every title and opens with it in words', () => {
    const simulated = trackRecordSections({ run: fixtureRun(true) });
    for (const s of simulated) expect(s.title).toContain('SIMULATED DATA');
    expect(blocksOf(simulated[0]!, 'paragraph')[0]!.text).toMatch(/^SIMULATED DATA: /);
    for (const c of simulated.flatMap((s) => blocksOf(s, 'chart'))) expect(c.chart.title).toContain('SIMULATED DATA');
    const note = buildNote({
      analysis: { ...analyzeSeries(buildSeriesFixture()), simulated: false },
      series: { ...buildSeriesFixture(), simulated: false },
      coverage: [],
      trackRecord: { run: fixtureRun(true) },
    });
    expect(note.simulated).toBe(true);
  });

  it('says why when there is no record', () => {
    expect(trackRecordSections({ missing: 'No track record: too few closes.' })).toEqual([
      {
        id: 'track-record',
        title: 'Track record',
        blocks: [{ kind: 'missing', text: 'No track record: too few closes.' }],
      },
    ]);
    expect(trackRecordSections(undefined)[0]!.blocks).toEqual([
      { kind: 'missing', text: 'The track record was not computed for this note.' },
    ]);
  });

  it('comes out in Markdown (chart files) and HTML (sections) after what would change the judgment', async () => {
    const report = await renderReport(
      {
        analysis: analyzeSeries(buildSeriesFixture()),
        series: buildSeriesFixture(),
        coverage: [],
        trackRecord: { run },
      },
      { formats: ['md', 'html'] },
    );
    const md = report.markdown!;
    expect(md).toContain('## Track record\n');
    expect(md).toContain('## Track record, out-of-sample: 1 Jul 2022 → 28 Sep 2023');
    expect(md).toContain('![');
    expect(md.indexOf('## Track record')).toBeGreaterThan(md.indexOf('## What would change'));
    expect(report.chartFiles.map((f) => f.fileName)).toContain('tidemark-BTC-2026-01-07-track-record-price.svg');
    expect(report.html).toContain('<section id="track-record-out-of-sample">');
    expect(report.html).toContain('<td class="num">+');
  });
});

describe('decimate', () => {
  it('keeps the first, the last and each bucket’s low and high in date order', () => {
    const values = [5, 1, 9, 3, 4, 8, 2, 7, 6, 0];
    // 4 points → 2 buckets of 5: [5,1,9,3,4] low 1 (i1) high 9 (i2); [8,2,7,6,0] high 8 (i5) low 0 (i9, the last).
    expect(decimate(values, (v) => v, 4)).toEqual([5, 1, 9, 8, 0]);
    expect(decimate(values, (v) => v, 20)).toEqual(values);
  });

  it('keeps the extremes of a long series', () => {
    const long = Array.from({ length: 5000 }, (_, i) => Math.sin(i / 97) * 100 + (i === 3210 ? 500 : 0));
    const kept = decimate(long, (v) => v);
    expect(kept.length).toBeLessThanOrEqual(762);
    expect(Math.max(...kept)).toBe(Math.max(...long));
    expect(Math.min(...kept)).toBe(Math.min(...long));
  });
});
