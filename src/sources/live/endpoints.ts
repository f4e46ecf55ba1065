// Base URLs of the live sources, overridable per run (option, `--endpoint name=url`, or the
// environment variable TIDEMARK_<NAME>_URL) so that tests and mirrors can point them elsewhere.

/** The connectors `tidemark sync` knows, in the order it runs them. */
export const SOURCE_NAMES = ['farside', 'binance', 'bybit', 'okx', 'cftc', 'quotes'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Default base URLs. The ccxt venues use ccxt's own URLs unless overridden. */
export const DEFAULT_ENDPOINTS: Readonly<Record<SourceName, string | undefined>> = {
  farside: 'https://farside.co.uk',
  binance: undefined,
  bybit: undefined,
  okx: undefined,
  cftc: 'https://publicreporting.cftc.gov',
  quotes: 'https://query1.finance.yahoo.com',
};

export type Endpoints = Readonly<Record<SourceName, string | undefined>>;

/** True when `name` is a source `tidemark sync` knows. */
export function isSourceName(name: string): name is SourceName {
  return (SOURCE_NAMES as readonly string[]).includes(name);
}

/**
 * The base URL per source: `overrides` first, then TIDEMARK_<NAME>_URL from `env`, then the
 * default. A trailing slash is removed. Throws RangeError on an unknown name or a non-http(s) URL.
 */
export function resolveEndpoints(
  overrides: Readonly<Record<string, string>> = {},
  env: NodeJS.ProcessEnv = process.env,
): Endpoints {
  for (const name of Object.keys(overrides)) {
    if (!isSourceName(name)) throw new RangeError(`unknown endpoint "${name}" (known: ${SOURCE_NAMES.join(', ')})`);
  }
  const out = {} as Record<SourceName, string | undefined>;
  for (const name of SOURCE_NAMES) {
    const raw = overrides[name] ?? env[`TIDEMARK_${name.toUpperCase()}_URL`] ?? DEFAULT_ENDPOINTS[name];
    if (raw !== undefined && !/^https?:\/\/[^/]+/.test(raw))
      throw new RangeError(`endpoint ${name}: "${raw}" is not an http(s) URL`);
    out[name] = raw?.replace(/\/+$/, '');
  }
  return out;
}
