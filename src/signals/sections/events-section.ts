// The events section: each calendar event known by asOf, with event studies of daily ETF net flow,
// perp OI change and spot returns around it (never reading past asOf).
import { formatDate } from '../../format/dates.js';
import type { Evidence } from '../../domain/analysis.js';
import { asOfCutoff } from '../../domain/dates.js';
import type { DatedValue, MarketSeries } from '../../domain/market-series.js';
import { dailyFlowTotals } from '../daily-flow-totals.js';
import { eventStudy } from '../event-study.js';
import { availabilityOf } from '../section.js';
import { formatSignedUsd } from '../../format/money.js';
import { formatDecimal } from '../../format/numbers.js';
import { formatSignedPercent } from '../../format/percent.js';
import type { EventStudyResult, EventsSection } from '../../domain/sections/events.js';

export interface EventsSectionOptions {
  /** Default [-60, -11]. */
  readonly estimationWindow?: readonly [number, number];
  /** Default [-1, 10]. */
  readonly eventWindow?: readonly [number, number];
  /** |t| at or above this makes an evidence line (default 2). */
  readonly evidenceT?: number;
}

/** Day-on-day differences of a level series (dated by the later day). */
export function differences(levels: readonly DatedValue[]): DatedValue[] {
  const out: DatedValue[] = [];
  for (let i = 1; i < levels.length; i++)
    out.push({ date: levels[i]!.date, value: levels[i]!.value - levels[i - 1]!.value });
  return out;
}

/**
 * Events from `m.events` dated on or before asOf and known (knownAt) before the asOf cut-off,
 * oldest first, each with its studies; study is null when no series has enough data around it.
 * Options: estimationWindow [-60,-11], eventWindow [-1,10], evidenceT 2.
 */
export function eventsSection(m: MarketSeries, options: EventsSectionOptions = {}): EventsSection {
  const cutoff = asOfCutoff(m.asOf);
  const known = m.events
    .filter((e) => e.date <= m.asOf && e.knownAt < cutoff)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const flows = dailyFlowTotals(m.etfFlows, m.asOf);
  const oiChange = differences(m.openInterestUsd.filter((d) => d.date <= m.asOf));
  const returns: DatedValue[] = [];
  const spot = m.spot.filter((b) => b.date <= m.asOf);
  for (let i = 1; i < spot.length; i++)
    returns.push({ date: spot[i]!.date, value: spot[i]!.close / spot[i - 1]!.close - 1 });
  const studyOptions = {
    asOf: m.asOf,
    ...(options.estimationWindow ? { estimationWindow: options.estimationWindow } : {}),
    ...(options.eventWindow ? { eventWindow: options.eventWindow } : {}),
  };
  const evidenceT = options.evidenceT ?? 2;
  const evidence: Evidence[] = [];
  const events = known.map((e) => {
    const study: EventStudyResult = {
      etfNetFlowUsd: eventStudy(flows, e.date, studyOptions),
      openInterestChangeUsd: eventStudy(oiChange, e.date, studyOptions),
      spotReturn: eventStudy(returns, e.date, studyOptions),
    };
    const any = study.etfNetFlowUsd || study.openInterestChangeUsd || study.spotReturn;
    const lines: string[] = [];
    if (study.etfNetFlowUsd?.tStat != null && Math.abs(study.etfNetFlowUsd.tStat) >= evidenceT)
      lines.push(
        `abnormal ETF flow ${formatSignedUsd(study.etfNetFlowUsd.car)} (t = ${formatDecimal(study.etfNetFlowUsd.tStat)})`,
      );
    if (study.openInterestChangeUsd?.tStat != null && Math.abs(study.openInterestChangeUsd.tStat) >= evidenceT)
      lines.push(
        `abnormal OI change ${formatSignedUsd(study.openInterestChangeUsd.car)} (t = ${formatDecimal(study.openInterestChangeUsd.tStat)})`,
      );
    if (study.spotReturn?.tStat != null && Math.abs(study.spotReturn.tStat) >= evidenceT)
      lines.push(
        `cumulative abnormal return ${formatSignedPercent(study.spotReturn.car)} (t = ${formatDecimal(study.spotReturn.tStat)})`,
      );
    if (lines.length > 0) {
      const flowCar = study.etfNetFlowUsd?.car ?? 0;
      evidence.push({
        signal: 'event-study',
        text: `${e.title} (${formatDate(e.date)}): ${lines.join('; ')}${study.etfNetFlowUsd?.truncated || study.spotReturn?.truncated ? ' so far (window still open)' : ''}.`,
        value: study.spotReturn?.car ?? study.etfNetFlowUsd?.car ?? null,
        weight: Math.max(-0.5, Math.min(0.5, (study.spotReturn?.car ?? 0) * 5 + Math.sign(flowCar) * 0.2)),
      });
    }
    return { ...e, study: any ? study : null };
  });
  return {
    events,
    evidence,
    availability: availabilityOf({
      events: known.length > 0,
      etfFlows: flows.length > 0,
      openInterestUsd: oiChange.length > 0,
      spot: returns.length > 0,
    }),
  };
}
