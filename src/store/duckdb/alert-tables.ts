// The alert outbox in DuckDB (tables of migration 2): analyses, alerts and alert_deliveries. Every
// call runs in the connection's serial stream; recordAnalysis and each claim are one transaction, so
// a kill at any point leaves either the whole analysis with its alerts or none of it, and a claim is
// either taken or not. A read-only open of a store older than migration 2 reads the outbox as empty.
import type {
  AlertListQuery,
  AlertOutbox,
  AnalysisRecord,
  ClaimedDelivery,
  ClaimRequest,
  DeliveryRecord,
  DeliveryStatus,
  ListedAlert,
  OutboxAlert,
  OutboxAlertStatus,
} from '../alert-outbox.js';
import { StoreError } from '../store-error.js';
import type { SerialConnection, SqlRow } from './connection.js';
import { isoTimestampSql, ts } from './timestamps.js';

const DELIVERY_COLUMNS = `d.key, d.sink, d.status, d.attempts,
  ${isoTimestampSql('d.next_attempt_at')} AS next_attempt_at, d.claimed_by,
  ${isoTimestampSql('d.claimed_at')} AS claimed_at, ${isoTimestampSql('d.delivered_at')} AS delivered_at, d.last_error`;

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function deliveryOf(r: SqlRow): DeliveryRecord {
  return {
    key: String(r['key']),
    sink: String(r['sink']),
    status: String(r['status']) as DeliveryStatus,
    attempts: Number(r['attempts']),
    nextAttemptAt: String(r['next_attempt_at']),
    claimedBy: text(r['claimed_by']),
    claimedAt: text(r['claimed_at']),
    deliveredAt: text(r['delivered_at']),
    lastError: text(r['last_error']),
  };
}

function analysisOf(r: SqlRow): AnalysisRecord {
  return {
    asset: String(r['asset']),
    asOf: String(r['as_of']),
    analysedAt: String(r['analysed_at']),
    phase: String(r['phase']),
    confidence: Number(r['confidence']),
    snapshot: String(r['snapshot']),
    notePath: text(r['note_path']),
  };
}

export class DuckDbAlertOutbox implements AlertOutbox {
  private tablesPresent: boolean | null = null;

  constructor(
    private readonly db: SerialConnection,
    private readonly path: string,
    private readonly readOnly: boolean,
  ) {}

  /** Whether migration 2's tables exist (always after a writer's open; maybe not on an old store read-only). */
  private async present(): Promise<boolean> {
    if (this.tablesPresent === null) {
      const rows = await this.db.rows(
        `SELECT count(*) AS n FROM information_schema.tables
         WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = 'alert_deliveries'`,
      );
      this.tablesPresent = Number(rows[0]?.['n'] ?? 0) > 0;
    }
    return this.tablesPresent;
  }

  private refuseWrite(what: string): void {
    if (this.readOnly)
      throw new StoreError(
        'read-only',
        `store ${this.path} is open read-only; ${what} needs a writing command such as \`tidemark run\``,
      );
  }

  recordAnalysis(analysis: AnalysisRecord, alerts: readonly OutboxAlert[]): Promise<{ added: string[] }> {
    return this.db.serial(async () => {
      this.refuseWrite('recording an analysis and its alerts');
      return this.db.transaction(async () => {
        await this.db.run(`INSERT INTO analyses VALUES ($1, $2::DATE, $3::TIMESTAMP, $4, $5, $6, $7)`, [
          analysis.asset,
          analysis.asOf,
          ts(analysis.analysedAt),
          analysis.phase,
          analysis.confidence,
          analysis.snapshot,
          analysis.notePath,
        ]);
        const added: string[] = [];
        for (const alert of alerts) {
          const inserted = await this.db.rows(
            `INSERT INTO alerts VALUES ($1, $2, $3, $4::DATE, $5::TIMESTAMP, $6, $7, $8)
             ON CONFLICT DO NOTHING RETURNING key`,
            [
              alert.key,
              alert.rule,
              alert.asset,
              alert.asOf,
              ts(alert.createdAt),
              alert.status,
              alert.reason,
              alert.payload,
            ],
          );
          if (inserted.length === 0) continue;
          added.push(alert.key);
          if (alert.status !== 'queued') continue;
          for (const d of alert.deliveries)
            await this.db.run(
              `INSERT INTO alert_deliveries VALUES ($1, $2, 'pending', 0, $3::TIMESTAMP, NULL, NULL, NULL, NULL)
               ON CONFLICT DO NOTHING`,
              [alert.key, d.sink, ts(d.notBefore)],
            );
        }
        return { added };
      });
    });
  }

