// One cycle of the daily run: sync the live sources that answer → import the watched folders →
// analyse each configured asset as of today → evaluate the rules against the stored history → write
// the note → store the analysis with its alerts in one transaction (the outbox) → deliver. A source
// that cannot be reached or a folder that cannot be read is reported and the cycle goes on; the
// stale-input rule tells the desk when that starts to matter.
import type { Analysis } from '../domain/analysis.js';
import { asOfCutoff, todayUtc } from '../domain/dates.js';
import { analyzeSeries } from '../phase/analyze.js';
import { loadShippedEvents } from '../sources/events/shipped-calendar.js';
import { importFiles } from '../sources/import-files.js';
import { resolveEndpoints, type SourceName } from '../sources/live/endpoints.js';
import type { RetryPolicy } from '../sources/live/retry.js';
import { runSync, type SourceSummary } from '../sources/live/sync-runner.js';
import { loadMarketSeries } from '../store/market-series-loader.js';
import type { Store } from '../store/store.js';
import { parseSnapshot, snapshotOf } from './alert-snapshot.js';
import type { RunConfig } from './config/load-config.js';
import type { Secrets } from './config/secrets.js';
import { drainOutbox, type DeliveryEvent, type DeliveryPolicy, type DrainResult } from './delivery/deliver.js';
import { planAlerts, type PlannedAlert } from './evaluate-rules.js';
import {
  expectedDate,
  INPUT_CLOCKS,
  inputFreshness,
  type FreshnessInput,
  type InputFreshness,
} from './input-freshness.js';
import { HISTORY_DAYS } from './rules/rule.js';
import type { AlertSink } from './sinks/sink.js';

/** Writes the note of an analysis and returns its path (null when none was written). */
export type NoteWriter = (analysis: Analysis) => Promise<string | null>;

export interface CycleOptions {
  readonly config: RunConfig;
  readonly store: Store;
  readonly sinks: readonly AlertSink[];
  readonly secrets: Secrets;
  /** The as-of date (default: today, UTC, by `now`). */
  readonly asOf?: string;
  /** Evaluate and show, change nothing: no sync, import, note, outbox write or delivery. */
  readonly dryRun?: boolean;
  readonly now?: () => number;
  readonly writeNote?: NoteWriter;
  /** Progress lines (stderr in the CLI). */
  readonly log?: (line: string) => void;
  /** Retry policy of the sync's requests (tests pass tiny delays). */
  readonly syncRetry?: RetryPolicy;
  /** How long delivery keeps retrying within this cycle, in ms (default delivery.waitSeconds). */
  readonly deliveryWaitMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onDelivery?: (event: DeliveryEvent) => void;
}

/** What the cycle did for one asset. */
export interface AssetOutcome {
  readonly asset: string;
  readonly asOf: string;
  readonly label: string | null;
  readonly confidence: number | null;
  readonly notePath: string | null;
  readonly alerts: readonly PlannedAlert[];
  /** Keys stored for the first time (an alert already in the outbox is not queued again). */
  readonly added: readonly string[];
  readonly freshness: readonly InputFreshness[];
  /** Why the asset could not be analysed. */
  readonly error?: string;
}

export interface CycleReport {
  readonly asOf: string;
  readonly sync: readonly SourceSummary[];
  readonly imports: { readonly files: number; readonly rowsStored: number; readonly problems: readonly string[] };
  readonly assets: readonly AssetOutcome[];
  readonly delivery: DrainResult | null;
  /** Live inputs whose latest day is due (published by its source's clock) but not stored yet. */
  readonly waitingFor: readonly FreshnessInput[];
  readonly warnings: readonly string[];
}

/** Which live source brings each input (an input without one comes from imports only). */
const INPUT_SOURCES: Readonly<Partial<Record<FreshnessInput, readonly SourceName[]>>> = {
  'etf-flows': ['farside'],
  spot: ['binance'],
  'perp-open-interest': ['binance', 'bybit', 'okx'],
  'perp-funding': ['binance', 'bybit', 'okx'],
  cot: ['cftc'],
};

function late(f: InputFreshness, nowIso: string, sources: readonly SourceName[]): boolean {
  const from = INPUT_SOURCES[f.input];
  if (from === undefined || !from.some((s) => sources.includes(s)) || f.lastDate === null) return false;
  const due = expectedDate({ ...INPUT_CLOCKS[f.input], graceHours: 0 }, nowIso);
  return due !== null && f.lastDate < due;
}

/** The delivery policy of the config: attempts, backoff and the lease after which a claim is abandoned. */
export function deliveryPolicy(config: RunConfig): DeliveryPolicy {
  return {
    maxAttempts: config.delivery.maxAttempts,
    baseMs: config.delivery.backoffSeconds * 1000,
    maxMs: config.delivery.backoffMaxSeconds * 1000,
    leaseMs: Math.max(300_000, config.delivery.timeoutSeconds * 3000),
  };
}

