// Stops around any strategy: a trailing stop (the known close that far below its highest since the
// position opened) and a stop-loss (that far below the position's cost per unit) sell everything;
// after a stop the strategy waits `cooldownDays`, then starts over with the cash it has.
import { z } from 'zod';
import { daysBetween } from '../domain/dates.js';
import { formatCount, formatPrice } from '../format/numbers.js';
import { formatPct } from '../format/percent.js';
import type { Decider, Strategy } from './strategy.js';

/** Defaults: no stop; cooldownDays 14 (two weeks out after a stop, so one shock does not whipsaw). */
export const STOP_DEFAULTS = { trailingStopPct: null, stopLossPct: null, cooldownDays: 14 } as const;

export const stopsSchema = z.strictObject({
  trailingStopPct: z
    .number()
    .gt(0)
    .lt(100)
    .nullable()
    .optional()
    .meta({ description: 'Sell all when the known close is this percent below its highest since entry.' }),
  stopLossPct: z
    .number()
    .gt(0)
    .lt(100)
    .nullable()
    .optional()
    .meta({ description: "Sell all when the known close is this percent below the position's cost per unit." }),
  cooldownDays: z
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .meta({ description: 'Days without buying after a stop (default 14).' }),
});
export type StopOptions = z.infer<typeof stopsSchema>;

/** `strategy` with stops; the strategy itself when no stop is set. */
export function withStops(strategy: Strategy, options: StopOptions): Strategy {
  const {
    trailingStopPct = STOP_DEFAULTS.trailingStopPct,
    stopLossPct = STOP_DEFAULTS.stopLossPct,
    cooldownDays = STOP_DEFAULTS.cooldownDays,
  } = options;
  if (trailingStopPct === null && stopLossPct === null) return strategy;
  const text = [
    trailingStopPct !== null
      ? `a trailing stop ${formatPct(trailingStopPct, 0)} below the highest close since entry`
      : null,
    stopLossPct !== null ? `a stop-loss ${formatPct(stopLossPct, 0)} below the cost per unit` : null,
  ]
    .filter((t) => t !== null)
    .join(' and ');
  return {
    ...strategy,
    description: `${strategy.description} Stops: ${text}; after a stop, ${formatCount(cooldownDays)} days without buying, then the plan starts over with the cash left.`,
    start: (context) => {
      let inner: Decider = strategy.start(context);
      let highest = 0;
      let stoppedOn: string | null = null;
      return (day, book) => {
        const close = day.knownClose;
        if (stoppedOn !== null) {
          if (daysBetween(stoppedOn, day.date) < cooldownDays) return null;
          stoppedOn = null;
          inner = strategy.start({ ...context, startCashUsd: book.cashUsd });
        }
        if (book.units > 0 && close !== null) {
          highest = Math.max(highest, close);
          const cost = book.positionCostUsd / book.units;
          let why: string | null = null;
          if (trailingStopPct !== null && close <= highest * (1 - trailingStopPct / 100))
            why = `trailing stop: close ${formatPrice(close)} is ${formatPct(trailingStopPct, 0)} or more below the high ${formatPrice(highest)}`;
          else if (stopLossPct !== null && close <= cost * (1 - stopLossPct / 100))
            why = `stop-loss: close ${formatPrice(close)} is ${formatPct(stopLossPct, 0)} or more below the cost ${formatPrice(cost)}`;
          if (why !== null) {
            stoppedOn = day.date;
            highest = 0;
            return { kind: 'sell-all', reason: why };
          }
        } else highest = 0;
        const order = inner(day, book);
        if (order !== null && order.kind !== 'sell-all' && book.units === 0 && close !== null) highest = close;
        return order;
      };
    },
  };
}