  recentAnalyses(asset: string, beforeAsOf: string, limit: number): Promise<AnalysisRecord[]> {
    return this.db.serial(async () => {
      if (!(await this.present())) return [];
      const rows = await this.db.rows(
        `SELECT asset, strftime(as_of, '%Y-%m-%d') AS as_of, ${isoTimestampSql('analysed_at')} AS analysed_at,
                phase, confidence, snapshot, note_path
         FROM analyses WHERE asset = $asset AND as_of < $before::DATE
         QUALIFY row_number() OVER (PARTITION BY as_of ORDER BY analysed_at DESC) = 1
         ORDER BY as_of DESC LIMIT $limit`,
        { asset, before: beforeAsOf, limit: Math.max(1, Math.floor(limit)) },
      );
      return rows.map(analysisOf);
    });
  }

  lastQueued(rule: string, asset: string, beforeAsOf: string): Promise<string | null> {
    return this.db.serial(async () => {
      if (!(await this.present())) return null;
      const rows = await this.db.rows(
        `SELECT strftime(max(as_of), '%Y-%m-%d') AS d FROM alerts
         WHERE rule = $rule AND asset = $asset AND status = 'queued' AND as_of < $before::DATE`,
        { rule, asset, before: beforeAsOf },
      );
      return text(rows[0]?.['d']);
    });
  }

  claimOwners(): Promise<string[]> {
    return this.db.serial(async () => {
      if (!(await this.present())) return [];
      const rows = await this.db.rows(
        `SELECT DISTINCT claimed_by FROM alert_deliveries WHERE status = 'sending' AND claimed_by IS NOT NULL`,
      );
      return rows.map((r) => String(r['claimed_by']));
    });
  }

  claimNext(request: ClaimRequest): Promise<ClaimedDelivery | null> {
    return this.db.serial(async () => {
      this.refuseWrite('delivering alerts');
      return this.db.transaction(async () => {
        // Due pending rows and every 'sending' claim of the sink, oldest alert first; a claim is taken
        // over only when abandoned (older than staleBefore) or held by a process known to be gone.
        const rows = await this.db.rows(
          `SELECT d.key, d.status, d.claimed_by, ${isoTimestampSql('d.claimed_at')} AS claimed_at
           FROM alert_deliveries d JOIN alerts a ON a.key = d.key
           WHERE d.sink = $sink AND ((d.status = 'pending' AND d.next_attempt_at <= $now::TIMESTAMP) OR d.status = 'sending')
           ORDER BY a.created_at, a.as_of, d.key`,
          { sink: request.sink, now: ts(request.now) },
        );
        const candidate = rows.find(
          (r) =>
            r['status'] === 'pending' ||
            String(r['claimed_at']) < request.staleBefore ||
            request.deadOwners.includes(String(r['claimed_by'])),
        );
        if (candidate === undefined) return null;
        await this.db.run(
          `UPDATE alert_deliveries SET status = 'sending', attempts = attempts + 1, claimed_by = $owner,
             claimed_at = $now::TIMESTAMP
           WHERE key = $key AND sink = $sink`,
          { owner: request.owner, now: ts(request.now), key: String(candidate['key']), sink: request.sink },
        );
        const [row] = await this.db.rows(
          `SELECT ${DELIVERY_COLUMNS}, a.rule, a.asset, strftime(a.as_of, '%Y-%m-%d') AS as_of, a.payload
           FROM alert_deliveries d JOIN alerts a ON a.key = d.key WHERE d.key = $key AND d.sink = $sink`,
          { key: String(candidate['key']), sink: request.sink },
        );
        return {
          ...deliveryOf(row!),
          rule: String(row!['rule']),
          asset: String(row!['asset']),
          asOf: String(row!['as_of']),
          payload: String(row!['payload']),
        };
      });
    });
  }

