// The alert outbox as the store keeps it: each analysis the daily run made (a compact snapshot the
// alert rules compare against), the alerts it produced — written in the same transaction as that
// analysis — and one delivery row per alert and sink that records claims, attempts and the outcome.
// The interface lives beside Store; store/duckdb/alert-tables.ts implements it.

/** One analysis of one asset as the daily run recorded it. */
export interface AnalysisRecord {
  readonly asset: string;
  /** YYYY-MM-DD: the analysis' as-of date. */
  readonly asOf: string;
  /** ISO-8601 UTC instant the analysis was made. */
  readonly analysedAt: string;
  readonly phase: string;
  readonly confidence: number;
  /** The snapshot the alert rules read (JSON text; see alerts/alert-snapshot.ts). */
  readonly snapshot: string;
  /** Where the note of this analysis was written, or null when none was. */
  readonly notePath: string | null;
}

/** queued: to be delivered; suppressed: a rule fired but its cooldown held it back (kept for `alerts list`). */
export type OutboxAlertStatus = 'queued' | 'suppressed';

/** An alert to store with its analysis. */
export interface OutboxAlert {
  /** The idempotency key: rule, asset and as-of date ("phase-flip|BTC|2025-11-04"). */
  readonly key: string;
  readonly rule: string;
  readonly asset: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly status: OutboxAlertStatus;
  /** Why it was suppressed (cooldown), or null. */
  readonly reason: string | null;
  /** The alert as sinks receive it (JSON text). */
  readonly payload: string;
  /** The sinks it goes to and the earliest instant each may send it (quiet hours defer it). */
  readonly deliveries: readonly { readonly sink: string; readonly notBefore: string }[];
}

/** pending: due at nextAttemptAt; sending: claimed by a process; delivered; failed: given up. */
export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

/** One alert's delivery to one sink. */
export interface DeliveryRecord {
  readonly key: string;
  readonly sink: string;
  readonly status: DeliveryStatus;
  /** Attempts started so far (a claim counts as one). */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly claimedBy: string | null;
  readonly claimedAt: string | null;
  readonly deliveredAt: string | null;
  readonly lastError: string | null;
}

/** A claimed delivery: the row plus the alert it carries. */
export interface ClaimedDelivery extends DeliveryRecord {
  readonly rule: string;
  readonly asset: string;
  readonly asOf: string;
  readonly payload: string;
}

export interface ClaimRequest {
  readonly sink: string;
  /** Who claims (host:pid:start), written on the row until the outcome is recorded. */
  readonly owner: string;
  /** ISO instant: rows due at or before it are claimable. */
  readonly now: string;
  /** A 'sending' claim older than this instant is abandoned and may be taken over. */
  readonly staleBefore: string;
  /** Owners known to be gone (their process died): their 'sending' claims are taken over at once. */
  readonly deadOwners: readonly string[];
}

/** An alert with every delivery, for `tidemark alerts list`. */
export interface ListedAlert {
  readonly key: string;
  readonly rule: string;
  readonly asset: string;
  readonly asOf: string;
  readonly createdAt: string;
  readonly status: OutboxAlertStatus;
  readonly reason: string | null;
  readonly payload: string;
  readonly deliveries: readonly DeliveryRecord[];
}

export interface AlertListQuery {
  readonly asset?: string;
  /** First as-of date included. */
  readonly from?: string;
  readonly to?: string;
  /** Newest first, at most this many (default 50). */
  readonly limit?: number;
}

export interface AlertOutbox {
  /**
   * Stores the analysis and its alerts in ONE transaction. An alert whose key is already stored is
   * left as it was (with its deliveries): re-running a day never queues an alert twice. Returns the
   * keys that were new.
   */
  recordAnalysis(analysis: AnalysisRecord, alerts: readonly OutboxAlert[]): Promise<{ added: string[] }>;
  /** The latest recorded analysis of each as-of date before `beforeAsOf`, newest first, at most `limit`. */
  recentAnalyses(asset: string, beforeAsOf: string, limit: number): Promise<AnalysisRecord[]>;
  /** The latest as-of date on which `rule` queued an alert for `asset`, strictly before `beforeAsOf`; null if never. */
  lastQueued(rule: string, asset: string, beforeAsOf: string): Promise<string | null>;
  /** Owners of current 'sending' claims (to tell the dead from the living). */
  claimOwners(): Promise<string[]>;
  /**
   * Claims the oldest due delivery of `request.sink` (pending and due, or an abandoned 'sending'
   * claim): marks it 'sending' for the owner and counts the attempt. Null when none is due.
   */
  claimNext(request: ClaimRequest): Promise<ClaimedDelivery | null>;
  /** Records a delivery as done (only while `owner` holds the claim); false when the claim was lost. */
  markDelivered(key: string, sink: string, owner: string, at: string): Promise<boolean>;
  /** Releases a claim after a failed attempt: pending again at `nextAttemptAt`, or 'failed' when `giveUp`. */
  markFailedAttempt(
    key: string,
    sink: string,
    owner: string,
    outcome: { readonly error: string; readonly nextAttemptAt: string; readonly giveUp: boolean },
  ): Promise<void>;
  /** The earliest next attempt among pending deliveries of `sinks`, or null. */
  nextDue(sinks: readonly string[]): Promise<string | null>;
  /** Deliveries per status (for the run's summary). */
  deliveryCounts(): Promise<Record<DeliveryStatus, number>>;
  list(query?: AlertListQuery): Promise<ListedAlert[]>;
}
