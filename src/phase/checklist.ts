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

/** Builds the checklist. An item whose input is missing is not met and says what was missing. */
export function confirmationChecklist(f: PhaseFacts): ChecklistItem[] {
  const item = (id: string, met: boolean | null, text: string, missing: string): ChecklistItem =>
    met === null ? { id, met: false, text: `${text} — not decidable: ${missing}` } : { id, met, text };
  const weeks = f.consecutivePositiveWeeks;
  return [
    item(
      'weekly-etf-inflows-persisting',
      weeks === null ? null : weeks >= PERSISTING_WEEKS,
      `Weekly ETF net inflows positive and persisting (${PERSISTING_WEEKS}+ weeks): ${weeks ?? 'n/a'} positive week(s) in a row`,
      'weekly ETF flows',
    ),
    item(
      'etf-flows-not-one-way-out',
      f.flowRegime === null ? null : f.flowRegime !== 'one-way-outflow',
      `ETF flows no longer one-way out: regime ${f.flowRegime ?? 'n/a'}, D = ${formatDecimal(f.flowDirectionality)}`,
      'daily ETF flows',
    ),
    item(
      'price-above-key-averages',
      f.close === null || f.sma50 === null || f.sma200 === null ? null : f.close > f.sma50 && f.close > f.sma200,
      `Price above its 50- and 200-day averages: ${px(f.close)} vs ${px(f.sma50)} / ${px(f.sma200)}`,
      'price history of 200 days',
    ),
    item(
      'price-above-resistance',
      f.aboveResistance,
      'Price back above the nearest resistance from the prior consolidation range',
      'support/resistance levels',
    ),
    item(
      'leverage-rebuilt-without-stress',
      f.leverageRebuiltWithoutStress,
      `Leverage rebuilt without stress: OI ${change(f.oiChange30d)} in 30 days, funding ${f.fundingRegime ?? 'n/a'}, liquidation spike ${f.liquidationSpike === null ? 'n/a' : f.liquidationSpike ? 'yes' : 'no'}`,
      'perp OI, funding and liquidations',
    ),
    item(
      'no-derisking-wave-under-way',
      f.wavesDecidable ? !f.waves.some((w) => w.end === null) : null,
      `No de-risking wave under way (${f.waves.filter((w) => w.end === null).length} ongoing)`,
      'perp OI, ETF flows or CME OI',
    ),
  ];
}
