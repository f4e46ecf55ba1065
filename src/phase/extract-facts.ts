// Turns the signal sections into PhaseFacts, converting their units to the judgment's: sections
// give percentages in percent (drawdownFromPeakPct = −25 means 25 % below the peak; oiChangePct
// d30 = −12 means −12 %); the facts hold fractions, drawdown as a positive fall.
import type { Wave } from '../domain/analysis.js';
import { daysBetween } from '../domain/dates.js';
import type { PriceMomentum } from '../signals/price-momentum.js';
import type { EtfFlowsSection } from '../signals/sections/etf-flows-section.js';
import type { LiquiditySection } from '../signals/sections/liquidity-section.js';
import type { PositioningSection } from '../signals/sections/positioning-section.js';
import type { TrendSection } from '../signals/sections/trend-section.js';
import type { PhaseFacts } from './facts.js';

export interface FactSources {
  readonly asset: string;
  readonly asOf: string;
  readonly etfFlows: EtfFlowsSection;
  readonly positioning: PositioningSection;
  readonly liquidity: LiquiditySection;
  readonly trend: TrendSection;
  readonly waves: readonly Wave[];
  /** Whether perp OI, ETF flows or CME OI were present at all. */
  readonly wavesDecidable: boolean;
  readonly momentum: PriceMomentum;
}

const fromPercent = (x: number | null): number | null => (x === null ? null : x / 100);

/** Extracts the phase facts from the sections (pure). */
export function extractFacts(s: FactSources): PhaseFacts {
  const ended = s.waves
    .filter((w) => w.end !== null)
    .map((w) => w.end!)
    .sort();
  const lastEnded = ended.at(-1) ?? null;
  const weekly = s.etfFlows.weeklyNetFlowsUsd;
  const hasFlows = s.etfFlows.days > 0;
  return {
    asset: s.asset,
    close: s.trend.close ?? s.momentum.close,
    sma50: s.trend.sma50,
    sma200: s.trend.sma200,
    drawdownFromPeak: s.trend.drawdownFromPeakPct === null ? null : Math.max(0, -s.trend.drawdownFromPeakPct / 100),
    return10d: s.momentum.return10d,
    return20d: s.momentum.return20d,
    aboveLow20d: s.momentum.aboveLow20d,
    aboveResistance: s.trend.aboveResistance,
    flowRegime: s.etfFlows.regime,
    flowDirectionality: s.etfFlows.directionality,
    flowOutflowDays: hasFlows ? s.etfFlows.outflowDays : null,
    flowDays: hasFlows ? s.etfFlows.days : null,
    consecutivePositiveWeeks: weekly.length > 0 ? s.etfFlows.consecutivePositiveWeeks : null,
    lastWeekNetFlowUsd: weekly.filter((w) => w.complete !== false).at(-1)?.netFlowUsd ?? null,
    oiChange30d: fromPercent(s.positioning.oiChangePct.d30),
    oiPriceDivergence: s.positioning.oiPriceDivergence,
    fundingRegime: s.positioning.fundingRegime,
    fundingAnnualised: s.positioning.fundingAnnualised,
    liquidationSpike:
      s.positioning.openInterestUsd === null && s.positioning.liquidations.longUsd === null
        ? null
        : s.positioning.liquidations.spike,
    leverageRebuiltWithoutStress: s.positioning.leverageRebuiltWithoutStress,
    selloffType: s.liquidity.availability.available || s.liquidity.selloffs.length > 0 ? s.liquidity.selloffType : null,
    waves: s.waves,
    wavesDecidable: s.wavesDecidable,
    daysSinceWaveEnded: lastEnded ? daysBetween(lastEnded, s.asOf) : null,
  };
}
