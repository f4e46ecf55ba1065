// The real server for the browser tests: buildServer (src/server) over an in-memory DuckDB store
// filled by the seeded simulator, analysing with the lead's analyzeStore. Returns null when any of
// those modules cannot be loaded or the simulation fails, so the tests fall back to the fixtures.
import type { RunningServer } from './fixture-server.js';

/** Last simulated day; the server's clock is pinned to it so "latest" has data. */
export const SIM_END_DATE = '2026-03-31';

/** Starts the real fastify server over a simulated store, or null when it is not available. */
export async function startRealServer(
  webRoot: string,
  options: { years?: number } = {},
): Promise<RunningServer | null> {
  let modules;
  try {
    modules = await Promise.all([
      import('../../../src/store/duckdb/duckdb-store.js'),
      import('../../../src/sim/simulate.js'),
      import('../../../src/server/build-server.js'),
      import('../../../src/phase/analyze.js'),
      import('../../../src/store/market-series-loader.js'),
    ]);
  } catch (error) {
    console.warn(`real-server: falling back to fixtures, a module failed to load: ${String(error)}`);
    return null;
  }
  const [{ openDuckDbStore }, { writeSimulatedDataset }, { buildServer }, { analyzeStore }, { loadMarketSeries }] =
    modules;
  const store = await openDuckDbStore(':memory:');
  try {
    await writeSimulatedDataset(store, {
      seed: 42,
      ...(options.years ? { years: options.years } : {}),
      endDate: SIM_END_DATE,
    });
    const app = buildServer({
      store,
      analyze: (s, o) => analyzeStore(s, o),
      loadSeries: (s, o) => loadMarketSeries(s, o),
      webRoot,
      now: () => new Date(`${SIM_END_DATE}T23:00:00Z`),
    });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      url: url.replace('localhost', '127.0.0.1'),
      kind: 'real',
      close: async () => {
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    console.warn(`real-server: falling back to fixtures, the real server failed to start: ${String(error)}`);
    await store.close();
    return null;
  }
}
