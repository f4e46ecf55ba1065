// Parsing and checking the flag values commands share (--as-of, --asset, dates).
import { isAsset, type Asset } from '../domain/assets.js';
import { isIsoDate } from '../domain/dates.js';
import { UsageError } from './usage-error.js';

/** Checks a YYYY-MM-DD flag value; undefined passes through. */
export function dateFlag(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} "${value}" is not a YYYY-MM-DD date`);
  return value;
}

/** Checks an --asset value. */
export function assetFlag(value: string | undefined): Asset | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (!isAsset(upper)) throw new UsageError(`--asset "${value}" is not one of BTC, ETH, SOL, XRP, MULTI, EQUITY`);
  return upper;
}
