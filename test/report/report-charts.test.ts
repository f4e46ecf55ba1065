// The note's waves chart speaks the reader's words: rows named by segment ("Spot ETFs"), events by
// their titles with readable dates — never the internal keys or slugs (hand-made waves and events).
import { describe, expect, it } from 'vitest';
import type { Wave } from '../../src/domain/analysis.js';
import type { MarketEvent } from '../../src/domain/events.js';
import { wavesChart } from '../../src/report/report-charts.js';

const waves: Wave[] = [
  { segment: 'perps', start: '2025-09-11', end: '2025-10-11', size: 9.15e9, unit: 'USD' },
  { segment: 'etf', start: '2025-10-09', end: null, size: 5.36e9, unit: 'USD net outflow' },
];
const events = [
  {
    id: 'msci-dat-consultation',
    date: '2025-10-10',
    kind: 'index',
    title: 'MSCI opens a consultation on excluding digital-asset treasury companies',
  },
] as unknown as MarketEvent[];

describe('wavesChart', () => {
  it('names rows and events in words, with readable dates', () => {
    const svg = wavesChart(waves, events, '2025-12-31')!.svg;
    expect(svg).toContain('Perpetual futures');
    expect(svg).toContain('Spot ETFs');
    expect(svg).toContain('10 Oct 2025 MSCI opens a consultation on excluding…');
    expect(svg).not.toMatch(/>(perps|etf|cme)</);
    expect(svg).not.toContain('msci-dat-consultation');
    expect(svg).not.toContain('2025-10-10');
  });
});
