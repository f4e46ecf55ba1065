// The registry of file layouts `tidemark import` recognises, in detection order (most specific
// first). Add a layout here when you add an importer.
import { farsideDailyCsv } from './farside/farside-csv.js';
import type { FileLayout } from './layout.js';

export const FILE_LAYOUTS: readonly FileLayout[] = [farsideDailyCsv];
