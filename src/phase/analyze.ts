// The analysis of one asset at one date: runs every signal section on the MarketSeries, extracts
// the phase facts, judges the phase and builds the checklist — the `analyze --json` object.
import type { AnalysedAsset } from '../domain/assets.js';
import type { Analysis } from '../domain/analysis.js';
import type { MarketSeries } from '../domain/market-series.js';
import type { MarketEvent } from '../domain/events.js';
import { priceMomentum } from '../signals/price-momentum.js';
import { divergenceSection } from '../signals/sections/divergence-section.js';
import { etfFlowsSection } from '../signals/sections/etf-flows-section.js';
import { eventsSection } from '../signals/sections/events-section.js';
import { liquiditySection } from '../signals/sections/liquidity-section.js';
import { positioningSection } from '../signals/sections/positioning-section.js';
import { treasuriesSection } from '../signals/sections/treasuries-section.js';
import { trendSection } from '../signals/sections/trend-section.js';
import { wavesSection } from '../signals/sections/waves-section.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import type { Store } from '../store/store.js';
import { confirmationChecklist } from './checklist.js';
import { extractFacts } from './extract-facts.js';
import { judgePhase } from './judge.js';

/** Analyses a MarketSeries (pure: same series in, same analysis out). */
export function analyzeSeries(m: MarketSeries): Analysis {
  const etfFlows = etfFlowsSection(m);
  const positioning = positioningSection(m);
  const liquidity = liquiditySection(m);
  const divergence = divergenceSection(m);
  const events = eventsSection(m);
  const trend = trendSection(m);
  const treasuries = treasuriesSection(m);
  const waves = wavesSection(m);
  const momentum = priceMomentum(m.spot);
  const facts = extractFacts({
    asset: m.asset,
    asOf: m.asOf,
    etfFlows,
    positioning,
    liquidity,
    trend,
    waves: waves.waves,
    wavesDecidable: m.openInterestUsd.length > 0 || m.etfFlows.length > 0 || m.cme.length > 0,
    momentum,
  });
  const judgment = judgePhase(facts);
  return {
    asOf: m.asOf,
    asset: m.asset,
    simulated: m.simulated,
    phase: {
      label: judgment.label,
      confidence: judgment.confidence,
      evidence: [
        ...judgment.evidence,
        ...sectionEvidence(
          [etfFlows, positioning, liquidity, divergence, trend, treasuries, waves],
          judgment.evidence.length,
        ),
      ],
      unusedEvidence: judgment.unusedEvidence,
      scores: judgment.scores.map((s) => ({ label: s.label, score: Math.round(s.score * 1000) / 1000, held: s.held })),
    },
    signals: {
      etfFlows: { ...etfFlows },
      positioning: { ...positioning },
      liquidity: { ...liquidity },
      divergence: { ...divergence },
      events: events.events.map((e) => ({ ...e })),
      trend: { ...trend, momentum, drawdownFromPeak: facts.drawdownFromPeak },
      treasuries: { ...treasuries },
    },
    waves: waves.waves,
    wavesDetail: {
      order: waves.order,
      leadLagDays: waves.leadLagDays,
      cryptoNativeLed: waves.cryptoNativeLed,
      ongoing: waves.ongoing,
      evidence: waves.evidence,
      availability: waves.availability,
    },
    checklist: confirmationChecklist(facts),
  };
}

/** The sections' own evidence, strongest first, after the judgment's (up to 12 items in all). */
function sectionEvidence(
  sections: readonly { evidence: readonly Analysis['phase']['evidence'][number][] }[],
  already: number,
): Analysis['phase']['evidence'][number][] {
  const all = sections.flatMap((s) => s.evidence);
  all.sort((a, b) => Math.abs(b.weight ?? 0) - Math.abs(a.weight ?? 0));
  return all.slice(0, Math.max(0, 12 - already));
}

export interface AnalyzeStoreOptions {
  readonly asset: AnalysedAsset;
  readonly asOf?: string;
  readonly shippedEvents?: readonly MarketEvent[];
}

/**
 * Loads the asset's series as known at `asOf` from the store and analyses them. The shipped events
 * calendar is merged in (for real data) unless `shippedEvents` is given.
 */
export async function analyzeStore(store: Store, options: AnalyzeStoreOptions): Promise<Analysis> {
  const series = await loadMarketSeries(store, {
    ...options,
    shippedEvents: options.shippedEvents ?? loadShippedEvents(),
  });
  return analyzeSeries(series);
}
