// Built-in rule `flow-regime`: the US spot ETF flow regime (one-way out, two-way, one-way in) changed
// and held over new flow days.
import { codeName } from '../../domain/labels/code-names.js';
import { formatFieldValue } from '../../domain/labels/field-rows.js';
import { chronological, confirmedChange, type AlertRule, type Finding, type RuleContext } from './rule.js';

export interface FlowRegimeOptions {
  /** New ETF flow days (distinct window ends) in a row the new regime must hold before it is reported. */
  readonly confirmDays: number;
}

/** The flow-regime rule named `name`. */
export function flowRegimeRule(name: string, options: FlowRegimeOptions): AlertRule {
  return {
    name,
    summary: `ETF flow regime changed and held ${options.confirmDays} flow days`,
    evaluate(context: RuleContext): Finding | null {
      const sequence = chronological(context).map((s) => {
        const regime = s.fields['signals.etfFlows.regime'];
        return {
          value: typeof regime === 'string' ? regime : null,
          basis: String(s.fields['signals.etfFlows.windowTo'] ?? s.asOf),
        };
      });
      const change = confirmedChange(sequence, options.confirmDays);
      if (change === null) return null;
      const v = context.current.fields;
      return {
        title: `${context.current.asset}: ETF flows now ${codeName(change.to)}`,
        changed: `ETF flow regime ${codeName(change.from)} → ${codeName(change.to)}`,
        evidence: [
          {
            label: 'directionality D',
            value: formatFieldValue('signals.etfFlows.directionality', v['signals.etfFlows.directionality']),
          },
          {
            label: 'outflow days',
            value: `${formatFieldValue('signals.etfFlows.outflowDays', v['signals.etfFlows.outflowDays'])} of ${formatFieldValue('signals.etfFlows.days', v['signals.etfFlows.days'])}`,
          },
          {
            label: 'net flow',
            value: formatFieldValue('signals.etfFlows.netFlowUsd', v['signals.etfFlows.netFlowUsd']),
          },
          {
            label: 'window',
            value: `${formatFieldValue('signals.etfFlows.windowFrom', v['signals.etfFlows.windowFrom'])} – ${formatFieldValue('signals.etfFlows.windowTo', v['signals.etfFlows.windowTo'])}`,
          },
        ],
        reasons: context.current.evidence.filter((e) => e.signal.startsWith('etfFlows')).map((e) => e.text),
      };
    },
  };
}
