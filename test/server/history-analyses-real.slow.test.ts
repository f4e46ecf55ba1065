// The analysis workers' reading (history-analyses.ts: facts read by index from inputs built once with
// the sell-off records, sections from the slice) against analyzeSeries on the history sliced to the
// date — the single-date analysis a load at that date gives — on the real shared data, every fifth
// day of 2025-01-01 … 2026-09-30 (the benchmark's range and the months after the restated span) for
// BTC and ETH, each on the history of the spot source a load at the date would choose. Dates where a
// since-restated value was visible are answered from another history (analysis-engine.test.ts checks
// those on the simulator). Skipped when ../shared/data is absent.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/domain/dates.js';
import type { MarketSeries } from '../../src/domain/market-series.js';
import { sliceMarketSeries } from '../../src/domain/slice-market-series.js';
import { analyzeSeries } from '../../src/phase/analyze.js';
import { inSpans } from '../../src/server/analysis-histories.js';
import { HistoryAnalyses } from '../../src/server/history-analyses.js';
import { SpotSourceTimeline } from '../../src/server/spot-source-timeline.js';
import { importFiles } from '../../src/sources/import-files.js';
import { loadShippedEvents } from '../../src/sources/events/shipped-calendar.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import type { AsOfSpan, Store } from '../../src/store/store.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

describe.skipIf(!existsSync(SHARED_DATA_DIR))('worker analyses vs single-date analyses on the real data', () => {
  let store: Store;
  let spans: AsOfSpan[];
  const today = todayUtc();
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
    await importFiles(store, [SHARED_DATA_DIR]);
    spans = await store.supersededSpans();
  }, 300_000);

  for (const asset of ['BTC', 'ETH'] as const)
    it(`${asset}: the same JSON on every fifth day of 2025-01-01 … 2026-09-30`, async () => {
      const timeline = await SpotSourceTimeline.read(store, asset, today);
      const held = new Map<string, HistoryAnalyses>();
      const sources = new Set<string>();
      let compared = 0;
      for (let day = 0; addDays('2025-01-01', day) <= '2026-09-30'; day += 5) {
        const asOf = addDays('2025-01-01', day);
        if (inSpans(spans, asOf)) continue;
        const spotSource = timeline.sourceAt(asOf) ?? null;
        let history = held.get(String(spotSource));
        if (history === undefined) {
          const full: MarketSeries = await loadMarketSeries(store, {
            asset,
            asOf: today,
            shippedEvents: loadShippedEvents(),
            cache: false,
            ...(spotSource !== null ? { spotSource } : {}),
          });
          held.set(String(spotSource), (history = new HistoryAnalyses(full)));
        }
        const { spotSource: _held, ...sliced } = sliceMarketSeries(history.full, asOf);
        const direct = JSON.stringify(analyzeSeries(spotSource === null ? sliced : { ...sliced, spotSource }));
        const read = JSON.stringify(history.at(asOf, spotSource));
        expect({ asset, asOf, same: read === direct }).toEqual({ asset, asOf, same: true });
        compared += 1;
        sources.add(String(spotSource));
      }
      expect(compared).toBeGreaterThan(80);
      if (asset === 'BTC') expect(sources.size).toBe(2); // both sides of the spot-source switch
    }, 600_000);
});
