// Cron schedules for `tidemark watch`: the five standard fields (minute hour day-of-month month
// day-of-week), optionally a leading seconds field, with *, lists, ranges, steps, month and weekday
// names and @hourly/@daily/@weekly/@monthly — evaluated in a named time zone. When both day fields
// are restricted a day matches either (the classic cron rule).
import { instantOfWallClock, wallClock } from './zoned-time.js';

export interface CronSchedule {
  /** The expression as written. */
  readonly text: string;
  /** The first instant (ms) strictly after `afterMs` that the schedule fires, in `timeZone`. */
  next(afterMs: number, timeZone: string): number;
}

/** A cron expression that cannot be read: names the field and the value. */
export class CronError extends Error {
  override readonly name = 'CronError';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MACROS: Readonly<Record<string, string>> = {
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
};

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly namesFrom?: number;
}

const SECOND: FieldSpec = { name: 'second', min: 0, max: 59 };
const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  // 7 is Sunday too.
  { name: 'day of week', min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

function value(spec: FieldSpec, text: string, expression: string): number {
  const lower = text.toLowerCase();
  const named = spec.names?.indexOf(lower) ?? -1;
  const n = named >= 0 ? named + (spec.namesFrom ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < spec.min || n > spec.max)
    throw new CronError(`cron "${expression}": ${spec.name} "${text}" is not ${spec.min}–${spec.max}`);
  return n;
}

/** The set of values one field allows, and whether it was "*" (for the day-of-month/day-of-week rule). */
function parseField(spec: FieldSpec, text: string, expression: string): { values: Set<number>; any: boolean } {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new CronError(`cron "${expression}": ${spec.name} step "${stepText}" is not a whole number ≥ 1`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === undefined || range === '') {
      if (range === '' || range === undefined) throw new CronError(`cron "${expression}": empty ${spec.name} field`);
      lo = spec.min;
      hi = spec.max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(spec, a ?? '', expression);
      hi = value(spec, b ?? '', expression);
      if (lo > hi) throw new CronError(`cron "${expression}": ${spec.name} range "${range}" runs backwards`);
    } else {
      lo = value(spec, range, expression);
      hi = stepText === undefined ? lo : spec.max;
    }
    for (let v = lo; v <= hi; v += step) values.add(spec.name === 'day of week' && v === 7 ? 0 : v);
  }
  return { values, any: text === '*' || text.startsWith('*/') };
}

/** Parses a cron expression; throws CronError naming the field that is wrong. */
export function parseCron(text: string): CronSchedule {
  const expression = text.trim();
  const expanded = MACROS[expression.toLowerCase()] ?? expression;
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6)
    throw new CronError(
      `cron "${expression}": needs 5 fields (minute hour day-of-month month day-of-week) or 6 with seconds first`,
    );
  const seconds = parts.length === 6 ? parseField(SECOND, parts[0]!, expression).values : new Set([0]);
  const [minute, hour, dom, month, dow] = FIELDS.map((spec, i) =>
    parseField(spec, parts[i + parts.length - 5]!, expression),
  ) as [ReturnType<typeof parseField>, ...ReturnType<typeof parseField>[]];
  const sortedSeconds = [...seconds].sort((a, b) => a - b);
  const sortedMinutes = [...minute.values].sort((a, b) => a - b);
  const sortedHours = [...hour!.values].sort((a, b) => a - b);
  const dayMatches = (day: number, weekday: number): boolean => {
    const inDom = dom!.values.has(day);
    const inDow = dow!.values.has(weekday);
    if (dom!.any && dow!.any) return true;
    if (dom!.any) return inDow;
    if (dow!.any) return inDom;
    return inDom || inDow;
  };
  return {
    text: expression,
    next(afterMs: number, timeZone: string): number {
      const start = wallClock(afterMs, timeZone);
      const startDay = Date.UTC(start.year, start.month - 1, start.day);
      // Four years and a day covers any day-of-month/month combination (29 Feb).
      for (let d = 0; d <= 4 * 366; d++) {
        const day = new Date(startDay + d * 86_400_000);
        const [y, mo, da, wd] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), day.getUTCDay()];
        if (!month!.values.has(mo) || !dayMatches(da, wd)) continue;
        for (const h of sortedHours)
          for (const mi of sortedMinutes)
            for (const s of sortedSeconds) {
              if (d === 0 && h * 3600 + mi * 60 + s <= start.hour * 3600 + start.minute * 60 + start.second) continue;
              const at = instantOfWallClock({ year: y, month: mo, day: da, hour: h, minute: mi, second: s }, timeZone);
              if (at > afterMs) return at;
            }
      }
      throw new CronError(`cron "${expression}": never fires`);
    },
  };
}
