// Hindsight bull/bear dating of daily closes: the Lunde–Timmermann (2004) threshold filter, with the
// Pagan–Sossounov (2003) minimum-duration censoring as an option. What a call is scored against.
import type {
  DailyClose,
  HindsightState,
  PendingExtremum,
  TurningPoint,
  TurningPointKind,
} from '../domain/track-record.js';
import { isoDayNumber } from '../domain/day-number.js';
import { assertDailyCloses } from './daily-closes.js';

/** Pagan–Sossounov minimum durations, in calendar days, and the large-move exception. */
export interface CensoringOptions {
  /** A peak-to-trough or trough-to-peak phase shorter than this is removed (unless a large move). */
  readonly minPhaseDays: number;
  /** A peak-to-peak or trough-to-trough cycle shorter than this is removed. */
  readonly minCycleDays: number;
  /** A short phase is kept when it fell at least this fraction, or rose as much in log terms. */
  readonly largeMove: number;
}

/**
 * Defaults when censoring is on. PS use 4-month phases and 16-month cycles on monthly data: in
 * calendar days 120 and 480. Their exception keeps a short phase that moved more than 20 %; every
 * phase dated by the 20 % filter already moved that much, so the exception would keep everything:
 * 0.5 (a 50 % fall, or a 100 % rise) keeps only crash-like moves such as February–March 2020.
 */
export const PAGAN_SOSSOUNOV_DEFAULTS: CensoringOptions = { minPhaseDays: 120, minCycleDays: 480, largeMove: 0.5 };

/**
 * Defaults 20 % / 20 %: a bull market ends on a 20 % fall from its high, a bear market on a 20 % rise
 * from its low — the usual crypto choice and the market's own "20 % = bear market" convention; the
 * thresholds are symmetric, so the dating favours neither side. On BTC daily closes 2017-01 → 2026-04
 * it dates 57 turning points. 15 %/15 % (used for the S&P 500, an asset three to four times less
 * volatile) dates 90, three-day wiggles such as 24 → 27 May 2017 among them; bbdetection's 30 %/20 %
 * dates 31 and does not see the −28 % fall from January to April 2025 or the −25 % of January 2021.
 * Censoring is off by default: the threshold already ignores small moves, and with the minimum
 * durations the last ~16 months stay unsettled (on BTC everything after 2024-09-06).
 */
export const HINDSIGHT_DATING_DEFAULTS = { bullDecline: 0.2, bearRise: 0.2, censoring: false } as const;

export interface HindsightDatingOptions {
  /** λ1: fall from the running high since the last trough that ends a bull market. Default 0.2. */
  readonly bullDecline?: number;
  /** λ2: rise from the running low since the last peak that ends a bear market. Default 0.2. */
  readonly bearRise?: number;
  /** Pagan–Sossounov censoring: true for its defaults, an object to override some. Default off. */
  readonly censoring?: boolean | Partial<CensoringOptions>;
}

/** A turning point with its position in the closes. */
export interface DatedTurningPoint extends TurningPoint {
  readonly index: number;
}

/** The pending extremum with its position in the closes. */
export interface DatedPendingExtremum extends PendingExtremum {
  readonly index: number;
}

export interface HindsightDating {
  /** One state per close. */
  readonly states: readonly HindsightState[];
  /** Alternating peaks and troughs, ascending. */
  readonly turningPoints: readonly DatedTurningPoint[];
  /** The running extremum after the last turning point; null when none was dated. */
  readonly pending: DatedPendingExtremum | null;
  /** Index of the first day of the unsettled tail (closes.length when there is none). */
  readonly settledUntil: number;
  /** The options used. */
  readonly options: {
    readonly bullDecline: number;
    readonly bearRise: number;
    readonly censoring: CensoringOptions | null;
  };
}

interface RawTurningPoint {
  readonly kind: TurningPointKind;
  readonly index: number;
  readonly confirmedIndex: number;
}

