// NYSE trading calendar: weekends, the regular holidays with their weekend-observance rules, and
// one-off closures. Used to count gaps in US-trading-day series and by the simulator.
import { addDays, dateRange, dayOfWeek, isWeekday } from './dates.js';

/** One-off full-day closures (national days of mourning). */
const SPECIAL_CLOSURES = new Set(['2018-12-05', '2025-01-09']);

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The n-th (1-based) given weekday of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = iso(year, month, 1);
    const offset = (weekday - dayOfWeek(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(iso(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** A fixed-date holiday moved to Friday when on Saturday, Monday when on Sunday. */
function observed(date: string): string {
  const dow = dayOfWeek(date);
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, 1);
  return date;
}

const holidayCache = new Map<number, Set<string>>();

/** NYSE full-day holidays of a year. */
export function nyseHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Set<string>();
  // New Year's Day on a Saturday is not observed on the Friday before (NYSE rule).
  const newYear = iso(year, 1, 1);
  if (dayOfWeek(newYear) !== 6) days.add(observed(newYear));
  days.add(nthWeekday(year, 1, 1, 3)); // Martin Luther King Jr. Day
  days.add(nthWeekday(year, 2, 1, 3)); // Washington's Birthday
  days.add(addDays(easterSunday(year), -2)); // Good Friday
  days.add(nthWeekday(year, 5, 1, -1)); // Memorial Day
  if (year >= 2022) days.add(observed(iso(year, 6, 19))); // Juneteenth
  days.add(observed(iso(year, 7, 4)));
  days.add(nthWeekday(year, 9, 1, 1)); // Labor Day
  days.add(nthWeekday(year, 11, 4, 4)); // Thanksgiving
  days.add(observed(iso(year, 12, 25)));
  for (const d of SPECIAL_CLOSURES) if (d.startsWith(`${year}-`)) days.add(d);
  holidayCache.set(year, days);
  return days;
}

/** True when the NYSE is open on `date`. */
export function isUsTradingDay(date: string): boolean {
  return isWeekday(date) && !nyseHolidays(Number(date.slice(0, 4))).has(date);
}

/** All NYSE trading days from `from` to `to`, both included. */
export function usTradingDays(from: string, to: string): string[] {
  return dateRange(from, to).filter(isUsTradingDay);
}

/**
 * US federal holidays (OPM rules: Saturday → Friday, Sunday → Monday), plus one-off closures. Federal
 * agencies such as the CFTC follow these, not the NYSE's (Good Friday is not one; Columbus and
 * Veterans Day are).
 */
export function isUsFederalHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  const goodFriday = addDays(easterSunday(year), -2);
  const federal = new Set([...nyseHolidays(year)].filter((d) => d !== goodFriday));
  if (dayOfWeek(iso(year, 1, 1)) === 6 && date === addDays(iso(year, 1, 1), -1)) return true;
  const nextNewYear = iso(year + 1, 1, 1);
  if (dayOfWeek(nextNewYear) === 6 && date === addDays(nextNewYear, -1)) return true;
  federal.add(nthWeekday(year, 10, 1, 2)); // Columbus Day
  federal.add(observed(iso(year, 11, 11))); // Veterans Day
  if (year < 2022) federal.delete(observed(iso(year, 6, 19)));
  return federal.has(date);
}
