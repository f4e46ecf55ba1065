// The default rules replayed over the real 2025-09 → 2026-02 BTC data (skipped without ../shared/data):
// the alerts a desk would have had at the moments checked by hand in docs/alerts.md — the 10 Oct 2025
// liquidation cascade (known on the 11th), the November turn to one-way ETF outflows, the COT report
// late after the US government shutdown, Strategy's mNAV below 1 — each on its as-of date.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { replayAlerts } from '../../src/alerts/alert-replay.js';
import { loadConfig } from '../../src/alerts/config/load-config.js';
import type { PlannedAlert } from '../../src/alerts/evaluate-rules.js';
import { HISTORY_DAYS } from '../../src/alerts/rules/rule.js';
import { daysBetween } from '../../src/domain/dates.js';
import { ANALYSIS_WINDOW_DAYS } from '../../src/domain/market-series.js';
import { loadShippedEvents } from '../../src/sources/events/shipped-calendar.js';
import { importFiles } from '../../src/sources/import-files.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { loadMarketSeries } from '../../src/store/market-series-loader.js';
import { SHARED_DATA_DIR } from '../helpers/shared-data-dir.js';

const FROM = '2025-09-01';
const TO = '2026-02-28';

describe.skipIf(!existsSync(SHARED_DATA_DIR))('default alert rules over the real 2025-09 → 2026-02 data', () => {
  let planned: PlannedAlert[];
  beforeAll(async () => {
    const store = await openDuckDbStore(':memory:');
    await importFiles(store, [SHARED_DATA_DIR]);
    const full = await loadMarketSeries(store, {
      asset: 'BTC',
      asOf: TO,
      shippedEvents: loadShippedEvents(),
      lookbackDays: ANALYSIS_WINDOW_DAYS + HISTORY_DAYS + daysBetween(FROM, TO) + 1,
    });
    await store.close();
    // The built-in defaults only: no file, no environment.
    const empty = mkdtempSync(join(tmpdir(), 'tidemark-replay-'));
    const config = loadConfig({ env: {}, cwd: empty });
    rmSync(empty, { recursive: true, force: true });
    planned = await replayAlerts(full, { rules: config.rules, from: FROM, to: TO });
  }, 300_000);

  const sent = (rule: string, asOf: string): PlannedAlert | undefined =>
    planned.find((p) => p.alert.rule === rule && p.alert.asOf === asOf && p.status === 'queued');

  it('the 10 Oct 2025 cascade: a liquidation spike as of the 11th (≥ 10× the median), then the perps wave', () => {
    const spike = sent('liquidation-spike', '2025-10-11');
    expect(spike?.alert.title).toMatch(/liquidations, multiple of median \d+\.\d+×/);
    const multiple = Number(/(\d+\.\d+)×/.exec(spike!.alert.title)![1]);
    expect(multiple).toBeGreaterThanOrEqual(10);
    expect(sent('waves', '2025-10-12')?.alert.title).toBe('BTC: de-risking wave in perpetual futures confirmed');
  });

  it('the November turn: trend-decline firm, ETF flows one-way out and the ETF wave confirmed', () => {
    expect(sent('phase-flip', '2025-11-01')?.alert.title).toMatch(/^BTC: phase now trend decline/);
    expect(sent('flow-regime', '2025-11-06')?.alert.title).toBe('BTC: ETF flows now one-way outflow');
    expect(sent('waves', '2025-11-06')?.alert.title).toBe('BTC: de-risking wave in spot ETFs confirmed');
  });

  it('inputs that really went late, and Strategy below its coins', () => {
    expect(sent('stale-input', '2025-11-20')?.alert.title).toBe('BTC: stale input — CFTC positioning');
    expect(sent('mnav-below-one', '2026-01-01')?.alert.title).toMatch(/Strategy mNAV 0\.9\d+×/);
    // The repeat on 10 Jan is held back by the 14-day cooldown, not sent.
    const repeat = planned.find((p) => p.alert.rule === 'mnav-below-one' && p.alert.asOf === '2026-01-10');
    expect(repeat?.status).toBe('suppressed');
  });

  it('every alert carries its numbers and key; the volume stays about one every three days', () => {
    const queued = planned.filter((p) => p.status === 'queued');
    for (const p of queued) {
      expect(p.alert.key).toBe(`${p.alert.rule}|BTC|${p.alert.asOf}`);
      expect(p.alert.evidence.length + p.alert.reasons.length).toBeGreaterThan(0);
    }
    expect(queued.length).toBeGreaterThan(30);
    expect(queued.length).toBeLessThan(90);
  });
});
