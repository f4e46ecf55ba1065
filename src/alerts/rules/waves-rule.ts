// Built-in rule `waves`: a de-risking wave was confirmed (a segment — perps, ETF, CME — is now shedding
// positions) or ended, against the previous analysis.
import type { Segment, Wave } from '../../domain/analysis.js';
import { SEGMENT_NAMES } from '../../domain/labels/code-names.js';
import { formatDate } from '../../format/dates.js';
import { formatUsd } from '../../format/money.js';
import { chronological, confirmedChange, type AlertRule, type Finding, type RuleContext } from './rule.js';

export interface WavesOptions {
  /** Analyses in a row a segment's new state (under way or not) must hold before it is reported. */
  readonly confirmDays: number;
}

function describe(w: Wave | undefined, segment: Segment): string {
  if (w === undefined) return `wave in ${SEGMENT_NAMES[segment]}`;
  const size = w.unit === undefined || w.unit === 'USD' ? formatUsd(w.size) : `${formatUsd(w.size)} ${w.unit}`;
  return `wave in ${SEGMENT_NAMES[segment]} from ${formatDate(w.start)}${w.end !== null ? ` to ${formatDate(w.end)}` : ''}, ${size}`;
}

const SEGMENTS: readonly Segment[] = ['perps', 'etf', 'cme'];

/** The waves rule named `name`. */
export function wavesRule(name: string, options: WavesOptions): AlertRule {
  return {
    name,
    summary: `a de-risking wave confirmed or ended, held ${options.confirmDays} analyses`,
    evaluate(context: RuleContext): Finding | null {
      if (context.history.length === 0) return null;
      const days = chronological(context);
      const started: Segment[] = [];
      const ended: Segment[] = [];
      for (const segment of SEGMENTS) {
        const change = confirmedChange(
          days.map((s) => ({ value: s.ongoingWaves.includes(segment), basis: s.asOf })),
          options.confirmDays,
        );
        if (change !== null) (change.to ? started : ended).push(segment);
      }
      if (started.length === 0 && ended.length === 0) return null;
      const now = context.current.ongoingWaves;
      const latest = (segment: Segment): Wave | undefined =>
        context.current.waves.filter((w) => w.segment === segment).at(-1);
      const parts = [
        ...started.map((s) => `de-risking wave in ${SEGMENT_NAMES[s]} confirmed`),
        ...ended.map((s) => `de-risking wave in ${SEGMENT_NAMES[s]} ended`),
      ];
      return {
        title: `${context.current.asset}: ${parts.join(', ')}`,
        changed: `${parts.join('; ')}; under way now: ${now.length > 0 ? now.map((s) => SEGMENT_NAMES[s]).join(', ') : 'none'}`,
        evidence: [...started, ...ended].map((s) => ({ label: SEGMENT_NAMES[s], value: describe(latest(s), s) })),
        reasons: [],
      };
    },
  };
}
