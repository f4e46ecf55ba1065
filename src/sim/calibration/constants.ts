// The simulator's calibrated constants. Each names the real figure it was tuned against and where it
// came from: the shared data folder (../shared/data, window 2024-01-11..2026-03-31, computed with
// `npx tsx src/sim/calibration/print-real-stats.ts` or a one-off read of the named file). The
// simulator never reads those files; the calibration test compares simulated and real statistics.
import type { AnalysedAsset } from '../../domain/assets.js';

/** Per-asset market scale. */
export interface AssetCalibration {
  /** Spot price on the first day of the planted episode's uptrend (USD). */
  readonly startPrice: number;
  /** Base daily log-return volatility before phase multipliers. */
  readonly baseDailyVol: number;
  /** Median daily spot volume in coins. */
  readonly medianVolumeCoins: number;
  /** Stdev of the daily total ETF flow, USD. */
  readonly etfFlowScaleUsd: number;
  /** Coins held by all spot ETFs when the simulation starts. */
  readonly startEtfHoldingsCoins: number;
  /** Perp open interest in coins when the simulation starts. */
  readonly startOpenInterestCoins: number;
  /** Mean and stdev of the daily mean funding rate, fraction per 8h. */
  readonly fundingMean8h: number;
  readonly fundingStdev8h: number;
  /** Median of the estimated leverage ratio (OI / exchange reserve). */
  readonly medianLeverageRatio: number;
  /** Median daily long / short liquidations, USD. */
  readonly medianLongLiquidationsUsd: number;
  readonly medianShortLiquidationsUsd: number;
  /** CME coins per contract and starting front-month open interest in contracts. */
  readonly cmeCoinsPerContract: number;
  readonly cmeStartOpenInterestContracts: number;
  /** Flush-day price gap (log return) and share of OI liquidated long that day. */
  readonly flushGapLogReturn: number;
}

export const CALIBRATION: Readonly<Record<AnalysedAsset, AssetCalibration>> = {
  BTC: {
    // Real BTC spot was ~28,000 USD in early April 2023 (CryptoQuant spot file).
    startPrice: 28_000,
    // Real stdev of daily BTC log returns 0.0256 (CryptoQuant spot close); phase multipliers and fat
    // tails bring the simulated figure to about that.
    baseDailyVol: 0.024,
    // Real median daily volume 31,446 BTC (CryptoQuant spot aggregate).
    medianVolumeCoins: 31_000,
    // Real stdev of Farside's daily BTC Total 3.43e8 USD; lag-1 autocorrelation 0.52. The sim's
    // stdev comes out ~2.5e8: a larger scale would overshoot cumulative inflows (real ~56bn).
    etfFlowScaleUsd: 2.9e8,
    // CryptoQuant fund holdings 1.317M BTC on 2026-03-31; the sim starts low (April 2023, before
    // the real ETFs) so that three years of planted inflows end near that figure (~1.7M).
    startEtfHoldingsCoins: 350_000,
    // Real median BTC OI 2.69e10 USD (CryptoQuant, all exchanges) at a median price near 80,000.
    startOpenInterestCoins: 330_000,
    // Real funding mean 7.7e-5, stdev 9.6e-5 per 8h (CryptoQuant, percent converted to fraction).
    fundingMean8h: 7.7e-5,
    fundingStdev8h: 7.5e-5,
    // Real median estimated leverage ratio 0.209 (CryptoQuant).
    medianLeverageRatio: 0.21,
    // Real medians: long 2.68e7, short 2.30e7 USD a day (CryptoQuant, all exchanges).
    medianLongLiquidationsUsd: 2.7e7,
    medianShortLiquidationsUsd: 2.3e7,
    // CME BTC contract = 5 BTC; real median front-month OI 18,856 contracts (TradingView export).
    cmeCoinsPerContract: 5,
    cmeStartOpenInterestContracts: 14_000,
    // 2025-10-10: BTC fell ~7 % on the day; OI −25 % (CryptoQuant 45.61bn → 34.23bn).
    flushGapLogReturn: -0.08,
  },
  ETH: {
    startPrice: 1_800,
    // Real stdev of daily ETH log returns 0.0369; ETH = 1.25 × BTC shock + its own noise.
    baseDailyVol: 0.03,
    // Real median daily volume 568,197 ETH (CryptoQuant spot aggregate).
    medianVolumeCoins: 560_000,
    // Real stdev of Farside's daily ETH Total 1.55e8 USD.
    etfFlowScaleUsd: 1.3e8,
    // CryptoQuant fund holdings 5.62M ETH on 2026-03-31.
    startEtfHoldingsCoins: 2_000_000,
    // Real median ETH OI 1.28e10 USD (CryptoQuant).
    startOpenInterestCoins: 4_000_000,
    // Real ETH funding mean 1.15e-4, stdev 1.16e-4 per 8h (CryptoQuant).
    fundingMean8h: 1.1e-4,
    fundingStdev8h: 8.5e-5,
    // Real median estimated leverage ratio 0.544 (CryptoQuant).
    medianLeverageRatio: 0.54,
    // Real median long liquidations 2.96e7 USD a day (CryptoQuant).
    medianLongLiquidationsUsd: 3.0e7,
    medianShortLiquidationsUsd: 2.5e7,
    // CME ETH contract = 50 ETH; real median front-month OI 12,770 contracts.
    cmeCoinsPerContract: 50,
    cmeStartOpenInterestContracts: 9_000,
    flushGapLogReturn: -0.11,
  },
};

