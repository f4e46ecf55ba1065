// Phased accumulation, the aggressive investor's plan: the budget split into N tranches, bought only
// while the call is `bottoming` (or `trend-decline` once the flush is over), each tranche triggered by
// a support level, extreme pessimism or a time stop, with a minimum spacing. Bought tranches are held.
import { z } from 'zod';
import { daysBetween } from '../../domain/dates.js';
import { formatCount, formatPrice } from '../../format/numbers.js';
import { formatPct } from '../../format/percent.js';
import type { DecisionDay } from '../decision-days.js';
import type { Strategy } from '../strategy.js';

export const ACCUMULATION_TRIGGERS = ['support', 'pessimism', 'time-stop'] as const;
export type AccumulationTrigger = (typeof ACCUMULATION_TRIGGERS)[number];

/**
 * Defaults. tranches 4: the desk's usual "quarter at a time". minDaysBetween 7: at most one tranche a
 * week, so one bad week cannot take the whole budget. timeStopDays 21: three weeks spent eligible (calendar days
 * between eligible decision days) without a trigger buys a tranche anyway (a plan that waits for a perfect signal may never buy).
 * supportBandPct 3: the known close within 3 % above the nearest support counts as "at support"
 * (about one day's BTC move). afterFlush true with flushWindowDays 60: `trend-decline` is eligible
 * when no de-risking wave is under way and one ended within the last 60 days (the forced selling is
 * over); otherwise only `bottoming` is. All three triggers on.
 */
export const PHASED_ACCUMULATION_DEFAULTS = {
  tranches: 4,
  minDaysBetween: 7,
  timeStopDays: 21,
  supportBandPct: 3,
  afterFlush: true,
  flushWindowDays: 60,
  triggers: ACCUMULATION_TRIGGERS,
} as const;

export const phasedAccumulationOptionsSchema = z.strictObject({
  tranches: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Tranches the budget is split into (default 4).' }),
  minDaysBetween: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .meta({ description: 'Least calendar days between two tranches (default 7).' }),
  timeStopDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .meta({ description: 'Days without a tranche after which an eligible day buys one anyway (default 21).' }),
  supportBandPct: z
    .number()
    .min(0)
    .max(50)
    .optional()
    .meta({ description: 'Percent above the nearest support that counts as at support (default 3).' }),
  afterFlush: z
    .boolean()
    .optional()
    .meta({ description: 'Also buy in trend-decline once a de-risking wave has ended (default true).' }),
  flushWindowDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .optional()
    .meta({ description: 'How recently a wave must have ended for the flush to count as complete (default 60).' }),
  triggers: z
    .array(z.enum(ACCUMULATION_TRIGGERS))
    .min(1)
    .optional()
    .meta({ description: 'Which triggers buy a tranche: support, pessimism, time-stop (default all).' }),
});
export type PhasedAccumulationOptions = z.infer<typeof phasedAccumulationOptionsSchema>;

/** Why a day is one of extreme pessimism, or null when it is not. */
export function pessimismOf(day: DecisionDay): string | null {
  const reasons: string[] = [];
  if (day.fundingRegime === 'negative') reasons.push('funding negative');
  if (day.liquidationSpike === true) reasons.push('a liquidation spike');
  if (day.flowRegime === 'one-way-outflow') reasons.push('one-way ETF outflows');
  return reasons.length > 0 ? reasons.join(', ') : null;
}

/** The phased-accumulation strategy with `options` over PHASED_ACCUMULATION_DEFAULTS. */
export function phasedAccumulationStrategy(options: PhasedAccumulationOptions = {}): Strategy {
  const {
    tranches = PHASED_ACCUMULATION_DEFAULTS.tranches,
    minDaysBetween = PHASED_ACCUMULATION_DEFAULTS.minDaysBetween,
    timeStopDays = PHASED_ACCUMULATION_DEFAULTS.timeStopDays,
    supportBandPct = PHASED_ACCUMULATION_DEFAULTS.supportBandPct,
    afterFlush = PHASED_ACCUMULATION_DEFAULTS.afterFlush,
    flushWindowDays = PHASED_ACCUMULATION_DEFAULTS.flushWindowDays,
    triggers = PHASED_ACCUMULATION_DEFAULTS.triggers,
  } = options;
  const onSupport = triggers.includes('support');
  const onPessimism = triggers.includes('pessimism');
  const onTimeStop = triggers.includes('time-stop');
  const eligibility = afterFlush
    ? `while the call is bottoming, or trend-decline with no de-risking wave under way and one ended within ${formatCount(flushWindowDays)} days`
    : 'while the call is bottoming';
  return {
    id: 'phased-accumulation',
    title: 'Phased accumulation',
    description: `Splits the cash into ${formatCount(tranches)} tranches bought ${eligibility}, at least ${formatCount(minDaysBetween)} days apart, each when ${[
      onSupport ? `the close is within ${formatPct(supportBandPct, 0)} above the nearest support` : null,
      onPessimism ? 'pessimism is extreme (negative funding, a liquidation spike or one-way ETF outflows)' : null,
      onTimeStop ? `${formatCount(timeStopDays)} eligible days passed without a tranche` : null,
    ]
      .filter((t) => t !== null)
      .join(', or ')}. Bought tranches are held.`,
    user: false,
    start: (context) => {
      let deployed = 0;
      let lastTranche: string | null = null;
      // Calendar days spent eligible since the last tranche (gaps between eligible decision days).
      let eligibleDays = 0;
      let previousEligible: string | null = null;
      return (day, book) => {
        if (deployed >= tranches) return null;
        const flushOver =
          afterFlush &&
          day.label === 'trend-decline' &&
          day.waveUnderWay === false &&
          day.daysSinceWaveEnded !== null &&
          day.daysSinceWaveEnded <= flushWindowDays;
        if (day.label !== 'bottoming' && !flushOver) {
          previousEligible = null;
          return null;
        }
        if (previousEligible !== null) eligibleDays += daysBetween(previousEligible, day.date);
        previousEligible = day.date;
        if (lastTranche !== null && daysBetween(lastTranche, day.date) < minDaysBetween) return null;
        const close = day.knownClose;
        const support = day.nearestSupport;
        let why: string | null = null;
        if (onSupport && close !== null && support !== null && close <= support * (1 + supportBandPct / 100))
          why = `close ${formatPrice(close)} within ${formatPct(supportBandPct, 0)} of support ${formatPrice(support)}`;
        if (why === null && onPessimism) {
          const pessimism = pessimismOf(day);
          if (pessimism !== null) why = `extreme pessimism: ${pessimism}`;
        }
        if (why === null && onTimeStop && eligibleDays >= timeStopDays)
          why = `time stop: ${formatCount(eligibleDays)} eligible days without a tranche`;
        if (why === null) return null;
        deployed += 1;
        lastTranche = day.date;
        eligibleDays = 0;
        const last = deployed === tranches;
        return {
          kind: 'buy',
          cashUsd: last ? book.cashUsd : context.startCashUsd / tranches,
          reason: `tranche ${formatCount(deployed)}/${formatCount(tranches)} (${flushOver ? 'trend-decline after the flush' : 'bottoming'}): ${why}`,
        };
      };
    },
  };
}
