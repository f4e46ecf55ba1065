// When each input becomes public to the sell-off classifier, and the visible-window reads.
import { describe, expect, it } from 'vitest';
import {
  lastVisibleBar,
  lastVisibleOnOrBefore,
  selloffContext,
  visibleInWindow,
  visibleOn,
} from '../../src/signals/selloff-context.js';
import { barsFromCloses, daily } from '../helpers/market-series.js';

describe('visibleOn', () => {
  it('is the knownAt date, never before the item date, the item date without knownAt', () => {
    expect(visibleOn('2025-11-03', '2025-11-03T21:00:00.000Z')).toBe('2025-11-03');
    expect(visibleOn('2025-11-03', '2025-11-04T01:00:00.000Z')).toBe('2025-11-04');
    expect(visibleOn('2025-11-03', '2025-11-01T00:00:00.000Z')).toBe('2025-11-03');
    expect(visibleOn('2025-11-03', undefined)).toBe('2025-11-03');
  });
});

describe('visible series reads', () => {
  const series = {
    items: daily('2025-11-01', [1, 2, 3, 4]),
    // the third value is published late, on 11-06
    visibleOn: ['2025-11-01', '2025-11-02', '2025-11-06', '2025-11-04'],
  };

  it('takes the last item on or before a date that is public by asOf', () => {
    expect(lastVisibleOnOrBefore(series, '2025-11-03', '2025-11-05')!.value).toBe(2);
    expect(lastVisibleOnOrBefore(series, '2025-11-03', '2025-11-06')!.value).toBe(3);
    expect(lastVisibleOnOrBefore(series, '2025-10-31', '2025-11-06')).toBeNull();
  });

  it('takes the items in (from, to] public by asOf', () => {
    expect(visibleInWindow(series, '2025-11-01', '2025-11-04', '2025-11-05').map((x) => x.value)).toEqual([2, 4]);
    expect(visibleInWindow(series, '2025-11-01', '2025-11-04', '2025-11-06').map((x) => x.value)).toEqual([2, 3, 4]);
  });
});

describe('selloffContext', () => {
  it('finds the last spot bar public as of a date', () => {
    const ctx = selloffContext({
      spot: barsFromCloses('2025-11-01', [100, 101, 102]),
      openInterestUsd: [],
      longLiquidationsUsd: [],
      cot: [],
      etfFlows: [],
      etfAumUsd: [],
      etfHoldingsCoins: [],
    });
    expect(lastVisibleBar(ctx, '2025-10-31')).toBe(-1);
    expect(lastVisibleBar(ctx, '2025-11-02')).toBe(1);
    expect(lastVisibleBar(ctx, '2026-01-01')).toBe(2);
  });
});
