// The sell-off classifier on the well-known crypto crashes since 2018, on the real data in
// ../shared/data or TIDEMARK_SHARED_DATA (skipped when it is absent). It prints the table documented in docs/liquidity.md
// and pins the readings there, so a change to the classifier that changes a reading must update the
// doc too. Facts about the market (volume rose, CFTC total OI barely moved in November 2025, long
// liquidations spiked) are asserted as such; the labels are the classifier's, not the truth — where
// they disagree with the published post-mortems the doc says so.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedAsset } from '../../../src/domain/assets.js';
import { addDays } from '../../../src/domain/dates.js';
import type { CostMeasureName } from '../../../src/signals/selloff-cost.js';
import {
  selloffAsOf,
  selloffHistory,
  type SelloffAsOf,
  type SelloffRecord,
} from '../../../src/signals/selloff-history.js';
import { importFiles } from '../../../src/sources/import-files.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../../src/store/market-series-loader.js';
import { SHARED_DATA_DIR } from '../../helpers/shared-data-dir.js';

const SHARED = SHARED_DATA_DIR;

/** Crash, the day it peaked, and the classifier's reading documented in docs/liquidity.md (BTC, ETH). */
const CRASHES = [
  {
    name: '2018-11 BCH hash-war sell-off',
    date: '2018-11-19',
    btc: 'position-rebalancing',
    eth: 'position-rebalancing',
  },
  { name: '2020-03-12 Black Thursday', date: '2020-03-12', btc: 'position-rebalancing', eth: 'liquidity-failure' },
  { name: '2021-05-19 leverage flush', date: '2021-05-19', btc: 'liquidity-failure', eth: 'liquidity-failure' },
  { name: '2022-05 Terra/LUNA', date: '2022-05-09', btc: 'liquidity-failure', eth: 'liquidity-failure' },
  { name: '2022-06 Celsius/3AC', date: '2022-06-13', btc: 'liquidity-failure', eth: 'liquidity-failure' },
  { name: '2022-11 FTX', date: '2022-11-08', btc: 'liquidity-failure', eth: 'position-rebalancing' },
  { name: '2024-08-05 yen-carry unwind', date: '2024-08-05', btc: 'position-rebalancing', eth: 'position-rebalancing' },
  {
    name: '2025-10-10 liquidation cascade',
    date: '2025-10-10',
    btc: 'position-rebalancing',
    eth: 'position-rebalancing',
  },
  { name: '2025-11 leg of the decline', date: '2025-11-14', btc: 'position-rebalancing', eth: 'position-rebalancing' },
  { name: '2026-02 leg of the decline', date: '2026-02-05', btc: 'position-rebalancing', eth: 'position-rebalancing' },
] as const;

const SHORT: Record<CostMeasureName, string> = { amihud: 'Amihud', abdiRanaldo: 'AR', corwinSchultz: 'CS' };

/** The episode whose fall (peak, low + 3 days] contains `date`, in its final reading. */
function episodeAt(history: readonly SelloffRecord[], date: string): { record: SelloffRecord; s: SelloffAsOf } | null {
  for (const record of history) {
    const s = selloffAsOf(record, '9999-12-31')!;
    if (record.start < date && date <= addDays(s.end, 3)) return { record, s };
  }
  return null;
}

function cell(found: { record: SelloffRecord; s: SelloffAsOf } | null): string {
  if (found === null) return 'not detected';
  const { record, s } = found;
  const costs = (['amihud', 'abdiRanaldo', 'corwinSchultz'] as const)
    .map((k) => {
      const w = s.measures[k].worst;
      return w === null
        ? `${SHORT[k]} –`
        : `${SHORT[k]} p${(w.percentile * 100).toFixed(1)} z${w.robustZ?.toFixed(1) ?? '–'}`;
    })
    .join(', ');
  const m = s.measures;
  const pct = (x: number | null): string => (x === null ? '–' : `${x > 0 ? '+' : ''}${x.toFixed(1)}%`);
  const revision = record.revisedOn !== null ? ` (revised ${record.revisedOn})` : '';
  return (
    `${s.start}→${s.end} ${s.drawdownPct.toFixed(1)}%, classified ${record.classifiedOn} ${record.initialType}${revision} → **${s.type}**; ` +
    `${costs}; long liq ${m.longLiquidationsMultiple === null ? '–' : `${m.longLiquidationsMultiple.toFixed(0)}×`} median; ` +
    `perp OI coins ${pct(m.perpOiCoinsChangePct)}, CFTC OI ${pct(m.cftcOiChangePct)}; volume ${m.dollarVolumeRatio?.toFixed(2) ?? '–'}× baseline`
  );
}

describe.skipIf(!existsSync(SHARED))('the sell-off classifier on the well-known crashes (real data)', () => {
  const histories = new Map<AnalysedAsset, SelloffRecord[]>();
  beforeAll(async () => {
    const store = await openDuckDbStore(':memory:');
    await importFiles(store, [SHARED]);
    for (const asset of ['BTC', 'ETH'] as const) {
      const m = await loadMarketSeries(store, { asset, asOf: '2026-04-12', lookbackDays: 4000, cache: false });
      histories.set(asset, selloffHistory(m));
    }
  }, 300_000);

  it('prints the crash table and reads each crash as documented', () => {
    const lines = ['| crash | BTC | ETH |', '|---|---|---|'];
    for (const c of CRASHES) {
      const btc = episodeAt(histories.get('BTC')!, c.date);
      const eth = episodeAt(histories.get('ETH')!, c.date);
      lines.push(`| ${c.name} | ${cell(btc)} | ${cell(eth)} |`);
      expect(btc, `${c.name}: BTC episode`).not.toBeNull();
      expect(eth, `${c.name}: ETH episode`).not.toBeNull();
      expect([c.name, btc!.s.type, eth!.s.type]).toEqual([c.name, c.btc, c.eth]);
      // point in time: classified within days of the crash, from data public by then
      expect(btc!.record.classifiedOn <= addDays(c.date, 5)).toBe(true);
    }
    console.log(lines.join('\n'));
  });

  it('volume rose and long liquidations spiked in most crashes: neither separates failure from rebalancing', () => {
    const found = CRASHES.map((c) => episodeAt(histories.get('BTC')!, c.date)!.s.measures);
    const volumeUp = found.filter((m) => (m.dollarVolumeRatio ?? 0) > 1).length;
    const forced = found.filter((m) => (m.longLiquidationsMultiple ?? 0) >= 5).length;
    console.log(
      `BTC crashes with volume above its baseline median: ${volumeUp}/${found.length}; long liquidations ≥ 5× median: ${forced}/${found.length}`,
    );
    expect(volumeUp).toBeGreaterThanOrEqual(7);
    expect(forced).toBeGreaterThanOrEqual(7);
  });

  it('November 2025: CFTC total OI moved ~1 %, where front-month OI fell by half at the roll', () => {
    const nov = episodeAt(histories.get('BTC')!, '2025-11-14')!.s.measures;
    expect(nov.cftcReports!.from).toBe('2025-11-10');
    expect(Math.abs(nov.cftcOiChangePct!)).toBeLessThan(5);
  });
});
