// Test runs. `npm test` (default mode): every test/**/*.test.ts except the slow set. `npm run test:slow`
// (--mode slow): only the slow set, test/**/*.slow.test.ts — simulator scoring and whole-history
// replays. `--mode all`: both (the CI fresh-clone guard lists and runs across everything).
// `npm run check` runs the default and the slow set, so CI still runs every test.
import { defineConfig } from 'vitest/config';

const SLOW = 'test/**/*.slow.test.ts';

export default defineConfig(({ mode }) => ({
  test: {
    include: mode === 'slow' ? [SLOW] : ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**', ...(mode === 'slow' || mode === 'all' ? [] : [SLOW])],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
}));
