// Exposure rules, for user strategies: a share of equity per phase label, overridden by rules on the
// confirmation checklist's state (the first rule that matches wins), trading only when the target
// changes. `{ met: [price-above-key-averages], exposure: 1 }` reads "fully in once price is above its
// averages, whatever the call".
import { z } from 'zod';
import { PHASE_LABELS, type PhaseLabel } from '../../domain/analysis.js';
import { formatPercent } from '../../format/percent.js';
import { CHECKLIST_ITEM_IDS, type ChecklistItemId } from '../../phase/checklist.js';
import type { DecisionDay } from '../decision-days.js';
import type { Strategy } from '../strategy.js';
import { exposureByLabelSchema, exposureText, PHASE_FOLLOWING_EXPOSURE } from './phase-following.js';

export const checklistRuleSchema = z.strictObject({
  met: z.array(z.enum(CHECKLIST_ITEM_IDS)).optional().meta({ description: 'Checklist items that must be met.' }),
  notMet: z
    .array(z.enum(CHECKLIST_ITEM_IDS))
    .optional()
    .meta({ description: 'Checklist items that must be decidable and not met.' }),
  labels: z.array(z.enum(PHASE_LABELS)).optional().meta({ description: 'Only on days with one of these calls.' }),
  exposure: z.number().min(0).max(1).meta({ description: 'Share of equity held when the rule matches, in [0, 1].' }),
});
export type ChecklistRule = z.infer<typeof checklistRuleSchema>;

export const exposureRulesOptionsSchema = z.strictObject({
  exposure: exposureByLabelSchema
    .optional()
    .meta({ description: 'Share of equity per call when no rule matches (defaults: phase-following).' }),
  rules: z.array(checklistRuleSchema).optional().meta({ description: 'Checklist rules, first match wins.' }),
});
export type ExposureRulesOptions = z.infer<typeof exposureRulesOptionsSchema>;

const matches = (rule: ChecklistRule, day: DecisionDay): boolean =>
  (rule.labels === undefined || rule.labels.includes(day.label)) &&
  (rule.met ?? []).every((id: ChecklistItemId) => day.checklist[id] === true) &&
  (rule.notMet ?? []).every((id: ChecklistItemId) => day.checklist[id] === false);

/** "met price-above-key-averages, not met no-derisking-wave-under-way, on uptrend → 100%". */
function ruleText(rule: ChecklistRule): string {
  const parts = [
    rule.met?.length ? `met ${rule.met.join(' + ')}` : null,
    rule.notMet?.length ? `not met ${rule.notMet.join(' + ')}` : null,
    rule.labels?.length ? `on ${rule.labels.join('/')}` : null,
  ].filter((p) => p !== null);
  return `${parts.join(', ') || 'always'} → ${formatPercent(rule.exposure, 0)}`;
}

/** An exposure-rules strategy named `id` (a user strategy). */
export function exposureRulesStrategy(
  id: string,
  options: ExposureRulesOptions,
  description: string | undefined,
): Strategy {
  const byLabel = { ...PHASE_FOLLOWING_EXPOSURE, ...options.exposure } as Record<PhaseLabel, number>;
  const rules = options.rules ?? [];
  return {
    id,
    title: id,
    description:
      description ??
      `Holds a share of equity by call (${exposureText(byLabel)})${rules.length > 0 ? `, overridden by the first matching checklist rule: ${rules.map(ruleText).join('; ')}` : ''}; trades only when the target changes.`,
    user: true,
    start: () => {
      let held: number | null = null;
      return (day) => {
        const index = rules.findIndex((r) => matches(r, day));
        const target = index >= 0 ? rules[index]!.exposure : byLabel[day.label];
        if (target === held) return null;
        held = target;
        return {
          kind: 'target',
          exposure: target,
          reason:
            index >= 0
              ? `rule ${index + 1} (${ruleText(rules[index]!)})`
              : `call ${day.label}: hold ${formatPercent(target, 0)}`,
        };
      };
    },
  };
}
