// Evidence sentences and weights for the positioning section (kept apart so the section file
// only wires signals together). Weight: + towards bottoming/uptrend, − towards decline.
import { formatDate, formatDateRange } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import type { AnalysedAsset } from '../../domain/assets.js';
import { OI_PRICE_DIVERGENCE_NAMES } from '../../domain/labels/code-names.js';
import type { CmeBasisResult } from '../annualised-basis.js';
import type { FundingRegimeResult } from '../funding-regime.js';
import type { OiPriceDivergenceResult } from '../oi-price-divergence.js';
import type { OpenInterestChange } from '../open-interest-change.js';
import { formatCount, formatDecimal, formatPrice, formatRatio } from '../../format/numbers.js';
import { formatUsd } from '../../format/money.js';
import { formatFundingRate8h, formatSignedPct, formatSignedPercent } from '../../format/percent.js';
import { roundTo } from '../series-helpers.js';
import type { PositioningFigures } from '../../domain/sections/positioning.js';

/** OI this far below its 30-day peak counts as flushed leverage (the Oct-2025 flush was −25 %). */
const OI_FLUSH_PCT = -15;
/** Annualised CME basis above this is frothy demand for levered longs; below 0 is stress. */
const BASIS_FROTHY = 0.15;

interface Details {
  readonly oi: OpenInterestChange;
  readonly funding: FundingRegimeResult;
  readonly divergence: OiPriceDivergenceResult;
  readonly basis: CmeBasisResult;
  readonly proxyChangeWeeks: number;
  readonly proxyWeeks: number;
}

const FUNDING_WEIGHT = { negative: 0.5, neutral: 0, elevated: -0.5, overheated: -1 } as const;

