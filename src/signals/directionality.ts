// Flow directionality D = Σf / Σ|f|: +1 all inflow, −1 all outflow, near 0 two-way.

/**
 * Signed directionality of a list of flows, in [−1, 1]. null when the list is empty or every flow
 * is zero (no direction to measure). directionality([100, -50, 30, -80]) = 0 / 260 = 0.
 */
export function directionality(flows: readonly number[]): number | null {
  let net = 0;
  let gross = 0;
  for (const f of flows) {
    net += f;
    gross += Math.abs(f);
  }
  if (gross === 0) return null;
  return Math.max(-1, Math.min(1, net / gross));
}
