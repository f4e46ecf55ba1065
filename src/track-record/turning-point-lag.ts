// How long an engine took to call each dated peak and trough: days from the turning point to the
// first call on the matching side (peak → bear side, trough → bull side).
import type { PhaseLabel } from '../domain/analysis.js';
import type { TurningPoint, TurningPointLag, TurningPointLags } from '../domain/track-record.js';
import { daysBetween } from '../domain/dates.js';
import { median } from '../signals/stats/median.js';
import { phaseSide } from './phase-side.js';

/**
 * Lags of `calls` (ascending dates) to the turning points of `turningPoints` (the whole dated list,
 * ascending) that fall within [from, to] (both optional).
 *
 * For a peak the first call dated on or after it on the bear side (trend-decline, topping), for a
 * trough on the bull side (uptrend, bottoming), before the next turning point: lagDays = calendar
 * days between the two (a call on the turning point's date has lag 0). Without such a call the point
 * is `missed` when the calls reach its confirmation date (the engine had as long as hindsight needed),
 * else `not-covered`; it is also `not-covered` when the first call comes after it. medianLagDays over
 * the matched points; medianLagDaysCountingMisses also counts each miss as the days to the next
 * turning point (or to the last call, if earlier). Example: peak 2024-03-14, bear-side call
 * 2024-03-20 → lag 6.
 */
export function turningPointLags(
  turningPoints: readonly TurningPoint[],
  calls: readonly { readonly date: string; readonly label: PhaseLabel }[],
  range: { readonly from?: string; readonly to?: string } = {},
): TurningPointLags {
  const points: TurningPointLag[] = [];
  const censoredLags: number[] = [];
  const firstCall = calls[0]?.date;
  const lastCall = calls[calls.length - 1]?.date;
  let c = 0;
  turningPoints.forEach((tp, k) => {
    if ((range.from !== undefined && tp.date < range.from) || (range.to !== undefined && tp.date > range.to)) return;
    const base = { kind: tp.kind, date: tp.date, close: tp.close };
    if (firstCall === undefined || lastCall === undefined || firstCall > tp.date || lastCall < tp.date) {
      points.push({ ...base, status: 'not-covered', firstMatchingCallDate: null, lagDays: null });
      return;
    }
    const next = turningPoints[k + 1]?.date;
    const side = tp.kind === 'peak' ? 'bear' : 'bull';
    while (c < calls.length && calls[c]!.date < tp.date) c++;
    let j = c;
    while (j < calls.length && (next === undefined || calls[j]!.date < next) && phaseSide(calls[j]!.label) !== side)
      j++;
    const hit = j < calls.length && (next === undefined || calls[j]!.date < next) ? calls[j]! : null;
    if (hit) {
      points.push({
        ...base,
        status: 'matched',
        firstMatchingCallDate: hit.date,
        lagDays: daysBetween(tp.date, hit.date),
      });
    } else {
      const status = lastCall >= tp.confirmedDate ? 'missed' : 'not-covered';
      points.push({ ...base, status, firstMatchingCallDate: null, lagDays: null });
      if (status === 'missed')
        censoredLags.push(daysBetween(tp.date, next !== undefined && next <= lastCall ? next : lastCall));
    }
  });
  const lags = points.flatMap((p) => (p.lagDays === null ? [] : [p.lagDays]));
  return {
    points,
    matched: lags.length,
    missed: points.filter((p) => p.status === 'missed').length,
    notCovered: points.filter((p) => p.status === 'not-covered').length,
    medianLagDays: lags.length > 0 ? median(lags) : null,
    medianLagDaysCountingMisses: lags.length + censoredLags.length > 0 ? median([...lags, ...censoredLags]) : null,
  };
}
