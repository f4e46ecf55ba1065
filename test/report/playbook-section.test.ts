// The report's playbook section on a hand-made market: the episode window starts where the waves
// say, the bottoming call's further fall is the hand-computed one, the comparison table, the four
// episode charts, the two full-history charts and the trade log are in the note; without backtests
// the section says so. Also the curve thinning the charts use.
import { describe, expect, it } from 'vitest';
import { playbookBacktests } from '../../src/backtest/playbook-backtests.js';
import type { Wave } from '../../src/domain/analysis.js';
import { addDays } from '../../src/domain/dates.js';
import { buildNote } from '../../src/report/build-note.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { thinCurve } from '../../src/report/playbook-charts.js';
import { bottomingCallSentence, playbookSection } from '../../src/report/playbook-section.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { buildSeriesFixture } from '../fixtures/analysis/series-btc.js';
import { day, market } from '../backtest/fixtures.js';

// 90 days from 2024-01-01: 100 flat for 30 days, down 1 a day to 70 (day 60), then up 1 a day.
const closes = Array.from({ length: 90 }, (_, i) => (i < 30 ? 100 : i <= 60 ? 130 - i : 10 + i));
const date = (i: number): string => addDays('2024-01-01', i);
// trend-decline until day 44 (close 86), bottoming from day 45 (decided on close 85 of day 45) to
// day 69, uptrend after; the first bottoming call fills at 85 and the low after it is 70 on day 60.
const days = closes.map((_, i) =>
  day(date(i), i < 45 ? 'trend-decline' : i < 70 ? 'bottoming' : 'uptrend', {
    sma50: 95,
    sma200: 95,
    checklist: {
      'weekly-etf-inflows-persisting': i >= 70,
      'etf-flows-not-one-way-out': true,
      'price-above-key-averages': i >= 70,
      'price-above-resistance': i >= 70,
      'leverage-rebuilt-without-stress': true,
      'no-derisking-wave-under-way': i >= 50,
    },
    consecutivePositiveWeeks: i >= 70 ? 3 : 0,
  }),
);
const waves: Wave[] = [
  { segment: 'etf', start: date(35), end: date(50), size: -1e9, unit: 'USD' } as Wave,
  { segment: 'perps', start: date(28), end: date(33), size: 5e9, unit: 'USD' } as Wave,
];
const m = market(closes, days);
const asOf = date(89);

describe('playbook backtests for the report', () => {
  const playbook = playbookBacktests(m, waves, asOf);

  it('starts the episode window at the first wave of the episode and runs every shipped strategy', () => {
    expect(playbook.episodeStart).toBe(date(28));
    expect(playbook.episode?.from).toBe(date(28));
    expect(playbook.episode?.to).toBe(asOf);
    expect(playbook.fullHistory.from).toBe(date(0));
    expect(playbook.episode?.periods[0]?.runs.map((r) => r.strategy)).toEqual([
      'buy-and-hold',
      'dca',
      'phased-accumulation',
      'right-side-confirmation',
      'phase-following',
    ]);
  });

  it('states the further fall after the first bottoming call (85 → 70 = 17.6%)', () => {
    expect(bottomingCallSentence(playbook.episode!)).toBe(
      `The first "bottoming" call of the window came on ${date(45)} at a close of 85.00; the close then fell a further 17.6% to 70.00 on ${date(60)} — what phased accumulation paid for buying early, and what right-side confirmation waited out.`,
    );
  });

  it('puts the table, the charts and the trade log in the note', () => {
    const note = buildNote({
      analysis: analyzeSeries(buildSeriesFixture()),
      series: buildSeriesFixture(),
      coverage: [],
      playbook,
    });
    const section = note.sections.find((s) => s.id === 'playbook')!;
    expect(section.title).toBe('What the playbook would have done');
    const charts = section.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart.id] : []));
    expect(charts).toEqual([
      'playbook-episode-equity',
      'playbook-episode-drawdown',
      'playbook-episode-exposure',
      'playbook-episode-trades',
      'playbook-full-equity',
      'playbook-full-drawdown',
    ]);
    for (const b of section.blocks) if (b.kind === 'chart') expect(b.chart.svg).toMatch(/^<svg/);
    const tables = section.blocks.filter((b) => b.kind === 'table');
    // episode comparison, trade log, full-history comparison (simulated: one period)
    expect(tables.map((t) => (t.kind === 'table' ? t.columns[0] : ''))).toEqual(['', 'Date', '']);
    const md = renderMarkdown(note, (id) => `${id}.svg`);
    expect(md).toContain('## What the playbook would have done');
    expect(md).toContain('| total return |');
    expect(md).toContain('further 17.6%');
    expect(md).toMatch(/\| \d{1,2} [A-Z][a-z]{2} \d{4} \| Phased accumulation \| buy \|/);
    // Its phase-following is told apart from the track record's, whose figures differ.
    expect(md).toContain("Phase-following here is not the track record's yardstick of the same name");
  });

  it('says when the backtests were not run', () => {
    expect(playbookSection(undefined).blocks).toEqual([
      { kind: 'missing', text: 'The playbook backtests were not run for this note.' },
    ]);
  });
});

describe('thinCurve', () => {
  it('keeps the first and last points and one chosen point per bucket', () => {
    const points = [0, 5, 1, 2, 9, 3, 4, 1, 0, 7];
    expect(thinCurve(points, 20, Math.max)).toEqual(points);
    // 10 points, at most 4: the 8 inner points in 2 buckets of 4, [5,1,2,9] and [3,4,1,0] → their max
    expect(thinCurve(points, 4, Math.max)).toEqual([0, 9, 4, 7]);
    expect(thinCurve(points, 4, Math.min)).toEqual([0, 1, 0, 7]);
  });
});
