// Starts the server the browser tests drive: the fixture server over web-dist (built first with
// ensureWebBuild). See real-server.ts for the real fastify server over a simulated store.
import { ensureWebBuild } from '../../../src/web/build.js';
import { startFixtureServer, type RunningServer } from './fixture-server.js';
import { startRealServer } from './real-server.js';

export type { RunningServer } from './fixture-server.js';

/**
 * Builds the dashboard if needed and starts a server on 127.0.0.1 (port 0). Uses the real server
 * with simulated data when it can be started (TIDEMARK_BROWSER_SERVER=fixture forces the fixtures).
 */
export async function startDashboardServer(): Promise<RunningServer> {
  const webRoot = await ensureWebBuild();
  if (process.env['TIDEMARK_BROWSER_SERVER'] !== 'fixture') {
    const real = await startRealServer(webRoot);
    if (real) return real;
  }
  return startFixtureServer(webRoot);
}
