// Finds two as-of dates with different phases on the running server, so the as-of test compares
// real judgments rather than assuming where the phases change.
import type { RunningServer } from './fixture-server.js';

const CANDIDATES = ['2025-09-15', '2025-11-20', '2026-01-20', '2025-07-01', '2025-12-15', '2025-10-20', '2026-01-05'];

/** Two candidate dates whose /api/analysis phase labels differ (BTC first, then ETH). */
export async function phaseDates(
  server: RunningServer,
): Promise<{ first: string; second: string; asset: 'BTC' | 'ETH' }> {
  for (const asset of ['BTC', 'ETH'] as const) {
    const seen = new Map<string, string>();
    for (const asOf of CANDIDATES) {
      const res = await fetch(`${server.url}/api/analysis?asOf=${asOf}&asset=${asset}`);
      if (!res.ok) continue;
      const label = ((await res.json()) as { phase: { label: string } }).phase.label;
      for (const [date, other] of seen) if (other !== label) return { first: date, second: asOf, asset };
      seen.set(asOf, label);
    }
  }
  throw new Error(
    `phase-dates: every candidate date (${CANDIDATES.join(', ')}) gave the same phase on ${server.kind} server`,
  );
}
