// The registry of file layouts `tidemark import` recognises, in detection order (most specific
// first). Each group lives with its importers; add a layout to its group's file.
import { farsideDailyCsv } from './farside/farside-csv.js';
import type { FileLayout } from './layout.js';
import { CACHE_LAYOUTS } from './layouts-caches.js';
import { HTML_LAYOUTS } from './layouts-html.js';
import { VENDOR_CSV_LAYOUTS } from './layouts-vendor-csv.js';

export const FILE_LAYOUTS: readonly FileLayout[] = [
  farsideDailyCsv,
  ...HTML_LAYOUTS,
  ...CACHE_LAYOUTS,
  ...VENDOR_CSV_LAYOUTS,
];
