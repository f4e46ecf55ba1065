// Builds the dashboard on demand: `ensureWebBuild()` runs Vite when web-dist/ is missing or older than
// src/web, so `tidemark serve`, the browser tests and the bench always serve current assets.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository root: two folders up from this file, whether it runs from src/web/ or compiled in dist/web/.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The dashboard's sources (always src/web, also when this file runs compiled from dist/). */
const WEB_SRC = resolve(ROOT, 'src/web');
/** Where the built dashboard lands (repo root /web-dist). */
export const WEB_DIST = resolve(ROOT, 'web-dist');

let pending: Promise<string> | null = null;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** True when web-dist/index.html exists and is newer than every file under src/web. */
export function webBuildIsCurrent(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  return statSync(index).mtimeMs >= newestMtime(WEB_SRC);
}

/**
 * Returns the absolute path of web-dist/, building it first with Vite's JS `build()` when it is
 * missing or older than the sources. Concurrent calls in one process share one build.
 * Options: `force` rebuilds even when current (default false).
 * Throws the Vite error (with its message naming the file) when the build fails.
 */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<string> {
  if (!options.force && webBuildIsCurrent()) return WEB_DIST;
  if (!pending) {
    pending = (async (): Promise<string> => {
      const { build } = await import('vite');
      await build({ configFile: join(WEB_SRC, 'vite.config.ts'), logLevel: 'warn' });
      return WEB_DIST;
    })().finally(() => {
      pending = null;
    });
  }
  return pending;
}
