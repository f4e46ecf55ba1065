// Recent and upcoming events: the calendar known at the as-of date (stored events plus the shipped
// calendar) with each event's measured effect, and the scheduled dates ahead — events dated after
// the as-of date, the next CME monthly expiry and the next CFTC positioning release.
import type { Analysis } from '../domain/analysis.js';
import type { AnalysedEvent } from '../domain/sections/events.js';
import { addDays, dayOfWeek } from '../domain/dates.js';
import { EVENT_KIND_NAMES } from '../domain/labels/code-names.js';
import { formatSignedUsd } from '../format/money.js';
import { formatDecimal } from '../format/numbers.js';
import { formatSignedPercent } from '../format/percent.js';
import { bullets, type FactLedger, type NoteBlock, type NoteSection } from './note-model.js';

/** Events listed as recent. */
export const RECENT_EVENTS = 6;

/** The event study in words: cumulative abnormal ETF flow and price return over the event window. */
export function measuredEffect(e: AnalysedEvent): string {
  const s = e.study;
  if (s === null) return 'not measured (too recent or too little history)';
  const parts: string[] = [];
  const t = (v: number | null): string => (v === null ? '' : ` (t ${formatDecimal(v, 1)})`);
  if (s.etfNetFlowUsd)
    parts.push(`ETF flows ${formatSignedUsd(s.etfNetFlowUsd.car)} abnormal${t(s.etfNetFlowUsd.tStat)}`);
  if (s.spotReturn) parts.push(`price ${formatSignedPercent(s.spotReturn.car)} abnormal${t(s.spotReturn.tStat)}`);
  // A window that runs past the as-of date is measured so far, as the events signal says.
  const open = s.etfNetFlowUsd?.truncated === true || s.spotReturn?.truncated === true;
  return parts.length > 0 ? `${parts.join('; ')}${open ? ' so far (window still open)' : ''}` : 'not measured';
}

/** The last Friday of the month of `date` (CME bitcoin futures expire then; holidays not applied). */
export function lastFridayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  let d = addDays(nextMonth, -1);
  while (dayOfWeek(d) !== 5) d = addDays(d, -1);
  return d;
}

/** Scheduled dates after `asOf`: the next CME monthly expiry and the next CFTC release (Friday). */
export function scheduledDates(asOf: string, asset: string): { date: string; what: string }[] {
  let expiry = lastFridayOfMonth(asOf);
  if (expiry <= asOf) expiry = lastFridayOfMonth(addDays(`${asOf.slice(0, 8)}01`, 32));
  let friday = addDays(asOf, 1);
  while (dayOfWeek(friday) !== 5) friday = addDays(friday, 1);
  return [
    { date: friday, what: 'CFTC positioning report (positions as of the Tuesday before)' },
    { date: expiry, what: `CME monthly ${asset} futures expiry (last Friday of the month)` },
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** The section: recent events with their measured effect, then what is scheduled ahead. */
export function eventsSection(analysis: Analysis, ledger: FactLedger): NoteSection {
  const events = [...analysis.signals.events].sort((a, b) => a.date.localeCompare(b.date));
  const recent = events.filter((e) => e.date <= analysis.asOf).slice(-RECENT_EVENTS);
  const ahead = events.filter((e) => e.date > analysis.asOf);
  const blocks: NoteBlock[] = [];
  if (recent.length === 0) blocks.push({ kind: 'missing', text: 'No event was known at the as-of date.' });
  else
    blocks.push({
      kind: 'table',
      columns: ['Date', 'Kind', 'Event', 'Measured effect'],
      rows: recent.reverse().map((e) => [e.date, EVENT_KIND_NAMES[e.kind], e.title, measuredEffect(e)]),
    });
  const scheduled = [
    ...ahead.map((e) => ({ date: e.date, what: e.title })),
    ...scheduledDates(analysis.asOf, analysis.asset),
  ].sort((a, b) => a.date.localeCompare(b.date));
  blocks.push({ kind: 'paragraph', text: 'Ahead:' });
  blocks.push(...bullets(scheduled.map((s) => `${s.date}: ${s.what}.`)));
  if (scheduled.length === 0) blocks.push({ kind: 'paragraph', text: 'Nothing scheduled in the calendar.' });
  blocks.push(
    ...bullets(ledger.take(analysis.phase.evidence.filter((e) => e.signal === 'event-study').map((e) => e.text))),
  );
  return { id: 'events', title: 'Recent and upcoming events', blocks };
}
