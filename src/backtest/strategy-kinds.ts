// Every kind of strategy the backtest can run, with its options schema (zod, strict: an unknown key
// is an error that lists the allowed ones) and its constructor. The shipped strategies are these
// kinds with their defaults; user files name a kind and set its options (strategy-file.ts); sweeps
// set one option at a time (sweep.ts).
import { z } from 'zod';
import { SHIPPED_STRATEGIES, type ShippedStrategyId } from '../domain/backtest.js';
import type { Strategy } from './strategy.js';
import { buyAndHoldStrategy } from './strategies/buy-and-hold.js';
import { dcaOptionsSchema, dcaStrategy } from './strategies/dca.js';
import { exposureRulesOptionsSchema, exposureRulesStrategy } from './strategies/exposure-rules.js';
import { phaseFollowingOptionsSchema, phaseFollowingStrategy } from './strategies/phase-following.js';
import { phasedAccumulationOptionsSchema, phasedAccumulationStrategy } from './strategies/phased-accumulation.js';
import { rightSideConfirmationStrategy, rightSideOptionsSchema } from './strategies/right-side-confirmation.js';

export const STRATEGY_KINDS = [...SHIPPED_STRATEGIES, 'exposure-rules'] as const;
export type StrategyKind = (typeof STRATEGY_KINDS)[number];

/** Each kind's options schema (strict objects; every option optional with a documented default). */
export const KIND_OPTIONS: Readonly<Record<StrategyKind, z.ZodObject>> = {
  'buy-and-hold': z.strictObject({}),
  dca: dcaOptionsSchema,
  'phased-accumulation': phasedAccumulationOptionsSchema,
  'right-side-confirmation': rightSideOptionsSchema,
  'phase-following': phaseFollowingOptionsSchema,
  'exposure-rules': exposureRulesOptionsSchema,
};

/**
 * Builds a strategy of `kind` from options already checked against KIND_OPTIONS[kind]. `name` and
 * `description` are the user file's (exposure-rules has no shipped form, so it needs a name).
 */
export function strategyOfKind(
  kind: StrategyKind,
  options: Record<string, unknown>,
  user?: { readonly name: string; readonly description?: string },
): Strategy {
  const parsed = KIND_OPTIONS[kind].parse(options) as Record<string, unknown>;
  const strategy = ((): Strategy => {
    switch (kind) {
      case 'buy-and-hold':
        return buyAndHoldStrategy();
      case 'dca':
        return dcaStrategy(parsed);
      case 'phased-accumulation':
        return phasedAccumulationStrategy(parsed);
      case 'right-side-confirmation':
        return rightSideConfirmationStrategy(parsed);
      case 'phase-following':
        return phaseFollowingStrategy(parsed);
      case 'exposure-rules':
        return exposureRulesStrategy(user?.name ?? 'exposure-rules', parsed, user?.description);
    }
  })();
  if (user === undefined) return strategy;
  return {
    ...strategy,
    id: user.name,
    title: user.name,
    description: user.description ?? strategy.description,
    user: true,
  };
}

/** Whether `id` names a shipped strategy. */
export function isShippedStrategy(id: string): id is ShippedStrategyId {
  return (SHIPPED_STRATEGIES as readonly string[]).includes(id);
}

/** A shipped strategy with its defaults. */
export function shippedStrategy(id: ShippedStrategyId): Strategy {
  return strategyOfKind(id, {});
}
