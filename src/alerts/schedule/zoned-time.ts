// Wall-clock time in a named time zone (IANA, "Europe/London") without a time-zone library: Intl
// gives the wall clock of an instant; the instant of a wall clock is found from the zone's offset,
// checked once more across a daylight-saving change. A wall time that does not exist (the hour
// skipped in spring) maps to the first instant after the gap.

/** A wall-clock reading: month 1–12, weekday 0 = Sunday. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function format(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    FORMATS.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone this runtime knows ("UTC", "America/New_York"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    format(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of format(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
    weekday: WEEKDAYS[parts['weekday'] ?? 'Sun'] ?? 0,
  };
}

function wallAsUtcMs(w: Omit<WallClock, 'weekday'>): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant at which `timeZone`'s wall clock reads `wall` (the first instant after a skipped hour). */
export function instantOfWallClock(wall: Omit<WallClock, 'weekday'>, timeZone: string): number {
  const target = wallAsUtcMs(wall);
  const offsetAt = (ms: number): number => wallAsUtcMs(wallClock(ms, timeZone)) - ms;
  const first = target - offsetAt(target);
  const second = target - offsetAt(first);
  if (wallAsUtcMs(wallClock(second, timeZone)) === target) return second;
  if (wallAsUtcMs(wallClock(first, timeZone)) === target) return first;
  return Math.max(first, second);
}
