// Phase-following: hold a share of equity set by the day's phase call, trading only when the call
// (and so the target) changes. The same exposures as the track record's phase-following yardstick.
import { z } from 'zod';
import { PHASE_LABELS, type PhaseLabel } from '../../domain/analysis.js';
import { formatPercent } from '../../format/percent.js';
import type { Strategy } from '../strategy.js';

/**
 * Defaults: uptrend 1, trend-decline 0, bottoming and topping 0.5 — the track record's
 * PHASE_FOLLOWING_DEFAULTS (track-record/phase-following.ts; a test keeps the two equal): each of
 * bottoming and topping announces a turn not confirmed yet, so half a position hedges both outcomes.
 */
export const PHASE_FOLLOWING_EXPOSURE: Readonly<Record<PhaseLabel, number>> = {
  'trend-decline': 0,
  bottoming: 0.5,
  uptrend: 1,
  topping: 0.5,
};

const exposureShare = z.number().min(0).max(1);

/** Exposure per label, every label optional (the rest from the defaults). */
export const exposureByLabelSchema = z.strictObject({
  'trend-decline': exposureShare.optional(),
  bottoming: exposureShare.optional(),
  uptrend: exposureShare.optional(),
  topping: exposureShare.optional(),
});

export const phaseFollowingOptionsSchema = z.strictObject({
  exposure: exposureByLabelSchema
    .optional()
    .meta({ description: 'Share of equity held after each call, in [0, 1] (defaults: 0, 0.5, 1, 0.5).' }),
});
export type PhaseFollowingOptions = z.infer<typeof phaseFollowingOptionsSchema>;

/** "trend-decline 0%, bottoming 50%, uptrend 100%, topping 50%". */
export function exposureText(exposure: Readonly<Record<PhaseLabel, number>>): string {
  return PHASE_LABELS.map((l) => `${l} ${formatPercent(exposure[l], 0)}`).join(', ');
}

/** The phase-following strategy with `options` over PHASE_FOLLOWING_EXPOSURE. */
export function phaseFollowingStrategy(options: PhaseFollowingOptions = {}): Strategy {
  const exposure = { ...PHASE_FOLLOWING_EXPOSURE, ...options.exposure } as Record<PhaseLabel, number>;
  return {
    id: 'phase-following',
    title: 'Phase-following',
    description: `Holds a share of equity set by each day's call (${exposureText(exposure)}), trading only when the call changes.`,
    user: false,
    start: () => {
      let held: number | null = null;
      return (day) => {
        const target = exposure[day.label];
        if (target === held) return null;
        held = target;
        return { kind: 'target', exposure: target, reason: `call ${day.label}: hold ${formatPercent(target, 0)}` };
      };
    },
  };
}
