// The waves section: de-risking waves per segment (perps OI, ETF net flows, CME OI), their order
// and the lead-lag between crypto-native perps and non-native ETF/CME money.
import type { Evidence, Segment } from '../../domain/analysis.js';
import type { MarketSeries } from '../../domain/market-series.js';
import { dailyFlowTotals } from '../daily-flow-totals.js';
import {
  cmeWaveLevels,
  cumulativeFlows,
  type CmeLevelSource,
  etfOutflowThresholdUsd,
  openInterestCoins,
  PERPS_MIN_DROP_FRACTION,
  segmentWaves,
  segmentWavesInCoins,
  type DeRiskingWave,
  type DeRiskingWaveOptions,
} from '../de-risking-waves.js';
import { availabilityOf, type SignalSection } from '../section.js';
import { waveOrder, type LeadLag } from '../wave-order.js';
import { formatUsd } from '../../format/money.js';

export interface WavesSectionOptions extends DeRiskingWaveOptions {
  /** Waves confirmed within this many days before asOf (or ongoing) are ordered (default 120). */
  readonly lookbackDays?: number;
}

export interface WavesSection extends SignalSection {
  /** All waves found, every segment, by start date (start = the peak before the fall). */
  readonly waves: readonly DeRiskingWave[];
  /** Segments in the order their first recent wave was confirmed (threshold first met). */
  readonly order: readonly Segment[];
  readonly leadLagDays: readonly LeadLag[];
  /** True when the first segment to de-risk was crypto-native (perps) and ETF/CME followed. */
  readonly cryptoNativeLed: boolean | null;
  /** Segments whose latest wave is still under way at asOf. */
  readonly ongoing: readonly Segment[];
  /** The series CME waves were found on (null without CME data). */
  readonly cmeLevelSource: CmeLevelSource | null;
}

const NATIVE: ReadonlySet<Segment> = new Set(['perps']);

/**
 * Waves from perp OI counted in coins (m.openInterestUsd / spot close; USD when spot is missing;
 * −15 % from a 30-day peak), cumulative ETF net flow (−1.5 % of AUM, or −$1.5B) and CME OI in coins —
 * the CFTC's weekly total OI when m.cot has reports (−20 % from a 6-week peak), else front-month OI
 * once per contract cycle (−20 % from the 2 previous cycles) — all cut at asOf; sizes in USD. Per-segment options
 * override the drawdown settings; lookbackDays 120 for the order.
 */
export function wavesSection(m: MarketSeries, options: WavesSectionOptions = {}): WavesSection {
  const perpsUsd = m.openInterestUsd.filter((d) => d.date <= m.asOf);
  const spot = m.spot.filter((b) => b.date <= m.asOf);
  const daily = dailyFlowTotals(m.etfFlows, m.asOf);
  const cmeDays = m.cme.filter((d) => d.date <= m.asOf);
  // CFTC total OI has no roll artefacts; front-month OI is a sawtooth, so it is read once per contract cycle.
  const cme = cmeWaveLevels(
    m.cot.filter((w) => w.date <= m.asOf),
    cmeDays,
  );
  // Count OI in coins where a price is known, so a price fall alone is not a de-risking wave.
  const perpsCoins = openInterestCoins(perpsUsd, spot);
  const spotUsd = new Map(spot.map((b) => [b.date, b.close]));
  const cmeUsd = new Map(cmeDays.map((d) => [d.date, d.close]));
  if (cme.source === 'cftc-total-open-interest')
    for (const [date, close] of spotUsd) if (!cmeUsd.has(date)) cmeUsd.set(date, close);
  const etfThreshold = etfOutflowThresholdUsd(m.etfAumUsd, daily[daily.length - 1]?.date);
  const waves: DeRiskingWave[] = [
    ...(perpsCoins.length > 0
      ? segmentWavesInCoins('perps', perpsCoins, spotUsd, options.perps ?? { minDropFraction: PERPS_MIN_DROP_FRACTION })
      : segmentWaves('perps', perpsUsd, options.perps ?? { minDropFraction: PERPS_MIN_DROP_FRACTION })),
    ...segmentWaves('etf', cumulativeFlows(daily), options.etf ?? { minDropAbsolute: etfThreshold }),
    ...segmentWavesInCoins('cme', cme.levels, cmeUsd, options.cme ?? cme.options),
  ].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const ordered = waveOrder(waves, {
    asOf: m.asOf,
    ...(options.lookbackDays === undefined ? {} : { lookbackDays: options.lookbackDays }),
  });
  const first = ordered.order[0];
  const cryptoNativeLed = first === undefined || ordered.order.length < 2 ? null : NATIVE.has(first);
  const latest = new Map<Segment, DeRiskingWave>();
  for (const w of waves) latest.set(w.segment, w); // waves are sorted by start: the last one wins
  const ongoing = [...latest.values()].filter((w) => w.end === null).map((w) => w.segment);

  const evidence: Evidence[] = [];
  for (const w of ordered.recent) {
    evidence.push({
      signal: `wave-${w.segment}`,
      text: `${w.segment.toUpperCase()} de-risking wave from ${w.start} (confirmed ${w.confirmedOn}) ${w.end ? `to ${w.end}` : 'still under way'}: ${formatUsd(w.size)} ${w.segment === 'etf' ? 'of net outflow' : 'of open interest shed'}.`,
      value: w.size,
      // A finished wave means that money has already de-risked (supports bottoming); an open one is decline.
      weight: w.end === null ? -0.7 : 0.3,
    });
  }
  if (ordered.order.length >= 2) {
    const lags = ordered.leadLagDays.map((l) => `${l.follower} ${l.days} days later`).join(', ');
    evidence.push({
      signal: 'wave-order',
      text: `${ordered.order[0]} de-risked first (confirmed ${ordered.recent[0]!.confirmedOn}); then ${lags}${cryptoNativeLed ? ': crypto-native leverage led, non-native ETF/CME money followed' : ''}.`,
      value: ordered.leadLagDays[ordered.leadLagDays.length - 1]?.days ?? null,
      weight: 0,
    });
  }
  return {
    waves,
    order: ordered.order,
    leadLagDays: ordered.leadLagDays,
    cryptoNativeLed,
    ongoing,
    cmeLevelSource: cme.source,
    evidence,
    availability: availabilityOf({
      openInterestUsd: perpsUsd.length > 0,
      'spot (to count perp OI in coins)': perpsCoins.length > 0,
      etfFlows: daily.length > 0,
      cme: cme.levels.length > 0,
    }),
  };
}
