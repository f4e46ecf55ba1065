// The shape every signal section shares: the numbers it computed, the evidence sentences built
// from them, and what it could not compute for lack of data.
import type { Evidence, SignalAvailability } from '../domain/analysis.js';

export interface SignalSection {
  readonly evidence: readonly Evidence[];
  readonly availability: SignalAvailability;
}

/** Availability from a list of (name, present) checks: missing names are listed. */
export function availabilityOf(checks: Readonly<Record<string, boolean>>): SignalAvailability {
  const missing = Object.entries(checks)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  return { available: missing.length === 0, missing };
}
