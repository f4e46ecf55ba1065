// The compiled CLI for the whole-process benchmarks: `node bin/tidemark.js …` runs dist/ when it is at
// least as new as src/, else the TypeScript sources through tsx (slower to start and to run), so a
// benchmark builds first when src/ changed since the last build, and measures what users run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The `tidemark` binary as users run it. */
export const BIN = join(ROOT, 'bin', 'tidemark.js');

/** Whether any .ts file under src/ (the CLI's sources; src/web is the browser's) is newer than the compiled entry point. */
export function distStale(): boolean {
  const main = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(main)) return true;
  const built = statSync(main).mtimeMs;
  const walk = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory()
        ? e.name !== 'web' && walk(join(dir, e.name))
        : e.name.endsWith('.ts') && statSync(join(dir, e.name)).mtimeMs > built,
    );
  return walk(join(ROOT, 'src'));
}

/** Runs `npm run build` when dist/ is missing or older than src/ (progress on stderr). */
export function ensureBuilt(): void {
  if (!distStale()) return;
  process.stderr.write('dist/ is missing or older than src/: npm run build …\n');
  const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}
