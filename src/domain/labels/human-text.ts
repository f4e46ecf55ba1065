// The signals' sentences in the reader's words: every internal key of the label table (code-names.ts)
// that a sentence carries is replaced by its words, judgment rule ids read as the phase and the rule,
// and money written "2.8 bn USD" reads in the house style.
import type { PhaseLabel } from '../analysis-terms.js';
import {
  capitalise,
  CODE_NAMES,
  COMPANY_NAMES,
  OI_PRICE_DIVERGENCE_NAMES,
  PHASE_NAMES,
  SEGMENT_NAMES,
  SERIES_NAMES,
} from './code-names.js';

/** Every key with words in the label table, longest first, so "one-way-outflow" wins over shorter keys. */
const TEXT_REPLACEMENTS: readonly (readonly [string, string])[] = (
  [
    ...Object.entries(CODE_NAMES).filter(([k]) => k.includes('-')),
    ...Object.entries(SEGMENT_NAMES),
    ...Object.entries(COMPANY_NAMES),
    ...Object.entries(SERIES_NAMES).filter(([k]) => /[A-Z]/.test(k)),
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const KEY_PATTERN = new RegExp(
  `(?<![\\w-])(${TEXT_REPLACEMENTS.map(([k]) => escapeRegExp(k)).join('|')})(?![\\w-])`,
  'g',
);
const REPLACEMENT = new Map(TEXT_REPLACEMENTS);

/**
 * A sentence with every internal key of the label table replaced by its words ("reads as
 * position-rebalancing" → "reads as position rebalancing"; "strategy mNAV" → "Strategy mNAV").
 * Money written "2.8 bn USD" becomes "$2.8B" (the house style); a leading "against: " (the judgment's
 * tag, redundant under the note's "Against" heading) is dropped and the sentence then starts with a
 * capital. Unknown words are left alone.
 */
export function humanText(text: string): string {
  return text
    .replace(
      /(\d+(?:\.\d+)?)–(\d+(?:\.\d+)?) (bn|m) USD/g,
      (_, a: string, b: string, u: string) => `$${a}${u === 'bn' ? 'B' : 'M'}–$${b}${u === 'bn' ? 'B' : 'M'}`,
    )
    .replace(/(\d+(?:\.\d+)?) (bn|m) USD/g, (_, a: string, u: string) => `$${a}${u === 'bn' ? 'B' : 'M'}`)
    .replaceAll('per bn USD', 'per $1B')
    .replace(/^against: (.)/, (_, first: string) => first.toUpperCase())
    .replace(
      RULE_PATTERN,
      (_, phase: PhaseLabel, rule: string) => `${capitalise(PHASE_NAMES[phase])} rule "${ruleWords(rule)}"`,
    )
    .replace(KEY_PATTERN, (key) => REPLACEMENT.get(key) ?? key);
}

/** A judgment rule's id ("topping/oi-rising-price-falling") as the phase and the rule in words. */
const RULE_PATTERN = /\b(trend-decline|bottoming|uptrend|topping)\/([a-z0-9-]+)/g;

function ruleWords(rule: string): string {
  return (OI_PRICE_DIVERGENCE_NAMES as Record<string, string>)[rule] ?? rule.replaceAll('-', ' ');
}
