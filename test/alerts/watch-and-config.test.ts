// `tidemark watch`'s loop on a virtual clock — cycles at the cron times, re-runs every 30 min while a
// source is late and stops after the late window, wakes between cycles for a due delivery retry —
// and the configuration's precedence (flag > environment > file > default) with errors naming the
// variable or flag that set a bad value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/alerts/config/config-error.js';
import { loadConfig } from '../../src/alerts/config/load-config.js';
import { parseCron } from '../../src/alerts/schedule/cron.js';
import { watchLoop } from '../../src/alerts/schedule/watch-loop.js';

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

describe('watch loop', () => {
  it('runs at 02:30, re-runs every 30 min while Farside is late (up to the window), wakes for a due retry', async () => {
    let clock = Date.parse('2026-01-06T12:00:00Z');
    const cycles: string[] = [];
    const deliveries: string[] = [];
    let retryDue: number | null = Date.parse('2026-01-06T18:00:00Z');
    const ran = await watchLoop({
      schedule: parseCron('30 2 * * *'),
      timeZone: 'UTC',
      lateRetry: { everyMinutes: 30, forMinutes: 90 },
      maxCycles: 2,
      now: () => clock,
      sleep: (ms) => {
        clock += ms;
        return Promise.resolve();
      },
      runCycle: () => {
        cycles.push(iso(clock));
        // The first day Farside stays late all morning; the second day it has published.
        const late = clock < Date.parse('2026-01-07T12:00:00Z');
        return Promise.resolve({ waitingFor: late ? ['etf-flows'] : [] });
      },
      deliverDue: () => {
        deliveries.push(iso(clock));
        retryDue = null;
        return Promise.resolve();
      },
      nextDeliveryDue: () => Promise.resolve(retryDue),
    });
    expect(ran).toBe(2);
    expect(deliveries).toEqual(['2026-01-06T18:00']);
    // 02:30, then late re-runs at 03:00, 03:30 and 04:00 (90 min), then the next day's 02:30 only.
    expect(cycles).toEqual([
      '2026-01-07T02:30',
      '2026-01-07T03:00',
      '2026-01-07T03:30',
      '2026-01-07T04:00',
      '2026-01-08T02:30',
    ]);
  });

  it('--once runs now and stops; an abort stops the wait', async () => {
    let clock = Date.parse('2026-01-06T12:00:00Z');
    const cycles: string[] = [];
    const ran = await watchLoop({
      schedule: parseCron('30 2 * * *'),
      timeZone: 'UTC',
      lateRetry: { everyMinutes: 30, forMinutes: 0 },
      once: true,
      now: () => clock,
      sleep: (ms) => {
        clock += ms;
        return Promise.resolve();
      },
      runCycle: () => {
        cycles.push(iso(clock));
        return Promise.resolve({ waitingFor: ['etf-flows'] });
      },
      deliverDue: () => Promise.resolve(),
      nextDeliveryDue: () => Promise.resolve(null),
    });
    expect([ran, cycles]).toEqual([1, ['2026-01-06T12:00']]);
    const stop = new AbortController();
    stop.abort();
    const none = await watchLoop({
      schedule: parseCron('30 2 * * *'),
      timeZone: 'UTC',
      lateRetry: { everyMinutes: 30, forMinutes: 0 },
      signal: stop.signal,
      runCycle: () => Promise.resolve({ waitingFor: [] }),
      deliverDue: () => Promise.resolve(),
      nextDeliveryDue: () => Promise.resolve(null),
    });
    expect(none).toBe(0);
  });
});

describe('configuration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tidemark-config-'));
    writeFileSync(
      join(dir, 'tidemark.yaml'),
      [
        'assets: [ETH]',
        'delivery:',
        '  maxAttempts: 4',
        'sinks:',
        '  log: { type: jsonl, path: out/alerts.jsonl }',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults, then the file, then the environment, then flags; relative paths from the file’s folder', () => {
    const fileOnly = loadConfig({ env: {}, cwd: dir });
    expect(fileOnly.assets).toEqual(['ETH']);
    expect(fileOnly.delivery.maxAttempts).toBe(4);
    expect(fileOnly.delivery.backoffSeconds).toBe(30);
    expect(fileOnly.schedule.text).toBe('30 2 * * *');
    expect(fileOnly.sinks[0]!.settings).toEqual({ type: 'jsonl', path: join(dir, 'out/alerts.jsonl') });
    // Every built-in rule is on by default, sending to every sink.
    expect(fileOnly.rules.map((r) => r.rule.name)).toContain('stale-input');
    expect(fileOnly.rules.every((r) => r.sinks.join() === 'log')).toBe(true);

    const env = {
      TIDEMARK_DELIVERY_MAX_ATTEMPTS: '6',
      TIDEMARK_ASSETS: 'BTC,ETH',
      TIDEMARK_QUIET_HOURS: '22:00-07:00',
    };
    const withEnv = loadConfig({ env, cwd: dir });
    expect([withEnv.delivery.maxAttempts, withEnv.assets, withEnv.quietHours]).toEqual([
      6,
      ['BTC', 'ETH'],
      { from: '22:00', to: '07:00' },
    ]);
    const withFlag = loadConfig({
      env,
      cwd: dir,
      overrides: [{ path: 'delivery.maxAttempts', value: 9, origin: '--set delivery.maxAttempts' }],
    });
    expect(withFlag.delivery.maxAttempts).toBe(9);
  });

  it('a bad value names the variable or flag that set it; a bad rule names the field', () => {
    const problems = (f: () => unknown): readonly string[] => {
      try {
        f();
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems(() => loadConfig({ env: { TIDEMARK_SCHEDULE: '61 2 * * *' }, cwd: dir }))[0]).toMatch(
      /^TIDEMARK_SCHEDULE schedule: .*minute/,
    );
    expect(
      problems(() =>
        loadConfig({
          env: {},
          cwd: dir,
          overrides: [{ path: 'rules', value: { mine: { when: 'fundingRate < 0' } }, origin: '--set rules' }],
        }),
      )[0],
    ).toMatch(/^--set rules rules\.mine\.when: .*fundingRate/);
  });
});
