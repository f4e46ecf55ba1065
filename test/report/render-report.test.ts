import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { buildNote } from '../../src/report/build-note.js';
import { chromiumPath } from '../../src/report/pdf.js';
import { renderReport } from '../../src/report/render-report.js';
import { terminalSummary } from '../../src/report/terminal-summary.js';
import { priceTriggers, whatWouldChange } from '../../src/report/what-would-change.js';
import type { PastCall } from '../../src/report/call-history.js';
import type { CoverageRow } from '../../src/store/store.js';
import { simulatedNoteInput } from '../helpers/simulated-note-input.js';
import { emptyMarketSeries } from '../helpers/market-series.js';

let analysis: Analysis;
let series: MarketSeries;
let history: PastCall[];

beforeAll(async () => {
  const input = await simulatedNoteInput();
  analysis = input.analysis;
  series = input.series;
  history = [...input.history];
}, 180_000);
const coverage: CoverageRow[] = [
  {
    dataset: 'etf-flows',
    field: 'netFlowUsd',
    asset: 'BTC',
    key: 'IBIT',
    firstDate: '2024-01-11',
    lastDate: '2026-01-07',
    rows: 500,
    gaps: 1,
    revisedRows: 3,
    sources: ['farside'],
    lastImportedAt: '2026-01-08T00:00:00.000Z',
  },
  {
    dataset: 'etf-flows',
    field: 'netFlowUsd',
    asset: 'BTC',
    key: 'FBTC',
    firstDate: '2024-01-11',
    lastDate: '2026-01-06',
    rows: 499,
    gaps: 0,
    revisedRows: 0,
    sources: ['farside', 'sosovalue'],
    lastImportedAt: '2026-01-08T00:00:00.000Z',
  },
  {
    dataset: 'etf-flows',
    field: 'netFlowUsd',
    asset: 'ETH',
    key: 'ETHA',
    firstDate: '2024-07-23',
    lastDate: '2026-01-07',
    rows: 370,
    gaps: 0,
    revisedRows: 0,
    sources: ['farside'],
    lastImportedAt: '2026-01-08T00:00:00.000Z',
  },
  {
    dataset: 'exchange-oi',
    field: 'openInterestUsd',
    asset: 'MULTI',
    key: 'binance',
    firstDate: '2025-01-01',
    lastDate: '2026-01-07',
    rows: 372,
    gaps: 0,
    revisedRows: 0,
    sources: ['cryptoquant'],
    lastImportedAt: '2026-01-08T00:00:00.000Z',
  },
];

const emptySeries = (asset: MarketSeries['asset']): MarketSeries => emptyMarketSeries({ asset, asOf: '2026-01-07' });

