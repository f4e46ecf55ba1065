// The note's Track record: how every replayed call scored against hindsight next to the two price-only
// baselines — first, in plain words, where the engine is worse than a baseline; then the price with the
// calls; then one section per period (in-sample and out-of-sample apart) with every yardstick, the
// verdicts, the equity curves, the reliability diagram, forward returns and the turning points.
import { PHASE_LABELS } from '../domain/analysis.js';
import { TRACK_RECORD_ENGINES, type TrackRecord, type TrackRecordPeriodResult } from '../domain/track-record.js';
import { sampleMeaning, verdictMark, worseVerdicts, yardstickRows } from '../domain/track-record-views.js';
import { engineForwardCells } from '../domain/track-record-tables.js';
import { formatDecimal, formatPrice } from '../format/numbers.js';
import { formatPercent } from '../format/percent.js';
import { TRACK_RECORD_ENGINE_NAMES } from '../track-record/track-record.js';
import type { TrackRecordRun } from '../track-record/load-track-record.js';
import type { NoteBlock, NoteSection, NoteTrackRecord } from './note-model.js';
import { chartBlock } from './note-model.js';
import { equityChart, reliabilityChart, trackRecordPriceChart } from './track-record-charts.js';

const ENGINE_COLUMNS = TRACK_RECORD_ENGINES.map((id) => TRACK_RECORD_ENGINE_NAMES[id]);
const SIMULATED_WORDS =
  'SIMULATED DATA: these calls were replayed on the seeded market simulator; they say nothing about how the engine does on real markets.';

/** "in-sample (to 2022-12-31): 2017-01-03 → 2022-12-30" */
function periodHeading(period: TrackRecordPeriodResult): string {
  return `${period.name}: ${period.firstCallDate ?? period.from} → ${period.lastCallDate ?? period.to}`;
}

/** How the record was made, in words: replay, hindsight dating, baselines, strategy. */
function methodParagraphs(run: TrackRecordRun): string[] {
  const r = run.record;
  const first = r.periods[0]?.firstCallDate ?? '–';
  const last = r.periods.at(-1)?.lastCallDate ?? '–';
  const { bullDecline, bearRise, censoring } = r.method.dating;
  const exposure = PHASE_LABELS.map((l) => `${l} ${formatPercent(r.method.phaseFollowing.exposureByLabel[l], 0)}`);
  return [
    `Every US trading day from ${first} to ${last} (${formatDecimal(run.replay.days, 0)} days) was replayed point-in-time — each call made only from what was known that day — and scored against a hindsight dating of the ${r.asset} closes to ${r.lastDate}, next to the two price-only rules Tidemark ships, called on the same days: the ${TRACK_RECORD_ENGINE_NAMES.sma200} (uptrend while the previous close is above its 200-day average) and the ${TRACK_RECORD_ENGINE_NAMES.sma50and200} (uptrend while it is above both its 50- and 200-day averages).`,
    `Hindsight: Lunde–Timmermann dating — a bull market ends ${formatPercent(bullDecline, 0)} below its peak, a bear market ${formatPercent(bearRise, 0)} above its trough${censoring ? ', with Pagan–Sossounov minimum durations' : ''} — dates ${formatDecimal(r.turningPoints.length, 0)} turning points; topping and bottoming count as right within ${formatPercent(r.method.zoneBand, 0)} of a dated turn. The latest days are not settled until the price has moved the threshold away from the last extreme, and are not scored.`,
    `Phase-following: exposure by the call in force (${exposure.join(', ')}), traded at the close, ${formatDecimal(r.method.phaseFollowing.costBps, 0)} bps per unit turned over.`,
  ];
}

/** The opening section: method, where the engine is worse (in words), the price with the calls. */
function overviewSection(run: TrackRecordRun): NoteSection {
  const r = run.record;
  const blocks: NoteBlock[] = [];
  if (run.simulated) blocks.push({ kind: 'paragraph', text: SIMULATED_WORDS });
  blocks.push(...methodParagraphs(run).map((text): NoteBlock => ({ kind: 'paragraph', text })));
  const counts = r.periods.map((p) => {
    const n = (o: string): number => p.verdicts.filter((v) => v.outcome === o).length;
    return `${p.name}: better on ${n('better')}, worse on ${n('worse')}, tied on ${n('tie')} of ${p.verdicts.length} comparisons`;
  });
  blocks.push({ kind: 'paragraph', text: `Against the best baseline on each yardstick — ${counts.join('; ')}.` });
  const worse = r.periods.flatMap((p) => worseVerdicts(p).map((v) => `${p.name}: ${v.text}`));
  if (worse.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Where the engine is worse than a baseline (or than holding):' });
    blocks.push({ kind: 'bullets', items: worse });
  } else
    blocks.push({
      kind: 'paragraph',
      text: 'On no yardstick is the engine worse than the best baseline in any period.',
    });
  blocks.push(chartBlock(trackRecordPriceChart(r, run.simulated), 'the closes'));
  return { id: 'track-record', title: `Track record${run.simulated ? ' (SIMULATED DATA)' : ''}`, blocks };
}