/** Runs one cycle; never throws for a source, a folder or one asset (each is reported). */
export async function runCycle(options: CycleOptions): Promise<CycleReport> {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const redact = (text: string): string => options.secrets.redact(text);
  const dryRun = options.dryRun === true;
  const asOf = options.asOf ?? todayUtc(new Date(now()));
  const warnings: string[] = [];

  let sync: SourceSummary[] = [];
  if (!dryRun && config.sync.sources.length > 0) {
    log(`sync: ${config.sync.sources.join(', ')}`);
    try {
      sync = await runSync(store, {
        sources: config.sync.sources,
        assets: config.assets,
        endpoints: resolveEndpoints(config.sync.endpoints),
        retry: options.syncRetry ?? { attempts: config.sync.retries },
        now: new Date(now()),
      });
    } catch (error) {
      warnings.push(redact(`sync failed: ${(error as Error).message}`));
    }
    for (const s of sync) {
      if (s.error !== undefined) warnings.push(redact(`sync ${s.source}: ${s.error}`));
      for (const f of s.failures) warnings.push(redact(`sync ${s.source} (partly stored): ${f}`));
    }
  }

  const imports = { files: 0, rowsStored: 0, problems: [] as string[] };
  if (!dryRun && config.watchFolders.length > 0) {
    log(`import: ${config.watchFolders.join(', ')}`);
    try {
      const summaries = await importFiles(store, config.watchFolders);
      imports.files = summaries.length;
      imports.rowsStored = summaries.reduce((n, s) => n + s.counts.inserted + s.counts.revised, 0);
      for (const s of summaries)
        if (s.skipped !== undefined && s.layout !== null) imports.problems.push(`${s.path}: ${s.skipped}`);
    } catch (error) {
      imports.problems.push((error as Error).message);
    }
    warnings.push(...imports.problems.map((p) => `import ${p}`));
  }

  const outbox = store.alertOutbox();
  const shippedEvents = loadShippedEvents();
  const nowIso = new Date(Math.min(now(), Date.parse(asOfCutoff(asOf)))).toISOString();
  const assets: AssetOutcome[] = [];
  const waitingFor = new Set<FreshnessInput>();
  for (const asset of config.assets) {
    try {
      log(`analyse: ${asset} as of ${asOf}`);
      const series = await loadMarketSeries(store, { asset, asOf, shippedEvents });
      const analysis = analyzeSeries(series);
      const freshness = inputFreshness(series, nowIso);
      // Waiting for a late source only makes sense for today's run (a past as-of date is not re-synced).
      if (asOf === todayUtc(new Date(now())))
        for (const f of freshness) if (late(f, nowIso, config.sync.sources)) waitingFor.add(f.input);
      const snapshot = snapshotOf(analysis, freshness);
      const history = (await outbox.recentAnalyses(asset, asOf, HISTORY_DAYS)).map((r) => parseSnapshot(r.snapshot));
      let notePath: string | null = null;
      if (!dryRun && options.writeNote !== undefined && config.notes.dir !== null) {
        try {
          notePath = await options.writeNote(analysis);
        } catch (error) {
          warnings.push(`note ${asset}: ${(error as Error).message.split('\n')[0]}`);
        }
      }
      const fileName = notePath?.split('/').at(-1) ?? null;
      const noteUrl =
        config.notes.baseUrl !== null && fileName !== null
          ? `${config.notes.baseUrl.replace(/\/+$/, '')}/${fileName}`
          : null;
      const planned = await planAlerts({
        rules: config.rules,
        current: snapshot,
        history,
        lastQueued: (rule, a, before) => outbox.lastQueued(rule, a, before),
        now: now(),
        timeZone: config.timezone,
        note: { path: notePath, url: noteUrl },
      });
      let added: string[] = [];
      if (!dryRun) {
        ({ added } = await outbox.recordAnalysis(
          {
            asset,
            asOf,
            analysedAt: new Date(now()).toISOString(),
            phase: analysis.phase.label,
            confidence: analysis.phase.confidence,
            snapshot: JSON.stringify(snapshot),
            notePath,
          },
          planned.map((p) => ({
            key: p.alert.key,
            rule: p.alert.rule,
            asset: p.alert.asset,
            asOf: p.alert.asOf,
            createdAt: p.alert.createdAt,
            status: p.status,
            reason: p.reason,
            payload: JSON.stringify(p.alert),
            deliveries: p.deliveries,
          })),
        ));
      }
      assets.push({
        asset,
        asOf,
        label: analysis.phase.label,
        confidence: analysis.phase.confidence,
        notePath,
        alerts: planned,
        added,
        freshness,
      });
    } catch (error) {
      assets.push({
        asset,
        asOf,
        label: null,
        confidence: null,
        notePath: null,
        alerts: [],
        added: [],
        freshness: [],
        error: redact((error as Error).message.split('\n')[0] ?? String(error)),
      });
    }
  }

  let delivery: DrainResult | null = null;
  if (!dryRun && options.sinks.length > 0) {
    log(`deliver: ${options.sinks.map((s) => s.name).join(', ')}`);
    delivery = await drainOutbox(
      {
        outbox,
        sinks: options.sinks,
        policy: deliveryPolicy(config),
        now,
        redact,
        ...(options.onDelivery !== undefined ? { onEvent: options.onDelivery } : {}),
      },
      {
        waitMs: options.deliveryWaitMs ?? config.delivery.waitSeconds * 1000,
        ...(options.sleep !== undefined ? { sleep: options.sleep } : {}),
      },
    );
  }
  return { asOf, sync, imports, assets, delivery, waitingFor: [...waitingFor], warnings };
}
