// An open-loop load generator for the API benchmark: request i is due at start + i / rate, spread
// evenly (autocannon's rate limit instead sends each second's quota back to back, so its latencies
// measure waiting behind its own burst), over `connections` kept-alive connections. Each latency runs
// from the request's due time to the end of its answer, so a server that falls behind is charged for
// the wait (no coordinated omission).
import http from 'node:http';

export interface PacedLoadOptions {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  readonly base: string;
  /** The path of request i. */
  readonly path: (i: number) => string;
  /** Requests per second. */
  readonly rate: number;
  readonly seconds: number;
  /** Kept-alive connections (a request waits for a free one: that wait counts in its latency). */
  readonly connections: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface PacedLoadResult {
  /** Requests sent and answered (any status). */
  readonly total: number;
  /** Answers other than 200, and connection errors. */
  readonly non200: number;
  readonly errors: number;
  /** Latency quantiles in ms, from each request's due time. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Answered requests per second over the run. */
  readonly perSecond: number;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const { base, path, rate, seconds, connections } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non200 = 0;
  let errors = 0;
  const count = Math.round(rate * seconds);
  const start = performance.now();
  const request = (i: number, due: number): Promise<void> =>
    new Promise((done) => {
      const req = http.get(`${base}${path(i)}`, { agent, headers: options.headers }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if (res.statusCode !== 200) non200 += 1;
          done();
        });
      });
      req.on('error', () => {
        errors += 1;
        done();
      });
    });
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(request(i, due));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    total: latencies.length + errors,
    non200,
    errors,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    perSecond: (latencies.length - non200) / elapsed,
  };
}
