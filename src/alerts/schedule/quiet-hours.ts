// Quiet hours: a daily window of wall-clock time (22:00–07:00, across midnight when `from` is after
// `to`) in which alerts are held and sent when it ends — deferred, never dropped.
import { instantOfWallClock, wallClock } from './zoned-time.js';

/** A daily window, "HH:MM" 24-hour times in the config's time zone; from == to is never quiet. */
export interface QuietHours {
  readonly from: string;
  readonly to: string;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * The instant (ms) the quiet window around `nowMs` ends, or null when `nowMs` is not in it.
 * quietUntil(22:30 local, {from: '22:00', to: '07:00'}) → 07:00 the next day.
 */
export function quietUntil(nowMs: number, quiet: QuietHours, timeZone: string): number | null {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return null;
  const w = wallClock(nowMs, timeZone);
  const m = w.hour * 60 + w.minute;
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (!inside) return null;
  // The end is today when we are before `to`, else tomorrow (a window across midnight, evening side).
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (m < to ? 0 : 1)));
  return instantOfWallClock(
    {
      year: day.getUTCFullYear(),
      month: day.getUTCMonth() + 1,
      day: day.getUTCDate(),
      hour: Math.floor(to / 60),
      minute: to % 60,
      second: 0,
    },
    timeZone,
  );
}
