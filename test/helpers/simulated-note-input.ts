// The note's input for a fixed seed and date, built the way `tidemark report` builds it: the
// simulator's observations in an in-memory store, the analysis, the charted series, the coverage and
// the replayed call history. Built once per test file (about 10 s).
import { analyzeStore } from '../../src/phase/analyze.js';
import { REPORT_CHART_LOOKBACK_DAYS } from '../../src/report/build-note.js';
import { loadCallHistory } from '../../src/report/load-call-history.js';
import type { ReportInput } from '../../src/report/note-model.js';
import type { PastCall } from '../../src/report/call-history.js';
import { simulateMarket } from '../../src/sim/simulate.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';

/** The seed and as-of date of the snapshot note. */
export const NOTE_SEED = 7;
export const NOTE_END_DATE = '2026-01-16';

/** The note's input with its replayed history. */
export type NoteInput = ReportInput & { readonly history: readonly PastCall[] };

/** The simulated report input at NOTE_END_DATE for seed NOTE_SEED. */
export async function simulatedNoteInput(): Promise<NoteInput> {
  const sim = simulateMarket({ seed: NOTE_SEED, endDate: NOTE_END_DATE });
  const store = await openDuckDbStore(':memory:');
  try {
    await store.ingest([
      { provenance: { source: 'tidemark-sim', origin: 'test' }, observations: sim.observations, events: sim.events },
    ]);
    const analysis = await analyzeStore(store, { asset: 'BTC', asOf: NOTE_END_DATE, shippedEvents: [] });
    const series = await loadMarketSeries(store, {
      asset: 'BTC',
      asOf: analysis.asOf,
      lookbackDays: REPORT_CHART_LOOKBACK_DAYS,
    });
    const coverage = await store.coverage({ asOf: analysis.asOf });
    const history = await loadCallHistory(store, 'BTC', analysis.asOf, 60);
    return { analysis, series, coverage, history };
  } finally {
    await store.close();
  }
}
