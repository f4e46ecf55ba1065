// The analysis of one asset at one date: runs every signal section on the MarketSeries, extracts
// the phase facts, judges the phase and builds the checklist — the `analyze --json` object.
import type { AnalysedAsset } from '../domain/assets.js';
import type { Analysis } from '../domain/analysis.js';
import { ANALYSIS_WINDOW_DAYS, type MarketSeries } from '../domain/market-series.js';
import { addDays } from '../domain/dates.js';
import type { MarketEvent } from '../domain/events.js';
import type { PositioningSection } from '../domain/sections/positioning.js';
import { dailyFlowTotals } from '../signals/daily-flow-totals.js';
import { priceMomentum } from '../signals/price-momentum.js';
import { divergenceSection } from '../signals/sections/divergence-section.js';
import { etfFlowsSection, type ChangePointRun } from '../signals/sections/etf-flows-section.js';
import { eventsSection } from '../signals/sections/events-section.js';
import { liquiditySection } from '../signals/sections/liquidity-section.js';
import { positioningSection } from '../signals/sections/positioning-section.js';
import { positionsMeasureText } from '../signals/sections/positioning-evidence.js';
import { treasuriesSection } from '../signals/sections/treasuries-section.js';
import { trendSection } from '../signals/sections/trend-section.js';
import { wavesSection } from '../signals/sections/waves-section.js';
import type { WavesSection } from '../domain/sections/waves.js';
import { sliceMarketSeries } from '../domain/slice-market-series.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { confirmationChecklist } from './checklist.js';
import type { PhaseFacts } from './facts.js';
import { freshEvidence } from './evidence-inputs.js';
import type { InputFreshness } from '../domain/freshness.js';
import { factsAt } from './facts-at.js';
import { phaseInputs } from './phase-inputs.js';
import { judgePhase } from './judge.js';
import { noCallReason } from './no-call.js';

/**
 * The phase facts of `m` at its as-of date: read from phase inputs built over all of `m` (every item
 * in a loaded series is known at its as-of date, so each input's known part is the whole of it).
 */
export function factsOfSeries(m: MarketSeries): PhaseFacts {
  const facts = factsAt(phaseInputs(m), m.asOf);
  if (facts === null) throw new Error(`analyzeSeries: the series of ${m.asset} holds items not known at ${m.asOf}`);
  return facts;
}

/**
 * Analyses a MarketSeries (pure: same series in, same analysis out). Without a known close there is
 * no call (phase.label and confidence null, phase.noCallReason says why; phase/no-call.ts). The judgment reads the facts
 * over the whole history given (phase/facts-at.ts); the signal sections read the last
 * ANALYSIS_WINDOW_DAYS (1,100) days of it; waves are found over the whole history and those of the
 * window are shown.
 */
export function analyzeSeries(m: MarketSeries): Analysis {
  return analysisFromFacts(m, factsOfSeries(m));
}

/**
 * The analysis of `m` from its phase facts already computed (by factsOfSeries, or by the replay,
 * which reads each day's facts from inputs built once): what analyzeSeries does after the facts.
 * `computed.waves`: wavesSection(m), when the caller already has it; `computed.changePointRun`: BOCPD
 * run once over a longer history's daily ETF totals (used when m's are a prefix of them).
 */
export function analysisFromFacts(
  m: MarketSeries,
  facts: PhaseFacts,
  computed: { waves?: WavesSection; changePointRun?: ChangePointRun } = {},
): Analysis {
  const view = sliceMarketSeries(m, m.asOf, { lookbackDays: ANALYSIS_WINDOW_DAYS });
  const etfFlows = etfFlowsSection(view, {
    changePointTotals: dailyFlowTotals(m.etfFlows),
    ...(computed.changePointRun ? { changePointRun: computed.changePointRun } : {}),
  });
  const positioning = withJudgedLeverageRebuild(positioningSection(view), facts);
  const liquidity = liquiditySection(view);
  const divergence = divergenceSection(view);
  const events = eventsSection(view);
  const trend = trendSection(view);
  const treasuries = treasuriesSection(view);
  const waves = computed.waves ?? wavesSection(m);
  const momentum = priceMomentum(view.spot);
  const windowStart = addDays(m.asOf, -ANALYSIS_WINDOW_DAYS);
  const shownWaves = waves.waves.filter((w) => w.end === null || w.end >= windowStart);
  const judgment = judgePhase(facts);
  const noCall = noCallReason(facts, m.asOf);
  const sections = [etfFlows, positioning, liquidity, divergence, trend, treasuries, waves];
  const phase: Analysis['phase'] =
    noCall === null
      ? {
          label: judgment.label,
          confidence: judgment.confidence,
          evidence: [...judgment.evidence, ...sectionEvidence(sections, judgment.evidence.length, facts.freshness)],
          unusedEvidence: judgment.unusedEvidence,
          scores: judgment.scores.map((s) => ({
            label: s.label,
            score: Math.round(s.score * 1000) / 1000,
            held: s.held,
          })),
        }
      : // No call: no label, no confidence, no scores; the sections' evidence stays as context.
        {
          label: null,
          confidence: null,
          noCallReason: noCall,
          evidence: sectionEvidence(sections, 0, facts.freshness),
          unusedEvidence: judgment.unusedEvidence,
        };
  return {
    asOf: m.asOf,
    asset: m.asset,
    simulated: m.simulated,
    freshness: facts.freshness,
    phase,
    signals: {
      etfFlows: { ...etfFlows },
      positioning: { ...positioning },
      liquidity: { ...liquidity },
      divergence: { ...divergence },
      events: events.events.map((e) => ({ ...e })),
      trend: {
        ...trend,
        momentum,
        drawdownFromPeak: facts.drawdownFromPeak,
        regime: facts.regime,
        regimeConfirmedOn: facts.regimeConfirmedOn,
        regimeExtremeClose: facts.regimeExtremeClose,
        regimeExtremeDate: facts.regimeExtremeDate,
      },
      treasuries: { ...treasuries },
    },
    waves: shownWaves,
    wavesDetail: {
      order: waves.order,
      leadLagDays: waves.leadLagDays,
      cryptoNativeLed: waves.cryptoNativeLed,
      ongoing: waves.ongoing,
      evidence: waves.evidence,
      availability: waves.availability,
    },
    checklist: confirmationChecklist(facts, {
      measure: positionsMeasureText(positioning),
      recentSpikes: positioning.liquidations.recentSpikeDates.length,
    }),
  };
}

/**
 * The positioning section with "leverage rebuilt without stress" as the judgment reads it (the
 * checklist's item): one answer, null when a stale input or a partial day leaves it undecidable, and
 * the section's evidence sentence for it dropped when the judgment could not decide it.
 */
function withJudgedLeverageRebuild(section: PositioningSection, facts: PhaseFacts): PositioningSection {
  const judged = facts.leverageRebuiltWithoutStress;
  if (judged === section.leverageRebuiltWithoutStress) return section;
  return {
    ...section,
    leverageRebuiltWithoutStress: judged,
    evidence: section.evidence.filter(
      (e) => judged !== null || e.signal !== 'positioning.leverageRebuiltWithoutStress',
    ),
  };
}

/** The sections' own evidence, strongest first, after the judgment's (up to 12 items in all); none resting on a stale input. */
function sectionEvidence(
  sections: readonly { evidence: readonly Analysis['phase']['evidence'][number][] }[],
  already: number,
  freshness: readonly InputFreshness[],
): Analysis['phase']['evidence'][number][] {
  const all = freshEvidence(
    sections.flatMap((s) => s.evidence),
    freshness,
  );
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