describe('renderReport', () => {
  it('builds the sections of a desk note in reading order', () => {
    const note = buildNote({ analysis, series, coverage, history });
    expect(note.sections.map((s) => s.id)).toEqual([
      'headline',
      'what-changed',
      'etf-flows',
      'positioning',
      'trend',
      'liquidity',
      'waves',
      'divergence',
      'treasuries',
      'checklist',
      'what-would-change',
      'events',
      'track-record',
      'playbook',
      'caveats',
      'coverage',
    ]);
    expect(note.simulated).toBe(true);
  });

  it('opens with the call, how long it has held and what it was before', async () => {
    const made: PastCall[] = [
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
      '2026-01-15',
    ].map((date) => ({
      date,
      label:
        date <= '2026-01-08'
          ? 'uptrend'
          : analysis.phase.label === 'uptrend'
            ? 'topping'
            : (analysis.phase.label ?? 'bottoming'),
      confidence: 0.5,
      checklist: analysis.checklist.map((c) => ({ ...c, met: !c.met })),
    }));
    const call: Analysis = {
      ...analysis,
      phase: { ...analysis.phase, label: made.at(-1)!.label, confidence: 0.64, noCallReason: undefined },
    };
    const md =
      (await renderReport({ analysis: call, series, coverage, history: made }, { formats: ['md'] })).markdown ?? '';
    expect(md.startsWith('# Tidemark — BTC market phase as of 2026-01-16\n\n> **SIMULATED DATA')).toBe(true);
    // 2026-01-09 … 2026-01-15 (5 sessions) plus the as-of date: 6 sessions.
    expect(md).toMatch(
      /\*\*BTC as of 16 Jan 2026: [A-Z][a-z ]+, unchanged for 6 sessions \(since 9 Jan 2026\); was uptrend until 8 Jan 2026\*\*/,
    );
    expect(md).toContain('Confidence 64% — the model');
    // The week: the call a week earlier (2026-01-09) and every checklist item flipped since.
    expect(md).toContain('as on 9 Jan 2026; confidence +14 pp.');
    expect(md.match(/^- Checklist: ".*" is (now met|no longer met) \(9 Jan 2026: /gm)).toHaveLength(
      analysis.checklist.length,
    );
  });

  it('says the call has no history when none was replayed', async () => {
    const md = (await renderReport({ analysis, series, coverage }, { formats: ['md'] })).markdown ?? '';
    expect(md).toMatch(/\*\*BTC as of 16 Jan 2026: [A-Z][a-z ]+ \(no earlier sessions replayed\)\*\*/);
  });

  it('writes Markdown with the figures of the analysis, labelled', async () => {
    const report = await renderReport({ analysis, series, coverage, history }, { formats: ['md'] });
    const md = report.markdown ?? '';
    expect(report.baseName).toBe('tidemark-BTC-2026-01-16');
    const met = analysis.checklist.filter((c) => c.met).length;
    expect(md).toContain(`${met} of ${analysis.checklist.length} confirmations met.`);
    // Coverage rolls keys up per dataset and asset; ETH rows are not this note's.
    expect(md).toContain(
      '| ETF flows per fund (daily) | 2 | 11 Jan 2024 | 7 Jan 2026 | 999 | 1 | 3 | Farside, SoSoValue |',
    );
    expect(md).toContain('| Exchange open interest (all assets) | 1 |');
    expect(md).not.toContain('ETHA');
    // Each chart is an SVG file referenced by the Markdown.
    expect(report.chartFiles.map((c) => c.fileName)).toEqual(
      ['etf-flows', 'perp-oi', 'funding', 'cme', 'waves'].map((id) => `tidemark-BTC-2026-01-16-${id}.svg`),
    );
    for (const chart of report.chartFiles) {
      expect(md).toContain(`](${chart.fileName})`);
      expect(chart.svg.startsWith('<svg')).toBe(true);
    }
    expect(report.html).toBeUndefined();
  });

  it('computes the flow windows and the per-fund table (hand-checked on three days of flows)', async () => {
    const tiny: MarketSeries = {
      ...emptyMarketSeries({ asset: 'BTC', asOf: '2026-01-07' }),
      etfFlows: [
        { date: '2025-12-31', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 40e6 },
        { date: '2026-01-05', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 100e6 },
        { date: '2026-01-05', fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: -30e6 },
        { date: '2026-01-06', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: -50e6 },
        { date: '2026-01-07', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 5e6 },
      ],
    };
    const md =
      (
        await renderReport(
          { analysis: { ...analysis, asOf: '2026-01-07' }, series: tiny, coverage: [] },
          { formats: ['md'] },
        )
      ).markdown ?? '';
    // Day 01-07: +5M; week from Monday 01-05: +70 − 50 + 5 = +25M; month from 01-01: the same; all: +65M.
    expect(md).toContain('| ETF flows, day | +$5.00M | 7 Jan 2026 |');
    expect(md).toContain('| ETF flows, week to date | +$25.0M | 3 sessions from 5 Jan 2026 |');
    expect(md).toContain('| ETF flows, month to date | +$25.0M | 3 sessions from 1 Jan 2026 |');
    expect(md).toContain("the funds' net flow was +$65.0M.");
    expect(md).toContain('| US$ M | IBIT | FBTC | Total |');
    expect(md).toContain('| 5 Jan 2026 | 100.0 | −30.0 | 70.0 |');
    expect(md).toContain('| 6 Jan 2026 | −50.0 |  | −50.0 |');
    expect(md).toContain('| Sum | 95.0 | −30.0 | 65.0 |');
  });

  it('says what is missing instead of drawing empty charts, and drops the banner for real data', async () => {
    const real: Analysis = { ...analysis, simulated: false, waves: [] };
    const md =
      (await renderReport({ analysis: real, series: emptySeries('BTC'), coverage: [] }, { formats: ['md'] }))
        .markdown ?? '';
    expect(md).not.toContain('SIMULATED');
    expect(md).toContain('No chart: the per-fund ETF flow series has no data up to the as-of date.');
    expect(md).toContain('No chart: perp open interest has no data');
    expect(md).toContain('No de-risking wave was under way between 20 Jul 2025 and 16 Jan 2026.');
    expect(md).toContain('The store reported no coverage for this asset.');
  });

  it('writes one self-contained HTML file with inline SVG charts, the banner and unwrapped dates', async () => {
    const report = await renderReport({ analysis, series, coverage, history }, { formats: ['html'] });
    const html = report.html ?? '';
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<figure id="chart-/g)).toHaveLength(5);
    expect(html.match(/class="banner"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|\ssrc=|href="http/i);
    expect(html).toContain('<span class="nw">16 Jan 2026</span>');
    // No ISO date left in the text a person reads (the title line and the charts keep theirs).
    const body = html
      .slice(html.indexOf('<h2'))
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<h1[\s\S]*?<\/h1>/, '');
    expect(body.replace(/<[^>]+>/g, '')).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    expect(html).toMatch(/table \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/figure \{[^}]*break-inside: avoid/);
    expect(report.markdown).toBeUndefined();
    expect(report.chartFiles).toEqual([]);
  });

  it('escapes text from the data in HTML', async () => {
    const hostile: Analysis = {
      ...analysis,
      checklist: [{ id: 'x', met: false, text: '<img src=x onerror=alert(1)> & more' }],
    };
    const html = (await renderReport({ analysis: hostile, series, coverage }, { formats: ['html'] })).html ?? '';
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
    expect(html).not.toContain('<img');
  });

  it('refuses a series of another asset', async () => {
    await expect(renderReport({ analysis, series: emptySeries('ETH'), coverage }, { formats: ['md'] })).rejects.toThrow(
      /series asset "ETH" differs from analysis asset "BTC"/,
    );
  });

  it('derives what would change the call from the checklist, by name', () => {
    const { forward, backward } = whatWouldChange(analysis);
    expect(forward).toHaveLength(analysis.checklist.filter((c) => !c.met).length);
    expect(backward).toHaveLength(analysis.checklist.filter((c) => c.met).length);
    for (const f of forward) expect(f).not.toContain(':');
  });

  it('a price trigger turns the call, or confirms one the engine made before the regime turned', () => {
    const withCall = (label: 'uptrend' | 'trend-decline', regime: 'bull' | 'bear'): Analysis =>
      ({
        ...analysis,
        phase: { ...analysis.phase, label },
        signals: {
          ...analysis.signals,
          trend: { ...analysis.signals.trend, regime, regimeExtremeClose: 80_000, regimeExtremeDate: '2025-12-01' },
        },
      }) as Analysis;
    expect(priceTriggers(withCall('trend-decline', 'bear'))[0]).toMatch(
      /^A close above 92,000 \(15% above the regime low 80,000 of 2025-12-01\) would confirm a bull regime: the call would turn to uptrend\.$/,
    );
    // An uptrend called early (on the 50-day average) while the regime is still bear: confirmed, not turned.
    const early = priceTriggers(withCall('uptrend', 'bear'))[0];
    expect(early).toContain('the uptrend call, made before the regime turned, would be confirmed');
    expect(early).not.toContain('would turn to');
    expect(priceTriggers(withCall('trend-decline', 'bull'))[0]).toContain(
      'would confirm a bear regime: the trend decline call, made before the regime turned, would be confirmed',
    );
  });

  it('prints a short terminal summary', () => {
    const summary = terminalSummary(analysis);
    expect(summary.split('\n')[0]).toBe('Tidemark BTC as of 2026-01-16  [SIMULATED DATA]');
    expect(summary).toContain(
      `Checklist: ${analysis.checklist.filter((c) => c.met).length}/${analysis.checklist.length} met`,
    );
  });

  it.skipIf(!existsSync(chromiumPath()))('prints the HTML to PDF with headless Chromium', async () => {
    const report = await renderReport({ analysis, series, coverage }, { formats: ['pdf'] });
    const pdf = report.pdf ?? new Uint8Array();
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(report.html).toBeUndefined();
  });
});

describe('caveats', () => {
  it('says when stored datasets run past the as-of date', async () => {
    const later: CoverageRow[] = [{ ...coverage[0]!, lastDate: '2026-03-31' }, coverage[3]!];
    const md = (await renderReport({ analysis, series, coverage: later }, { formats: ['md'] })).markdown ?? '';
    expect(md).toContain('> - The store holds later data (ETF flows per fund (daily)); none of it was used here.');
  });
});

describe('evidence direction, each fact once, and waves window', () => {
  it('reads weights as bullish/bearish: negative weights support a trend-decline call', () => {
    const bearish: Analysis = {
      ...analysis,
      phase: {
        ...analysis.phase,
        label: 'trend-decline',
        confidence: analysis.phase.confidence ?? 0.5,
        noCallReason: undefined,
        evidence: [{ signal: 'trend', text: 'Down.', value: null, weight: -1 }],
      },
    };
    expect(terminalSummary(bearish)).toContain('  + Down.');
    const bullish: Analysis = {
      ...bearish,
      phase: { ...bearish.phase, label: 'uptrend', confidence: 0.5, noCallReason: undefined },
    };
    expect(terminalSummary(bullish)).toContain('  − Down.');
  });

  it('prints every evidence sentence at most once in the whole note', async () => {
    const md = (await renderReport({ analysis, series, coverage, history }, { formats: ['md'] })).markdown ?? '';
    const bulletsOnce = md.split('\n').filter((l) => l.startsWith('- ') && l.length > 40);
    expect(new Set(bulletsOnce).size).toBe(bulletsOnce.length);
  });

  it('shows only waves that reach into the charted period and counts the earlier ones', () => {
    const withOld: Analysis = {
      ...analysis,
      waves: [
        { segment: 'perps', start: '2024-06-05', end: '2024-06-15', size: 7.4e9, unit: 'USD of open interest shed' },
        ...analysis.waves.filter((w) => w.end === null || w.end >= '2025-07-20'),
      ],
    };
    const note = buildNote({ analysis: withOld, series, coverage });
    const waves = note.sections.find((s) => s.id === 'waves');
    const first = waves?.blocks[0];
    expect(first?.kind === 'paragraph' ? first.text : '').toMatch(/ 1 earlier wave ended before 20 Jul 2025\.$/);
  });
});

describe('no call', () => {
  // A real analysis of an empty series (an empty store): no price, so no call.
  const none = analyzeSeries(emptySeries('BTC'));
  const reason = 'no data for BTC was known by 7 Jan 2026 (no price, ETF flow, open interest, funding or CME figure)';

  it('the analysis has no label and no confidence, and says why', () => {
    expect(none.phase).toMatchObject({ label: null, confidence: null, noCallReason: reason });
  });

  it('the note says "no call" and why, with no label, confidence or direction of evidence', async () => {
    const { markdown = '', html = '' } = await renderReport(
      { analysis: none, series: emptySeries('BTC'), coverage: [] },
      { formats: ['md', 'html'] },
    );
    expect(markdown).toContain(`BTC as of 7 Jan 2026: no call — ${reason}`);
    expect(markdown).toContain(`There is no call to change: ${reason}.`);
    expect(html).toMatch(/BTC as of .{0,40}7 Jan 2026.{0,10}: no call — /);
    for (const text of [markdown, html]) {
      expect(text).not.toMatch(/is in a trend decline|phase "|confidence \d/i);
      expect(text).not.toContain('Evidence supporting the call');
    }
  });

  it('the terminal summary says no call', () => {
    expect(terminalSummary(none).split('\n')[1]).toBe(`Phase: no call (${reason})`);
  });
});
