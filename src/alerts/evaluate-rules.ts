// Turning the rules' findings into alerts: each active rule for the asset reads the snapshots; a
// finding becomes an alert keyed (rule, asset, as-of), held back as 'suppressed' while the rule's
// cooldown runs for that asset, and routed to the rule's sinks no earlier than the end of its quiet
// hours. Used by the daily run (history and cooldowns from the store) and the replay (in memory).
import { daysBetween } from '../domain/dates.js';
import { alertKey, type Alert } from './alert.js';
import type { AlertSnapshot } from './alert-snapshot.js';
import type { ActiveRule } from './config/load-config.js';
import { quietUntil } from './schedule/quiet-hours.js';

/** An alert with what to do with it. */
export interface PlannedAlert {
  readonly alert: Alert;
  readonly status: 'queued' | 'suppressed';
  /** Why it was suppressed; null when queued. */
  readonly reason: string | null;
  /** Sinks and the earliest instant (ISO) each may send it. */
  readonly deliveries: readonly { readonly sink: string; readonly notBefore: string }[];
}

export interface PlanInput {
  readonly rules: readonly ActiveRule[];
  readonly current: AlertSnapshot;
  /** Earlier snapshots of the asset, newest first. */
  readonly history: readonly AlertSnapshot[];
  /** The latest as-of date before `beforeAsOf` at which `rule` queued an alert for `asset`, or null. */
  readonly lastQueued: (rule: string, asset: string, beforeAsOf: string) => Promise<string | null>;
  /** When the alerts are made (ms). */
  readonly now: number;
  /** The time zone of quiet hours. */
  readonly timeZone: string;
  readonly note: { readonly path: string | null; readonly url: string | null };
}

/** The alerts of one analysis, in rule order. */
export async function planAlerts(input: PlanInput): Promise<PlannedAlert[]> {
  const { current } = input;
  const planned: PlannedAlert[] = [];
  const createdAt = new Date(input.now).toISOString();
  const phaseLabel = current.fields['phase.label'];
  const confidence = current.fields['phase.confidence'];
  for (const active of input.rules) {
    if (!active.assets.includes(current.asset as (typeof active.assets)[number])) continue;
    const finding = active.rule.evaluate({ current, history: input.history });
    if (finding === null) continue;
    const alert: Alert = {
      key: alertKey(active.rule.name, current.asset, current.asOf),
      rule: active.rule.name,
      asset: current.asset,
      asOf: current.asOf,
      title: finding.title,
      changed: finding.changed,
      evidence: finding.evidence,
      reasons: finding.reasons,
      phase: {
        label: typeof phaseLabel === 'string' ? phaseLabel : 'n/a',
        confidence: typeof confidence === 'number' ? confidence : 0,
      },
      note: input.note,
      simulated: current.simulated,
      createdAt,
    };
    let reason: string | null = null;
    if (active.cooldownDays > 0) {
      const last = await input.lastQueued(active.rule.name, current.asset, current.asOf);
      if (last !== null && daysBetween(last, current.asOf) < active.cooldownDays)
        reason = `cooldown: sent as of ${last}, ${active.cooldownDays}-day cooldown`;
    }
    const quietEnd = active.quietHours === null ? null : quietUntil(input.now, active.quietHours, input.timeZone);
    const notBefore = new Date(quietEnd ?? input.now).toISOString();
    planned.push({
      alert,
      status: reason === null ? 'queued' : 'suppressed',
      reason,
      deliveries: reason === null ? active.sinks.map((sink) => ({ sink, notBefore })) : [],
    });
  }
  return planned;
}
