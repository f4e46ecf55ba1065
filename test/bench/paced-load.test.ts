// The benchmark's open-loop load generator against a local server with known delays: it sends the
// asked number of requests, and charges a request the time it waited behind a slow one (latency from
// its due time), which a closed-loop client would hide.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pacedLoad, quantile } from '../../bench/paced-load.js';

let server: http.Server;
let base: string;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    // /slow-first: the first request of a run stalls 300 ms; /delay: every answer takes 15 ms.
    const stall = req.url === '/slow-first/0' ? 300 : req.url?.startsWith('/delay') ? 15 : 0;
    setTimeout(() => res.end('ok'), stall);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([quantile(sorted, 0.5), quantile(sorted, 0.99), quantile(sorted, 0.1)]).toEqual([5, 10, 1]);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('pacedLoad', () => {
  it('sends rate × seconds requests with the paths asked, and times a server that answers in 15 ms at ≥ 15 ms', async () => {
    seen.length = 0;
    const r = await pacedLoad({ base, path: (i) => `/delay/${i}`, rate: 50, seconds: 1, connections: 4 });
    expect(r.total).toBe(50);
    expect([r.non200, r.errors]).toEqual([0, 0]);
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    expect(r.p50).toBeGreaterThanOrEqual(15);
  });

  it('charges the requests queued behind a stalled one on a single connection for their wait', async () => {
    const r = await pacedLoad({ base, path: (i) => `/slow-first/${i}`, rate: 50, seconds: 1, connections: 1 });
    expect(r.total).toBe(50);
    // Requests due during the 300 ms stall wait for the connection: ~15 of 50 answer ≥ 100 ms late.
    expect(r.p99).toBeGreaterThanOrEqual(250);
    expect(r.max).toBeGreaterThanOrEqual(300);
    expect(r.p50).toBeLessThan(300);
  });
});