/** ETH's daily log return = ETH_BETA × BTC's shock + its own noise (real ETH/BTC vol ratio 1.44). */
export const ETH_BETA = 1.25;
export const ETH_IDIOSYNCRATIC_VOL = 0.018;

/**
 * Per-fund share of the absolute daily flow. Real shares of Σ|fund flow| (Farside, to 2026-03-31):
 * BTC IBIT 0.439, FBTC 0.209, GBTC 0.136, ARKB 0.105, BITB 0.052, BTC(mini) 0.023, HODL 0.013,
 * BTCO 0.008, EZBC 0.006, BRRR 0.005, BTCW 0.003; MSBT only from 2026 (given a token share).
 * ETH ETHA 0.508, FETH 0.212, ETHE 0.135, ETH(mini) 0.083, ETHW 0.036, ETHV 0.010, ETHB 0.006,
 * TETH 0.004, QETH 0.003, EZET 0.003.
 */
export const FLOW_SHARES: Readonly<Record<AnalysedAsset, Readonly<Record<string, number>>>> = {
  BTC: {
    IBIT: 0.439,
    FBTC: 0.209,
    GBTC: 0.136,
    ARKB: 0.105,
    BITB: 0.052,
    BTC: 0.023,
    HODL: 0.013,
    BTCO: 0.008,
    EZBC: 0.006,
    BRRR: 0.005,
    BTCW: 0.003,
    MSBT: 0.001,
  },
  ETH: {
    ETHA: 0.508,
    FETH: 0.212,
    ETHE: 0.135,
    ETH: 0.083,
    ETHW: 0.036,
    ETHV: 0.01,
    ETHB: 0.006,
    TETH: 0.004,
    QETH: 0.003,
    EZET: 0.003,
  },
};

/**
 * Per-fund share of ETF holdings at the start. Real AUM on 2026-03-31 (Artemis, USD bn): IBIT 53.1,
 * FBTC 15.1, GBTC 10.5, BTC(mini) 3.5, ARKB 2.6, BITB 2.6, HODL 1.2, BTCO 0.5, EZBC 0.4, BRRR 0.4,
 * BTCW 0.1; ETH: ETHA 6.39, ETHE 1.85, FETH 1.22, ETH(mini) 1.19, ETHB 0.25, ETHW 0.24, ETHV 0.10.
 */
export const HOLDING_SHARES: Readonly<Record<AnalysedAsset, Readonly<Record<string, number>>>> = {
  BTC: {
    IBIT: 0.53,
    FBTC: 0.16,
    GBTC: 0.14,
    BTC: 0.04,
    ARKB: 0.03,
    BITB: 0.03,
    HODL: 0.015,
    BTCO: 0.007,
    EZBC: 0.006,
    BRRR: 0.006,
    BTCW: 0.002,
    MSBT: 0.004,
  },
  ETH: {
    ETHA: 0.5,
    ETHE: 0.16,
    FETH: 0.11,
    ETH: 0.1,
    ETHB: 0.03,
    ETHW: 0.04,
    ETHV: 0.02,
    TETH: 0.015,
    QETH: 0.01,
    EZET: 0.015,
  },
};

/** Persistence (AR(1)) of the day size in one-way flow regimes (real total-flow autocorrelation 0.52). */
export const FLOW_NOISE_AR1 = 0.6;
/** Log-stdev of one-way day sizes: right-skewed like real flows (real daily stdev 3.43e8 vs mean |f| ~2.4e8). */
export const ONE_WAY_LOG_SIZE_STDEV = 0.6;
/** In two-way regimes flows alternate: f_t = ε_t − TWO_WAY_OFFSET·ε_{t−1} (10-day sums nearly cancel). */
export const TWO_WAY_OFFSET = 0.7;
/** Mean daily flow in one-way regimes as a multiple of the flow scale. */
export const ONE_WAY_MEAN_MULTIPLE = 0.8;
/** Two-sided noise of one-way regimes relative to the flow scale. */
export const ONE_WAY_NOISE = 0.2;
/** Innovation scale of two-way regimes relative to the flow scale (alternating flows are large). */
export const TWO_WAY_INNOVATION = 0.85;
/** Two-way regimes are kept at 10-day |D| <= this (a day that would exceed it is trimmed). */
export const TWO_WAY_MAX_DIRECTIONALITY = 0.25;

/** Strategy (MSTR): 140,000 BTC in April 2023 (Artemis DAT file); real mNAV 0.96–4.15 over 2024–2026. */
export const STRATEGY_START_COINS = 140_000;
/** Shares outstanding at the start (split-adjusted, millions × 1e6) so that MSTR ≈ 30 USD then. */
export const MSTR_START_SHARES = 235e6;
/** Real MSTR median volume 15.4M shares a day (TradingView export). */
export const MSTR_MEDIAN_VOLUME_SHARES = 15e6;
/** SPY near 410 USD in April 2023; daily vol ~1 %. */
export const SPY_START_PRICE = 410;
/** Global equity-ETF monthly inflow ~96bn (Nov 2025) to a record ~235bn (Dec 2025). */
export const EQUITY_ETF_MONTHLY_FLOW_USD = 1.1e11;
/** CFTC open interest (all months + micro) over front-month OI: real ~155k BTC vs 18.9k × 5. */
export const COT_OI_OVER_FRONT = 1.65;
