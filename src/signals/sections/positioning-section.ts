// The positioning section of the analysis: perp open interest, funding, leverage, liquidations,
// OI-vs-price divergence, CME open interest/basis/position proxy and CFTC COT, with evidence.
import type { Evidence } from '../../domain/analysis.js';
import { addDays, daysBetween } from '../../domain/dates.js';
import { MAX_AGE_DAYS } from '../../domain/freshness.js';
import type { DatedValue, MarketSeries } from '../../domain/market-series.js';
import { availabilityOf } from '../section.js';
import { cmeAnnualisedBasis, cmeAnnualisedBasisSeries, isCmeRollWeek } from '../annualised-basis.js';
import { cotPositioning } from '../cot-positioning.js';
import { openInterestCoins } from '../de-risking-waves.js';
import { fundingRegime } from '../funding-regime.js';
import { leverageTrend } from '../leverage-trend.js';
import { liquidationSpike } from '../liquidation-spike.js';
import { oiPriceDivergence } from '../oi-price-divergence.js';
import { openInterestChange } from '../open-interest-change.js';
import { positionProxy } from '../position-proxy.js';
import { lastOf, pctChangeOverDays, pointOnOrBefore } from '../series-helpers.js';
import { positioningEvidence } from './positioning-evidence.js';
import type { PositioningSection, ProxySource } from '../../domain/sections/positioning.js';

export interface PositioningSectionOptions {
  /**
   * Percent rise over 30 days of perp OI in coins (else of the leverage ratio) that counts as
   * leverage rebuilt. Default 5.
   */
  readonly oiRebuildPct?: number;
  /** Weeks back for the position-proxy change. Default 4. */
  readonly proxyChangeWeeks?: number;
  /**
   * Weeks the CME position proxy accumulates over. Default 52: front-month OI jumps at every roll,
   * so a sum over the whole history drifts; a year keeps the level readable.
   */
  readonly proxyWeeks?: number;
}

/**
 * The OI series for the position proxy: CFTC total CME OI (all maturities, weekly, no roll jumps)
 * priced at the CME close on or before each report date while that close is current (within the CME
 * input's freshness allowance, MAX_AGE_DAYS), else at the spot close: a CME feed that stopped does not
 * price later weeks at its last close (every change would then read as flat); else the CME front month.
 */
function positionProxyInput(
  m: MarketSeries,
  cmeCoins: readonly DatedValue[],
): { openInterest: DatedValue[]; price: DatedValue[]; source: ProxySource | null } {
  if (m.cot.length >= 2 && (m.cme.length > 0 || m.spot.length > 0)) {
    const openInterest: DatedValue[] = [];
    const price: DatedValue[] = [];
    for (const week of m.cot) {
      const cme = pointOnOrBefore(m.cme, week.date);
      const current = cme !== null && daysBetween(cme.date, week.date) <= MAX_AGE_DAYS.cme.days;
      const bar = current ? cme : pointOnOrBefore(m.spot, week.date);
      if (bar === null) continue;
      openInterest.push({ date: week.date, value: week.openInterestCoins });
      price.push({ date: week.date, value: bar.close });
    }
    return { openInterest, price, source: 'cftc-total-oi' };
  }
  if (cmeCoins.length > 0)
    return {
      openInterest: [...cmeCoins],
      price: m.cme.map((d) => ({ date: d.date, value: d.close })),
      source: 'cme-front-month',
    };
  return { openInterest: [], price: [], source: null };
}

/**
 * Positioning from a MarketSeries: every figure is computed from the series' own last dates
 * (the loader has already cut them at asOf). Options: oiRebuildPct (default 5), proxyChangeWeeks (default 4).
 */
