// `tidemark run` and `tidemark watch`: the daily cycle once (sync → import → analyse → alert rules →
// note → outbox → deliver), or on the config's cron schedule with re-runs while a late source has
// not published. `--dry-run` evaluates and prints what would be sent, changing nothing. The store is
// opened per cycle (and per delivery pass), so imports and readers get in between.
import type { Command } from 'commander';
import { alertPlainText } from '../alerts/alert-text.js';
import type { RunConfig } from '../alerts/config/load-config.js';
import type { Secrets } from '../alerts/config/secrets.js';
import { deliveryPolicy, runCycle, type CycleReport } from '../alerts/daily-run.js';
import { deliverDue, type DeliveryEvent } from '../alerts/delivery/deliver.js';
import { RunFailedError } from '../alerts/run-failed-error.js';
import { watchLoop } from '../alerts/schedule/watch-loop.js';
import type { AlertSink } from '../alerts/sinks/sink.js';
import { formatPercent } from '../format/percent.js';
import { withStore } from './context.js';
import { dateFlag } from './options.js';
import { addConfigFlags, newSecrets, noteWriter, runConfig, runSinks, type ConfigFlags } from './run-config.js';

interface RunFlags extends ConfigFlags {
  asOf?: string;
  dryRun?: boolean;
  once?: boolean;
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function eventLine(e: DeliveryEvent): string {
  const what =
    e.outcome === 'delivered'
      ? 'delivered'
      : e.outcome === 'retry'
        ? `failed (attempt ${e.attempt}), retry at ${e.nextAttemptAt ?? '?'}: ${e.error ?? ''}`
        : e.outcome === 'failed'
          ? `GIVEN UP after attempt ${e.attempt}: ${e.error ?? ''}`
          : 'delivered, but another process had taken the claim over';
  return `  ${e.sink.padEnd(12)} ${e.key}  ${what}`;
}

/** The cycle's summary as printed (stdout), with the alerts' full text in a dry run. */
export function formatCycle(report: CycleReport, config: RunConfig, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(`Tidemark ${dryRun ? 'dry run' : 'run'} as of ${report.asOf}`);
  for (const s of report.sync) lines.push(`  sync ${s.source}: ${s.status}`);
  if (report.imports.files > 0)
    lines.push(`  import: ${report.imports.files} file(s), ${report.imports.rowsStored} row(s) new or revised`);
  for (const a of report.assets) {
    if (a.error !== undefined) {
      lines.push(`${a.asset}: NOT ANALYSED: ${a.error}`);
      continue;
    }
    const call =
      a.label !== null && a.confidence !== null ? `${a.label} (${formatPercent(a.confidence, 0)})` : 'no call';
    lines.push(`${a.asset}: ${call}${a.notePath !== null ? `; note ${a.notePath}` : ''}`);
    const stale = a.freshness.filter((f) => f.stale).map((f) => `${f.input} (last ${f.lastDate ?? 'none'})`);
    if (stale.length > 0) lines.push(`  stale inputs: ${stale.join(', ')}`);
    if (a.alerts.length === 0) lines.push('  no alerts');
    for (const p of a.alerts) {
      const state =
        p.status === 'suppressed'
          ? `suppressed (${p.reason ?? ''})`
          : dryRun
            ? `would go to ${p.deliveries.map((d) => d.sink).join(', ')}`
            : a.added.includes(p.alert.key)
              ? `queued for ${p.deliveries.map((d) => d.sink).join(', ')}`
              : 'already in the outbox (not queued again)';
      lines.push(`  alert ${p.alert.rule}: ${p.alert.title} — ${state}`);
      if (dryRun && p.status === 'queued')
        lines.push(
          ...alertPlainText(p.alert)
            .split('\n')
            .map((l) => `    | ${l}`),
        );
    }
  }
  if (report.delivery !== null) {
    const c = report.delivery.counts;
    lines.push(
      `delivery (${config.sinks.map((s) => s.name).join(', ')}): ${c.delivered} delivered, ${c.pending} pending, ${c.sending} in flight, ${c.failed} given up in the outbox`,
    );
    lines.push(...report.delivery.events.map(eventLine));
    if (report.delivery.nextDue !== null) lines.push(`  next retry due ${report.delivery.nextDue}`);
  }
  if (report.waitingFor.length > 0) lines.push(`waiting for: ${report.waitingFor.join(', ')} (not published yet)`);
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.join('\n') + '\n';
}

/** What in the cycle is a failure of the run (exit 1): an asset not analysed, a delivery given up. */
function failures(report: CycleReport): string[] {
  const out = report.assets.filter((a) => a.error !== undefined).map((a) => `${a.asset} not analysed`);
  for (const e of report.delivery?.events ?? [])
    if (e.outcome === 'failed') out.push(`delivery of ${e.key} to ${e.sink} given up: ${e.error ?? ''}`);
  return out;
}

/** One cycle with the store opened for it (read-only for a dry run). */
async function cycle(
  config: RunConfig,
  sinks: readonly AlertSink[],
  secrets: Secrets,
  flags: { asOf?: string; dryRun: boolean },
): Promise<CycleReport> {
  return withStore(config.db !== undefined ? { db: config.db } : {}, flags.dryRun ? 'read' : 'write', (store) =>
    runCycle({
      config,
      store,
      sinks: flags.dryRun ? [] : sinks,
      secrets,
      dryRun: flags.dryRun,
      ...(flags.asOf !== undefined ? { asOf: flags.asOf } : {}),
      writeNote: noteWriter(config, store),
      log: (line) => say(`tidemark: ${line}`),
    }),
  );
}

async function closeSinks(sinks: readonly AlertSink[]): Promise<void> {
  await Promise.all(sinks.map((s) => s.close?.()));
}

/** `tidemark run`: one daily cycle (sync, import, analyse, alert, deliver, note). */
export function registerRun(program: Command): void {
  addConfigFlags(
    program
      .command('run')
      .description(
        'one daily cycle: sync, import watched folders, analyse, evaluate alert rules, deliver, write the note',
      )
      .option('--as-of <date>', 'analyse as of this date (default today, UTC)')
      .option('--dry-run', 'evaluate and show what would be sent; change nothing and send nothing')
      .option('--once', 'one cycle (what run always does; as for watch)'),
  ).action(async (flags: RunFlags) => {
    const asOf = dateFlag('--as-of', flags.asOf);
    const config = runConfig(flags);
    const secrets = newSecrets();
    const sinks = runSinks(config, secrets);
    try {
      const report = await cycle(config, sinks, secrets, {
        dryRun: flags.dryRun === true,
        ...(asOf !== undefined ? { asOf } : {}),
      });
      process.stdout.write(formatCycle(report, config, flags.dryRun === true));
      const failed = failures(report);
      if (failed.length > 0) throw new RunFailedError(`run: ${failed.length} problem(s): ${failed.join('; ')}`);
    } finally {
      await closeSinks(sinks);
    }
  });
}

/** `tidemark watch`: the daily cycle on the configured schedule until stopped (or once). */
export function registerWatch(program: Command): void {
  addConfigFlags(
    program
      .command('watch')
      .description('run the daily cycle on the schedule (cron in the config), re-running while a source is late')
      .option('--once', 'run one cycle now (with its late re-runs) and stop')
      .option('--dry-run', 'evaluate and show what would be sent; change nothing and send nothing'),
    true,
  ).action(async (flags: RunFlags) => {
    const config = runConfig(flags);
    const secrets = newSecrets();
    const sinks = runSinks(config, secrets);
    const dryRun = flags.dryRun === true;
    const stop = new AbortController();
    const onSignal = (): void => {
      say('tidemark: stopping after the cycle in progress');
      stop.abort();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    const db = config.db !== undefined ? { db: config.db } : {};
    const context = {
      sinks,
      policy: deliveryPolicy(config),
      redact: (t: string): string => secrets.redact(t),
    };
    let problems: string[] = [];
    try {
      say(
        `tidemark: watching ${config.assets.join(', ')} on "${config.schedule.text}" (${config.timezone}); sinks ${sinks.map((s) => s.name).join(', ')}`,
      );
      await watchLoop({
        schedule: config.schedule,
        timeZone: config.timezone,
        lateRetry: config.lateRetry,
        signal: stop.signal,
        ...(flags.once === true ? { once: true } : {}),
        runCycle: async () => {
          try {
            const report = await cycle(config, sinks, secrets, { dryRun });
            process.stdout.write(formatCycle(report, config, dryRun));
            problems = failures(report);
            return report;
          } catch (error) {
            if (flags.once === true) throw error;
            // A daemon keeps going: the next cycle (or late re-run) tries again.
            say(`tidemark: cycle failed: ${secrets.redact((error as Error).message.split('\n')[0] ?? '')}`);
            return { waitingFor: [] };
          }
        },
        deliverDue: async () => {
          if (dryRun || sinks.length === 0) return;
          const events = await withStore(db, 'write', (store) =>
            deliverDue({ ...context, outbox: store.alertOutbox() }),
          );
          for (const e of events) say(`tidemark: ${eventLine(e).trim()}`);
        },
        nextDeliveryDue: async () => {
          if (dryRun || sinks.length === 0) return null;
          const next = await withStore(db, 'write', (store) => store.alertOutbox().nextDue(sinks.map((s) => s.name)));
          return next === null ? null : Date.parse(next);
        },
        onWait: (until, why) =>
          say(`tidemark: next ${why === 'schedule' ? 'cycle' : 'late re-run'} at ${new Date(until).toISOString()}`),
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await closeSinks(sinks);
    }
    if (flags.once === true && problems.length > 0)
      throw new RunFailedError(`watch: ${problems.length} problem(s): ${problems.join('; ')}`);
  });
}
