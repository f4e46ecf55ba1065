// supersededSpans: the as-of dates at which a read returns a version that a later one replaced.
// Checked against the store's own reads: on every date of a range, the read differs from the latest
// data exactly inside a span.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/dates.js';
import type { MarketEvent } from '../../../src/domain/events.js';
import type { Observation } from '../../../src/domain/observation.js';
import { openDuckDbStore } from '../../../src/store/duckdb/duckdb-store.js';

const flow = (date: string, value: number, knownAt: string): Observation => ({
  dataset: 'etf-flows',
  field: 'netFlowUsd',
  asset: 'BTC',
  key: 'IBIT',
  date,
  value,
  knownAt,
});
const snapshot = (observedAt: string, observations: Observation[], events: MarketEvent[] = []) => ({
  provenance: { source: 'farside', origin: `snap-${observedAt}`, observedAt },
  observations,
  events,
});
const event = (title: string, knownAt: string): MarketEvent => ({
  id: 'msci-2026',
  date: '2026-01-15',
  kind: 'index',
  title,
  sourceUrl: 'https://example.org/msci',
  instruments: ['MSTR'],
  knownAt,
});

describe('supersededSpans', () => {
  it('is empty when nothing was revised', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([snapshot('2026-01-06T03:00:00.000Z', [flow('2026-01-05', 1e6, '2026-01-06T02:00:00.000Z')])]);
    expect(await store.supersededSpans()).toEqual([]);
    await store.close();
  });

  it('spans the days an earlier version is visible, for observations and events, matching the reads', async () => {
    const store = await openDuckDbStore(':memory:');
    await store.ingest([
      snapshot(
        '2026-01-06T03:00:00.000Z',
        [flow('2026-01-05', 1e6, '2026-01-06T02:00:00.000Z'), flow('2026-01-06', 5e6, '2026-01-07T02:00:00.000Z')],
        [event('MSCI consultation', '2026-01-02T12:00:00.000Z')],
      ),
    ]);
    // 2026-01-05 restated on 2026-01-09 (14:00 UTC) and again on 2026-01-12; the event revised on 2026-01-10.
    await store.ingest([snapshot('2026-01-09T14:00:00.000Z', [flow('2026-01-05', 2e6, '2026-01-06T02:00:00.000Z')])]);
    await store.ingest([snapshot('2026-01-12T00:00:00.000Z', [flow('2026-01-05', 3e6, '2026-01-06T02:00:00.000Z')])]);
    await store.ingest([
      {
        provenance: { source: 'calendar', origin: 'events-v2', observedAt: '2026-01-10T08:00:00.000Z' },
        observations: [],
        events: [event('MSCI decision date moved', '2026-01-10T08:00:00.000Z')],
      },
    ]);
    const spans = await store.supersededSpans();
    expect(spans).toEqual([
      { from: '2026-01-02', until: '2026-01-10' }, // the event: first version known 01-02, second 01-10
      { from: '2026-01-06', until: '2026-01-09' }, // the flow: visible from 01-06, restated 01-09
      { from: '2026-01-09', until: '2026-01-12' }, // the restatement, replaced by the latest version 01-12
    ]);
    const latestFlows = JSON.stringify((await store.read({ dataset: 'etf-flows' })).map((o) => [o.date, o.value]));
    const latestEvents = await store.readEvents();
    const inSpan = (d: string): boolean => spans.some((s) => s.from <= d && d < s.until);
    for (let d = '2026-01-01'; d <= '2026-01-20'; d = addDays(d, 1)) {
      // A read as of d that includes every date up to it: different from the latest data only inside a span.
      const flows = (await store.read({ dataset: 'etf-flows', asOf: d })).map((o) => [o.date, o.value]);
      const fullFlows = JSON.parse(latestFlows) as [string, number][];
      const flowsStale = flows.some(([date, value]) => fullFlows.find(([f]) => f === date)?.[1] !== value);
      const events = await store.readEvents({ asOf: d });
      const eventStale = events.some((e) => e.title !== latestEvents.find((l) => l.id === e.id)?.title);
      expect({ d, stale: flowsStale || eventStale }).toEqual({ d, stale: inSpan(d) });
    }
    await store.close();
  });
});
