// A failed DNS lookup is recognised in every shape it comes in, is never retried, and a host that did
// not resolve is not looked up again in the same run.
import { describe, expect, it } from 'vitest';
import { describeDnsFailure, dnsFailure } from '../../../src/sources/live/dns-failure.js';
import { HttpClient } from '../../../src/sources/live/http-client.js';
import { SourceError } from '../../../src/sources/errors.js';

describe('dnsFailure', () => {
  it("reads fetch's error (code on the cause), ccxt's message and an error wrapped twice", () => {
    const fetchError = new TypeError('fetch failed', {
      cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.example.invalid'), {
        code: 'ENOTFOUND',
        hostname: 'api.example.invalid',
      }),
    });
    expect(dnsFailure(fetchError)).toEqual({ code: 'ENOTFOUND', hostname: 'api.example.invalid' });
    expect(
      dnsFailure(
        new Error('binance GET https://api.binance.com/x fetch failed: getaddrinfo EAI_AGAIN api.binance.com'),
      ),
    ).toEqual({ code: 'EAI_AGAIN', hostname: 'api.binance.com' });
    expect(dnsFailure(new SourceError('quotes: failed', 'quotes', { cause: fetchError }))?.hostname).toBe(
      'api.example.invalid',
    );
  });

  it('is null for other network errors and non-errors', () => {
    expect(dnsFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toBe(
      null,
    );
    expect(dnsFailure(new Error('HTTP 503'))).toBe(null);
    expect(dnsFailure('ENOTFOUND')).toBe(null);
    expect(dnsFailure(null)).toBe(null);
  });

  it('describes itself in one line', () => {
    expect(describeDnsFailure({ code: 'ENOTFOUND', hostname: null }, 'farside.co.uk')).toBe(
      'cannot resolve farside.co.uk (ENOTFOUND: no such host — offline, or a wrong endpoint?)',
    );
  });
});

describe('HttpClient and a host that does not resolve', () => {
  it('tries once (no retries), then fails later requests to the host without a lookup', async () => {
    const sleeps: number[] = [];
    const http = new HttpClient({
      retry: { attempts: 4, baseDelayMs: 500, sleep: async (ms) => void sleeps.push(ms) },
    });
    const url = 'http://quotes.tidemark-test.invalid/v8/finance/chart/IBIT';
    await expect(http.getText(url, { source: 'quotes', hint: 'Check the quotes endpoint.' })).rejects.toThrow(
      'quotes: GET http://quotes.tidemark-test.invalid/v8/finance/chart/IBIT: cannot resolve quotes.tidemark-test.invalid (ENOTFOUND: no such host — offline, or a wrong endpoint?). Check the quotes endpoint.',
    );
    expect(http.requests).toBe(1);
    expect(sleeps).toEqual([]);
    await expect(
      http.getText('http://quotes.tidemark-test.invalid/v8/finance/chart/FBTC', { source: 'quotes' }),
    ).rejects.toThrow(/cannot resolve quotes\.tidemark-test\.invalid/);
    expect(http.requests).toBe(1);
  });
});
