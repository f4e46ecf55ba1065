// The treasury-companies section of the analysis: mNAV of Strategy and peers (level, 30-day change,
// premium compression) and the forced-passive-selling estimate under index exclusion, with evidence.
import type { Evidence } from '../../domain/analysis.js';
import type { MarketSeries } from '../../domain/market-series.js';
import { forcedSellingEstimate, type ForcedSellingOptions } from '../forced-selling-estimate.js';
import { availabilityOf } from '../section.js';
import { formatUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { roundTo } from '../series-helpers.js';
import { companyName } from '../../domain/labels.js';
import { isStrategy } from '../../domain/strategy-company.js';
import { treasuryMnav, type PremiumCompressionOptions } from '../treasury-mnav.js';
import type { TreasuriesSection } from '../../domain/sections/treasuries.js';

/** Names under which the largest treasury company appears in the data. */

export interface TreasuriesSectionOptions extends PremiumCompressionOptions, ForcedSellingOptions {}

/** Treasury-company figures from a MarketSeries. Options: premium compression and forced-selling parameters. */
export function treasuriesSection(m: MarketSeries, options: TreasuriesSectionOptions = {}): TreasuriesSection {
  const figures = m.treasuries.map((c) => treasuryMnav(c, options));
  const strategy = figures.find((f) => isStrategy(f.company)) ?? null;
  const estimate = forcedSellingEstimate(options);
  const evidence: Evidence[] = [];
  if (strategy !== null && strategy.mnav !== null) {
    const change =
      strategy.mnavChange30d !== null
        ? `, ${strategy.mnavChange30d >= 0 ? '+' : ''}${formatDecimal(strategy.mnavChange30d)} over 30 days`
        : '';
    const peak =
      strategy.peakMnav !== null ? `; 180-day peak ${formatDecimal(strategy.peakMnav)} on ${strategy.peakDate}` : '';
    const verdict =
      strategy.mnav < 1
        ? ': below 1, coin sales to fund the company become possible'
        : strategy.premiumCompressed
          ? ': premium compressed'
          : '';
    evidence.push({
      signal: 'treasuries.strategyMnav',
      text: `${companyName(strategy.company)} mNAV ${formatDecimal(strategy.mnav)} on ${strategy.date}${change}${peak}${verdict}.`,
      value: roundTo(strategy.mnav, 3),
      weight:
        strategy.mnav < 1
          ? -0.5
          : strategy.premiumCompressed
            ? -0.25
            : strategy.mnavChange30d !== null && strategy.mnavChange30d > 0
              ? 0.25
              : 0,
    });
  }
  const peers = figures.filter((f) => f !== strategy && f.mnav !== null);
  if (peers.length > 0) {
    const below = peers.filter((f) => f.mnav! < 1);
    evidence.push({
      signal: 'treasuries.peers',
      text: `Peers: ${peers.map((f) => `${f.company} ${formatDecimal(f.mnav)}`).join(', ')}; ${below.length} of ${peers.length} below mNAV 1.`,
      value: below.length / peers.length,
      weight: 0,
    });
  }
  evidence.push({
    signal: 'treasuries.forcedSelling',
    text: `If index providers excluded treasury companies, forced passive selling is estimated at ${formatUsd(estimate.low)}–${formatUsd(estimate.high)} (${estimate.assumptions.join('; ')}).`,
    value: estimate.high,
    weight: 0,
  });
  return {
    companies: figures.map(({ company, date, mnav, mnavChange30d, coinsHeld, premiumCompressed }) => ({
      company,
      date,
      mnav,
      mnavChange30d,
      coinsHeld,
      premiumCompressed,
    })),
    strategyMnav: strategy?.mnav ?? null,
    strategyMnavChange30d: strategy?.mnavChange30d ?? null,
    premiumCompressed: strategy?.premiumCompressed ?? null,
    strategyBelowOne: strategy?.mnav == null ? null : strategy.mnav < 1,
    forcedSellingEstimateUsd: estimate,
    evidence,
    availability: availabilityOf({
      treasuries: m.treasuries.length > 0,
      strategyMnav: strategy !== null && strategy.mnav !== null,
    }),
  };
}
