/**
 * The outbox worker: sends each message through its channel, records every attempt, and retries with capped
 * exponential backoff and jitter for as long as the message is worth sending: until what it carries expires
 * (`expiresAt`; then it is `expired`, never sent), or, for a message where nothing expires, up to an attempt limit
 * (then `failed`). A channel's permanent refusal (`PermanentDeliveryError`) fails a message at once. A message
 * superseded by a newer one (`OutboxRepo.enqueue`) is not claimed again. Delivery is at least once; nothing is ever
 * sent inside a request.
 *
 * Messages reach it in two ways:
 *  - **handed over**: a transaction that queues a message asks `handoff()` first; when the worker has room, the
 *    message is inserted already claimed by this instance (status `processing`, with a lease) and, once the
 *    transaction has committed, handed over (`accept`) and sent at once, with no claim query;
 *  - **claimed** (`claimDue`, a lease): retries that fell due, messages queued while the worker had no room, claims
 *    a crashed instance left behind, messages queued elsewhere. The worker looks when told to (`wake`), at most every
 *    `nudgeMs` after a hand-over, and every `pollMs`.
 * Outcomes are recorded in batches: one transaction records every outcome known when it runs (on SQLite it joins
 * the next group commit).
 *
 * A message is only sent again when an attempt's outcome could not be recorded: the process died between the
 * send and the record (its claim then lapses after the lease, or at once when a single-instance store restarts).
 * While a message is held (claimed or handed over and not yet recorded), its lease is renewed, so a slow channel
 * never lets another worker take it. At most `window` messages are held at once.
 *
 * PreventUserExistenceErrors: a simulated resend hands over a decoy (docs/security.md). It is never sent and never
 * counted; its attempt is recorded in the decoy tables like a real one, so the work after the answer is the same.
 */
import type { Logger } from "pino";
import type { Clock, Random } from "../domain/clock.js";
import { timeOrderedId } from "../domain/ids.js";
import type { AttemptNext, DeliveryAttempt, OutboxMessage, Store } from "../store/types.js";

export interface Channel {
  readonly id: string;
  /**
   * Resolves when the message was handed over; rejects with the reason otherwise: a `PermanentDeliveryError` when
   * trying again cannot help (the recipient was refused), any other error for a failure worth retrying.
   */
  send(message: OutboxMessage): Promise<void>;
  close?(): Promise<void>;
}

/** A channel's refusal that no retry can change (an SMTP 5xx for the recipient, a webhook's 4xx other than 408/429). */
export class PermanentDeliveryError extends Error {
  readonly permanent = true;
}

export const isPermanent = (err: unknown) => (err as { permanent?: unknown } | null)?.permanent === true;

/** Tries of a message where nothing expires, unless `maxAttempts` says otherwise. */
export const ATTEMPTS_WITHOUT_EXPIRY = 5;

/**
 * What became of one try: `sent`; `failed`, to be retried; `abandoned`, given up (status `failed`: refused for good
 * or out of tries; the name is the metric's, userpool_messages_abandoned_total); `expired` (the next try would come
 * after the message's expiry, or it had expired before it was tried).
 */
export type AttemptOutcome = "sent" | "failed" | "abandoned" | "expired";

export interface WorkerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  log: Logger;
  channelFor: (message: OutboxMessage) => Channel;
  /**
   * Set: the most tries of any message (then `failed`), whether or not it expires. Unset: a message with an expiry is
   * tried until it expires, one without `ATTEMPTS_WITHOUT_EXPIRY` times.
   */
  maxAttempts?: number;
  baseDelayMs: number;
  /** The backoff stops doubling here. */
  maxDelayMs: number;
  leaseMs: number;
  /** Messages being sent at once. */
  concurrency: number;
  /** Messages held at once: claimed or handed over, and not yet recorded (default 256). */
  window?: number;
  /** Most messages one claim takes (default 100). */
  claimBatch?: number;
  pollMs: number;
  /** After a hand-over, look for claimable messages too, but at most this often (default 50 ms). */
  nudgeMs?: number;
  /**
   * Erase a message's code and text once it is sent or finished (production: codes are kept only as HMACs; the
   * dev inbox, which shows them, is off there).
   */
  eraseFinished?: boolean;
  /**
   * Record a batch of only attempts (or only decoy attempts) with one store call outside a transaction (PostgreSQL,
   * where it is one statement). Otherwise every batch is a transaction (on SQLite it joins the next group commit).
   */
  singleCalls?: boolean;
  /**
   * Record this long after the first unrecorded outcome rather than at the next turn of the event loop, so that the
   * outcomes of that time share one statement (PostgreSQL: a round trip per batch instead of per message even at
   * one request at a time). 0 or unset: the next turn.
   */
  recordDelayMs?: number;
  /** The store has a single instance (SQLite): claims left by a crashed process can be released at start. */
  releaseClaimsOnStart?: boolean;
  onAttempt?: (message: OutboxMessage, channel: string, outcome: AttemptOutcome, ms: number) => void;
}

