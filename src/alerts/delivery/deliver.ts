// Delivering the outbox. For each sink, in parallel: claim the oldest due delivery (a store call
// that marks it 'sending' under this process), send it, record the outcome (another store call).
// A crash between the send and the record leaves the claim; the next run takes over the claims of
// dead processes and sends again with the same key — at least once, never lost, and receivers that
// de-duplicate on the key (or the jsonl sink, which checks its file) see it once. A failed attempt is
// retried with backoff; after maxAttempts, or at once when retrying cannot help, the delivery is
// 'failed' and reported. After one retryable failure a sink is left alone until its next due time.
import type { AlertOutbox, DeliveryStatus } from '../../store/alert-outbox.js';
import type { Alert } from '../alert.js';
import { SinkError, type AlertSink } from '../sinks/sink.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { currentOwner, ownerIsGone } from './claim-owner.js';

export interface DeliveryPolicy extends BackoffPolicy {
  /** Attempts per delivery before it is given up. */
  readonly maxAttempts: number;
  /** A claim older than this is abandoned (a process on another host died), in ms. */
  readonly leaseMs: number;
}

/** What happened to one delivery attempt. */
export interface DeliveryEvent {
  readonly key: string;
  readonly sink: string;
  readonly outcome: 'delivered' | 'retry' | 'failed' | 'claim-lost';
  readonly attempt: number;
  /** The error (secrets redacted) for retry and failed. */
  readonly error?: string;
  readonly nextAttemptAt?: string;
}

export interface DeliveryContext {
  readonly outbox: AlertOutbox;
  readonly sinks: readonly AlertSink[];
  readonly policy: DeliveryPolicy;
  /** The clock (tests move it). */
  readonly now?: () => number;
  /** Scrubs secrets from error text before it is stored or printed. */
  readonly redact?: (text: string) => string;
  readonly owner?: string;
  readonly onEvent?: (event: DeliveryEvent) => void;
}

async function deliverSink(
  context: DeliveryContext,
  sink: AlertSink,
  deadOwners: readonly string[],
): Promise<DeliveryEvent[]> {
  const now = context.now ?? Date.now;
  const owner = context.owner ?? currentOwner();
  const redact = context.redact ?? ((t: string) => t);
  const events: DeliveryEvent[] = [];
  const emit = (event: DeliveryEvent): void => {
    events.push(event);
    context.onEvent?.(event);
  };
  for (;;) {
    const at = now();
    const claim = await context.outbox.claimNext({
      sink: sink.name,
      owner,
      now: new Date(at).toISOString(),
      staleBefore: new Date(at - context.policy.leaseMs).toISOString(),
      deadOwners,
    });
    if (claim === null) return events;
    try {
      await sink.send(JSON.parse(claim.payload) as Alert);
    } catch (error) {
      const sinkError =
        error instanceof SinkError ? error : new SinkError(sink.name, (error as Error).message, { retryable: true });
      const giveUp = !sinkError.retryable || claim.attempts >= context.policy.maxAttempts;
      const message = redact(sinkError.message);
      const nextAttemptAt = new Date(
        now() + retryDelayMs(claim.attempts, context.policy, sinkError.retryAfterMs),
      ).toISOString();
      await context.outbox.markFailedAttempt(claim.key, sink.name, owner, { error: message, nextAttemptAt, giveUp });
      emit({
        key: claim.key,
        sink: sink.name,
        outcome: giveUp ? 'failed' : 'retry',
        attempt: claim.attempts,
        error: message,
        ...(giveUp ? {} : { nextAttemptAt }),
      });
      // The receiver is down or refusing: leave its other alerts for the next due time.
      if (sinkError.retryable) return events;
      continue;
    }
    const recorded = await context.outbox.markDelivered(claim.key, sink.name, owner, new Date(now()).toISOString());
    emit({ key: claim.key, sink: sink.name, outcome: recorded ? 'delivered' : 'claim-lost', attempt: claim.attempts });
  }
}

/** One pass: every sink delivers what is due now (sinks in parallel, each in order). Returns the events. */
export async function deliverDue(context: DeliveryContext): Promise<DeliveryEvent[]> {
  const self = context.owner ?? currentOwner();
  const deadOwners = (await context.outbox.claimOwners()).filter((o) => ownerIsGone(o, self));
  const perSink = await Promise.all(context.sinks.map((sink) => deliverSink(context, sink, deadOwners)));
  return perSink.flat();
}

export interface DrainResult {
  readonly events: readonly DeliveryEvent[];
  /** Deliveries per status after the last pass. */
  readonly counts: Record<DeliveryStatus, number>;
  /** The next due attempt left for a later run, or null. */
  readonly nextDue: string | null;
}

/**
 * Delivers until nothing is due, waiting for retries that fall within `waitMs` from the start; later
 * ones are left in the outbox for the next run (or the watch loop).
 */
export async function drainOutbox(
  context: DeliveryContext,
  options: { waitMs: number; sleep?: (ms: number) => Promise<void> },
): Promise<DrainResult> {
  const now = context.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + options.waitMs;
  const events: DeliveryEvent[] = [];
  const sinkNames = context.sinks.map((s) => s.name);
  for (;;) {
    events.push(...(await deliverDue(context)));
    const next = await context.outbox.nextDue(sinkNames);
    if (next === null || Date.parse(next) > deadline) {
      return { events, counts: await context.outbox.deliveryCounts(), nextDue: next };
    }
    await sleep(Math.max(0, Date.parse(next) - now()));
  }
}
