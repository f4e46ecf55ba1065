// Every option of tidemark.yaml can also be set by environment variable or flag. The variable's name
// follows from the key (`delivery.maxAttempts` → TIDEMARK_DELIVERY_MAX_ATTEMPTS); values are read as
// YAML scalars, lists as comma-separated text (TIDEMARK_ASSETS=BTC,ETH), quiet hours as "22:00-07:00"
// (or "none"), rules and sinks as YAML or JSON text merged over the file's entries of the same name.
// Precedence: flag > environment > file > default.
import { parse as parseYaml } from 'yaml';

/** The options settable by environment variable (the keys of configSchema, leaves first). */
export const ENV_OPTION_PATHS = [
  'db',
  'assets',
  'schedule',
  'timezone',
  'lateRetry.everyMinutes',
  'lateRetry.forMinutes',
  'sync.sources',
  'sync.retries',
  'watchFolders',
  'notes.dir',
  'notes.formats',
  'notes.baseUrl',
  'delivery.maxAttempts',
  'delivery.backoffSeconds',
  'delivery.backoffMaxSeconds',
  'delivery.timeoutSeconds',
  'delivery.waitSeconds',
  'quietHours',
  'rules',
  'sinks',
] as const;

/** Options whose value is a list (comma-separated in the environment). */
const LIST_OPTIONS = new Set(['assets', 'sync.sources', 'watchFolders', 'notes.formats']);
/** Options whose "none" means null (turned off). */
const NULLABLE_OPTIONS = new Set(['notes.dir', 'notes.baseUrl']);
/** Options that are maps merged entry by entry over the file's. */
export const MAP_OPTIONS = new Set(['rules', 'sinks']);

/** The environment variable of an option path: delivery.maxAttempts → TIDEMARK_DELIVERY_MAX_ATTEMPTS. */
export function envNameOf(path: string): string {
  return `TIDEMARK_${path
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase())
    .join('_')}`;
}

/** Reads an option's text (from the environment or a flag) as the value the schema checks. */
export function parseOptionText(path: string, text: string): unknown {
  if (path === 'quietHours') {
    const t = text.trim().toLowerCase();
    if (t === '' || t === 'none' || t === 'off' || t === 'null') return null;
    const [from, to] = text.split('-').map((s) => s.trim());
    return { from, to };
  }
  if (MAP_OPTIONS.has(path)) return parseYaml(text) as unknown;
  if (NULLABLE_OPTIONS.has(path) && text.trim().toLowerCase() === 'none') return null;
  const value = text.trim() === '' ? '' : (parseYaml(text) as unknown);
  if (LIST_OPTIONS.has(path) && !Array.isArray(value))
    return String(text)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return value;
}
