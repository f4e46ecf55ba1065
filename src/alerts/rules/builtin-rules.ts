// The built-in rules and their defaults, read once: every built-in is on unless the config says
// `enabled: false`, and each option not given takes the value below. Chosen on the replay of the real
// 2025-09 → 2026-02 data (docs/operations.md) so that the desk hears about turns, not about noise.
import type { FreshnessInput } from '../input-freshness.js';
import { FRESHNESS_INPUTS } from '../input-freshness.js';
import type { BuiltinRuleId } from '../config/config-schema.js';
import { checklistRule } from './checklist-rule.js';
import { parseCondition } from './condition.js';
import { confidenceLevelRule } from './confidence-level-rule.js';
import { flowRegimeRule } from './flow-regime-rule.js';
import { liquidityFailureRule } from './liquidity-failure-rule.js';
import { phaseFlipRule } from './phase-flip-rule.js';
import type { AlertRule } from './rule.js';
import { staleInputRule } from './stale-input-rule.js';
import { thresholdRule } from './threshold-rule.js';
import { wavesRule } from './waves-rule.js';

/** Every built-in rule's defaults. */
export const BUILTIN_RULE_DEFAULTS = {
  /**
   * Phase call changed: the new call held 3 analyses in a row, each at ≥ 60 % confidence. On the real
   * 2025–26 data the call flips for a day or two about twice a month; 3 days at 60 % keeps the turns.
   */
  'phase-flip': { confirmDays: 3, minConfidence: 0.6, cooldownDays: 0 },
  /** ETF flow regime changed and held 2 new flow days (a weekend repeats Friday's window and does not count). */
  'flow-regime': { confirmDays: 2, cooldownDays: 0 },
  /**
   * The call became firm: confidence of an unchanged call rose to ≥ 85 % (after having been below 65 %:
   * the 20-point band stops daily chatter); only upward by default; 7-day cooldown.
   */
  'confidence-level': { level: 0.85, hysteresis: 0.2, direction: 'up', cooldownDays: 7 },
  /**
   * A checklist item newly met or lost, held 3 analyses; the de-risking-wave item is left to the waves
   * rule, which says the same with the wave's numbers.
   */
  checklist: {
    confirmDays: 3,
    items: [
      'weekly-etf-inflows-persisting',
      'etf-flows-not-one-way-out',
      'price-above-key-averages',
      'price-above-resistance',
      'leverage-rebuilt-without-stress',
    ],
    cooldownDays: 0,
  },
  /** A de-risking wave confirmed or ended, the new state held 2 analyses (ETH's ETF waves start and stop often). */
  waves: { confirmDays: 2, cooldownDays: 0 },
  /** A sell-off read as a liquidity failure, new or revised. */
  'liquidity-failure': { cooldownDays: 0 },
  /** Funding below −0.01 % per 8 h: shorts paying longs, a crowded short or capitulation; 7-day cooldown. */
  'funding-negative': { when: 'signals.positioning.fundingRate8h < -0.01%', cooldownDays: 7 },
  /** Strategy's mNAV below 1: the market values it under its coins (forced-sale risk); 14 days before it repeats. */
  'mnav-below-one': { when: 'signals.treasuries.strategyMnav < 1', cooldownDays: 14 },
  /**
   * Liquidations at least 10× their 30-day median. The analysis flags a spike at 5×, which the real
   * data reach about weekly; 10× marks the days a desk hears about anyway (10 Oct 2025); 7-day cooldown.
   */
  'liquidation-spike': { when: 'signals.positioning.liquidations.multipleOfMedian >= 10', cooldownDays: 7 },
  /** An input late beyond its normal publication lag (every input of FRESHNESS_INPUTS); 3-day cooldown. */
  'stale-input': { inputs: FRESHNESS_INPUTS as readonly FreshnessInput[], cooldownDays: 3 },
} as const satisfies Record<BuiltinRuleId, { readonly cooldownDays: number; readonly [option: string]: unknown }>;

/** Options of a built-in as the config gives them (already validated by its schema). */
export interface BuiltinOverrides {
  readonly confirmDays?: number;
  readonly minConfidence?: number;
  readonly level?: number;
  readonly hysteresis?: number;
  readonly direction?: 'up' | 'down' | 'both';
  readonly items?: 'all' | readonly string[];
  readonly when?: string;
  readonly inputs?: readonly FreshnessInput[];
}

/** The built-in rule `id` with `overrides` over its defaults. Throws ConditionError for a bad `when`. */
export function builtinRule(id: BuiltinRuleId, overrides: BuiltinOverrides = {}): AlertRule {
  const d = BUILTIN_RULE_DEFAULTS;
  switch (id) {
    case 'phase-flip':
      return phaseFlipRule(id, {
        confirmDays: overrides.confirmDays ?? d[id].confirmDays,
        minConfidence: overrides.minConfidence ?? d[id].minConfidence,
      });
    case 'flow-regime':
      return flowRegimeRule(id, { confirmDays: overrides.confirmDays ?? d[id].confirmDays });
    case 'confidence-level':
      return confidenceLevelRule(id, {
        level: overrides.level ?? d[id].level,
        hysteresis: overrides.hysteresis ?? d[id].hysteresis,
        direction: overrides.direction ?? d[id].direction,
      });
    case 'checklist': {
      const items = overrides.items ?? d[id].items;
      return checklistRule(id, {
        confirmDays: overrides.confirmDays ?? d[id].confirmDays,
        items: items === 'all' ? null : items,
      });
    }
    case 'waves':
      return wavesRule(id, { confirmDays: overrides.confirmDays ?? d[id].confirmDays });
    case 'liquidity-failure':
      return liquidityFailureRule(id);
    case 'funding-negative':
    case 'mnav-below-one':
    case 'liquidation-spike':
      return thresholdRule(id, parseCondition(overrides.when ?? d[id].when));
    case 'stale-input':
      return staleInputRule(id, { inputs: overrides.inputs ?? d[id].inputs });
  }
}
