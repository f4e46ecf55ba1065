// Dollar-cost averaging: the cash split into equal instalments, one bought every `intervalDays`
// (weekly by default) at the first decision day of each interval, whatever the market says.
import { z } from 'zod';
import { daysBetween } from '../../domain/dates.js';
import { formatCount } from '../../format/numbers.js';
import { formatUsd } from '../../format/money.js';
import type { Strategy } from '../strategy.js';

/**
 * Defaults. intervalDays 7: weekly, the usual retail DCA plan. instalments null: as many as the
 * window has intervals, so the whole budget is deployed by the last week (a plan made knowing its
 * horizon, not the prices).
 */
export const DCA_DEFAULTS = { intervalDays: 7, instalments: null } as const satisfies {
  intervalDays: number;
  instalments: number | null;
};

export const dcaOptionsSchema = z.strictObject({
  intervalDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .meta({ description: 'Days between instalments (default 7).' }),
  instalments: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .optional()
    .meta({ description: 'Number of instalments; null = one per interval of the window (default).' }),
});
export type DcaOptions = z.infer<typeof dcaOptionsSchema>;

/** Weekly DCA with fixed cash per instalment: the cash left divided by the instalments left. */
export function dcaStrategy(options: DcaOptions = {}): Strategy {
  const { intervalDays = DCA_DEFAULTS.intervalDays, instalments = DCA_DEFAULTS.instalments } = options;
  return {
    id: 'dca',
    title: intervalDays === 7 ? 'Weekly DCA' : `DCA every ${formatCount(intervalDays)} days`,
    description: `Splits the cash into ${instalments === null ? 'one equal instalment per' : `${formatCount(instalments)} equal instalments, one each`} ${intervalDays === 7 ? 'week' : `${formatCount(intervalDays)} days`} of the window and buys each at the close of the interval's first decision day, whatever the market says.`,
    user: false,
    start: (context) => {
      const first = context.decisionDates[0];
      const slotOf = (date: string): number =>
        first === undefined ? 0 : Math.floor(daysBetween(first, date) / intervalDays);
      const slots = new Set(context.decisionDates.map(slotOf)).size;
      const total = instalments ?? slots;
      let bought = 0;
      let lastSlot = -1;
      return (day, book) => {
        const slot = slotOf(day.date);
        if (slot === lastSlot || bought >= total) return null;
        lastSlot = slot;
        const cash = book.cashUsd / (total - bought);
        bought += 1;
        return {
          kind: 'buy',
          cashUsd: bought === total ? book.cashUsd : cash,
          reason: `DCA instalment ${formatCount(bought)}/${formatCount(total)}: ${formatUsd(bought === total ? book.cashUsd : cash)}`,
        };
      };
    },
  };
}
