// The simulator's entry point for the store: generates the seeded market and ingests it in one
// transaction under provenance "tidemark-sim", logging a `simulate` run. Refuses to mix simulated
// rows into a database that holds real data.
import type { UpsertCounts } from '../domain/observation.js';
import type { Store } from '../store/store.js';
import { StoreError } from '../store/store-error.js';
import type { GroundTruth } from './ground-truth.js';
import { simulateMarket } from './simulate-market.js';
import { formatCount } from '../format/numbers.js';

export {
  simulateMarket,
  DEFAULT_END_DATE,
  DEFAULT_YEARS,
  type SimulateMarketOptions,
  type SimulatedMarket,
} from './simulate-market.js';
export type { GroundTruth, TruthDay, TruthPhase, TruthSelloff, TruthWave } from './ground-truth.js';

/** The provenance source of every simulated row. */
export const SIM_SOURCE = 'tidemark-sim';

export interface SimulateOptions {
  /** PRNG seed (default 42). */
  readonly seed?: number;
  /** Years to simulate (default 3). */
  readonly years?: number;
  /** Calendar days to simulate; overrides years. */
  readonly days?: number;
  /** First simulated date (default: counted back from endDate). */
  readonly startDate?: string;
  /** Last simulated date (default 2026-03-31). */
  readonly endDate?: string;
  /** Write progress lines to stderr (default false). */
  readonly progress?: boolean;
}

/** What writeSimulatedDataset stored. */
export interface SimulationSummary {
  readonly seed: number;
  readonly firstDate: string;
  readonly lastDate: string;
  readonly observations: number;
  readonly events: number;
  readonly counts: UpsertCounts;
  /** Rows per dataset. */
  readonly datasets: Readonly<Record<string, number>>;
  readonly truth: GroundTruth;
}

/** Sources other than the simulator that already have rows in `store` (empty when none). */
export async function nonSimulatedSources(store: Store): Promise<string[]> {
  const sources = new Set<string>();
  for (const row of await store.coverage()) for (const s of row.sources) if (s !== SIM_SOURCE) sources.add(s);
  return [...sources].sort();
}

/**
 * Generates the simulated dataset (see simulateMarket) and ingests it, with its events, in one
 * store.ingest call; logs a run of kind "simulate". Re-running with the same options stores
 * nothing new (every row unchanged). Throws a StoreError of kind 'conflict', writing nothing, when the store already
 * holds rows from another source or a simulated dataset made with other options (seed, dates).
 */
export async function writeSimulatedDataset(store: Store, options: SimulateOptions = {}): Promise<SimulationSummary> {
  const seed = options.seed ?? 42;
  const progress = (text: string): void => {
    if (options.progress) process.stderr.write(`\rtidemark-sim: ${text}`.padEnd(72));
  };
  const others = await nonSimulatedSources(store);
  if (others.length > 0) {
    throw new StoreError(
      'conflict',
      `tidemark-sim: refusing to write simulated rows into a database that holds real data (sources: ${others.join(', ')}); use another --db`,
    );
  }
  const startedAt = new Date().toISOString();
  progress(`generating seed ${seed} …`);
  const market = simulateMarket({
    seed,
    years: options.years,
    days: options.days,
    startDate: options.startDate,
    endDate: options.endDate,
  });
  const { truth } = market;
  const origin = `simulator seed=${seed} ${truth.startDate}..${truth.endDate}`;
  const earlier = (await store.runs(1000)).find((r) => r.kind === 'simulate' && r.origin !== origin);
  if (earlier) {
    throw new StoreError(
      'conflict',
      `tidemark-sim: the database already holds a different simulated dataset (${earlier.origin}); delete the file or use another --db to write "${origin}"`,
    );
  }
  progress(`storing ${formatCount(market.observations.length)} rows …`);
  const [counts] = await store.ingest(
    [{ provenance: { source: SIM_SOURCE, origin }, observations: market.observations, events: market.events }],
    [
      {
        kind: 'simulate',
        source: SIM_SOURCE,
        origin,
        startedAt,
        finishedAt: new Date().toISOString(),
        rejected: 0,
        status: 'ok',
        message: `simulated data, seed ${seed}`,
      },
    ],
    { allOrNothing: true },
  );
  if (options.progress) process.stderr.write('\r'.padEnd(73) + '\r');
  const datasets: Record<string, number> = {};
  for (const o of market.observations) datasets[o.dataset] = (datasets[o.dataset] ?? 0) + 1;
  return {
    seed,
    firstDate: truth.startDate,
    lastDate: truth.endDate,
    observations: market.observations.length,
    events: market.events.length,
    counts: counts ?? { inserted: 0, revised: 0, unchanged: 0 },
    datasets,
    truth,
  };
}
