// Parsing and checking the flag values commands share (--as-of, --asset, date ranges), with the
// same rules as the HTTP API: a date is a real YYYY-MM-DD date, an as-of date is not after today
// (UTC), and a range's --from is not after its --to. Each failure is a UsageError (exit 2).
import { isAsset, type Asset } from '../domain/assets.js';
import { isIsoDate, todayUtc } from '../domain/dates.js';
import { UsageError } from './usage-error.js';

/** Checks a YYYY-MM-DD flag value; undefined passes through. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} "${value}" is not a YYYY-MM-DD date`);
  return value;
}

/**
 * Checks a point-in-time flag (--as-of, or the last as-of date of a replay): a date not after
 * `today` (default: today's UTC date), as `/api/analysis?asOf=` requires. undefined passes through.
 */
export function asOfFlag(flag: string, value: string | undefined, today: string = todayUtc()): string | undefined {
  const date = dateFlag(flag, value);
  if (date !== undefined && date > today)
    throw new UsageError(`${flag} ${date} is after today (${today} UTC): nothing about it is known yet`);
  return date;
}

/** Checks that a range is not inverted (`--from` after `--to`); either end may be absent. */
export function checkRange(
  from: string | undefined,
  to: string | undefined,
  fromFlag = '--from',
  toFlag = '--to',
): void {
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(`${fromFlag} ${from} is after ${toFlag} ${to}: the range is empty`);
}

/** Checks an --asset value. */
export function assetFlag(value: string | undefined): Asset | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!isAsset(upper)) throw new UsageError(`--asset "${value}" is not one of BTC, ETH, SOL, XRP, MULTI, EQUITY`);
  return upper;
}
