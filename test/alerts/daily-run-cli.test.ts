// The daily cycle end to end through the CLI, against local fixtures and receivers on 127.0.0.1:
// `tidemark run` killed with SIGKILL between sending an alert and recording it, then run again —
// every alert reaches every sink and, de-duplicated on the key as a receiver does, none twice (the
// JSON-lines sink holds each exactly once); `tidemark watch --once` import → analyse → note → deliver;
// `--dry-run` sends and stores nothing; `alerts list` and `alerts test`; config errors name file:line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/alerts/alert.js';
import { verifySignature } from '../../src/alerts/sinks/webhook-signature.js';
import { openDuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { tidemark } from '../helpers/run-cli.js';
import { COT_DATASET_PATH } from '../../src/sources/live/cftc-cot.js';
import { fixture, startFixtureServer } from '../helpers/fixture-server.js';
import { binanceRoutes } from '../helpers/venue-routes.js';
import { startHttpReceiver, type HttpReceiver } from '../helpers/alert-receivers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'bin/tidemark.js');
const FIXTURES = resolve(ROOT, 'test/fixtures/caches');
const SECRET = 'whsec-cli-test-secret-42';
const AS_OF = '2026-01-06';

let dir: string;
let hook: HttpReceiver;

function writeConfig(name: string, extra = ''): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    [
      'assets: [BTC]',
      'sync:',
      '  sources: []',
      `watchFolders: [${JSON.stringify(FIXTURES)}]`,
      'notes:',
      '  dir: notes',
      '  formats: [md]',
      'delivery:',
      '  maxAttempts: 3',
      '  backoffSeconds: 0.05',
      '  waitSeconds: 5',
      'rules:',
      '  every-day:',
      // Fires on every analysis, with a call or without one (the fixtures' price is stale at most dates).
      '    when: asset == BTC',
      'sinks:',
      '  hook:',
      '    type: webhook',
      `    url: ${hook.url}/hook`,
      '  file:',
      '    type: jsonl',
      '    path: alerts.jsonl',
      extra,
    ].join('\n'),
  );
  return path;
}

/** The keys the webhook receiver saw (each request's Idempotency-Key), signatures checked. */
function hookKeys(): string[] {
  return hook.requests.map((r) => {
    const ts = Number(r.headers['x-tidemark-timestamp']);
    expect(verifySignature(SECRET, r.body, ts, String(r.headers['x-tidemark-signature']))).toBe(true);
    return String(r.headers['idempotency-key']);
  });
}

