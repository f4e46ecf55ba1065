// File layouts for JSON caches (Farside, Binance, CFTC, CoinGecko), the generic long CSV and the events calendar.
import { binanceDerivativesJsonCache } from './caches/binance-derivatives-json.js';
import { cftcCotJsonCache } from './caches/cftc-cot-json.js';
import { coingeckoOhlcvJson } from './caches/coingecko-ohlcv-json.js';
import { farsideJsonCache } from './caches/farside-json.js';
import { eventsCalendarCsv } from './events/events-csv.js';
import { eventsCalendarJson } from './events/events-json.js';
import { genericLongCsv } from './generic/generic-long-csv.js';
import type { FileLayout } from './layout.js';

export const CACHE_LAYOUTS: readonly FileLayout[] = [
  farsideJsonCache,
  binanceDerivativesJsonCache,
  cftcCotJsonCache,
  coingeckoOhlcvJson,
  genericLongCsv,
  eventsCalendarCsv,
  eventsCalendarJson,
];
