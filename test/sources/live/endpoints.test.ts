import { describe, expect, it } from 'vitest';
import { pointApiAt } from '../../../src/sources/live/ccxt-venues.js';
import { DEFAULT_ENDPOINTS, resolveEndpoints } from '../../../src/sources/live/endpoints.js';

describe('resolveEndpoints', () => {
  it('option beats TIDEMARK_<NAME>_URL beats the default; trailing slash dropped', () => {
    const env = { TIDEMARK_CFTC_URL: 'http://127.0.0.1:9/', TIDEMARK_QUOTES_URL: 'http://127.0.0.1:8' };
    const e = resolveEndpoints({ quotes: 'http://127.0.0.1:7/' }, env);
    expect(e.cftc).toBe('http://127.0.0.1:9');
    expect(e.quotes).toBe('http://127.0.0.1:7');
    expect(e.farside).toBe(DEFAULT_ENDPOINTS.farside);
    expect(e.binance).toBeUndefined();
  });

  it('rejects unknown names and non-http URLs', () => {
    expect(() => resolveEndpoints({ nasdaq: 'http://x' }, {})).toThrowError(/unknown endpoint "nasdaq"/);
    expect(() => resolveEndpoints({ cftc: 'file:///etc' }, {})).toThrowError(/not an http\(s\) URL/);
  });
});

describe('pointApiAt', () => {
  it('replaces scheme and host of every REST URL, keeping paths and templates', () => {
    const api = {
      public: 'https://api.{hostname}/v5',
      fapi: { data: 'https://fapi.binance.com/futures/data' },
      ws: 'wss://stream.x',
    };
    expect(pointApiAt(api, 'http://127.0.0.1:1')).toEqual({
      public: 'http://127.0.0.1:1/v5',
      fapi: { data: 'http://127.0.0.1:1/futures/data' },
      ws: 'wss://stream.x',
    });
  });
});