export function positioningSection(m: MarketSeries, options: PositioningSectionOptions = {}): PositioningSection {
  const { oiRebuildPct = 5, proxyChangeWeeks = 4, proxyWeeks = 52 } = options;
  const oi = openInterestChange(m.openInterestUsd);
  const funding = fundingRegime(m.fundingRate8h);
  const leverage = leverageTrend(m.leverageRatio);
  const liq = liquidationSpike(m.longLiquidationsUsd, m.shortLiquidationsUsd);
  const divergence = oiPriceDivergence(m.openInterestUsd, m.spot);
  const basis = cmeAnnualisedBasis(m.cme, m.spot, m.cmeBasisUsd);
  const cmeCoins: DatedValue[] = m.cme
    .filter((d) => d.openInterestContracts !== null)
    .map((d) => ({ date: d.date, value: d.openInterestContracts! * d.coinsPerContract }));
  const cmeLast = lastOf(m.cme.filter((d) => d.openInterestContracts !== null));
  const proxyInput = positionProxyInput(m, cmeCoins);
  const proxyLastDate = lastOf(proxyInput.openInterest)?.date ?? null;
  const proxyFrom = proxyLastDate === null ? '' : addDays(proxyLastDate, -7 * proxyWeeks);
  const proxy = positionProxy(
    proxyInput.openInterest.filter((p) => p.date > proxyFrom),
    proxyInput.price,
    proxyInput.source === 'cme-front-month' ? { skipWeek: isCmeRollWeek } : {},
  );
  const proxyLast = lastOf(proxy);
  const proxyBefore = proxy[proxy.length - 1 - proxyChangeWeeks];
  const cot = cotPositioning(m.cot);
  const hasLiquidations = m.longLiquidationsUsd.length > 0 && m.shortLiquidationsUsd.length > 0;

  const oiCoinsChange30dPct = pctChangeOverDays(openInterestCoins(m.openInterestUsd, m.spot), 30);
  const positionsChangePct = oiCoinsChange30dPct ?? leverage.changePct;
  const leverageRebuiltWithoutStress =
    positionsChangePct === null || funding.regime === null
      ? null
      : positionsChangePct >= oiRebuildPct && funding.regime !== 'overheated' && liq.recentSpikes.length === 0;

  const section: Omit<PositioningSection, 'evidence' | 'availability'> = {
    openInterestUsd: oi.openInterestUsd,
    openInterestDate: oi.date,
    oiChangePct: { d1: oi.change1dPct, d7: oi.change7dPct, d30: oi.change30dPct },
    oiCoinsChange30dPct,
    oiZScore: oi.zScore,
    oiPctFromPeak: oi.pctFromPeak,
    fundingRate8h: funding.fundingRate8h,
    fundingAnnualised: funding.fundingAnnualised,
    fundingRegime: funding.regime,
    leverageRatio: leverage.leverageRatio,
    leverageChange30dPct: leverage.changePct,
    liquidations: {
      date: liq.date,
      longUsd: liq.longUsd,
      shortUsd: liq.shortUsd,
      multipleOfMedian: liq.multipleOfMedian,
      spike: liq.spike,
      recentSpikeDates: liq.recentSpikes.map((d) => d.date),
    },
    oiPriceDivergence: divergence.divergence,
    cme: {
      openInterestUsd: cmeLast ? cmeLast.openInterestContracts! * cmeLast.coinsPerContract * cmeLast.close : null,
      openInterestCoins: cmeLast ? cmeLast.openInterestContracts! * cmeLast.coinsPerContract : null,
      oiChangePct30d: pctChangeOverDays(cmeCoins, 30),
      annualisedBasis: basis.annualisedBasis,
      annualisedBasisSeries: cmeAnnualisedBasisSeries(m.cme, m.spot, m.cmeBasisUsd),
      daysToExpiry: basis.daysToExpiry,
      nearExpiry: basis.nearExpiry,
      positionProxy: proxyLast?.positionProxy ?? null,
      positionProxySource: proxyLast ? proxyInput.source : null,
      positionProxyChange: proxyLast && proxyBefore ? proxyLast.positionProxy - proxyBefore.positionProxy : null,
    },
    cot,
    leverageRebuiltWithoutStress,
  };
  const evidence: Evidence[] = positioningEvidence(m.asset, section, {
    oi,
    funding,
    divergence,
    basis,
    proxyChangeWeeks,
    proxyWeeks,
  });
  return {
    ...section,
    evidence,
    availability: availabilityOf({
      openInterestUsd: m.openInterestUsd.length > 0,
      fundingRate8h: m.fundingRate8h.length > 0,
      leverageRatio: m.leverageRatio.length > 0,
      liquidations: hasLiquidations,
      spot: m.spot.length > 0,
      cmeOpenInterest: cmeCoins.length > 0,
      cmeBasis: basis.date !== null,
      cot: m.cot.length > 0,
    }),
  };
}
