import { describe, expect, it } from 'vitest';
import { pageByTime, type PageRequest } from '../../../src/sources/live/page-by-time.js';
import { dailyFundingRate8h, dailyOpenInterest, dedupeByTimestamp } from '../../../src/sources/live/perp-daily.js';
import { TokenBucket } from '../../../src/sources/live/rate-limiter.js';
import { backoffDelayMs, isRetryableStatus, withRetry } from '../../../src/sources/live/retry.js';

const H = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');

describe('pageByTime', () => {
  const items = Array.from({ length: 10 }, (_, i) => ({ timestamp: T0 + i * 8 * H, n: i }));

  it('splits full pages, works newest-first, and de-duplicates overlapping pages', async () => {
    const calls: PageRequest[] = [];
    const got = await pageByTime(
      async (req) => {
        calls.push(req);
        // Newest first, capped at the limit, plus a stray duplicate of the window's first item.
        const inWin = items
          .filter((x) => x.timestamp >= req.since && x.timestamp <= req.until)
          .reverse()
          .slice(0, req.limit);
        return inWin.length > 0 ? [...inWin, inWin.at(-1)!] : [];
      },
      { from: T0, to: T0 + 80 * H, limit: 3, periodMs: 8 * H },
    );
    expect(got.map((x) => x.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(calls.length).toBeGreaterThan(4); // 4 windows of 3 periods, full ones split
  });

  it('ignores items outside the requested window', async () => {
    const got = await pageByTime(async () => [{ timestamp: T0 - 1 }, { timestamp: T0 }], {
      from: T0,
      to: T0 + 8 * H,
      limit: 5,
      periodMs: 8 * H,
    });
    expect(got).toEqual([{ timestamp: T0 }]);
  });
});

describe('daily aggregation', () => {
  it('normalises hourly funding to per 8h: 24 × 0.00001 → 0.00008', () => {
    const events = Array.from({ length: 24 }, (_, i) => ({ timestamp: T0 + i * H, fundingRate: 0.00001 }));
    expect(dailyFundingRate8h(events, '2026-01-10').get('2026-01-05')).toBeCloseTo(0.00008, 12);
  });

  it('8-hourly funding: the mean; a data hole keeps the last interval; days ≥ today dropped', () => {
    const events = [
      { timestamp: T0, fundingRate: 0.0001 },
      { timestamp: T0 + 8 * H, fundingRate: 0.0003 },
      // 2026-01-06 missing entirely (a 40 h hole): still an 8 h settlement.
      { timestamp: T0 + 48 * H, fundingRate: -0.0002 },
      { timestamp: T0 + 5 * 24 * H, fundingRate: 0.5 },
    ];
    const daily = dailyFundingRate8h(events, '2026-01-10');
    expect(daily.get('2026-01-05')).toBeCloseTo(0.0002, 12);
    expect(daily.get('2026-01-07')).toBeCloseTo(-0.0002, 12);
    expect(daily.has('2026-01-10')).toBe(false);
  });

  it('OI snapshot at 00:00 of D+1 closes D; the last snapshot of a day wins', () => {
    const oi = dailyOpenInterest(
      [
        { timestamp: T0 + 24 * H, usd: 10 },
        { timestamp: T0 + 12 * H, usd: 5 },
      ],
      '2026-01-10',
    );
    expect([...oi].map(([d, p]) => [d, p.usd])).toEqual([['2026-01-05', 10]]);
  });

  it('dedupeByTimestamp keeps the first of equal timestamps', () => {
    expect(
      dedupeByTimestamp([
        { timestamp: 2, v: 'a' },
        { timestamp: 1, v: 'b' },
        { timestamp: 2, v: 'c' },
      ]),
    ).toEqual([
      { timestamp: 1, v: 'b' },
      { timestamp: 2, v: 'a' },
    ]);
  });
});

describe('retry and rate limit', () => {
  it('retryable statuses', () => {
    expect([408, 425, 429, 500, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404].some(isRetryableStatus)).toBe(false);
  });

  it('backoff doubles and is capped (jitter fixed at the middle)', () => {
    const mid = (): number => 0.5;
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(n, { baseDelayMs: 100, maxDelayMs: 1000 }, mid))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });

  it('withRetry stops at once on a non-retryable error and after N attempts otherwise', async () => {
    const delays: number[] = [];
    const sleep = async (ms: number): Promise<void> => void delays.push(ms);
    let n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw new Error('fatal');
        },
        () => ({ retryable: false }),
        { sleep },
      ),
    ).rejects.toThrow('fatal');
    expect(n).toBe(1);
    n = 0;
    await expect(
      withRetry(
        async () => {
          n++;
          throw new Error('busy');
        },
        () => ({ retryable: true }),
        { attempts: 4, baseDelayMs: 10, sleep },
      ),
    ).rejects.toThrow('busy');
    expect(n).toBe(4);
    expect(delays).toHaveLength(3);
  });

  it('token bucket: a burst passes, then one token per 1/rate seconds', async () => {
    let now = 0;
    const slept: number[] = [];
    const bucket = new TokenBucket(
      { ratePerSecond: 2, burst: 2 },
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 4; i++) await bucket.take();
    expect(slept).toEqual([500, 500]);
  });
});
