// Turns the simulated series into stored observations: dataset, field, asset, key, date, value and
// the point-in-time knownAt of each from known-at.ts. Keys: spot "sim", perp "all", CME "front",
// basis "front-spot", COT "tff-btc+micro", treasury "strategy", equity "MSTR"/"SPY", equity flows "global".
import type { AnalysedAsset, Asset } from '../domain/assets.js';
import type { DatasetName } from '../domain/datasets.js';
import { timestampOn } from '../domain/dates.js';
import {
  cmeOpenInterestKnownAt,
  cmeSettleKnownAt,
  cotKnownAt,
  cryptoDailyKnownAt,
  etfFlowKnownAt,
  periodEndKnownAt,
  usCloseKnownAt,
} from '../domain/known-at.js';
import type { Observation } from '../domain/observation.js';
import type { CmeSeries, CotReport, PerpSeries } from './derivatives.js';
import type { EtfSeries } from './etf.js';
import type { SpotPath } from './price-path.js';
import type { EquityBars, TreasurySeries } from './treasury-equity.js';

/** Keys the simulator stores its series under. */
export const SIM_KEYS = {
  spot: 'sim',
  perp: 'all',
  cme: 'front',
  cmeBasis: 'front-spot',
  cot: 'tff-btc+micro',
  etfTotal: 'sim',
  etfHoldings: 'all-funds',
  treasury: 'strategy',
  equityFlows: 'global',
} as const;

/** Collects observations; numbers are rounded to keep the stored values tidy. */
export class ObservationSink {
  readonly rows: Observation[] = [];

  add(
    dataset: DatasetName,
    field: string,
    asset: Asset,
    key: string,
    date: string,
    value: number,
    knownAt: string,
  ): void {
    this.rows.push({ dataset, field, asset, key, date, value, knownAt });
  }
}

/** Memoises a knownAt rule per date: the rules are pure and called once per row otherwise. */
function memo(rule: (date: string) => string): (date: string) => string {
  const cache = new Map<string, string>();
  return (date) => {
    let t = cache.get(date);
    if (t === undefined) cache.set(date, (t = rule(date)));
    return t;
  };
}

const knownCrypto = memo(cryptoDailyKnownAt);
const knownEtf = memo(etfFlowKnownAt);
const knownCme = memo(cmeSettleKnownAt);
const knownCmeOi = memo(cmeOpenInterestKnownAt);
const knownUsClose = memo(usCloseKnownAt);

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Price rounding by magnitude: cents above 1 USD. */
const px = (x: number): number => round(x, 2);

