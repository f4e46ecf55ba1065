// File layouts for saved web pages (Farside's HTML flow table).
import type { FileLayout } from './layout.js';

export const HTML_LAYOUTS: readonly FileLayout[] = [];