  markDelivered(key: string, sink: string, owner: string, at: string): Promise<boolean> {
    return this.db.serial(async () => {
      this.refuseWrite('delivering alerts');
      const rows = await this.db.rows(
        `UPDATE alert_deliveries SET status = 'delivered', delivered_at = $at::TIMESTAMP, claimed_by = NULL,
           claimed_at = NULL, last_error = NULL
         WHERE key = $key AND sink = $sink AND status = 'sending' AND claimed_by = $owner RETURNING key`,
        { key, sink, owner, at: ts(at) },
      );
      return rows.length > 0;
    });
  }

  markFailedAttempt(
    key: string,
    sink: string,
    owner: string,
    outcome: { readonly error: string; readonly nextAttemptAt: string; readonly giveUp: boolean },
  ): Promise<void> {
    return this.db.serial(async () => {
      this.refuseWrite('delivering alerts');
      await this.db.run(
        `UPDATE alert_deliveries SET status = $status, next_attempt_at = $next::TIMESTAMP, claimed_by = NULL,
           claimed_at = NULL, last_error = $error
         WHERE key = $key AND sink = $sink AND status = 'sending' AND claimed_by = $owner`,
        {
          status: outcome.giveUp ? 'failed' : 'pending',
          next: ts(outcome.nextAttemptAt),
          error: outcome.error,
          key,
          sink,
          owner,
        },
      );
    });
  }

  nextDue(sinks: readonly string[]): Promise<string | null> {
    return this.db.serial(async () => {
      if (!(await this.present())) return null;
      const rows = await this.db.rows(
        `SELECT sink, ${isoTimestampSql('min(next_attempt_at)')} AS t FROM alert_deliveries
         WHERE status = 'pending' GROUP BY sink`,
      );
      const due = rows
        .filter((r) => sinks.includes(String(r['sink'])))
        .map((r) => String(r['t']))
        .sort();
      return due[0] ?? null;
    });
  }

  deliveryCounts(): Promise<Record<DeliveryStatus, number>> {
    return this.db.serial(async () => {
      const counts: Record<DeliveryStatus, number> = { pending: 0, sending: 0, delivered: 0, failed: 0 };
      if (!(await this.present())) return counts;
      for (const r of await this.db.rows('SELECT status, count(*) AS n FROM alert_deliveries GROUP BY status'))
        counts[String(r['status']) as DeliveryStatus] = Number(r['n']);
      return counts;
    });
  }

  list(query: AlertListQuery = {}): Promise<ListedAlert[]> {
    return this.db.serial(async () => {
      if (!(await this.present())) return [];
      const alerts = await this.db.rows(
        `SELECT key, rule, asset, strftime(as_of, '%Y-%m-%d') AS as_of, ${isoTimestampSql('created_at')} AS created_at,
                status, reason, payload
         FROM alerts
         WHERE ($asset::VARCHAR IS NULL OR asset = $asset) AND ($from::VARCHAR IS NULL OR as_of >= $from::DATE)
           AND ($to::VARCHAR IS NULL OR as_of <= $to::DATE)
         ORDER BY as_of DESC, created_at DESC, key LIMIT $limit`,
        {
          asset: query.asset ?? null,
          from: query.from ?? null,
          to: query.to ?? null,
          limit: Math.max(1, Math.floor(query.limit ?? 50)),
        },
      );
      if (alerts.length === 0) return [];
      const keys = new Set(alerts.map((a) => String(a['key'])));
      const deliveries = (
        await this.db.rows(
          `SELECT ${DELIVERY_COLUMNS} FROM alert_deliveries d JOIN alerts a ON a.key = d.key
           WHERE ($asset::VARCHAR IS NULL OR a.asset = $asset) AND ($from::VARCHAR IS NULL OR a.as_of >= $from::DATE)
             AND ($to::VARCHAR IS NULL OR a.as_of <= $to::DATE)
           ORDER BY d.sink`,
          { asset: query.asset ?? null, from: query.from ?? null, to: query.to ?? null },
        )
      )
        .map(deliveryOf)
        .filter((d) => keys.has(d.key));
      return alerts.map((a) => ({
        key: String(a['key']),
        rule: String(a['rule']),
        asset: String(a['asset']),
        asOf: String(a['as_of']),
        createdAt: String(a['created_at']),
        status: String(a['status']) as OutboxAlertStatus,
        reason: text(a['reason']),
        payload: String(a['payload']),
        deliveries: deliveries.filter((d) => d.key === a['key']),
      }));
    });
  }
}