/** The engine's forward outcomes per label and horizon, with the bootstrap interval of the mean. */
function forwardRows(period: TrackRecordPeriodResult, level: number): NoteBlock {
  const rows = engineForwardCells(period);
  if (rows.length === 0) return { kind: 'missing', text: 'No call has a full forward horizon of data yet.' };
  return {
    kind: 'table',
    columns: [
      'Engine’s call',
      'Horizon',
      'Calls',
      `Mean return [${formatPercent(level, 0)} interval]`,
      'Median',
      'Share up',
      'Mean max drawdown',
    ],
    rows,
  };
}

/** Each turning point dated in the period with each engine's lag to its first matching call. */
function turnRows(period: TrackRecordPeriodResult): NoteBlock {
  const points = period.engines.engine.turningPointLags.points;
  if (points.length === 0) return { kind: 'missing', text: 'No turning point was dated in this period.' };
  return {
    kind: 'table',
    columns: ['Turn', 'Kind', 'Close', ...ENGINE_COLUMNS],
    rows: points.map((p, i) => [
      p.date,
      p.kind,
      formatPrice(p.close),
      ...TRACK_RECORD_ENGINES.map((id) => {
        const q = period.engines[id].turningPointLags.points[i];
        return q === undefined ? '–' : q.status === 'matched' ? `${formatDecimal(q.lagDays, 0)} d` : q.status;
      }),
    ]),
  };
}

/** One period: what it is, every yardstick side by side, the verdicts, the charts and the detail tables. */
function periodSection(record: TrackRecord, period: TrackRecordPeriodResult, simulated: boolean): NoteSection {
  const id = `track-record-${period.sample}`;
  const rows = yardstickRows(period, record.method.horizonsDays);
  const blocks: NoteBlock[] = [
    { kind: 'paragraph', text: sampleMeaning(period, simulated) },
    {
      kind: 'table',
      columns: ['Yardstick', ...ENGINE_COLUMNS, 'Buy and hold'],
      rows: rows.map((row) => [row.yardstick, ...row.text.map((t) => (t === '' ? '–' : t))]),
    },
    { kind: 'paragraph', text: 'Against the best baseline, yardstick by yardstick (✓ better, ✗ worse):' },
    { kind: 'bullets', items: period.verdicts.map((v) => `${verdictMark(v)} ${v.text}`) },
    chartBlock(equityChart(period, period.sample, simulated), 'the equity curves'),
    chartBlock(reliabilityChart(period, period.sample, simulated), 'the engine’s scored calls'),
    {
      kind: 'paragraph',
      text: `What followed the engine’s calls: forward return and largest fall within each horizon, per label (intervals: block bootstrap over overlapping windows, ${formatDecimal(record.method.bootstrap.resamples, 0)} resamples; n/a with too few calls).`,
    },
    forwardRows(period, record.method.bootstrap.level),
    {
      kind: 'paragraph',
      text: 'Each turning point dated in the period and the days each engine took to make its first call on the matching side (missed: no such call before the next turning point).',
    },
    turnRows(period),
  ];
  return {
    id,
    title: `Track record, ${periodHeading(period)}${simulated ? ' (SIMULATED DATA)' : ''}`,
    blocks,
  };
}

/**
 * The note's track-record sections: an overview (method, where the engine is worse than a baseline,
 * price with the calls) and one section per period. Without a record, one section saying why.
 */
export function trackRecordSections(trackRecord: NoteTrackRecord | undefined): NoteSection[] {
  if (trackRecord === undefined || 'missing' in trackRecord)
    return [
      {
        id: 'track-record',
        title: 'Track record',
        blocks: [{ kind: 'missing', text: trackRecord?.missing ?? 'The track record was not computed for this note.' }],
      },
    ];
  const { run } = trackRecord;
  return [overviewSection(run), ...run.record.periods.map((p) => periodSection(run.record, p, run.simulated))];
}
