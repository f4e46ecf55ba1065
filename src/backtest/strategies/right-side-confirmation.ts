// Right-side confirmation, the cautious investor's plan: stay in cash until the checklist's
// confirmation items hold — weekly ETF net inflows positive for ≥ 2 weeks and the price above its
// 50/200-day averages or back above the prior range's top — then enter (all at once or in steps), and
// leave on the reversal rule.
import { z } from 'zod';
import { daysBetween } from '../../domain/dates.js';
import { formatCount, formatPrice } from '../../format/numbers.js';
import { formatUsd } from '../../format/money.js';
import { formatPercent } from '../../format/percent.js';
import type { DecisionDay } from '../decision-days.js';
import type { Strategy } from '../strategy.js';

export const PRICE_RULES = ['averages-or-range', 'averages', 'range'] as const;
export const EXIT_RULES = ['reversal', 'below-200d', 'never'] as const;
export const WITHOUT_FLOWS = ['price-only', 'wait'] as const;

/**
 * Defaults. flowWeeks 2: the checklist's "positive and persisting" (phase/rules.ts PERSISTING_WEEKS).
 * priceRule averages-or-range: above both averages, or above the last consolidation's top, as the
 * framework says. withoutFlows price-only: before US spot ETFs existed (BTC before 2024) the flow item
 * cannot be decided, and the rule rests on price alone (say 'wait' to stay in cash instead). steps 1:
 * all in at once; stepDays 7 between steps when steps > 1, each step needing the confirmation still
 * to hold. exitRule reversal: leave when the price confirmation no longer holds, the close is below
 * its 50-day average and the last complete week's ETF net flow was an outflow (before ETF flows, the
 * price alone) — one broken item alone is noise, both together are the reversal.
 */
export const RIGHT_SIDE_DEFAULTS = {
  flowWeeks: 2,
  priceRule: 'averages-or-range',
  withoutFlows: 'price-only',
  steps: 1,
  stepDays: 7,
  exitRule: 'reversal',
} as const;

export const rightSideOptionsSchema = z.strictObject({
  flowWeeks: z
    .number()
    .int()
    .min(0)
    .max(52)
    .optional()
    .meta({ description: 'Positive ETF weeks in a row needed (default 2; 0 = ignore flows).' }),
  priceRule: z
    .enum(PRICE_RULES)
    .optional()
    .meta({ description: 'Price confirmation: averages-or-range (default), averages, range.' }),
  withoutFlows: z
    .enum(WITHOUT_FLOWS)
    .optional()
    .meta({ description: 'When no ETF flows exist yet: price-only (default) or wait.' }),
  steps: z.number().int().min(1).max(20).optional().meta({ description: 'Entry steps (default 1: all at once).' }),
  stepDays: z.number().int().min(1).max(365).optional().meta({ description: 'Days between steps (default 7).' }),
  exitRule: z
    .enum(EXIT_RULES)
    .optional()
    .meta({ description: 'reversal (default), below-200d (close under its 200-day average) or never.' }),
});
export type RightSideOptions = z.infer<typeof rightSideOptionsSchema>;

