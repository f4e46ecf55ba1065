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

function waitForOutput(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  pattern: RegExp,
  what: string,
): Promise<string> {
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

/** Runs CLI commands in-process in one node process, printing their results as JSON. */
const CLI_BATCH = `
import { runCli } from './src/cli/main.ts';
const commands = JSON.parse(process.argv[1]);
const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
const results = [];
for (const args of commands) {
  let stdout = '';
  let stderr = '';
  process.stdout.write = (chunk) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk) => ((stderr += String(chunk)), true);
  const code = await runCli(['node', 'tidemark', ...args]);
  process.stdout.write = write.out;
  process.stderr.write = write.err;
  results.push({ code, stdout, stderr });
}
write.out(JSON.stringify(results));
`;

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs each of `commands` (tidemark arguments) in one separate node process, inside a private
 * mount namespace where `dir` is mounted read-only (see canMountReadOnly).
 */
export function runTidemarkOnReadOnlyDir(dir: string, commands: readonly (readonly string[])[]): CliResult[] {
  const q = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
  const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', CLI_BATCH, JSON.stringify(commands)];
  const script = `mount --bind ${q(dir)} ${q(dir)} && mount -o remount,bind,ro ${q(dir)} && exec ${node.map(q).join(' ')}`;
  const out = spawnSync('unshare', ['-rm', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (out.status !== 0) throw new Error(`read-only run failed (${out.status}): ${out.stderr}`);
  return JSON.parse(out.stdout) as CliResult[];
}
