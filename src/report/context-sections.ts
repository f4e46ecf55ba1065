// The note's diagnostic sections: liquidity (failure or rebalancing), the de-risking waves and
// their order, the divergence with equity-ETF flows, treasury companies, and the checklist.
import type { Analysis, SelloffType } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import { formatUsd } from '../format/money.js';
import { formatCount, formatDecimal, formatNumber } from '../format/numbers.js';
import { chartBlock, signalBlocks, type NoteBlock, type NoteSection } from './note-model.js';
import { wavesChart } from './report-charts.js';

const SELLOFF_VERDICT: Record<SelloffType, string> = {
  'liquidity-failure':
    'The selling reads as a liquidity failure: prices moved on thinning depth, so forced sellers met too few buyers.',
  'position-rebalancing':
    'The selling reads as position rebalancing, not a liquidity failure: holders cut exposure while the market kept absorbing the volume.',
  none: 'The liquidity measures show no sell-off under way.',
};

/** Liquidity diagnosis: the verdict, then the measures that support it. */
export function liquiditySection(analysis: Analysis): NoteSection {
  const liquidity = analysis.signals.liquidity;
  return {
    id: 'liquidity',
    title: 'Liquidity diagnosis',
    blocks: [
      { kind: 'paragraph', text: SELLOFF_VERDICT[liquidity.selloffType] },
      ...signalBlocks(analysis, liquidity, /liquidity|amihud|spread|depth/i, ['selloffType']),
    ],
  };
}

/** A wave's size in words: USD units through formatUsd ("$4.38B net outflow"), others as given. */
export function waveSize(size: number, unit: string | undefined): string {
  if (unit === undefined || unit === 'USD') return formatUsd(size);
  if (unit.startsWith('USD')) return `${formatUsd(size)}${unit.slice(3)}`;
  return `${formatNumber(size)} ${unit}`;
}

/**
 * The de-risking waves since `since` (those ending on or after it, or still open): ordered by
 * start, the sequence in words, a table and the timeline chart; earlier waves are counted.
 */
export function wavesSection(analysis: Analysis, since: string): NoteSection {
  const all = [...analysis.waves].sort((a, b) => a.start.localeCompare(b.start));
  const waves = all.filter((w) => w.end === null || w.end >= since);
  const blocks: NoteBlock[] = [];
  const earlier = all.length - waves.length;
  if (earlier > 0)
    blocks.push({
      kind: 'paragraph',
      text: `${earlier} earlier wave${earlier === 1 ? '' : 's'} ended before ${since} and ${earlier === 1 ? 'is' : 'are'} left out here.`,
    });
  if (waves.length === 0) {
    blocks.push({ kind: 'missing', text: `No de-risking wave was under way between ${since} and ${analysis.asOf}.` });
    return { id: 'waves', title: 'De-risking waves', blocks };
  }
  const sequence = waves.map((w) => `${w.segment} from ${w.start}`).join(', then ');
  blocks.push({
    kind: 'paragraph',
    text: `${waves.length} wave${waves.length === 1 ? '' : 's'} in this order: ${sequence}.`,
  });
  const open = waves.filter((w) => w.end === null);
  if (open.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `Still under way at ${analysis.asOf}: ${open.map((w) => w.segment).join(', ')}.`,
    });
  blocks.push({
    kind: 'table',
    columns: ['Order', 'Segment', 'Start', 'End', 'Size'],
    rows: waves.map((w, i) => [String(i + 1), w.segment, w.start, w.end ?? 'ongoing', waveSize(w.size, w.unit)]),
  });
  blocks.push(chartBlock(wavesChart(waves, analysis.signals.events, analysis.asOf), 'the wave list'));
  return { id: 'waves', title: 'De-risking waves', blocks };
}

/** Crypto-ETF vs equity-ETF flows: figures, evidence and the equity-flow periods known. */
export function divergenceSection(analysis: Analysis, series: MarketSeries): NoteSection {
  const blocks = signalBlocks(analysis, analysis.signals.divergence, /divergence|equity/i);
  if (series.equityEtfFlowsUsd.length > 0) {
    blocks.push({
      kind: 'table',
      columns: ['Period ending', 'Equity-ETF net flow'],
      rows: series.equityEtfFlowsUsd.map((v) => [v.date, formatUsd(v.value)]),
    });
  } else {
    blocks.push({ kind: 'missing', text: 'No equity-ETF flow series is stored: the divergence cannot be shown.' });
  }
  return { id: 'divergence', title: 'Divergence with equity-ETF flows', blocks };
}

/** Digital-asset treasury companies: mNAV, holdings and the forced-sale question. */
export function treasuriesSection(analysis: Analysis, series: MarketSeries): NoteSection {
  const blocks = signalBlocks(analysis, analysis.signals.treasuries, /treasur|mnav|mstr/i);
  if (series.treasuries.length > 0) {
    blocks.push({
      kind: 'table',
      columns: ['Company', 'Coins held', 'as of', 'mNAV', 'as of'],
      rows: series.treasuries.map((t) => {
        const coins = t.coinsHeld.at(-1);
        const mnav = t.mnav.at(-1);
        return [
          t.company,
          coins ? formatCount(coins.value) : 'n/a',
          coins?.date ?? '-',
          mnav ? formatDecimal(mnav.value) : 'n/a',
          mnav?.date ?? '-',
        ];
      }),
    });
  }
  return { id: 'treasuries', title: 'Treasury companies', blocks };
}

/** The confirmation checklist, ticked. */
export function checklistSection(analysis: Analysis): NoteSection {
  const met = analysis.checklist.filter((c) => c.met).length;
  return {
    id: 'checklist',
    title: 'Confirmation checklist',
    blocks: [
      { kind: 'paragraph', text: `${met} of ${analysis.checklist.length} confirmations met.` },
      { kind: 'checklist', items: analysis.checklist.map((c) => ({ met: c.met, text: c.text })) },
    ],
  };
}