/**
 * Dates bull and bear markets on daily closes (ascending dates; gaps allowed).
 *
 * Lunde–Timmermann: until a threshold is first crossed the direction is undetermined; after a trough
 * the market is bull and a peak is dated at the running high once the price falls `bullDecline` below
 * it; after a peak it is bear and a trough is dated at the running low once the price rises `bearRise`
 * above it. Equal highs (lows) date the first of them. A bull phase runs from the day after a trough
 * through the peak day, a bear phase from the day after a peak through the trough day.
 *
 * Edges: days up to and including the first turning point are 'unsettled' (their state depends on
 * prices before the data begin); so are the days after the pending extremum (the running low after
 * the last peak, or high after the last trough), which the future may still re-date. The days from
 * the last turning point through the pending extremum are settled: whatever comes next, they belong
 * to the phase the last turning point began.
 *
 * Censoring (Pagan–Sossounov, optional): while a phase is shorter than `minPhaseDays` without a
 * large move, or a cycle shorter than `minCycleDays`, a pair of adjacent turning points is removed:
 * starting from the offending pair, the pair with the smaller move is taken until the pair's move is
 * no larger than its neighbours' (so the remaining peak is the higher of two, the trough the lower —
 * the Bry–Boschan rule). Shortest offenders first, phases before cycles. With censoring on, turning
 * points dated within `minCycleDays` of the pending extremum may still be removed by future data,
 * so the days after the turning point before the first of them are unsettled too (conservative for
 * the removals such a future cycle or phase triggers directly).
 *
 * Closes 100, 130, 100, 125 at 20 %/20 %: a trough at the first 100 (130 is 30 % above it), a peak at
 * 130 (100 is 23 % below it), a trough at the second 100 (125 is 25 % above it), 125 pending.
 */
export function hindsightDating(closes: readonly DailyClose[], options: HindsightDatingOptions = {}): HindsightDating {
  const { bullDecline = HINDSIGHT_DATING_DEFAULTS.bullDecline, bearRise = HINDSIGHT_DATING_DEFAULTS.bearRise } =
    options;
  const censoringOption = options.censoring ?? HINDSIGHT_DATING_DEFAULTS.censoring;
  const censoring: CensoringOptions | null =
    censoringOption === false
      ? null
      : censoringOption === true
        ? PAGAN_SOSSOUNOV_DEFAULTS
        : { ...PAGAN_SOSSOUNOV_DEFAULTS, ...censoringOption };
  if (!(bullDecline > 0 && bullDecline < 1))
    throw new RangeError(`hindsightDating: bullDecline is ${bullDecline}: must be in (0, 1)`);
  if (!(bearRise > 0 && Number.isFinite(bearRise)))
    throw new RangeError(`hindsightDating: bearRise is ${bearRise}: must be a positive number`);
  if (censoring) {
    const { minPhaseDays, minCycleDays, largeMove } = censoring;
    if (!(minPhaseDays >= 0) || !(minCycleDays >= 0))
      throw new RangeError(`hindsightDating: censoring durations ${minPhaseDays}/${minCycleDays} must be ≥ 0 days`);
    if (!(largeMove > 0 && largeMove < 1))
      throw new RangeError(`hindsightDating: censoring.largeMove is ${largeMove}: must be in (0, 1)`);
  }
  assertDailyCloses(closes, 'hindsightDating', false);

  const n = closes.length;
  const close = closes.map((c) => c.close);
  const dayNumber = closes.map((c) => isoDayNumber(c.date));
  let raw = lundeTimmermann(close, bullDecline, bearRise);
  if (censoring) raw = censor(raw, close, dayNumber, censoring);

  const turningPoints: DatedTurningPoint[] = raw.map((tp) => ({
    kind: tp.kind,
    date: closes[tp.index]!.date,
    close: close[tp.index]!,
    confirmedDate: closes[tp.confirmedIndex]!.date,
    index: tp.index,
  }));
  const pending = pendingExtremum(turningPoints, closes);

  const states: HindsightState[] = new Array<HindsightState>(n).fill('unsettled');
  let settledUntil = 0;
  if (pending) {
    turningPoints.forEach((tp, k) => {
      const end = k + 1 < turningPoints.length ? turningPoints[k + 1]!.index : pending.index;
      states.fill(tp.kind === 'peak' ? 'bear' : 'bull', tp.index + 1, end + 1);
    });
    settledUntil = pending.index + 1;
    if (censoring) {
      const cutoff = dayNumber[pending.index]! - censoring.minCycleDays;
      const firstProvisional = turningPoints.findIndex((tp) => dayNumber[tp.index]! > cutoff);
      if (firstProvisional >= 0)
        settledUntil = Math.min(
          settledUntil,
          firstProvisional === 0 ? 0 : turningPoints[firstProvisional - 1]!.index + 1,
        );
    }
    states.fill('unsettled', settledUntil);
  }
  return { states, turningPoints, pending, settledUntil, options: { bullDecline, bearRise, censoring } };
}

