// Test helpers that make a real second process: one holding a DuckDB file open (read-write, like an
// import, or read-only, like another reader), and the real `tidemark` CLI (bin/tidemark.js).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const TIDEMARK_BIN = resolve(ROOT, 'bin/tidemark.js');

/** Opens `path` with DuckDB (read-write or read-only), says "holding", closes it on SIGTERM. */
const HOLDER = `
import { DuckDBInstance } from '@duckdb/node-api';
const [path, mode] = process.argv.slice(1);
const instance = await DuckDBInstance.create(path, mode === 'read' ? { access_mode: 'READ_ONLY' } : {});
const connection = await instance.connect();
process.on('SIGTERM', () => { connection.closeSync(); instance.closeSync(); process.exit(0); });
process.stdout.write('holding\\n');
setInterval(() => {}, 1000);
`;

export interface OtherProcess {
  readonly pid: number;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

function waitForOutput(child: ChildProcess, stream: 'stdout' | 'stderr', pattern: RegExp, what: string): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`${what}: no ${pattern} within 60 s; got: ${text}`)), 60_000);
    child[stream]!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const m = pattern.exec(text);
      if (m) {
        clearTimeout(timer);
        done(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}) before ${pattern}: ${text}`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.on('exit', () => done());
      child.kill('SIGTERM');
    });
}

/** A second process holding `path` open with DuckDB in `mode` until stopped. */
export async function holdDatabase(path: string, mode: 'read' | 'write'): Promise<OtherProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER, path, mode], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  await waitForOutput(child, 'stdout', /holding/, `DuckDB holder of ${path}`);
  return { pid: child.pid!, stderr: () => stderr, stop: stopper(child) };
}

/** `tidemark serve` as a separate process on a free port; resolves with its base URL once it listens. */
export async function startServe(
  db: string,
  webRoot: string,
  env: Record<string, string> = {},
): Promise<OtherProcess & { url: string }> {
  const child = spawn(process.execPath, [TIDEMARK_BIN, 'serve', '--db', db, '--port', '0', '--web-root', webRoot], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const line = await waitForOutput(child, 'stderr', /serving (http:\/\/[^/\s]+)/, 'tidemark serve');
  const url = /serving (http:\/\/[^/\s]+)/.exec(line)![1]!;
  return { pid: child.pid!, url, stderr: () => stderr, stop: stopper(child) };
}

/** Runs `tidemark ...args` as a separate process to completion. */
export function runTidemark(
  args: readonly string[],
  env: Record<string, string> = {},
): { code: number; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [TIDEMARK_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: out.status ?? -1, stdout: out.stdout, stderr: out.stderr };
}

/**
 * Whether this machine lets a test mount a directory read-only in a private mount namespace
 * (`unshare -rm`): checked once, without touching any file.
 */
export function canMountReadOnly(): boolean {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs none /mnt && mount -o remount,ro /mnt'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return probe.status === 0;
}

/** Runs `tidemark ...args` in a private mount namespace where `dir` is read-only (see canMountReadOnly). */
export function runTidemarkOnReadOnlyDir(
  dir: string,
  args: readonly string[],
): { code: number; stdout: string; stderr: string } {
  const quoted = [TIDEMARK_BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `mount --bind '${dir}' '${dir}' && mount -o remount,bind,ro '${dir}' && exec '${process.execPath}' ${quoted}`;
  const out = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: out.status ?? -1, stdout: out.stdout, stderr: out.stderr };
}
