// File layouts for vendor CSV exports (CryptoQuant, Artemis, TradingView).
import type { FileLayout } from './layout.js';

export const VENDOR_CSV_LAYOUTS: readonly FileLayout[] = [];
