// File layouts for JSON caches (Farside, Binance, CFTC, CoinGecko), the generic long CSV and the events calendar.
import type { FileLayout } from './layout.js';

export const CACHE_LAYOUTS: readonly FileLayout[] = [];
