// Daily bars of US-listed instruments (the spot ETFs themselves, MSTR, equity ETFs) from a public
// quote API in Yahoo's v8 chart JSON format: chart.result[0].timestamp[] (seconds) with
// indicators.quote[0].{open,high,low,close,volume}[] → `equity` (asset EQUITY, key = ticker).
import { dateToMs, isIsoDate, msToDate } from '../../domain/dates.js';
import { usCloseKnownAt } from '../../domain/known-at.js';
import type { Observation } from '../../domain/observation.js';
import { SourceError } from '../errors.js';
import { eachPart, incrementalStart, type Connector, type ConnectorResult, type SyncContext } from './connector.js';

/** Tickers synced by default: BTC and ETH spot ETFs, MSTR, broad equity ETFs. */
export const DEFAULT_QUOTE_TICKERS = [
  'IBIT',
  'FBTC',
  'GBTC',
  'ARKB',
  'BITB',
  'ETHA',
  'FETH',
  'ETHE',
  'MSTR',
  'SPY',
  'VT',
  'QQQ',
] as const;

const QUOTE_FIELDS = [
  ['open', 'open'],
  ['high', 'high'],
  ['low', 'low'],
  ['close', 'close'],
  ['volume', 'volumeShares'],
] as const;

/**
 * Reads one chart response into `equity` observations for `ticker`. The bar's date is the
 * exchange-local date of its timestamp (timestamp + meta.gmtoffset). Null entries (no trade, or a
 * half-filled row) are skipped field by field; bars not closed by `now` (16:00 New York) are
 * dropped. A bar with a timestamp or value that is not a finite number is skipped whole and named
 * in `problems` when given (else thrown as a SourceError). Throws SourceError naming the URL when
 * chart.error is set or the shape is not a chart.
 */
export function chartObservations(
  body: unknown,
  ticker: string,
  url: string,
  now: Date,
  problems?: string[],
): Observation[] {
  const chart = (body as { chart?: { result?: unknown; error?: unknown } } | null)?.chart;
  if (chart?.error) throw new SourceError(`quotes: ${url}: chart.error ${JSON.stringify(chart.error)}`, 'quotes');
  const result = Array.isArray(chart?.result) ? (chart.result[0] as Record<string, unknown> | undefined) : undefined;
  if (!result) throw new SourceError(`quotes: ${url}: expected chart.result[0] (Yahoo v8 chart format)`, 'quotes');
  const timestamps = (result['timestamp'] ?? []) as unknown[];
  const quote = ((result['indicators'] as { quote?: unknown[] } | undefined)?.quote?.[0] ?? null) as Record<
    string,
    unknown[]
  > | null;
  if (!Array.isArray(timestamps) || (timestamps.length > 0 && !quote)) {
    throw new SourceError(`quotes: ${url}: expected chart.result[0].timestamp[] and indicators.quote[0]`, 'quotes');
  }
  const gmtoffset = Number((result['meta'] as Record<string, unknown> | undefined)?.['gmtoffset'] ?? -18000);
  const nowIso = now.toISOString();
  const out: Observation[] = [];
  const seen = new Set<string>();
  const problem = (message: string): void => {
    if (!problems) throw new SourceError(message, 'quotes');
    problems.push(message);
  };
  timestamps.forEach((t, i) => {
    const ms = typeof t === 'number' ? (t + (Number.isFinite(gmtoffset) ? gmtoffset : 0)) * 1000 : NaN;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
      return problem(`quotes: ${url}: timestamp[${i}] is ${JSON.stringify(t)}, expected seconds`);
    const date = msToDate(ms);
    if (!isIsoDate(date)) return problem(`quotes: ${url}: timestamp[${i}] is ${JSON.stringify(t)}, out of range`);
    const knownAt = usCloseKnownAt(date);
    if (knownAt > nowIso || seen.has(date)) return;
    seen.add(date);
    const bar: Observation[] = [];
    for (const [column, field] of QUOTE_FIELDS) {
      const v = quote?.[column]?.[i];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v))
        return problem(
          `quotes: ${url}: ${column}[${i}] (${date}) is ${JSON.stringify(v)}, expected a number; bar skipped`,
        );
      bar.push({ dataset: 'equity', field, asset: 'EQUITY', key: ticker, date, value: v, knownAt });
    }
    out.push(...bar);
  });
  return out;
}

/** The chart URL of `ticker` for daily bars from `from` (00:00 UTC) to `now`. */
export function chartUrl(base: string, ticker: string, from: string, now: Date): string {
  const period1 = Math.floor(dateToMs(from) / 1000);
  const period2 = Math.floor(now.getTime() / 1000);
  return `${base}/v8/finance/chart/${encodeURIComponent(ticker)}?period1=${period1}&period2=${period2}&interval=1d&events=history`;
}

/** The quotes connector for `tickers` (default DEFAULT_QUOTE_TICKERS). */
export function quotesConnector(tickers: readonly string[] = DEFAULT_QUOTE_TICKERS): Connector {
  return {
    name: 'quotes',
    description: `daily bars of ${tickers.join(', ')} (Yahoo v8 chart format)`,
    async run(context: SyncContext): Promise<ConnectorResult> {
      const base = context.endpoints.quotes;
      if (!base) throw new SourceError('quotes: no endpoint configured', 'quotes');
      const result = { batches: [] as ConnectorResult['batches'], warnings: [] as string[], failures: [] as string[] };
      await eachPart(
        tickers,
        async (ticker, i) => {
          context.progress?.(i, tickers.length, `quotes ${ticker}`);
          const from = await incrementalStart(
            context,
            { dataset: 'equity', asset: 'EQUITY', key: ticker, source: 'quotes' },
            { restateDays: 3, defaultStart: '2024-01-01' },
          );
          const url = chartUrl(base, ticker, from, context.now);
          const body = await context.http.getJson(url, {
            source: 'quotes',
            hint: `Check the ticker "${ticker}" and the quotes endpoint.`,
          });
          const observations = chartObservations(body, ticker, url, context.now, result.warnings);
          if (observations.length === 0) result.warnings.push(`quotes: ${ticker}: no closed daily bars since ${from}`);
          result.batches.push({
            provenance: { source: 'quotes', origin: url.split('?')[0]!, observedAt: context.now.toISOString() },
            observations,
          });
        },
        result.failures,
      );
      context.progress?.(tickers.length, tickers.length, 'quotes');
      return result;
    },
  };
}