/** The Lunde–Timmermann pass: alternating turning points with the day each was confirmed. */
function lundeTimmermann(close: readonly number[], bullDecline: number, bearRise: number): RawTurningPoint[] {
  const out: RawTurningPoint[] = [];
  let state: 'none' | 'bull' | 'bear' = 'none';
  let high = 0;
  let low = 0;
  for (let t = 1; t < close.length; t++) {
    const p = close[t]!;
    if (state !== 'bear' && p > close[high]!) high = t;
    if (state !== 'bull' && p < close[low]!) low = t;
    // After a dated turning point the running extremum restarts at the confirmation day: every close
    // between the extremum and that day was still within the threshold, so the new extremum is it.
    if (state !== 'bear' && p <= (1 - bullDecline) * close[high]!) {
      out.push({ kind: 'peak', index: high, confirmedIndex: t });
      state = 'bear';
      low = t;
    } else if (state !== 'bull' && p >= (1 + bearRise) * close[low]!) {
      out.push({ kind: 'trough', index: low, confirmedIndex: t });
      state = 'bull';
      high = t;
    }
  }
  return out;
}

/** Pagan–Sossounov censoring of an alternating list (see hindsightDating). */
function censor(
  points: readonly RawTurningPoint[],
  close: readonly number[],
  dayNumber: readonly number[],
  { minPhaseDays, minCycleDays, largeMove }: CensoringOptions,
): RawTurningPoint[] {
  const list = [...points];
  const largeLogMove = -Math.log(1 - largeMove);
  const move = (a: number): number => Math.abs(Math.log(close[list[a + 1]!.index]! / close[list[a]!.index]!));
  const days = (a: number, b: number): number => dayNumber[list[b]!.index]! - dayNumber[list[a]!.index]!;
  for (;;) {
    let start = -1;
    let shortest = Number.POSITIVE_INFINITY;
    for (let a = 0; a + 1 < list.length; a++) {
      const d = days(a, a + 1);
      if (d < minPhaseDays && move(a) < largeLogMove && d < shortest) [start, shortest] = [a, d];
    }
    if (start < 0)
      for (let a = 0; a + 2 < list.length; a++) {
        const d = days(a, a + 2);
        if (d < minCycleDays && d < shortest) [start, shortest] = [move(a) <= move(a + 1) ? a : a + 1, d];
      }
    if (start < 0) return list;
    let a = start;
    for (;;) {
      const here = move(a);
      const left = a > 0 ? move(a - 1) : Number.POSITIVE_INFINITY;
      const right = a + 2 < list.length ? move(a + 1) : Number.POSITIVE_INFINITY;
      if (left < here && left <= right) a -= 1;
      else if (right < here) a += 1;
      else break;
    }
    list.splice(a, 2);
  }
}

/** The running low after the last peak (high after the last trough), first occurrence; null without one. */
function pendingExtremum(
  turningPoints: readonly DatedTurningPoint[],
  closes: readonly DailyClose[],
): DatedPendingExtremum | null {
  const last = turningPoints[turningPoints.length - 1];
  if (!last || last.index + 1 >= closes.length) return null;
  const kind: TurningPointKind = last.kind === 'peak' ? 'trough' : 'peak';
  let best = last.index + 1;
  for (let i = best + 1; i < closes.length; i++) {
    const c = closes[i]!.close;
    if (kind === 'trough' ? c < closes[best]!.close : c > closes[best]!.close) best = i;
  }
  return { kind, date: closes[best]!.date, close: closes[best]!.close, index: best };
}
