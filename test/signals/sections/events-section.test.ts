// The events section: event studies of the events known by the as-of date, truncated at it.
import { plantedEtfFlows } from '../../helpers/planted-etf-flows.js';
import { describe, expect, it } from 'vitest';
import { timestampOn } from '../../../src/domain/dates.js';
import type { MarketEvent } from '../../../src/domain/events.js';
import { eventsSection } from '../../../src/signals/sections/events-section.js';
import { emptyFlowsMarketSeries as emptyMarketSeries } from '../../helpers/market-series.js';

describe('eventsSection', () => {
  const event = (id: string, date: string, knownAt: string): MarketEvent => ({
    id,
    date,
    kind: 'market',
    title: id,
    sourceUrl: 'https://example.org/x',
    instruments: ['BTC'],
    knownAt,
  });

  it('studies events known by asOf only, and truncates at asOf', () => {
    const m = emptyMarketSeries({
      asOf: '2025-11-06',
      etfFlows: plantedEtfFlows(),
      events: [
        event('switch-2025-11-03', '2025-11-03', timestampOn('2025-11-03', 0, 21)),
        event('future-2025-11-20', '2025-11-20', timestampOn('2025-11-20')),
        event('early-2025-08-04', '2025-08-04', timestampOn('2025-08-04')),
      ],
    });
    const s = eventsSection(m);
    expect(s.events.map((e) => e.id)).toEqual(['early-2025-08-04', 'switch-2025-11-03']);
    expect(s.events[0]!.study).toBeNull(); // no estimation window before 2025-08-04
    const flow = s.events[1]!.study!.etfNetFlowUsd!;
    expect(flow.truncated).toBe(true);
    expect(flow.abnormal[flow.abnormal.length - 1]!.date).toBe('2025-11-06');
    expect(flow.car).toBeLessThan(0);
    expect(flow.tStat!).toBeLessThan(-2);
    expect(s.events[1]!.study!.spotReturn).toBeNull();
    expect(s.evidence[0]!.text).toMatch(/switch-2025-11-03 \(3 Nov 2025\): abnormal ETF flow −\$\d/);
    expect(s.availability.missing).toEqual(['openInterestUsd', 'spot']);
  });
});