function jsonlKeys(): string[] {
  const path = join(dir, 'alerts.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as Alert).key);
}

async function outboxState(db: string): Promise<{ key: string; sink: string; status: string }[]> {
  const store = await openDuckDbStore(db, { mode: 'read' });
  try {
    const listed = await store.alertOutbox().list({ limit: 1000 });
    return listed.flatMap((a) => a.deliveries.map((d) => ({ key: a.key, sink: d.sink, status: d.status })));
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tidemark-alerts-cli-'));
  hook = await startHttpReceiver();
  process.env['TIDEMARK_SINK_HOOK_SECRET'] = SECRET;
});

afterAll(async () => {
  delete process.env['TIDEMARK_SINK_HOOK_SECRET'];
  await hook.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('tidemark run, watch and alerts against local fixtures', () => {
  it('killed (SIGKILL) between sending and recording, then run again: every alert delivered, none twice per sink', async () => {
    const config = writeConfig('crash.yaml');
    const db = join(dir, 'crash.duckdb');
    hook.requests.length = 0;
    const child = spawn(process.execPath, [BIN, 'run', '--config', config, '--db', db, '--as-of', AS_OF], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TIDEMARK_SINK_HOOK_SECRET: SECRET },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
    // The first alert reaches the receiver; Tidemark is killed before the answer, so before it can record it.
    hook.answer = () => 'hold';
    hook.onRequest = () => child.kill('SIGKILL');
    expect(await exited, stderr).toBe('SIGKILL');
    hook.onRequest = null;
    hook.answer = () => ({ status: 200 });
    const sentBeforeCrash = hookKeys();
    expect(sentBeforeCrash).toHaveLength(1);
    const before = await outboxState(db);
    expect(before.find((d) => d.key === sentBeforeCrash[0] && d.sink === 'hook')?.status).toBe('sending');

    const rerun = await tidemark('run', '--config', config, '--db', db, '--as-of', AS_OF);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain('already in the outbox (not queued again)');

    const after = await outboxState(db);
    const keys = [...new Set(after.map((d) => d.key))].sort();
    expect(keys).toContain(`every-day|BTC|${AS_OF}`);
    expect(after.every((d) => d.status === 'delivered')).toBe(true);
    expect(after).toHaveLength(keys.length * 2);
    // What the receivers saw: the webhook every key, the one cut off twice (same key: a receiver drops
    // the repeat), every other key once; the JSON-lines file every key exactly once.
    const seen = hookKeys();
    expect([...new Set(seen)].sort()).toEqual(keys);
    expect(seen.filter((k) => k === sentBeforeCrash[0])).toHaveLength(2);
    expect(seen).toHaveLength(keys.length + 1);
    expect(jsonlKeys().sort()).toEqual(keys);

    // A third run of the same day sends nothing anywhere.
    const third = await tidemark('run', '--config', config, '--db', db, '--as-of', AS_OF);
    expect(third.code, third.stderr).toBe(0);
    expect(hookKeys()).toHaveLength(keys.length + 1);
    expect(jsonlKeys()).toHaveLength(keys.length);

    const list = await tidemark('alerts', 'list', '--config', config, '--db', db);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`${AS_OF}  BTC`);
    expect(list.stdout).toMatch(
      /every-day .*hook delivered \(2 attempts\), file delivered|file delivered, hook delivered/,
    );
  }, 180_000);

  it('watch --once: imports the watched folder, analyses, writes the note, delivers alerts that link it', async () => {
    const config = writeConfig('watch.yaml');
    const db = join(dir, 'watch.duckdb');
    hook.requests.length = 0;
    const result = await tidemark('watch', '--once', '--config', config, '--db', db);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('import:');
    expect(result.stdout).toMatch(/import: 4 file\(s\), \d+ row\(s\)/);
    // As of today every fixture input is stale: no call, and the note and alerts still go out.
    expect(result.stdout).toMatch(/BTC: ((trend-decline|bottoming|uptrend|topping) \(\d+%\)|no call); note /);
    const notes = readdirSync(join(dir, 'notes')).filter((f) => f.endsWith('.md'));
    expect(notes.length).toBeGreaterThan(0);
    const bodies = hook.requests.map((r) => (JSON.parse(r.body) as { alert: Alert }).alert);
    const everyDay = bodies.find((a) => a.rule === 'every-day');
    expect(everyDay?.note.path).toMatch(/notes\/.*\.md$/);
    expect(existsSync(everyDay!.note.path!)).toBe(true);
    expect(everyDay!.evidence.length).toBeGreaterThan(0);
  }, 120_000);

  it('watch --once syncs the sources that answer (local fixture servers), reports the one that does not, goes on', async () => {
    const farsideHtml = readFileSync(resolve(ROOT, 'test/fixtures/farside-html/btc-all-data.html'), 'utf8');
    const venues = await startFixtureServer({
      '/bitcoin-etf-flow-all-data/': () => ({ body: farsideHtml }),
      [COT_DATASET_PATH]: () => ({ body: fixture('cftc-tff-bitcoin.json') }),
      ...binanceRoutes(),
    });
    const down = await startHttpReceiver();
    const downUrl = down.url;
    await down.close();
    try {
      const config = writeConfig('sync.yaml');
      writeFileSync(
        config,
        readFileSync(config, 'utf8')
          .replace(`watchFolders: [${JSON.stringify(FIXTURES)}]`, 'watchFolders: []')
          .replace(
            'sync:\n  sources: []',
            [
              'lateRetry:',
              '  forMinutes: 0',
              'sync:',
              '  sources: [farside, binance, cftc, okx]',
              '  retries: 1',
              '  endpoints:',
              `    farside: ${venues.url}`,
              `    binance: ${venues.url}`,
              `    cftc: ${venues.url}`,
              `    okx: ${downUrl}`,
            ].join('\n'),
          ),
      );
      const db = join(dir, 'sync.duckdb');
      hook.requests.length = 0;
      const result = await tidemark('watch', '--once', '--config', config, '--db', db);
      expect(result.stdout).toMatch(/sync farside: ok/);
      expect(result.stdout).toMatch(/sync binance: ok/);
      expect(result.stdout).toMatch(/sync cftc: ok/);
      expect(result.stdout).toMatch(/sync okx: failed/);
      expect(result.stdout).toMatch(/warning: sync okx: /);
      expect(result.stdout).toMatch(/BTC: ((trend-decline|bottoming|uptrend|topping) \(\d+%\)|no call)/);
      expect(result.code, result.stderr).toBe(0);
      expect(hook.requests.length).toBeGreaterThan(0);
    } finally {
      await venues.close();
    }
  }, 120_000);

  it('--dry-run shows what would be sent and sends and stores nothing', async () => {
    const config = writeConfig('dry.yaml');
    const db = join(dir, 'crash.duckdb');
    const before = (await outboxState(db)).length;
    hook.requests.length = 0;
    const result = await tidemark('run', '--dry-run', '--config', config, '--db', db, '--as-of', '2026-01-05');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Tidemark dry run as of 2026-01-05');
    expect(result.stdout).toContain('alert every-day: BTC: asset');
    expect(result.stdout).toContain('would go to hook, file');
    expect(result.stdout).toContain('| Key: every-day|BTC|2026-01-05');
    expect(hook.requests).toHaveLength(0);
    expect(await outboxState(db)).toHaveLength(before);
  }, 120_000);

  it('alerts test sends a marked test message to each sink', async () => {
    const config = writeConfig('test.yaml');
    hook.requests.length = 0;
    const result = await tidemark('alerts', 'test', '--config', config, '--sink', 'hook');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ok\s+hook \(webhook at 127\.0\.0\.1:\d+\)/);
    const body = JSON.parse(hook.requests[0]!.body) as { alert: Alert };
    expect(body.alert.test).toBe(true);
  });

  it('config errors name the file, line, key and value; a secret in the file is refused without being shown', async () => {
    const config = writeConfig(
      'bad.yaml',
      ['  desk:', '    type: slack', '    url: https://hooks.slack.test/services/T0/B0/SECRETPART'].join('\n'),
    );
    writeFileSync(config, readFileSync(config, 'utf8').replace('maxAttempts: 3', 'maxAttempts: zero'));
    const result = await tidemark('run', '--config', config, '--db', join(dir, 'none.duckdb'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:9 delivery\.maxAttempts: .*"zero"/);
    expect(result.stderr).toMatch(
      /bad\.yaml:\d+ sinks\.desk\.url: a Slack webhook URL is a secret .*TIDEMARK_SINK_DESK_URL/,
    );
    expect(result.stderr).not.toContain('SECRETPART');
  });
});
