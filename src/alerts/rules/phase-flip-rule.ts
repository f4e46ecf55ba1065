// Built-in rule `phase-flip`: the market phase call changed and the new call has held.
import { codeName } from '../../domain/labels/code-names.js';
import { formatPercent } from '../../format/percent.js';
import { formatFieldValue } from '../../domain/labels/field-rows.js';
import { chronological, confirmedChange, type AlertRule, type RuleContext, type Finding } from './rule.js';

export interface PhaseFlipOptions {
  /** Analyses in a row (distinct as-of dates) the new phase must hold before it is reported. */
  readonly confirmDays: number;
  /** A call below this confidence is no information: it neither confirms nor breaks a run. */
  readonly minConfidence: number;
}

/** The phase-flip rule named `name`. */
export function phaseFlipRule(name: string, options: PhaseFlipOptions): AlertRule {
  return {
    name,
    summary: `phase call changed and held ${options.confirmDays} analyses at ≥ ${formatPercent(options.minConfidence, 0)} confidence`,
    evaluate(context: RuleContext): Finding | null {
      const sequence = chronological(context).map((s) => {
        const confidence = s.fields['phase.confidence'];
        const label = s.fields['phase.label'];
        const usable = typeof confidence === 'number' && confidence >= options.minConfidence;
        return { value: usable && typeof label === 'string' ? label : null, basis: s.asOf };
      });
      const change = confirmedChange(sequence, options.confirmDays);
      if (change === null) return null;
      const { current } = context;
      const confidence = current.fields['phase.confidence'];
      return {
        title: `${current.asset}: phase now ${codeName(change.to)} (${formatFieldValue('phase.confidence', confidence)})`,
        changed: `phase ${codeName(change.from)} → ${codeName(change.to)}, held ${options.confirmDays} analyses`,
        evidence: [
          { label: 'confidence', value: formatFieldValue('phase.confidence', confidence) },
          { label: 'close', value: formatFieldValue('signals.trend.close', current.fields['signals.trend.close']) },
          {
            label: 'drawdown from the peak',
            value: formatFieldValue(
              'signals.trend.drawdownFromPeakPct',
              current.fields['signals.trend.drawdownFromPeakPct'],
            ),
          },
          {
            label: 'ETF flow regime',
            value: formatFieldValue('signals.etfFlows.regime', current.fields['signals.etfFlows.regime']),
          },
        ],
        reasons: current.evidence.slice(0, 3).map((e) => e.text),
      };
    },
  };
}
