// Built-in rule `checklist`: an item of the confirmation checklist became met, or was lost, and held.
import { codeName } from '../../domain/labels/code-names.js';
import { chronological, confirmedChange, type AlertRule, type Finding, type RuleContext } from './rule.js';

export interface ChecklistOptions {
  /** Analyses in a row the new state of an item must hold before it is reported. */
  readonly confirmDays: number;
  /** Item ids watched; null = every item. */
  readonly items: readonly string[] | null;
}

/** The checklist rule named `name`. */
export function checklistRule(name: string, options: ChecklistOptions): AlertRule {
  return {
    name,
    summary: `a checklist item (${options.items === null ? 'any' : options.items.join(', ')}) newly met or lost, held ${options.confirmDays} analyses`,
    evaluate(context: RuleContext): Finding | null {
      const days = chronological(context);
      const met: string[] = [];
      const lost: string[] = [];
      for (const item of context.current.checklist) {
        if (options.items !== null && !options.items.includes(item.id)) continue;
        const sequence = days.map((s) => ({
          value: s.checklist.find((c) => c.id === item.id)?.met ?? null,
          basis: s.asOf,
        }));
        const change = confirmedChange(sequence, options.confirmDays);
        if (change === null) continue;
        (change.to ? met : lost).push(item.id);
      }
      if (met.length === 0 && lost.length === 0) return null;
      const { current } = context;
      const texts = current.checklist.filter((c) => met.includes(c.id) || lost.includes(c.id));
      const parts = [
        ...(met.length > 0 ? [`newly met: ${met.map(codeName).join(', ')}`] : []),
        ...(lost.length > 0 ? [`lost: ${lost.map(codeName).join(', ')}`] : []),
      ];
      const metCount = current.checklist.filter((c) => c.met).length;
      return {
        title: `${current.asset}: checklist ${parts.join('; ')}`,
        changed: `${parts.join('; ')} (${metCount} of ${current.checklist.length} met)`,
        evidence: [{ label: 'items met', value: `${metCount} of ${current.checklist.length}` }],
        reasons: texts.map((c) => `${c.met ? 'met' : 'not met'}: ${c.text}`),
      };
    },
  };
}
