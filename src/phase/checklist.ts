// The right-side confirmation checklist an investor waits for before adding risk: each item is
// decided from the facts and says, with numbers, why it is met or not.
import type { ChecklistItem } from '../domain/analysis.js';
import type { PhaseFacts } from './facts.js';
import { PERSISTING_WEEKS } from './rules.js';
import { formatDecimal, formatPrice } from '../format/numbers.js';
import { formatSignedPercent } from '../format/percent.js';

// Text goes through src/format (one number style everywhere).
// Changes are signed (+10.6%, −3.0%), as in the evidence.
const change = formatSignedPercent;
const px = formatPrice;

/** The checklist's items, in the order the checklist lists them. */
export const CHECKLIST_ITEM_IDS = [
  'weekly-etf-inflows-persisting',
  'etf-flows-not-one-way-out',
  'price-above-key-averages',
  'price-above-resistance',
  'leverage-rebuilt-without-stress',
  'no-derisking-wave-under-way',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

/**
 * Each item's state without its text (for replays that read thousands of days): true / false when
 * decidable, null when an input is missing. The same conditions as confirmationChecklist.
 */
export function checklistStates(f: PhaseFacts): Record<ChecklistItemId, boolean | null> {
  const weeks = f.consecutivePositiveWeeks;
  return {
    'weekly-etf-inflows-persisting': weeks === null ? null : weeks >= PERSISTING_WEEKS,
    'etf-flows-not-one-way-out': f.flowRegime === null ? null : f.flowRegime !== 'one-way-outflow',
    'price-above-key-averages':
      f.close === null || f.sma50 === null || f.sma200 === null ? null : f.close > f.sma50 && f.close > f.sma200,
    'price-above-resistance': f.aboveResistance,
    'leverage-rebuilt-without-stress': f.leverageRebuiltWithoutStress,
    'no-derisking-wave-under-way': f.wavesDecidable ? !f.waves.some((w) => w.end === null) : null,
  };
}

/**
 * What "leverage rebuilt without stress" was decided on, as the positioning section measured it: the
 * positions measure in words (OI in coins, else the leverage ratio, over 30 days) and the liquidation
 * spikes of the recent days. Without it the item shows perp OI in dollars and the day's spike.
 */
export interface LeverageReading {
  readonly measure: string;
  readonly recentSpikes: number;
}

/**
 * Builds the checklist. An item whose input is missing is not met and says what was missing; the
 * leverage item shows `leverage`'s measures when given (those the decision reads).
 */
export function confirmationChecklist(f: PhaseFacts, leverage?: LeverageReading): ChecklistItem[] {
  const item = (id: ChecklistItemId, met: boolean | null, text: string, missing: string): ChecklistItem =>
    met === null ? { id, met: false, text: `${text} — not decidable: ${missing}` } : { id, met, text };
  const state = checklistStates(f);
  const weeks = f.consecutivePositiveWeeks;
  return [
    item(
      'weekly-etf-inflows-persisting',
      state['weekly-etf-inflows-persisting'],
      `Weekly ETF net inflows positive and persisting (${PERSISTING_WEEKS}+ weeks): ${weeks ?? 'n/a'} positive week(s) in a row`,
      'weekly ETF flows',
    ),
    item(
      'etf-flows-not-one-way-out',
      state['etf-flows-not-one-way-out'],
      `ETF flows no longer one-way out: regime ${f.flowRegime ?? 'n/a'}, D = ${formatDecimal(f.flowDirectionality)}`,
      'daily ETF flows',
    ),
    item(
      'price-above-key-averages',
      state['price-above-key-averages'],
      `Price above its 50- and 200-day averages: ${px(f.close)} vs ${px(f.sma50)} / ${px(f.sma200)}`,
      'price history of 200 days',
    ),
    item(
      'price-above-resistance',
      state['price-above-resistance'],
      'Price back above the nearest resistance from the prior consolidation range',
      'support/resistance levels',
    ),
    item(
      'leverage-rebuilt-without-stress',
      state['leverage-rebuilt-without-stress'],
      leverage !== undefined
        ? `Leverage rebuilt without stress: ${leverage.measure}, funding ${f.fundingRegime ?? 'n/a'}, ${leverage.recentSpikes} recent liquidation spike${leverage.recentSpikes === 1 ? '' : 's'}`
        : `Leverage rebuilt without stress: OI ${change(f.oiChange30d)} in 30 days, funding ${f.fundingRegime ?? 'n/a'}, liquidation spike ${f.liquidationSpike === null ? 'n/a' : f.liquidationSpike ? 'yes' : 'no'}`,
      'perp OI, funding and liquidations',
    ),
    item(
      'no-derisking-wave-under-way',
      state['no-derisking-wave-under-way'],
      `No de-risking wave under way (${f.waves.filter((w) => w.end === null).length} ongoing)`,
      'perp OI, ETF flows or CME OI',
    ),
  ];
}