/** A decoy message a simulated resend wrote (slot and id in `outbox_decoy`). */
export interface DecoyRef { slot: number; id: string }

/**
 * What one transaction queued already claimed for this worker (see `OutboxWorker.handoff`); handed over with
 * `accept` once the transaction has committed. Never hand over what a rolled-back transaction wrote.
 */
export interface Handoff {
  /** The lease the messages are written with (status `processing`). */
  readonly leaseUntil: number;
  readonly messages: OutboxMessage[];
  readonly decoys: DecoyRef[];
}

/** The delay before try `attempt + 1`: base·2^(attempt-1), capped, ±10 % jitter so retries of a burst spread out. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, jitter = Math.random()): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(delay * (0.9 + 0.2 * jitter));
}

interface Outcome {
  m: OutboxMessage;
  channel: string;
  error: string | null;
  started: number;
  /** Null: the message had expired when its turn came, and was not tried. */
  attempt: DeliveryAttempt | null;
  next: AttemptNext;
  permanent: boolean;
}

/** Lease renewals name at most this many messages per statement. */
const RENEW_CHUNK = 500;

export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pending = false;
  /** Claimed or handed over and not yet recorded: their leases are renewed while they are here. */
  private readonly held = new Map<string, OutboxMessage>();
  private waiting: OutboxMessage[] = [];
  private sending = 0;
  private outcomes: Outcome[] = [];
  private decoys: { slot: number; attempt: DeliveryAttempt }[] = [];
  private recording = false;
  private flushScheduled = false;
  /** The claim loop found no room: wake it when recording makes some. */
  private starved = false;
  private lastLook = 0;
  private nudgeTimer: NodeJS.Timeout | undefined;
  /** A pump is scheduled for the next turn of the event loop (`accept`). */
  private pumpSoon = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly window: number;
  private readonly claimBatch: number;
  private readonly nudgeMs: number;

  constructor(private readonly o: WorkerOptions) {
    this.window = Math.max(1, o.window ?? 256);
    this.claimBatch = Math.max(1, o.claimBatch ?? 100);
    this.nudgeMs = o.nudgeMs ?? 50;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    // A slow send keeps its claim: the leases of held messages are renewed, so they only lapse when this process is gone.
    this.heartbeat = setInterval(() => {
      if (!this.held.size) return;
      const ids = [...this.held.keys()];
      const until = this.o.clock.now() + this.o.leaseMs;
      for (let i = 0; i < ids.length; i += RENEW_CHUNK) {
        this.o.store.extendLeases(ids.slice(i, i + RENEW_CHUNK), until)
          .catch((err) => this.o.log.error({ err }, "outbox: renewing claims failed"));
      }
    }, Math.max(50, Math.floor(this.o.leaseMs / 3)));
    this.heartbeat.unref();
  }

  /** Something may be claimable (messages were queued, a retry fell due): look now rather than at the next poll. */
  wake = () => {
    this.pending = true;
    this.wakeUp?.();
  };

  /**
   * For a transaction about to queue messages: a hand-over to write them with (claimed by this worker), or
   * undefined when the worker is not taking more now (then they are queued and claimed later).
   */
  handoff(): Handoff | undefined {
    if (!this.running || this.held.size >= this.window) return undefined;
    return { leaseUntil: this.o.clock.now() + this.o.leaseMs, messages: [], decoys: [] };
  }

  /** The transaction that filled `h` has committed: send its messages now (and record its decoys' attempts). */
  accept(h: Handoff) {
    // Stopping: they stay claimed in the store until their lease lapses (or a single-instance store restarts).
    if (!this.running) return;
    this.take(h.messages);
    if (h.decoys.length) {
      const at = this.o.clock.now();
      for (const d of h.decoys) {
        this.decoys.push({ slot: d.slot, attempt: { id: timeOrderedId(at, this.o.random), messageId: d.id, at, channel: "decoy", outcome: "success", error: null } });
      }
      this.scheduleFlush();
    }
    // Sent on the next turn of the event loop, after the request that handed them over has written its answer: the
    // channel's first steps (the dev console line, the dev inbox) run synchronously, and a real user's answer must
    // not carry them where a PreventUserExistenceErrors decoy's does not (SQLite, `node bench/lib/pue.mjs`:
    // unknown/known 0.963 before, 0.974-0.976 after, 2026-12-07).
    if (!this.pumpSoon) {
      this.pumpSoon = true;
      setImmediate(() => { this.pumpSoon = false; this.pump(); });
    }
    this.nudge();
  }

  /** Stops claiming, then delivers and records what it holds. */
  async stop() {
    this.running = false;
    clearTimeout(this.nudgeTimer);
    this.wakeUp?.();
    await this.loop;
    while (this.held.size || this.sending || this.recording || this.flushScheduled || this.decoys.length) {
      await new Promise((r) => setTimeout(r, 2));
    }
    clearInterval(this.heartbeat);
  }

  /** Holds newly claimed messages (skipping any this worker already holds) and queues them for sending. */
  private take(messages: OutboxMessage[]) {
    for (const m of messages) {
      if (this.held.has(m.id)) continue;
      this.held.set(m.id, m);
      this.waiting.push(m);
    }
  }

  /** A hand-over happened: look for claimable messages too, but not more often than every `nudgeMs`. */
  private nudge() {
    if (this.nudgeTimer) return;
    const wait = this.lastLook + this.nudgeMs - performance.now();
    if (wait <= 0) return this.wake();
    this.nudgeTimer = setTimeout(() => { this.nudgeTimer = undefined; this.wake(); }, wait);
    this.nudgeTimer.unref();
  }

  private async run() {
    if (this.o.releaseClaimsOnStart) {
      try {
        const n = await this.o.store.releaseClaims();
        if (n) this.o.log.info({ messages: n }, "outbox: released the claims of a previous run");
      } catch (err) {
        this.o.log.error({ err }, "outbox: releasing old claims failed");
      }
    }
    while (this.running) {
      this.pending = false;
      const free = Math.min(this.claimBatch, this.window - this.held.size);
      this.starved = free <= 0;
      let claimed = 0;
      if (free > 0) {
        this.lastLook = performance.now();
        try {
          const messages = await this.o.store.claimDue(this.o.clock.now(), free, this.o.leaseMs);
          claimed = messages.length;
          this.take(messages);
          this.pump();
        } catch (err) {
          this.o.log.error({ err }, "outbox: claiming messages failed");
        }
      }
      if (!this.running) break;
      if ((free > 0 && claimed === free) || this.pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.o.pollMs);
        this.wakeUp = () => { clearTimeout(timer); resolve(); };
      });
      this.wakeUp = undefined;
    }
  }

  /** Starts sends while there is room for them. */
  private pump() {
    while (this.sending < this.o.concurrency && this.waiting.length) {
      const m = this.waiting.shift()!;
      this.sending++;
      void this.send(m).then((outcome) => {
        this.sending--;
        this.outcomes.push(outcome);
        this.scheduleFlush();
        this.pump();
      });
    }
  }

  /** The most tries `m` gets: the configured limit, else none for a message that expires. */
  private attemptLimit(m: OutboxMessage): number {
    return this.o.maxAttempts ?? (m.expiresAt != null ? Infinity : ATTEMPTS_WITHOUT_EXPIRY);
  }

  /** One attempt; never rejects. */
  private async send(m: OutboxMessage): Promise<Outcome> {
    const { clock, random } = this.o;
    const erase = this.o.eraseFinished || undefined;
    const started = clock.now();
    // Its code no longer works (it waited out an outage, or a stopped server): not worth sending.
    if (m.expiresAt != null && started >= m.expiresAt) {
      let channelId = "none";
      try { channelId = this.o.channelFor(m).id; } catch { /* counted under "none" */ }
      return { m, channel: channelId, error: null, started, attempt: null, next: { status: "expired", erase }, permanent: false };
    }
    let channel: Channel | undefined;
    let error: string | null = null;
    let permanent = false;
    try {
      channel = this.o.channelFor(m);
      await channel.send(m);
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)) || "delivery failed";
      permanent = isPermanent(err);
    }
    const now = clock.now();
    const attempt = m.attempts + 1;
    let next: AttemptNext;
    if (error === null) next = { status: "sent", erase };
    else if (permanent || attempt >= this.attemptLimit(m)) next = { status: "failed", erase };
    else {
      const retryAt = now + retryDelay(attempt, this.o.baseDelayMs, this.o.maxDelayMs);
      // A try after the expiry could not deliver a working code: the message ends here.
      next = m.expiresAt != null && retryAt >= m.expiresAt ? { status: "expired", erase } : { status: "queued", retryAt };
    }
    const channelId = channel?.id ?? "none";
    return {
      m, channel: channelId, error, started, next, permanent,
      // Time-ordered ids: each attempt lands at the end of the attempts' primary-key index, not on a random page.
      attempt: { id: timeOrderedId(now, random), messageId: m.id, at: now, channel: channelId, outcome: error === null ? "success" : "failure", error },
    };
  }

  /**
   * Records at the next turn of the event loop, so that every outcome known by then (and, on SQLite, the requests
   * that arrived in that turn) share one transaction, and the recording does not get a commit of its own.
   */
  private scheduleFlush() {
    if (this.flushScheduled || this.recording) return;
    this.flushScheduled = true;
    const flush = () => {
      this.flushScheduled = false;
      void this.record();
    };
    if (this.o.recordDelayMs) setTimeout(flush, this.o.recordDelayMs);
    else setImmediate(flush);
  }

  private async record() {
    if (this.recording || (!this.outcomes.length && !this.decoys.length)) return;
    this.recording = true;
    let batch: Outcome[] | undefined;
    let decoys: { slot: number; attempt: DeliveryAttempt }[] | undefined;
    try {
      // `singleCalls` (PostgreSQL): the usual batch (only attempts, or only decoys' attempts) is one store call, one
      // statement atomic by itself, so no transaction (and none of its round trips) around it.
      const only = !this.o.singleCalls ? undefined : this.outcomes.every((o) => o.attempt) ? (this.decoys.length ? (this.outcomes.length ? undefined : "decoys") : "attempts") : undefined;
      if (only === "attempts") {
        batch = this.outcomes.splice(0);
        decoys = [];
        await this.o.store.recordAttempts(batch.map((o) => ({ attempt: o.attempt!, next: o.next })));
      } else if (only === "decoys") {
        batch = [];
        decoys = this.decoys.splice(0);
        await this.o.store.recordDecoyAttempts(decoys);
      } else await this.o.store.tx(async (tx) => {
        // Taken when the transaction runs, so that every outcome known by then joins it (a retried transaction
        // records the same batch again).
        batch ??= this.outcomes.splice(0);
        decoys ??= this.decoys.splice(0);
        const tried = batch.filter((o) => o.attempt);
        const untried = batch.filter((o) => !o.attempt);
        if (tried.length) await tx.recordAttempts(tried.map((o) => ({ attempt: o.attempt!, next: o.next })));
        if (untried.length) await tx.expireUnsent(untried.map((o) => o.m.id), this.o.clock.now(), this.o.eraseFinished);
        if (decoys.length) await tx.recordDecoyAttempts(decoys);
      });
    } catch (err) {
      batch ??= this.outcomes.splice(0);
      decoys ??= this.decoys.splice(0);
      // The leases run out and the messages are tried again: at least once, never lost.
      this.o.log.error({ err, messageIds: batch.map((o) => o.m.id) }, "outbox: recording attempts failed");
    }
    for (const o of batch ?? []) {
      this.held.delete(o.m.id);
      this.settled(o);
    }
    this.recording = false;
    if (this.outcomes.length || this.decoys.length) this.scheduleFlush();
    if (this.starved && this.running) { this.starved = false; this.wake(); }
  }

  private settled(o: Outcome) {
    const { log, clock } = this.o;
    const { m, error, next } = o;
    // Look again when the retry falls due rather than at the next poll, so retry delays keep their length.
    if (next.status === "queued" && this.running) setTimeout(this.wake, Math.max(0, next.retryAt! - clock.now()) + 5).unref();
    const attempt = m.attempts + 1;
    const outcome: AttemptOutcome = next.status === "sent" ? "sent" : next.status === "queued" ? "failed"
      : next.status === "expired" ? "expired" : "abandoned";
    const fields = { messageId: m.id, channel: o.channel, attempt, purpose: m.purpose, ...(error !== null ? { error } : {}) };
    if (outcome === "failed") log.warn({ ...fields, retryAt: next.retryAt, expiresAt: m.expiresAt ?? undefined }, "outbox: delivery failed, will retry");
    else if (outcome === "abandoned") {
      log.error({ ...fields, permanent: o.permanent }, o.permanent ? "outbox: delivery refused for good, message failed"
        : "outbox: delivery failed after the last attempt, message failed");
    } else if (outcome === "expired") {
      log.warn({ ...fields, expiresAt: m.expiresAt, tried: o.attempt !== null }, "outbox: message expired before it could be delivered");
    }
    this.o.onAttempt?.(m, o.channel, outcome, o.attempt ? o.attempt.at - o.started : 0);
  }
}