/** Adds one asset's spot, perp, ETF, CME, basis and COT observations. */
export function addCryptoObservations(
  sink: ObservationSink,
  asset: AnalysedAsset,
  dates: readonly string[],
  series: { spot: SpotPath; perp: PerpSeries; etf: EtfSeries; cme: CmeSeries; cot: readonly CotReport[] },
): void {
  const { spot, perp, etf, cme, cot } = series;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    const known = knownCrypto(date);
    const s = (field: string, value: number): void => sink.add('spot', field, asset, SIM_KEYS.spot, date, value, known);
    s('open', px(spot.open[i]!));
    s('high', px(spot.high[i]!));
    s('low', px(spot.low[i]!));
    s('close', px(spot.close[i]!));
    s('volumeCoins', round(spot.volumeCoins[i]!, 2));
    s('volumeUsd', Math.round(spot.volumeCoins[i]! * spot.close[i]!));
    const p = (field: string, value: number): void => sink.add('perp', field, asset, SIM_KEYS.perp, date, value, known);
    p('openInterestUsd', Math.round(perp.openInterestUsd[i]!));
    p('openInterestCoins', round(perp.openInterestCoins[i]!, 2));
    p('fundingRate8h', round(perp.fundingRate8h[i]!, 8));
    p('leverageRatio', round(perp.leverageRatio[i]!, 5));
    p('longLiquidationsUsd', Math.round(perp.longLiquidationsUsd[i]!));
    p('shortLiquidationsUsd', Math.round(perp.shortLiquidationsUsd[i]!));
    p('longLiquidationsCoins', round(perp.longLiquidationsUsd[i]! / spot.close[i]!, 3));
    p('shortLiquidationsCoins', round(perp.shortLiquidationsUsd[i]! / spot.close[i]!, 3));
    const flowKnown = knownEtf(date);
    for (const fund of etf.funds)
      sink.add('etf-aum', 'aumUsd', asset, fund, date, Math.round(etf.aumUsd[fund]![i]!), flowKnown);
    sink.add(
      'etf-holdings',
      'holdingsCoins',
      asset,
      SIM_KEYS.etfHoldings,
      date,
      round(etf.totalHoldingsCoins[i]!, 2),
      known,
    );
  }
  etf.tradingIndexes.forEach((i, k) => {
    const date = dates[i]!;
    const flowKnown = knownEtf(date);
    for (const fund of etf.funds)
      sink.add('etf-flows', 'netFlowUsd', asset, fund, date, etf.netFlowUsd[fund]![k]!, flowKnown);
    sink.add('etf-flows-total', 'netFlowUsd', asset, SIM_KEYS.etfTotal, date, etf.totalFlowUsd[k]!, flowKnown);
    const settle = knownCme(date);
    const c = (field: string, value: number): void => sink.add('cme', field, asset, SIM_KEYS.cme, date, value, settle);
    c('open', px(cme.open[k]!));
    c('high', px(cme.high[k]!));
    c('low', px(cme.low[k]!));
    c('close', px(cme.close[k]!));
    // Final volume and OI are published the next business morning, not at the settlement.
    const oiKnown = knownCmeOi(date);
    const v = (field: string, value: number): void => sink.add('cme', field, asset, SIM_KEYS.cme, date, value, oiKnown);
    v('volumeContracts', cme.volumeContracts[k]!);
    v('openInterestContracts', cme.openInterestContracts[k]!);
    v('openInterestUsd', Math.round(cme.openInterestUsd[k]!));
    sink.add('cme-basis', 'basisUsd', asset, SIM_KEYS.cmeBasis, date, px(cme.basisUsd[k]!), settle);
  });
  for (const report of cot) {
    const known = cotKnownAt(report.date);
    const c = (field: string, value: number): void =>
      sink.add('cot', field, asset, SIM_KEYS.cot, report.date, round(value, 1), known);
    c('openInterestCoins', report.openInterestCoins);
    c('leveragedFundsLongCoins', report.leveragedFundsLongCoins);
    c('leveragedFundsShortCoins', report.leveragedFundsShortCoins);
    c('leveragedFundsNetCoins', report.leveragedFundsLongCoins - report.leveragedFundsShortCoins);
    c('assetManagersLongCoins', report.assetManagersLongCoins);
    c('assetManagersShortCoins', report.assetManagersShortCoins);
    c('assetManagersNetCoins', report.assetManagersLongCoins - report.assetManagersShortCoins);
    c('dealersLongCoins', report.dealersLongCoins);
    c('dealersShortCoins', report.dealersShortCoins);
    c('dealersNetCoins', report.dealersLongCoins - report.dealersShortCoins);
  }
}

function addBars(
  sink: ObservationSink,
  key: string,
  dates: readonly string[],
  tradingIndexes: readonly number[],
  bars: EquityBars,
): void {
  tradingIndexes.forEach((i, k) => {
    const date = dates[i]!;
    const known = knownUsClose(date);
    sink.add('equity', 'open', 'EQUITY', key, date, px(bars.open[k]!), known);
    sink.add('equity', 'high', 'EQUITY', key, date, px(bars.high[k]!), known);
    sink.add('equity', 'low', 'EQUITY', key, date, px(bars.low[k]!), known);
    sink.add('equity', 'close', 'EQUITY', key, date, px(bars.close[k]!), known);
    sink.add('equity', 'volumeShares', 'EQUITY', key, date, bars.volumeShares[k]!, known);
  });
}

/** Adds Strategy (treasury, BTC), MSTR and SPY bars, and monthly equity-ETF flows. */
export function addEquityObservations(
  sink: ObservationSink,
  dates: readonly string[],
  tradingIndexes: readonly number[],
  treasury: TreasurySeries,
  spy: EquityBars,
  equityFlows: readonly { date: string; netFlowUsd: number }[],
): void {
  for (const p of treasury.purchases) {
    const date = dates[p.index]!;
    // Purchases are announced on Monday mornings before the US open.
    sink.add('treasury', 'coinsHeld', 'BTC', SIM_KEYS.treasury, date, p.coinsHeld, timestampOn(date, 0, 12));
  }
  tradingIndexes.forEach((i, k) => {
    const date = dates[i]!;
    sink.add('treasury', 'mnav', 'BTC', SIM_KEYS.treasury, date, round(treasury.mnav[k]!, 4), knownUsClose(date));
  });
  addBars(sink, 'MSTR', dates, tradingIndexes, treasury.mstr);
  addBars(sink, 'SPY', dates, tradingIndexes, spy);
  for (const f of equityFlows)
    sink.add(
      'equity-etf-flows',
      'netFlowUsd',
      'EQUITY',
      SIM_KEYS.equityFlows,
      f.date,
      f.netFlowUsd,
      periodEndKnownAt(f.date),
    );
}