/** The right-side confirmation strategy with `options` over RIGHT_SIDE_DEFAULTS. */
export function rightSideConfirmationStrategy(options: RightSideOptions = {}): Strategy {
  const {
    flowWeeks = RIGHT_SIDE_DEFAULTS.flowWeeks,
    priceRule = RIGHT_SIDE_DEFAULTS.priceRule,
    withoutFlows = RIGHT_SIDE_DEFAULTS.withoutFlows,
    steps = RIGHT_SIDE_DEFAULTS.steps,
    stepDays = RIGHT_SIDE_DEFAULTS.stepDays,
    exitRule = RIGHT_SIDE_DEFAULTS.exitRule,
  } = options;

  const aboveAverages = (d: DecisionDay): boolean =>
    d.knownClose !== null && d.sma50 !== null && d.sma200 !== null && d.knownClose > d.sma50 && d.knownClose > d.sma200;
  const priceConfirmed = (d: DecisionDay): boolean =>
    (priceRule !== 'range' && aboveAverages(d)) ||
    (priceRule !== 'averages' && d.checklist['price-above-resistance'] === true);
  const flowsConfirmed = (d: DecisionDay): boolean =>
    flowWeeks === 0 ||
    (d.consecutivePositiveWeeks === null ? withoutFlows === 'price-only' : d.consecutivePositiveWeeks >= flowWeeks);
  const why = (d: DecisionDay): string => {
    const flows =
      flowWeeks === 0
        ? 'flows not required'
        : d.consecutivePositiveWeeks === null
          ? 'no ETF flows yet (price only)'
          : `${formatCount(d.consecutivePositiveWeeks)} positive ETF week(s) in a row`;
    const price = aboveAverages(d)
      ? `close ${formatPrice(d.knownClose)} above its 50-day ${formatPrice(d.sma50)} and 200-day ${formatPrice(d.sma200)} averages`
      : `close ${formatPrice(d.knownClose)} above the prior range's top`;
    return `${flows}; ${price}`;
  };
  const reversal = (d: DecisionDay): string | null => {
    if (exitRule === 'never' || d.knownClose === null) return null;
    if (exitRule === 'below-200d')
      return d.sma200 !== null && d.knownClose < d.sma200
        ? `close ${formatPrice(d.knownClose)} below its 200-day average ${formatPrice(d.sma200)}`
        : null;
    if (priceConfirmed(d) || d.sma50 === null || !(d.knownClose < d.sma50)) return null;
    const outflowWeek = d.lastWeekNetFlowUsd === null ? null : d.lastWeekNetFlowUsd < 0;
    if (outflowWeek === false || (outflowWeek === null && d.consecutivePositiveWeeks !== null)) return null;
    return `reversal: close ${formatPrice(d.knownClose)} below its 50-day average ${formatPrice(d.sma50)}${outflowWeek === null ? '' : ` and last week's ETF net flow ${formatUsd(d.lastWeekNetFlowUsd)}`}`;
  };

  const exitText =
    exitRule === 'reversal'
      ? "leaves when the price confirmation no longer holds, the close is below its 50-day average and the last complete week's ETF net flow was an outflow (before ETF flows, on price alone)"
      : exitRule === 'below-200d'
        ? 'leaves when the close falls below its 200-day average'
        : 'never leaves';
  const priceText =
    priceRule === 'averages'
      ? 'the close is above its 50- and 200-day averages'
      : priceRule === 'range'
        ? "the close is back above the prior consolidation range's top"
        : "the close is above its 50- and 200-day averages or back above the prior consolidation range's top";
  return {
    id: 'right-side-confirmation',
    title: 'Right-side confirmation',
    description: `Waits in cash until ${flowWeeks === 0 ? '' : `weekly ETF net inflows have been positive ${formatCount(flowWeeks)} weeks in a row (${withoutFlows === 'price-only' ? 'price alone before ETF flows existed' : 'no entry before ETF flows existed'}) and `}${priceText}; then enters ${steps === 1 ? 'all at once' : `in ${formatCount(steps)} steps of ${formatPercent(1 / steps, 0)}, ${formatCount(stepDays)} days apart, each while the confirmation holds`}, and ${exitText}.`,
    user: false,
    start: () => {
      let stepsDone = 0;
      let lastStep: string | null = null;
      return (day, book) => {
        if (book.units > 0) {
          const exit = reversal(day);
          if (exit !== null) {
            stepsDone = 0;
            lastStep = null;
            return { kind: 'sell-all', reason: exit };
          }
        } else if (stepsDone > 0) stepsDone = 0; // flat again (e.g. after a stop): start over
        if (stepsDone >= steps) return null;
        if (lastStep !== null && daysBetween(lastStep, day.date) < stepDays) return null;
        if (!flowsConfirmed(day) || !priceConfirmed(day)) return null;
        stepsDone += 1;
        lastStep = day.date;
        return {
          kind: 'target',
          exposure: stepsDone / steps,
          reason: `confirmed${steps > 1 ? ` (step ${formatCount(stepsDone)}/${formatCount(steps)})` : ''}: ${why(day)}`,
        };
      };
    },
  };
}
