// The note's diagnostic sections: liquidity (failure or rebalancing), the de-risking waves and their
// order, the divergence with equity-ETF flows (or one line saying why it is absent), treasury
// companies, and the checklist.
import type { Analysis, SelloffType } from '../domain/analysis.js';
import {
  capitalise,
  companyName,
  DIVERGENCE_KIND_NAMES,
  SEGMENT_NAMES,
  SELLOFF_NAMES,
} from '../domain/labels/code-names.js';
import { formatSignedUsd, formatUsd } from '../format/money.js';
import { formatCount, formatNumber, formatRatio, formatSignedDecimal } from '../format/numbers.js';
import { freshEvidence } from '../phase/evidence-inputs.js';
import { bullets, chartBlock, type FactLedger, type NoteBlock, type NoteSection } from './note-model.js';
import { wavesChart } from './report-charts.js';

const SELLOFF_VERDICT: Record<SelloffType, string> = {
  'liquidity-failure': `The selling reads as a ${SELLOFF_NAMES['liquidity-failure']}: prices moved on thinning depth, so forced sellers met too few buyers.`,
  'position-rebalancing': `The selling reads as ${SELLOFF_NAMES['position-rebalancing']}, not a ${SELLOFF_NAMES['liquidity-failure']}: holders cut exposure while the market kept absorbing the volume.`,
  none: `The liquidity measures show ${SELLOFF_NAMES.none} under way.`,
};

/** Liquidity diagnosis: the verdict, then the measures that support it. */
export function liquiditySection(analysis: Analysis, ledger: FactLedger): NoteSection {
  const liquidity = analysis.signals.liquidity;
  return {
    id: 'liquidity',
    title: 'Liquidity diagnosis',
    blocks: [
      { kind: 'paragraph', text: SELLOFF_VERDICT[liquidity.selloffType] },
      ...bullets(ledger.take(freshEvidence(liquidity.evidence, analysis.freshness).map((e) => e.text))),
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
export function wavesSection(analysis: Analysis, since: string, ledger: FactLedger): NoteSection {
  const all = [...analysis.waves].sort((a, b) => a.start.localeCompare(b.start));
  const waves = all.filter((w) => w.end === null || w.end >= since);
  const blocks: NoteBlock[] = [];
  if (waves.length === 0) {
    blocks.push({ kind: 'paragraph', text: `No de-risking wave was under way between ${since} and ${analysis.asOf}.` });
    return { id: 'waves', title: 'De-risking waves', blocks };
  }
  const open = waves.filter((w) => w.end === null);
  const earlier = all.length - waves.length;
  blocks.push({
    kind: 'paragraph',
    text: `${waves.length} wave${waves.length === 1 ? '' : 's'} since ${since}, by the day each began: ${waves.map((w) => `${SEGMENT_NAMES[w.segment]} from ${w.start}`).join(', then ')}. ${open.length > 0 ? `Still under way: ${open.map((w) => SEGMENT_NAMES[w.segment]).join(', ')}.` : 'None is still under way.'}${earlier > 0 ? ` ${earlier} earlier wave${earlier === 1 ? '' : 's'} ended before ${since}.` : ''}`,
  });
  blocks.push(...bullets(ledger.take((analysis.wavesDetail?.evidence ?? []).map((e) => e.text))));
  blocks.push({
    kind: 'table',
    columns: ['Order', 'Segment', 'Start', 'End', 'Size'],
    rows: waves.map((w, i) => [
      String(i + 1),
      capitalise(SEGMENT_NAMES[w.segment]),
      w.start,
      w.end ?? 'under way',
      waveSize(w.size, w.unit),
    ]),
    numeric: [true, false, false, false, false],
  });
  blocks.push(chartBlock(wavesChart(waves, analysis.signals.events, analysis.asOf), 'the wave list'));
  return { id: 'waves', title: 'De-risking waves', blocks };
}

/** Crypto-ETF against equity-ETF flows: the latest period in words, or one line why it is absent. */
export function divergenceSection(analysis: Analysis, ledger: FactLedger): NoteSection {
  const d = analysis.signals.divergence;
  if (d.kind === null || d.cryptoFlowUsd === null || d.equityFlowUsd === null) {
    const why =
      d.availability.missing.length > 0
        ? `no ${d.availability.missing.join(' and ')} known at the as-of date`
        : 'the latest period is not classified';
    return {
      id: 'divergence',
      title: 'Divergence with equity-ETF flows',
      blocks: [{ kind: 'paragraph', text: `Not shown: ${why}.` }],
    };
  }
  const blocks: NoteBlock[] = [
    {
      kind: 'paragraph',
      text: `From ${d.periodFrom} to ${d.periodTo}: crypto ETFs ${formatSignedUsd(d.cryptoFlowUsd)}, equity ETFs ${formatSignedUsd(d.equityFlowUsd)} — ${DIVERGENCE_KIND_NAMES[d.kind]}${d.selectiveStreak > 1 ? ` (${d.selectiveStreak} periods in a row of selective crypto de-risking)` : ''}.`,
    },
    ...bullets(ledger.take(d.evidence.map((e) => e.text))),
  ];
  return { id: 'divergence', title: 'Divergence with equity-ETF flows', blocks };
}

/** Digital-asset treasury companies: mNAV, holdings and the forced-sale question. */
export function treasuriesSection(analysis: Analysis, ledger: FactLedger): NoteSection {
  const t = analysis.signals.treasuries;
  // The peers' mNAVs are in the table below.
  ledger.cover(t.evidence.filter((e) => e.signal === 'treasuries.peers').map((e) => e.text));
  const blocks: NoteBlock[] = [...bullets(ledger.take(t.evidence.map((e) => e.text)))];
  if (t.companies.length > 0) {
    const companies = [...t.companies].sort((a, b) => (b.coinsHeld ?? 0) - (a.coinsHeld ?? 0));
    blocks.push({
      kind: 'table',
      columns: ['Company', `${analysis.asset} held`, 'mNAV', '30-day change', 'As of'],
      rows: companies.map((c) => [
        companyName(c.company),
        formatCount(c.coinsHeld),
        formatRatio(c.mnav),
        formatSignedDecimal(c.mnavChange30d),
        c.date ?? 'n/a',
      ]),
      numeric: [false, true, true, true, false],
    });
  } else blocks.push({ kind: 'missing', text: 'No treasury company is stored for this asset.' });
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
