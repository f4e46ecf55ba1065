// Lint: typescript-eslint (no `any`, explicit types at module boundaries, no unused names), import hygiene
// (no cycles, no duplicates, no default exports) and the layers of src/ enforced as import restrictions.
// The layer table below is the architecture (docs/architecture.md explains it); a folder may import only
// itself and the folders it lists. Tests, bench and config files are outside the layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

/** Each folder of src/ and the folders it may import (besides itself). Bottom first. */
const LAYERS = {
  format: [], // leaf: numbers, money, dates as people read them; imports nothing (browser-safe)
  domain: ['format'], // types, zod schemas, calendars, the fund catalog, the label table (labels/), pure series slicing
  store: ['domain', 'format'], // the Store interface and DuckDB; never a source, never a signal
  sources: ['domain', 'format', 'store'], // importers and connectors write through the Store interface
  signals: ['domain', 'format'], // pure: no store, no network
  phase: ['domain', 'format', 'signals'], // the judgment (analyze.ts also loads: see the exception below)
  sim: ['domain', 'format', 'signals', 'sources', 'store'], // a data producer, like a source
  backtest: ['domain', 'format', 'signals', 'phase'],
  'track-record': ['domain', 'format', 'signals', 'phase', 'backtest'],
  alerts: ['domain', 'format', 'signals', 'phase', 'store', 'sources', 'sim', 'backtest', 'track-record'],
  report: ['domain', 'format', 'signals', 'phase', 'store', 'sources', 'sim', 'backtest', 'track-record', 'alerts'],
  server: [
    'domain',
    'format',
    'signals',
    'phase',
    'store',
    'sources',
    'sim',
    'backtest',
    'track-record',
    'alerts',
    'report',
  ],
  web: ['domain', 'format'], // the browser bundle
  cli: [
    'domain',
    'format',
    'signals',
    'phase',
    'store',
    'sources',
    'sim',
    'backtest',
    'track-record',
    'alerts',
    'report',
    'server',
    'web',
  ],
};

/**
 * Files allowed one edge more than their folder, each with its reason. Keep this list short.
 * phase/analyze.ts is the entry point of the judgment (analyzeStore): it loads the market series from the
 * store and the shipped events calendar from sources/events, then runs the pure signals and rules.
 * track-record/load-track-record.ts likewise loads the history it replays.
 */
const EXCEPTIONS = {
  'src/phase/analyze.ts': ['store', 'sources'],
  // The track record's entry point: loads the whole history from the store, then replays and scores.
  'src/track-record/load-track-record.ts': ['store'],
  // The backtest's entry point likewise: loads the whole history from the store, then replays.
  'src/backtest/load-backtest.ts': ['store'],
};

const ALL = Object.keys(LAYERS);

/**
 * The no-restricted-paths zones: for each folder, one zone per folder it may not import. A file named in
 * EXCEPTIONS is left out of its folder's zone for the edges it is allowed (an extglob on the file name).
 */
function layerZones() {
  return ALL.flatMap((folder) => {
    const allowed = LAYERS[folder];
    const message = `layers: src/${folder}/ may import only ${allowed.join(', ') || 'nothing'} (eslint.config.js LAYERS).`;
    return ALL.filter((other) => other !== folder && !allowed.includes(other)).map((other) => {
      const excepted = Object.entries(EXCEPTIONS)
        .filter(([file, edges]) => file.startsWith(`src/${folder}/`) && edges.includes(other))
        .map(([file]) => file.slice(file.lastIndexOf('/') + 1, -'.ts'.length));
      const target = excepted.length === 0 ? `./src/${folder}` : `./src/${folder}/**/!(${excepted.join('|')}).ts`;
      return { target, from: `./src/${other}`, message };
    });
  });
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'web-dist/**', 'dist/**', 'data/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js', '.json'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      'import-x/no-unresolved': 'error',
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-default-export': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
    },
  },
  {
    // The leaf and the browser bundle: no Node built-ins (web's build script and Vite config run in Node).
    files: ['src/format/**/*.ts', 'src/domain/**/*.ts', 'src/signals/**/*.ts', 'src/web/**/*.ts'],
    ignores: ['src/web/build.ts', 'src/web/vite.config.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    // One number style: text for people is built by src/format, never by toFixed/toLocaleString elsewhere.
    files: ['src/**/*.ts'],
    ignores: ['src/format/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(toFixed|toLocaleString|toPrecision)$/]',
          message: 'Format numbers for people with src/format (one style, Unicode minus), not toFixed/toLocaleString.',
        },
      ],
    },
  },
  {
    // src/format/ imports nothing at all, not even a package.
    files: ['src/format/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!\\./)', message: 'src/format/ imports nothing.' }] },
      ],
    },
  },
  {
    // Tools' config files must export default.
    files: ['*.config.ts', 'src/web/vite.config.ts', 'eslint.config.js'],
    rules: { 'import-x/no-default-export': 'off' },
  },
  {
    // bin/ is plain JavaScript run by Node.
    files: ['bin/*.js', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
