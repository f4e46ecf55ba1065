#!/usr/bin/env node
// Entry point for the `tidemark` binary. Runs the compiled CLI in dist/ (built by `npm ci` through
// the `prepare` script, or `npm run build`) when it is fresh: its main module — the bundle
// dist/bundle/cli/main.js (bin/bundle-cli.js), else tsc's dist/cli/main.js — exists and is at least
// as new as every .ts file under src/ (src/web/ is the browser bundle, not part of the CLI, except
// src/web/build.ts). Otherwise — no build yet, or sources edited since — it runs the TypeScript
// sources through tsx, which works but starts ~20× slower; TIDEMARK_FROM_SOURCE=1 forces that.
// `--version` alone is answered here from package.json (no scan, no CLI loaded).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundledMain = join(root, 'dist', 'bundle', 'cli', 'main.js');
const compiledMain = existsSync(bundledMain) ? bundledMain : join(root, 'dist', 'cli', 'main.js');

/** Whether any compiled source under `dir` was modified after `builtMs`. */
function sourceNewerThan(dir, builtMs) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (
        path === join(root, 'src', 'web')
          ? statSync(join(path, 'build.ts')).mtimeMs > builtMs
          : sourceNewerThan(path, builtMs)
      )
        return true;
    } else if (entry.name.endsWith('.ts') && statSync(path).mtimeMs > builtMs) return true;
  }
  return false;
}

/** Why dist/ cannot be used, or null when it can. */
function staleReason() {
  if (process.env.TIDEMARK_FROM_SOURCE === '1') return 'TIDEMARK_FROM_SOURCE=1';
  if (!existsSync(compiledMain)) return 'no build in dist/';
  return sourceNewerThan(join(root, 'src'), statSync(compiledMain).mtimeMs)
    ? 'src/ changed after the last build'
    : null;
}

// `tidemark --version` alone: package.json's version (the one dist/ and src/ print too, checked by
// test/cli/commands.test.ts), without the freshness scan of src/ or loading the CLI.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
  process.exit(0);
}

const reason = staleReason();
if (reason === null) {
  const { runFromProcess } = await import(pathToFileURL(compiledMain).href);
  await runFromProcess();
} else {
  if (process.stderr.isTTY && reason !== 'TIDEMARK_FROM_SOURCE=1')
    process.stderr.write(
      `tidemark: ${reason}; running the TypeScript sources (slow start; \`npm run build\` fixes it)\n`,
    );
  const { register } = await import('tsx/esm/api');
  register();
  const { runFromProcess } = await import(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href);
  await runFromProcess();
}
