import { importFiles } from './src/sources/import-files.js';
import { openDuckDbStore } from './src/store/duckdb/duckdb-store.js';
import { sliceMarketSeries } from './src/domain/slice-market-series.js';
import { loadMarketSeries } from './src/store/market-series-loader.js';
import { loadShippedEvents } from './src/sources/events/shipped-calendar.js';
import { todayUtc, addDays } from './src/domain/dates.js';
import { isDeepStrictEqual } from 'node:util';
const store = await openDuckDbStore('/tmp/sl/real.duckdb');
if ((await store.countRows()) === 0) await importFiles(store, ['../shared/data']);
const shippedEvents = loadShippedEvents();
for (const asset of ['BTC', 'ETH'] as const) {
  const today = todayUtc();
  const full = await loadMarketSeries(store, { asset, asOf: today, shippedEvents, cache: false });
  console.log(asset, 'spot from', full.spot[0]?.date, 'n', full.spot.length, 'flows', full.etfFlows.length);
  let bad = 0, n = 0;
  for (let d = '2024-01-05'; d < today; d = addDays(d, 23)) {
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
