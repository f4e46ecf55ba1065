import { openDuckDbStore } from '/work/wt/server-load/src/store/duckdb/duckdb-store.js';
import { sliceMarketSeries } from '/work/wt/server-load/src/domain/slice-market-series.js';
import { loadMarketSeries } from '/work/wt/server-load/src/store/market-series-loader.js';
import { loadShippedEvents } from '/work/wt/server-load/src/sources/events/shipped-calendar.js';
import { addDays } from '/work/wt/server-load/src/domain/dates.js';
import { isDeepStrictEqual } from 'node:util';
const store = await openDuckDbStore('/tmp/sl/real.duckdb', { mode: 'read' } as any);
const shippedEvents = loadShippedEvents();
const today = '2026-07-01';
for (const asset of ['BTC', 'ETH'] as const) {
  const full = await loadMarketSeries(store, { asset, asOf: today, shippedEvents, cache: false });
  let bad = 0, n = 0;
  for (let d = asset === 'BTC' ? '2010-01-01' : '2015-06-01'; d < today; d = addDays(d, d < '2024-01-01' ? 30 : 5)) {
    n++;
    const loaded = await loadMarketSeries(store, { asset, asOf: d, shippedEvents, cache: false });
    const sliced = sliceMarketSeries(full, d);
    if (!isDeepStrictEqual(sliced, loaded)) {
      bad++;
      const diffs = Object.keys(loaded).filter((k) => !isDeepStrictEqual((sliced as any)[k], (loaded as any)[k]));
      console.log(asset, d, 'differs in', diffs.map((k) => `${k}(${(sliced as any)[k]?.length}/${(loaded as any)[k]?.length})`).join(' '));
    }
  }
  console.log(asset, 'bad', bad, 'of', n);
}
await store.close();
