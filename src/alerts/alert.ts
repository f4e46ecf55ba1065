// An alert as every sink receives it: which rule fired for which asset and as-of date, what changed,
// the evidence in numbers, and where the note is. Its key — rule, asset, as-of date — is the
// idempotency key: the outbox stores an alert once per key and receivers can de-duplicate on it.

/** One number behind an alert, as a person reads it. */
export interface AlertEvidence {
  readonly label: string;
  /** The value formatted in its unit ("−$3.47B", "−0.0210% per 8h"). */
  readonly value: string;
}

export interface Alert {
  /** rule|asset|as-of ("phase-flip|BTC|2025-11-04"). */
  readonly key: string;
  /** The rule's name in the config. */
  readonly rule: string;
  readonly asset: string;
  readonly asOf: string;
  /** One line: "BTC: phase turned trend-decline (88%)". */
  readonly title: string;
  /** What changed, in words and numbers. */
  readonly changed: string;
  readonly evidence: readonly AlertEvidence[];
  /** Evidence sentences behind it (the judgment's, a checklist item's), each citing its numbers. */
  readonly reasons: readonly string[];
  /** The call at the as-of date. */
  readonly phase: { readonly label: string; readonly confidence: number };
  /** The note of that analysis: its file and, when notes.baseUrl is set, its link. */
  readonly note: { readonly path: string | null; readonly url: string | null };
  /** True when the analysis ran on the simulator's data. */
  readonly simulated: boolean;
  /** When the alert was made (ISO). */
  readonly createdAt: string;
  /** True for `tidemark alerts test` messages. */
  readonly test?: boolean;
}

/** The idempotency key of rule `rule` for `asset` as of `asOf`. */
export function alertKey(rule: string, asset: string, asOf: string): string {
  return `${rule}|${asset}|${asOf}`;
}
