// `tidemark alerts list|test|replay`: the outbox as stored (each alert with its delivery to every
// sink), a test message to each configured sink (to check URLs, tokens and SMTP before a real alert
// needs them), and what the configured rules would have sent over a past period, replayed
// point-in-time from the stored data.
import type { Command } from 'commander';
import type { Alert } from '../alerts/alert.js';
import { alertKey } from '../alerts/alert.js';
import { replayAlerts } from '../alerts/alert-replay.js';
import { HISTORY_DAYS } from '../alerts/rules/rule.js';
import { RunFailedError } from '../alerts/run-failed-error.js';
import { addDays, daysBetween } from '../domain/dates.js';
import { ANALYSIS_WINDOW_DAYS } from '../domain/market-series.js';
import { formatPercent } from '../format/percent.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { defaultAsOf, loadMarketSeries } from '../store/market-series-loader.js';
import { UsageError, withStore } from './context.js';
import { analysedAssetFlag } from './analyze.js';
import { dateFlag } from './options.js';
import { addConfigFlags, newSecrets, runConfig, runSinks, type ConfigFlags } from './run-config.js';
import { formatTable } from './table.js';

interface ListFlags extends ConfigFlags {
  asset?: string;
  from?: string;
  to?: string;
  limit?: string;
  json?: boolean;
}

interface TestFlags extends ConfigFlags {
  sink?: string[];
}

interface ReplayFlags extends ConfigFlags {
  asset?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The message `alerts test` sends: marked as a test, keyed by the instant so receivers keep each one. */
export function testAlert(now: Date): Alert {
  const asOf = now.toISOString().slice(0, 10);
  return {
    key: alertKey('test', 'BTC', now.toISOString()),
    rule: 'test',
    asset: 'BTC',
    asOf,
    title: 'Tidemark test alert: this sink is configured correctly',
    changed: 'nothing: sent by `tidemark alerts test` to check delivery',
    evidence: [{ label: 'sent at', value: now.toISOString() }],
    reasons: [],
    phase: { label: 'n/a', confidence: 0 },
    note: { path: null, url: null },
    simulated: false,
    createdAt: now.toISOString(),
    test: true,
  };
}

export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('the alert outbox: list it, test the sinks, replay the rules');

