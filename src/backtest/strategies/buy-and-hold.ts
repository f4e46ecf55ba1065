// Buy-and-hold: all the cash into the asset at the first decision day's close, held to the end.
// The reference every comparison is read against.
import type { Strategy } from '../strategy.js';

/** Buy-and-hold (no options). */
export function buyAndHoldStrategy(): Strategy {
  return {
    id: 'buy-and-hold',
    title: 'Buy and hold',
    description: 'Puts all the cash into the asset at the close of the first decision day and holds it to the end.',
    user: false,
    start: () => {
      let done = false;
      return (_day, book) => {
        if (done || book.cashUsd <= 0) return null;
        done = true;
        return { kind: 'buy', cashUsd: book.cashUsd, reason: 'buy and hold: all cash in on the first day' };
      };
    },
  };
}
