// Browser tests: the dashboard in headless Debian Chromium against a server on 127.0.0.1.
// One fork, one file at a time, long timeouts (the first run builds web-dist with Vite).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
