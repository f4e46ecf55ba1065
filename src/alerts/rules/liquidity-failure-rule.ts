// Built-in rule `liquidity-failure`: a sell-off was read as a liquidity failure — newly classified
// that way, or revised to it from position rebalancing — since the previous analysis.
import { formatDate } from '../../format/dates.js';
import { formatPct } from '../../format/percent.js';
import type { AlertRule, Finding, RuleContext } from './rule.js';

/** The liquidity-failure rule named `name`. */
export function liquidityFailureRule(name: string): AlertRule {
  return {
    name,
    summary: 'a sell-off read as a liquidity failure (new, or revised to it)',
    evaluate(context: RuleContext): Finding | null {
      const previous = context.history[0];
      if (previous === undefined) return null;
      const failures = context.current.selloffs.filter((s) => {
        if (s.type !== 'liquidity-failure') return false;
        const before = previous.selloffs.find((p) => p.start === s.start);
        return before === undefined || before.type !== 'liquidity-failure';
      });
      const selloff = failures.at(-1);
      if (selloff === undefined) return null;
      const revised = selloff.initialType !== 'liquidity-failure';
      return {
        title: `${context.current.asset}: liquidity failure in the sell-off from ${formatDate(selloff.start)}`,
        changed: revised
          ? `sell-off revised from ${selloff.initialType} to liquidity-failure`
          : 'sell-off classified as liquidity-failure',
        evidence: [
          { label: 'sell-off', value: `${formatDate(selloff.start)} – ${formatDate(selloff.end)}` },
          { label: 'drawdown', value: formatPct(selloff.drawdownPct) },
        ],
        reasons: [...selloff.reasons],
      };
    },
  };
}
