// The waves section: de-risking waves per segment (perps OI, ETF net flows, CME OI), their order
// and the lead-lag between crypto-native perps and non-native ETF/CME money.
import type { Evidence, Segment } from '../../domain/analysis.js';
import { SEGMENT_NAMES } from '../../domain/labels.js';
import type { MarketSeries } from '../../domain/market-series.js';
import type { DeRiskingWaveOptions } from '../de-risking-waves.js';
import { availabilityOf } from '../section.js';
import { waveLevels, wavesAt } from '../wave-levels.js';
import { waveOrder } from '../wave-order.js';
import { formatUsd } from '../../format/money.js';
import type { CmeLevelSource, DeRiskingWave, WavesSection } from '../../domain/sections/waves.js';

export interface WavesSectionOptions extends DeRiskingWaveOptions {
  /** Waves confirmed within this many days before asOf (or ongoing) are ordered (default 120). */
  readonly lookbackDays?: number;
}

const NATIVE: ReadonlySet<Segment> = new Set(['perps']);

/** Where the CME wave's open interest was read, for its evidence sentence. */
function cmeSourceText(source: CmeLevelSource | null): string {
  if (source === 'cftc-total-open-interest') return ' (CFTC total open interest)';
  if (source === 'front-month-once-per-cycle') return ' (CME front month)';
  return '';
}

/**
 * Waves from perp OI counted in coins (m.openInterestUsd / spot close; USD when spot is missing;
 * −15 % from a 30-day peak), cumulative ETF net flow (−1.5 % of AUM, or −$1.5B) and CME OI in coins —
 * the CFTC's weekly total OI when m.cot has reports (−20 % from a 6-week peak), else front-month OI
 * once per contract cycle (−20 % from the 2 previous cycles) — all cut at asOf; sizes in USD. Per-segment options
 * override the drawdown settings; lookbackDays 120 for the order.
 */
export function wavesSection(m: MarketSeries, options: WavesSectionOptions = {}): WavesSection {
  const levels = waveLevels(m, options);
  const waves = wavesAt(levels, {
    perps: levels.perps.levels.length,
    etf: levels.etf.levels.length,
    cme: levels.cme.levels.length,
  });
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
      text: `${w.segment.toUpperCase()} de-risking wave${w.segment === 'cme' ? cmeSourceText(levels.cmeLevelSource) : ''} from ${w.start} (confirmed ${w.confirmedOn}) ${w.end ? `to ${w.end}` : 'still under way'}: ${formatUsd(w.size)} ${w.segment === 'etf' ? 'of net outflow' : 'of open interest shed'}.`,
      value: w.size,
      // A finished wave means that money has already de-risked (supports bottoming); an open one is decline.
      weight: w.end === null ? -0.7 : 0.3,
    });
  }
  if (ordered.order.length >= 2) {
    const lags = ordered.leadLagDays.map((l) => `${SEGMENT_NAMES[l.follower]} ${l.days} days later`).join(', ');
    evidence.push({
      signal: 'wave-order',
      text: `${SEGMENT_NAMES[ordered.order[0]!]} de-risked first (confirmed ${ordered.recent[0]!.confirmedOn}); then ${lags}${cryptoNativeLed ? ': crypto-native leverage led, non-native ETF/CME money followed' : ''}.`,
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
    cmeLevelSource: levels.cmeLevelSource,
    evidence,
    availability: availabilityOf({
      openInterestUsd: m.openInterestUsd.length > 0,
      'spot (to count perp OI in coins)': levels.perpsInCoins,
      etfFlows: m.etfFlows.length > 0,
      cme: levels.cme.levels.length > 0,
    }),
  };
}