  addConfigFlags(
    alerts
      .command('list')
      .description('alerts in the outbox, newest first, with each sink’s delivery status')
      .option('--asset <asset>', 'only this asset')
      .option('--from <date>', 'first as-of date')
      .option('--to <date>', 'last as-of date')
      .option('--limit <n>', 'at most this many alerts', '50')
      .option('--json', 'print the alerts as JSON'),
  ).action(async (flags: ListFlags) => {
    const config = runConfig(flags);
    const limit = Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1)
      throw new UsageError(`--limit "${flags.limit}" is not a whole number ≥ 1`);
    const from = dateFlag('--from', flags.from);
    const to = dateFlag('--to', flags.to);
    const asset = flags.asset !== undefined ? analysedAssetFlag(flags.asset) : undefined;
    const listed = await withStore(config.db !== undefined ? { db: config.db } : {}, 'read', (store) =>
      store.alertOutbox().list({
        limit,
        ...(asset !== undefined ? { asset } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      }),
    );
    if (flags.json) {
      const out = listed.map((a) => ({ ...a, payload: JSON.parse(a.payload) as Alert }));
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return;
    }
    if (listed.length === 0) {
      process.stdout.write('no alerts in the outbox\n');
      return;
    }
    const rows = listed.map((a) => {
      const alert = JSON.parse(a.payload) as Alert;
      const deliveries =
        a.status === 'suppressed'
          ? `suppressed: ${a.reason ?? ''}`
          : a.deliveries
              .map((d) => `${d.sink} ${d.status}${d.attempts > 1 ? ` (${d.attempts} attempts)` : ''}`)
              .join(', ');
      return [a.asOf, a.asset, a.rule, alert.title, deliveries];
    });
    process.stdout.write(formatTable(['as of', 'asset', 'rule', 'alert', 'delivery'], rows) + '\n');
    const errors = listed.flatMap((a) =>
      a.deliveries.filter((d) => d.lastError !== null).map((d) => `${a.key} → ${d.sink}: ${d.lastError ?? ''}`),
    );
    if (errors.length > 0) process.stdout.write(`\nlast errors:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
  });

  addConfigFlags(
    alerts
      .command('test')
      .description('send a test message to every configured sink (or those named) and report each outcome')
      .option('--sink <name>', 'only this sink (repeatable)', collect),
  ).action(async (flags: TestFlags) => {
    const config = runConfig(flags);
    const secrets = newSecrets();
    const all = runSinks(config, secrets);
    const unknown = (flags.sink ?? []).filter((n) => !all.some((s) => s.name === n));
    if (unknown.length > 0)
      throw new UsageError(`--sink: no sink named ${unknown.join(', ')} (sinks: ${all.map((s) => s.name).join(', ')})`);
    const sinks = flags.sink === undefined ? all : all.filter((s) => flags.sink!.includes(s.name));
    const alert = testAlert(new Date());
    const failed: string[] = [];
    try {
      for (const sink of sinks) {
        try {
          await sink.send(alert);
          process.stderr.write(`ok      ${sink.name} (${sink.target})\n`);
        } catch (error) {
          const message = secrets.redact((error as Error).message);
          failed.push(message);
          process.stderr.write(`FAILED  ${sink.name} (${sink.target}): ${message}\n`);
        }
      }
    } finally {
      await Promise.all(all.map((s) => s.close?.()));
    }
    if (failed.length > 0) throw new RunFailedError(`alerts test: ${failed.length} of ${sinks.length} sink(s) failed`);
  });

  addConfigFlags(
    alerts
      .command('replay')
      .description('the alerts the configured rules would have sent, one point-in-time analysis per day')
      .option('--asset <asset>', 'BTC or ETH (default every configured asset)')
      .option('--from <date>', 'first as-of date (default 180 days before --to)')
      .option('--to <date>', 'last as-of date (default the latest data)')
      .option('--json', 'print the alerts as JSON'),
  ).action(async (flags: ReplayFlags) => {
    const config = runConfig(flags);
    const assets = flags.asset !== undefined ? [analysedAssetFlag(flags.asset)] : config.assets;
    const out: { alert: Alert; status: string; reason: string | null }[] = [];
    await withStore(config.db !== undefined ? { db: config.db } : {}, 'read', async (store) => {
      const shippedEvents = loadShippedEvents();
      for (const asset of assets) {
        const to = dateFlag('--to', flags.to) ?? (await defaultAsOf(store, asset));
        const from = dateFlag('--from', flags.from) ?? addDays(to, -180);
        if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
        const full = await loadMarketSeries(store, {
          asset,
          asOf: to,
          shippedEvents,
          lookbackDays: ANALYSIS_WINDOW_DAYS + HISTORY_DAYS + daysBetween(from, to) + 1,
        });
        process.stderr.write(`tidemark: replaying ${asset} ${from} → ${to}\n`);
        const planned = await replayAlerts(full, { rules: config.rules, from, to });
        out.push(...planned.map((p) => ({ alert: p.alert, status: p.status, reason: p.reason })));
      }
    });
    if (flags.json) {
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return;
    }
    const rows = out.map(({ alert, status, reason }) => [
      alert.asOf,
      alert.asset,
      alert.rule,
      `${alert.phase.label} ${formatPercent(alert.phase.confidence, 0)}`,
      status === 'queued' ? alert.title : `(suppressed: ${reason ?? ''}) ${alert.title}`,
    ]);
    process.stdout.write(formatTable(['as of', 'asset', 'rule', 'call', 'alert'], rows) + '\n');
    process.stdout.write(`${out.filter((o) => o.status === 'queued').length} alert(s) would have been sent\n`);
  });
}
