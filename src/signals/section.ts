// What a signal section could not compute: its availability from named checks (the section types
// themselves are the analysis contract, in domain/sections/).
import type { SignalAvailability } from '../domain/analysis.js';

/** Availability from a list of (name, present) checks: missing names are listed. */
export function availabilityOf(checks: Readonly<Record<string, boolean>>): SignalAvailability {
  const missing = Object.entries(checks)
    .filter(([, present]) => !present)
    .map(([name]) => name);
  return { available: missing.length === 0, missing };
}
