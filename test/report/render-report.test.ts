import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/domain/analysis.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { buildNote } from '../../src/report/build-note.js';
import { chromiumPath } from '../../src/report/pdf.js';
import { renderReport } from '../../src/report/render-report.js';
import { terminalSummary } from '../../src/report/terminal-summary.js';
import { whatWouldChange } from '../../src/report/what-would-change.js';
import type { CoverageRow } from '../../src/store/store.js';
import { buildSeriesFixture, loadAnalysisFixture } from '../fixtures/analysis/series-btc.js';
import { emptyMarketSeries } from '../helpers/market-series.js';

const analysis = loadAnalysisFixture();
const series = buildSeriesFixture();
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
    const note = buildNote({ analysis, series, coverage });
    expect(note.sections.map((s) => s.id)).toEqual([
      'headline',
      'etf-flows',
      'positioning',
      'events',
      'liquidity',
      'waves',
      'divergence',
      'treasuries',
      'checklist',
      'what-would-change',
      'track-record',
      'playbook',
      'coverage',
    ]);
    expect(note.simulated).toBe(true);
  });

  it('writes Markdown whose figures come from the analysis and series', async () => {
    const report = await renderReport({ analysis, series, coverage }, { formats: ['md'] });
    const md = report.markdown ?? '';
    expect(report.baseName).toBe('tidemark-BTC-2026-01-07');
    expect(md.startsWith('# Tidemark - BTC market phase as of 2026-01-07\n\n> **SIMULATED DATA')).toBe(true);
    expect(md).toContain(
      'Judgment: BTC is bottoming as of 2026-01-07 (phase "bottoming", confidence 64%), on 6 pieces of evidence.',
    );
    expect(md).toContain('Flow regime: two-way (directionality −0.18');
    expect(md).toContain('| Net flow window | −$612M |');
    expect(md).toContain('| Funding rate8h mean14d | 0.0042% per 8h |');
    expect(md).toContain(
      '3 waves in this order: perps from 2025-10-10, then cme from 2025-10-20, then etf from 2025-11-03.',
    );
    expect(md).toContain('| 1 | perps | 2025-10-10 | 2025-10-17 | $12.6B |');
    expect(md).toContain('The selling reads as position rebalancing, not a liquidity failure');
    expect(md).toContain('- [x] ETF flows two-way (|directionality| < 0.3 over 20 days)');
    expect(md).toContain('- [ ] Close back above the 50-day average');
    expect(md).toContain('4 of 6 confirmations met.');
    // Coverage rolls keys up per dataset and asset; ETH rows are not this note's.
    expect(md).toContain('| etf-flows | BTC | 2 | 2024-01-11 | 2026-01-07 | 999 | 1 | 3 | farside, sosovalue |');
    expect(md).toContain('| exchange-oi | MULTI | 1 |');
    expect(md).not.toContain('ETHA');
    // Each chart is an SVG file referenced by the Markdown.
    expect(report.chartFiles.map((c) => c.fileName)).toEqual(
      ['etf', 'perp-oi', 'funding', 'cme', 'waves'].map(
        (id) => `tidemark-BTC-2026-01-07-${id === 'etf' ? 'etf-flows' : id}.svg`,
      ),
    );
    for (const chart of report.chartFiles) {
      expect(md).toContain(`](${chart.fileName})`);
      expect(chart.svg.startsWith('<svg')).toBe(true);
    }
    expect(report.html).toBeUndefined();
  });

  it('computes the series figures it quotes (hand-checked on three days of flows)', async () => {
    const tiny: MarketSeries = {
      ...emptySeries('BTC'),
      etfFlows: [
        { date: '2026-01-05', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 100e6 },
        { date: '2026-01-05', fund: 'FBTC', issuer: 'Fidelity', netFlowUsd: -30e6 },
        { date: '2026-01-06', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: -50e6 },
        { date: '2026-01-07', fund: 'IBIT', issuer: 'BlackRock', netFlowUsd: 5e6 },
      ],
    };
    const md = (await renderReport({ analysis, series: tiny, coverage: [] }, { formats: ['md'] })).markdown ?? '';
    // Daily: +70M, -50M, +5M → cumulative +25M; worst day 01-06, best 01-05.
    expect(md).toContain(
      "From 2026-01-05 to 2026-01-07 (3 trading days) the funds' cumulative net flow was $25.0M; the largest outflow day was 2026-01-06 (−$50.0M), the largest inflow day 2026-01-05 ($70.0M).",
    );
  });

  it('says what is missing instead of drawing empty charts, and drops the banner for real data', async () => {
    const real: Analysis = { ...analysis, simulated: false, waves: [] };
    const md =
      (await renderReport({ analysis: real, series: emptySeries('BTC'), coverage: [] }, { formats: ['md'] }))
        .markdown ?? '';
    expect(md).not.toContain('SIMULATED');
    expect(md).toContain('No chart: the per-fund ETF flow series has no data up to the as-of date.');
    expect(md).toContain('No chart: perp open interest has no data');
    expect(md).toContain('No de-risking wave was under way between 2025-07-11 and 2026-01-07.');
    expect(md).toContain('The store reported no coverage for this asset.');
  });

  it('writes one self-contained HTML file with inline SVG charts and the banner', async () => {
    const report = await renderReport({ analysis, series, coverage }, { formats: ['html'] });
    const html = report.html ?? '';
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.match(/<figure id="chart-/g)).toHaveLength(5);
    expect(html.match(/class="banner"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|<link|\ssrc=|href="http/i);
    expect(html).toContain('<li class="unmet">ETF net inflows over 10 consecutive trading days</li>');
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

  it('derives what would change the call from the checklist and the negative evidence', () => {
    const { forward, backward } = whatWouldChange(analysis);
    expect(forward).toEqual([
      'ETF net inflows over 10 consecutive trading days (not met at 2026-01-07).',
      'Close back above the 50-day average (not met at 2026-01-07).',
    ]);
    expect(backward).toHaveLength(4 + 2);
    expect(backward[4]).toMatch(/^The evidence against the call strengthens: Price is 8\.9% below/);
  });

  it('prints a short terminal summary', () => {
    expect(terminalSummary(analysis)).toBe(
      [
        'Tidemark BTC as of 2026-01-07  [SIMULATED DATA]',
        'Phase: bottoming (confidence 64%)',
        'Evidence (+ for the call, − against it, · context):',
        `  + ${analysis.phase.evidence[0]?.text}`,
        `  + ${analysis.phase.evidence[1]?.text}`,
        `  + ${analysis.phase.evidence[2]?.text}`,
        'Checklist: 4/6 met',
        '  [x] ETF flows two-way (|directionality| < 0.3 over 20 days)',
        '  [x] Perp OI at least 20% below its peak with funding near neutral',
        '  [x] MSCI decision removes the index-exclusion overhang',
        '  [ ] ETF net inflows over 10 consecutive trading days',
        '  [ ] Close back above the 50-day average',
        '  [x] Strategy mNAV holds above 1.0',
        '',
      ].join('\n'),
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

describe('figure tables', () => {
  it('flatten one level of nested objects and skip arrays', async () => {
    const { figureRows } = await import('../../src/report/note-model.js');
    expect(
      figureRows({
        openInterestUsd: 33.5e9,
        cme: { openInterestUsd: 10.4e9, daysToExpiry: 23 },
        history: [1, 2],
        evidence: [],
        missing: null,
      }),
    ).toEqual([
      ['Open interest', '$33.5B'],
      ['Cme: open interest', '$10.4B'],
      ['Cme: days to expiry', '23'],
    ]);
  });
});

describe('coverage section', () => {
  it('warns when stored datasets run past the as-of date', async () => {
    const later: CoverageRow[] = [{ ...coverage[0]!, lastDate: '2026-03-31' }, coverage[3]!];
    const md = (await renderReport({ analysis, series, coverage: later }, { formats: ['md'] })).markdown ?? '';
    expect(md).toContain(
      'The table describes the whole store: 1 dataset (etf-flows) run past 2026-01-07; those later values were not used here.',
    );
  });
});

describe('evidence direction and waves window', () => {
  it('reads weights as bullish/bearish: negative weights support a trend-decline call', () => {
    const bearish: Analysis = { ...analysis, phase: { ...analysis.phase, label: 'trend-decline' } };
    const summary = terminalSummary(bearish);
    expect(summary).toContain(`  − ${analysis.phase.evidence[0]?.text}`);
    const note = buildNote({ analysis: bearish, series, coverage });
    const headline = note.sections[0]?.blocks ?? [];
    expect(headline[1]).toEqual({ kind: 'paragraph', text: 'Evidence supporting the call, strongest first:' });
    expect(headline[2]).toEqual({
      kind: 'bullets',
      items: [analysis.phase.evidence[5]?.text, analysis.phase.evidence[4]?.text],
    });
  });

  it('shows only waves that reach into the charted period and counts the earlier ones', () => {
    const withOld: Analysis = {
      ...analysis,
      waves: [
        { segment: 'perps', start: '2024-06-05', end: '2024-06-15', size: 7.4e9, unit: 'USD of open interest shed' },
        ...analysis.waves,
      ],
    };
    const note = buildNote({ analysis: withOld, series, coverage });
    const waves = note.sections.find((s) => s.id === 'waves');
    expect(waves?.blocks[0]).toEqual({
      kind: 'paragraph',
      text: '1 earlier wave ended before 2025-09-01 and is left out here.',
    });
    const table = waves?.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows.length : 0).toBe(3);
  });
});
