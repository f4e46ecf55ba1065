// The three signals: ETF flows (regime, the week, the per-fund table and the flows chart), futures
// positioning (perp open interest, funding, liquidations, CME, CFTC) and the price trend. Each prints
// its section's evidence not already printed above, in words, then its charts.
import type { Analysis } from '../domain/analysis.js';
import { FLOW_REGIME_NAMES } from '../domain/labels/code-names.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatSignedUsd } from '../format/money.js';
import { formatDecimal } from '../format/numbers.js';
import { freshEvidence } from '../phase/evidence-inputs.js';
import { fundFlowTable } from './fund-flow-table.js';
import { bullets, chartBlock, type FactLedger, type NoteBlock, type NoteSection } from './note-model.js';
import { cmeChart, dailyNetFlows, etfFlowsChart, fundingChart, perpOpenInterestChart } from './report-charts.js';

/** Signal 1: ETF flows. */
export function etfFlowSection(analysis: Analysis, series: MarketSeries, ledger: FactLedger): NoteSection {
  const etf = analysis.signals.etfFlows;
  const blocks: NoteBlock[] = [];
  if (etf.regime !== null && etf.directionality !== null)
    blocks.push({
      kind: 'paragraph',
      text: `Flow regime over ${etf.days} sessions to ${etf.windowTo}: ${FLOW_REGIME_NAMES[etf.regime]} (directionality ${formatDecimal(etf.directionality)}, from −1 all outflows to +1 all inflows).`,
    });
  else
    blocks.push({
      kind: 'missing',
      text: 'The flow regime could not be determined from the data known at the as-of date.',
    });
  // The week against the last complete week is in "What changed this week".
  ledger.cover(etf.evidence.filter((e) => e.signal === 'etf-weekly-flows').map((e) => e.text));
  blocks.push(...bullets(ledger.take(freshEvidence(etf.evidence, analysis.freshness).map((e) => e.text))));
  const daily = dailyNetFlows(series);
  if (daily.length > 0) {
    const total = daily.reduce((s, d) => s + d.value, 0);
    blocks.push({
      kind: 'paragraph',
      text: `Over the ${daily.length} sessions charted (${daily[0]!.date} to ${daily.at(-1)!.date}) the funds' net flow was ${formatSignedUsd(total)}.`,
    });
  }
  const table = fundFlowTable(series);
  if (table) blocks.push({ kind: 'paragraph', text: 'Daily net flow per fund, last sessions (US$ millions):' }, table);
  blocks.push(chartBlock(etfFlowsChart(series), 'the per-fund ETF flow series'));
  return { id: 'etf-flows', title: 'Signal 1: ETF flows', blocks };
}

/** Signal 2: futures positioning. */
export function positioningSection(analysis: Analysis, series: MarketSeries, ledger: FactLedger): NoteSection {
  const blocks: NoteBlock[] = [
    ...bullets(
      ledger.take(freshEvidence(analysis.signals.positioning.evidence, analysis.freshness).map((e) => e.text)),
    ),
  ];
  if (blocks.length === 0)
    blocks.push({
      kind: 'missing',
      text: 'Nothing current to add: the positioning inputs are stale or missing (see the freshness line).',
    });
  blocks.push(chartBlock(perpOpenInterestChart(series), 'perp open interest'));
  blocks.push(chartBlock(fundingChart(series), 'the funding rate'));
  blocks.push(chartBlock(cmeChart(series), 'CME open interest and basis'));
  return { id: 'positioning', title: 'Signal 2: futures positioning', blocks };
}

/** Signal 3: the price trend (averages are in the key numbers; here drawdown, ranges and momentum). */
export function trendSection(analysis: Analysis, ledger: FactLedger): NoteSection {
  const items = ledger.take(freshEvidence(analysis.signals.trend.evidence, analysis.freshness).map((e) => e.text));
  return {
    id: 'trend',
    title: 'Signal 3: price trend',
    blocks: items.length > 0 ? bullets(items) : [{ kind: 'paragraph', text: 'Nothing to add to the key numbers.' }],
  };
}
