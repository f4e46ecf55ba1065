// File layouts for vendor CSV exports (CryptoQuant, Artemis, TradingView). Each is detected from
// its header plus its file name (vendors name exports by metric or symbol).
import { artemisAumCsv } from './artemis/artemis-aum-csv.js';
import { artemisExchangeOiCsv } from './artemis/artemis-exchange-oi-csv.js';
import { artemisMonthlyFlowsCsv, artemisWeeklyFlowsCsv } from './artemis/artemis-flows-csv.js';
import { artemisTreasuryCsv } from './artemis/artemis-treasury-csv.js';
import { cryptoQuantMetricCsv } from './cryptoquant/cryptoquant-metric-csv.js';
import { cryptoQuantPriceCsv } from './cryptoquant/cryptoquant-price-csv.js';
import type { FileLayout } from './layout.js';
import { tradingViewCsv } from './tradingview/tradingview-csv.js';

export const VENDOR_CSV_LAYOUTS: readonly FileLayout[] = [
  cryptoQuantMetricCsv,
  cryptoQuantPriceCsv,
  artemisAumCsv,
  artemisWeeklyFlowsCsv,
  artemisMonthlyFlowsCsv,
  artemisExchangeOiCsv,
  artemisTreasuryCsv,
  tradingViewCsv,
];