/** Build the positioning evidence list from computed figures; figures that are null produce no sentence. */
export function positioningEvidence(asset: AnalysedAsset, s: PositioningFigures, d: Details): Evidence[] {
  const out: Evidence[] = [];
  if (d.oi.openInterestUsd !== null && d.oi.pctFromPeak !== null) {
    const changes = [
      s.oiChangePct.d1 !== null ? `${formatSignedPct(s.oiChangePct.d1)} in a day` : null,
      s.oiChangePct.d7 !== null ? `${formatSignedPct(s.oiChangePct.d7)} over 7 days` : null,
      s.oiChangePct.d30 !== null ? `${formatSignedPct(s.oiChangePct.d30)} over 30 days` : null,
    ].filter((t) => t !== null);
    const flushed = d.oi.pctFromPeak <= OI_FLUSH_PCT;
    out.push({
      signal: 'positioning.openInterest',
      text: `${asset} perp OI ${formatUsd(d.oi.openInterestUsd)} on ${formatDate(d.oi.date)}, ${formatSignedPct(d.oi.pctFromPeak)} from its 30-day peak${changes.length ? ` (${changes.join(', ')})` : ''}${flushed ? ': leverage flushed' : ''}.`,
      value: roundTo(d.oi.pctFromPeak, 2),
      weight: flushed ? 0.5 : 0,
    });
  }
  if (d.funding.fundingRate8h !== null && d.funding.fundingAnnualised !== null && s.fundingRegime !== null) {
    out.push({
      signal: 'positioning.funding',
      text: `Funding ${formatFundingRate8h(d.funding.fundingRate8h)} (annualised ${formatSignedPercent(d.funding.fundingAnnualised)}); 7-day average annualised ${formatSignedPercent(d.funding.fundingAnnualisedAverage ?? 0)}: ${s.fundingRegime}.`,
      value: roundTo(d.funding.fundingAnnualised, 4),
      weight: FUNDING_WEIGHT[s.fundingRegime],
    });
  }
  if (s.leverageRatio !== null && s.leverageChange30dPct !== null) {
    out.push({
      signal: 'positioning.leverage',
      text: `Estimated leverage ratio ${formatDecimal(s.leverageRatio, 3)}, ${formatSignedPct(s.leverageChange30dPct)} over 30 days.`,
      value: roundTo(s.leverageRatio, 4),
      weight: s.leverageChange30dPct < -5 ? 0.25 : s.leverageChange30dPct > 5 ? -0.25 : 0,
    });
  }
  const liq = s.liquidations;
  if (liq.longUsd !== null && liq.shortUsd !== null) {
    const multiple = liq.multipleOfMedian !== null ? `, ${formatRatio(liq.multipleOfMedian, 1)} the 30-day median` : '';
    const recent =
      liq.recentSpikeDates.length > 0
        ? `; spike days in the last 14: ${liq.recentSpikeDates.map(formatDate).join(', ')}`
        : '';
    out.push({
      signal: 'positioning.liquidations',
      text: `Liquidations on ${formatDate(liq.date)}: longs ${formatUsd(liq.longUsd)}, shorts ${formatUsd(liq.shortUsd)}${multiple}${liq.spike ? ' — a liquidation spike' : ''}${recent}.`,
      value: liq.multipleOfMedian !== null ? roundTo(liq.multipleOfMedian, 2) : null,
      weight: liq.spike ? -0.5 : 0,
    });
  }
  if (d.divergence.divergence !== null && d.divergence.oiChangePct !== null && d.divergence.priceChangePct !== null) {
    const reading = {
      'oi-falling-price-holding': ': downside momentum weakening',
      'oi-rising-price-falling': ': the decline is still being levered',
      aligned: '',
    }[d.divergence.divergence];
    const meaning = `${OI_PRICE_DIVERGENCE_NAMES[d.divergence.divergence]}${reading}`;
    out.push({
      signal: 'positioning.oiPriceDivergence',
      text: `Over ${formatDateRange(d.divergence.from, d.divergence.to)} OI ${formatSignedPct(d.divergence.oiChangePct)}, price ${formatSignedPct(d.divergence.priceChangePct)}: ${meaning}.`,
      value: roundTo(d.divergence.oiChangePct - d.divergence.priceChangePct, 2),
      weight:
        d.divergence.divergence === 'oi-falling-price-holding'
          ? 1
          : d.divergence.divergence === 'oi-rising-price-falling'
            ? -1
            : 0,
    });
  }
  if (s.cme.openInterestUsd !== null) {
    const change =
      s.cme.oiChangePct30d !== null ? `, ${formatSignedPct(s.cme.oiChangePct30d)} in coins over 30 days` : '';
    out.push({
      signal: 'positioning.cmeOpenInterest',
      text: `CME front-month OI ${formatUsd(s.cme.openInterestUsd)} (${formatCount(s.cme.openInterestCoins ?? 0)} ${asset})${change}.`,
      value: s.cme.oiChangePct30d !== null ? roundTo(s.cme.oiChangePct30d, 2) : null,
      weight: 0,
    });
  }
  if (d.basis.annualisedBasis !== null && d.basis.futuresPrice !== null && d.basis.spotPrice !== null) {
    const b = d.basis.annualisedBasis;
    out.push({
      signal: 'positioning.cmeBasis',
      text: `CME front month ${formatPrice(d.basis.futuresPrice)} vs spot ${formatPrice(d.basis.spotPrice)} on ${formatDate(d.basis.date)}, ${d.basis.daysToExpiry} days to the ${formatDate(d.basis.expiry)} expiry: annualised basis ${formatSignedPercent(b)}${b < 0 ? ' (backwardation)' : b > BASIS_FROTHY ? ' (frothy)' : ''}.`,
      value: roundTo(b, 4),
      weight: b < 0 || b > BASIS_FROTHY ? -0.5 : 0,
    });
  } else if (d.basis.nearExpiry) {
    out.push({
      signal: 'positioning.cmeBasis',
      text: `CME basis on ${formatDate(d.basis.date)} not annualised: ${d.basis.daysToExpiry} days to the ${formatDate(d.basis.expiry)} expiry magnifies closing-time noise.`,
      value: null,
      weight: 0,
    });
  }
  if (s.cme.positionProxy !== null && s.cme.positionProxyChange !== null) {
    const c = s.cme.positionProxyChange;
    out.push({
      signal: 'positioning.positionProxy',
      text: `CME position proxy (${s.cme.positionProxySource === 'cftc-total-oi' ? 'CFTC total OI' : 'front-month OI, roll weeks skipped'}) ${formatCount(s.cme.positionProxy)} ${asset} over ${d.proxyWeeks} weeks, ${c >= 0 ? '+' : ''}${formatCount(c)} over ${d.proxyChangeWeeks} weeks (OI changes signed by the week's price move).`,
      value: Math.round(c),
      weight: c > 0 ? 0.25 : c < 0 ? -0.25 : 0,
    });
  }
  if (s.cot !== null) {
    const ch = s.cot.change4w;
    const pct = (p: number | null): string => (p === null ? 'percentile n/a' : `percentile ${Math.round(p * 100)}`);
    out.push({
      signal: 'positioning.cot',
      text: `CFTC ${formatDate(s.cot.date)}: leveraged funds net ${formatCount(s.cot.leveragedFundsNetCoins)} ${asset} (${pct(s.cot.percentile.leveragedFundsNet)}), asset managers net ${formatCount(s.cot.assetManagersNetCoins)} ${asset} (${pct(s.cot.percentile.assetManagersNet)})${ch ? `; 4-week change ${formatCount(ch.leveragedFundsNetCoins)} / ${formatCount(ch.assetManagersNetCoins)}` : ''}.`,
      value: Math.round(s.cot.assetManagersNetCoins),
      weight: ch === null ? 0 : ch.assetManagersNetCoins > 0 ? 0.25 : ch.assetManagersNetCoins < 0 ? -0.25 : 0,
    });
  }
  if (s.leverageRebuiltWithoutStress !== null) {
    const measure = positionsMeasureText(s);
    out.push({
      signal: 'positioning.leverageRebuiltWithoutStress',
      text: s.leverageRebuiltWithoutStress
        ? `Positions rebuilt (${measure}) with funding ${s.fundingRegime} and no liquidation spike: leverage returning without stress.`
        : `Leverage not rebuilt without stress (${measure}, funding ${s.fundingRegime}, ${s.liquidations.recentSpikeDates.length} recent liquidation spikes).`,
      value: s.leverageRebuiltWithoutStress ? 1 : 0,
      weight: s.leverageRebuiltWithoutStress ? 1 : 0,
    });
  }
  return out;
}

/**
 * The positions measure "leverage rebuilt without stress" reads, in words: perp OI in coins over 30
 * days, else the estimated leverage ratio ("OI in coins +0.3% over 30 days").
 */
export function positionsMeasureText(
  s: Pick<PositioningFigures, 'oiCoinsChange30dPct' | 'leverageChange30dPct'>,
): string {
  return s.oiCoinsChange30dPct !== null
    ? `OI in coins ${formatSignedPct(s.oiCoinsChange30dPct)} over 30 days`
    : `leverage ratio ${s.leverageChange30dPct !== null ? formatSignedPct(s.leverageChange30dPct) : 'n/a'} over 30 days`;
}
