// The note's opening sections: the headline judgment and the three key signals (ETF flows,
// futures positioning, policy and events), each with its figures, evidence and charts.
import type { Analysis } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatUsd } from '../format/money.js';
import { formatDecimal } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';
import { formatFigure, labelOf } from './figure-text.js';
import { chartBlock, signalBlocks, type NoteBlock, type NoteSection } from './note-model.js';
import {
  cmeChart,
  cumulative,
  dailyNetFlows,
  etfFlowsChart,
  fundingChart,
  perpOpenInterestChart,
} from './report-charts.js';

const PHASE_WORDS: Record<Analysis['phase']['label'], string> = {
  'trend-decline': 'in a trend decline',
  bottoming: 'bottoming',
  uptrend: 'in an uptrend',
  topping: 'topping',
};

// Whether evidence supports the call is decided in one place for every output (phase/evidence-direction.ts).
export { supportsCall } from '../phase/evidence-direction.js';
import { supportsCall } from '../phase/evidence-direction.js';

/** The strongest evidence first: by |weight|, unweighted last, original order kept on ties. */
export function rankedEvidence(analysis: Analysis): Analysis['phase']['evidence'] {
  return [...analysis.phase.evidence].sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0));
}

/** Headline: the phase, the confidence, and the evidence for and against. */
export function headlineSection(analysis: Analysis): NoteSection {
  const { label, confidence } = analysis.phase;
  const ranked = rankedEvidence(analysis);
  const forCall = ranked.filter((e) => supportsCall(label, e.weight)).map((e) => e.text);
  const against = ranked.filter((e) => !supportsCall(label, e.weight)).map((e) => e.text);
  const blocks: NoteBlock[] = [
    {
      kind: 'paragraph',
      text: `Judgment: ${analysis.asset} is ${PHASE_WORDS[label]} as of ${analysis.asOf} (phase "${label}", confidence ${formatPercent(confidence, 0)}), on ${analysis.phase.evidence.length} pieces of evidence.`,
    },
  ];
  if (forCall.length > 0)
    blocks.push(
      { kind: 'paragraph', text: 'Evidence supporting the call, strongest first:' },
      { kind: 'bullets', items: forCall },
    );
  if (against.length > 0)
    blocks.push({ kind: 'paragraph', text: 'Evidence weighing against it:' }, { kind: 'bullets', items: against });
  const unused = analysis.phase.unusedEvidence ?? [];
  if (unused.length > 0)
    blocks.push({ kind: 'missing', text: `Left out of the judgment for lack of data: ${unused.join('; ')}.` });
  return { id: 'headline', title: 'Headline judgment', blocks };
}

/** Key signal 1: ETF flows — regime, directionality, figures, and the flows chart. */
export function etfFlowSection(analysis: Analysis, series: MarketSeries): NoteSection {
  const etf = analysis.signals.etfFlows;
  const blocks: NoteBlock[] = [];
  if (etf.regime !== null && etf.directionality !== null) {
    blocks.push({
      kind: 'paragraph',
      text: `Flow regime: ${etf.regime} (directionality ${formatDecimal(etf.directionality)} on a scale from −1, all outflows, to +1, all inflows).`,
    });
  } else {
    blocks.push({
      kind: 'missing',
      text: 'The flow regime could not be determined from the data known at the as-of date.',
    });
  }
  const daily = dailyNetFlows(series);
  const total = cumulative(daily).at(-1);
  const worst = daily.reduce<(typeof daily)[number] | undefined>(
    (w, d) => (w === undefined || d.value < w.value ? d : w),
    undefined,
  );
  const best = daily.reduce<(typeof daily)[number] | undefined>(
    (w, d) => (w === undefined || d.value > w.value ? d : w),
    undefined,
  );
  if (total && worst && best && daily[0]) {
    blocks.push({
      kind: 'paragraph',
      text: `From ${daily[0].date} to ${total.date} (${daily.length} trading days) the funds' cumulative net flow was ${formatUsd(total.value)}; the largest outflow day was ${worst.date} (${formatUsd(worst.value)}), the largest inflow day ${best.date} (${formatUsd(best.value)}).`,
    });
  }
  blocks.push(...signalBlocks(analysis, etf, /etf-flow|etf-regime|^etf/i, ['regime', 'directionality']));
  blocks.push(chartBlock(etfFlowsChart(series), 'the per-fund ETF flow series'));
  return { id: 'etf-flows', title: 'Key signal 1: ETF flows', blocks };
}

/** Key signal 2: futures positioning — perp OI, funding, CME OI and basis. */
export function positioningSection(analysis: Analysis, series: MarketSeries): NoteSection {
  const blocks: NoteBlock[] = [
    ...signalBlocks(analysis, analysis.signals.positioning, /perp|cme|cot|position|leverage|funding/i),
  ];
  const lastOi = series.openInterestUsd.at(-1);
  const peakOi = series.openInterestUsd.reduce<(typeof series.openInterestUsd)[number] | undefined>(
    (p, v) => (p === undefined || v.value > p.value ? v : p),
    undefined,
  );
  if (lastOi && peakOi) {
    blocks.push({
      kind: 'paragraph',
      text: `In the series shown, perp open interest peaked at ${formatUsd(peakOi.value)} on ${peakOi.date} and stood at ${formatUsd(lastOi.value)} on ${lastOi.date} (${formatPercent(lastOi.value / peakOi.value - 1)} from the peak).`,
    });
  }
  blocks.push(chartBlock(perpOpenInterestChart(series), 'perp open interest'));
  blocks.push(chartBlock(fundingChart(series), 'the funding rate'));
  blocks.push(chartBlock(cmeChart(series), 'CME open interest and basis'));
  return { id: 'positioning', title: 'Key signal 2: futures positioning', blocks };
}

/** Key signal 3: policy and events — the calendar known at the as-of date with measured effects. */
export function eventsSection(analysis: Analysis): NoteSection {
  const events = [...analysis.signals.events].sort((a, b) => a.date.localeCompare(b.date));
  const blocks: NoteBlock[] = [];
  if (events.length === 0) {
    blocks.push({ kind: 'missing', text: 'No policy or market events were known at the as-of date.' });
  } else {
    const core = new Set(['id', 'date', 'kind', 'title', 'sourceUrl', 'instruments', 'knownAt']);
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Kind', 'Event', 'Measured'],
      rows: events.map((e) => [
        e.date,
        e.kind,
        e.title,
        Object.entries(e)
          .filter(
            ([k, v]) => !core.has(k) && (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'),
          )
          .map(([k, v]) => `${labelOf(k)} ${formatFigure(k, v)}`)
          .join('; ') || '-',
      ]),
    });
  }
  const evidence = analysis.phase.evidence.filter((e) => /event|policy|msci|index/i.test(e.signal)).map((e) => e.text);
  if (evidence.length > 0) blocks.push({ kind: 'bullets', items: evidence });
  return { id: 'events', title: 'Key signal 3: policy and events', blocks };
}
