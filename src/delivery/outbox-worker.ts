/**
 * The outbox worker: claims due messages (a lease, so a crashed claimer's messages come back), sends each through
 * its channel, records every attempt, retries with exponential backoff and jitter, and abandons a message after its
 * last try. Delivery is at least once; nothing is ever sent inside a request.
 *
 * A message is only sent again when an attempt's outcome could not be recorded: the process died between the
 * send and the record (its claim then lapses after the lease, or at once when a single-instance store restarts).
 * While a message is being sent, its lease is renewed, so a slow channel never lets another worker take it.
 */
import type { Logger } from "pino";
import type { Clock, Random } from "../domain/clock.js";
import type { OutboxMessage, Store } from "../store/types.js";

export interface Channel {
  readonly id: string;
  /** Resolves when the message was handed over; rejects with the reason otherwise. */
  send(message: OutboxMessage): Promise<void>;
  close?(): Promise<void>;
}

export type AttemptOutcome = "sent" | "failed" | "abandoned";

export interface WorkerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  log: Logger;
  channelFor: (message: OutboxMessage) => Channel;
  maxAttempts: number;
  baseDelayMs: number;
  /** The backoff stops doubling here. */
  maxDelayMs: number;
  leaseMs: number;
  /** Messages in flight at once. */
  concurrency: number;
  pollMs: number;
  /** The store has a single instance (SQLite): claims left by a crashed process can be released at start. */
  releaseClaimsOnStart?: boolean;
  onAttempt?: (message: OutboxMessage, channel: string, outcome: AttemptOutcome, ms: number) => void;
}

/** The delay before try `attempt + 1`: base·2^(attempt-1), capped, ±10 % jitter so retries of a burst spread out. */
export function retryDelay(attempt: number, baseMs: number, maxMs: number, jitter = Math.random()): number {
  const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(delay * (0.9 + 0.2 * jitter));
}

export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pending = false;
  private readonly inflight = new Map<string, Promise<void>>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly o: WorkerOptions) {}

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    // A slow send keeps its claim: the lease is renewed while the message is in flight, so it only lapses
    // when this process is gone.
    this.heartbeat = setInterval(() => {
      if (!this.inflight.size) return;
      this.o.store.extendLeases([...this.inflight.keys()], this.o.clock.now() + this.o.leaseMs)
        .catch((err) => this.o.log.error({ err }, "outbox: renewing claims failed"));
    }, Math.max(50, Math.floor(this.o.leaseMs / 3)));
    this.heartbeat.unref();
  }

  /** A transaction committed new messages (or a delivery finished): look now rather than at the next poll. */
  wake = () => {
    this.pending = true;
    this.wakeUp?.();
  };

  /** Stops claiming and waits for the deliveries in flight. */
  async stop() {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    await Promise.all(this.inflight.values());
    clearInterval(this.heartbeat);
  }

  /** Claims and delivers one batch, waiting for it; returns how many messages it handled. */
  async tick(limit = this.o.concurrency): Promise<number> {
    const claimed = await this.o.store.claimDue(this.o.clock.now(), limit, this.o.leaseMs);
    await Promise.all(claimed.map((m) => this.deliver(m)));
    return claimed.length;
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
      const free = this.o.concurrency - this.inflight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          const messages = await this.o.store.claimDue(this.o.clock.now(), free, this.o.leaseMs);
          claimed = messages.length;
          for (const m of messages) {
            const p = this.deliver(m).finally(() => { this.inflight.delete(m.id); this.wake(); });
            this.inflight.set(m.id, p);
          }
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

  private async deliver(m: OutboxMessage) {
    const { store, clock, random, log } = this.o;
    const channel = this.o.channelFor(m);
    const started = clock.now();
    let error: string | null = null;
    try {
      await channel.send(m);
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)) || "delivery failed";
    }
    const now = clock.now();
    const attempt = m.attempts + 1;
    const last = error !== null && attempt >= this.o.maxAttempts;
    const outcome: AttemptOutcome = error === null ? "sent" : last ? "abandoned" : "failed";
    const next = error === null ? { status: "sent" as const }
      : last ? { status: "abandoned" as const }
      : { status: "queued" as const, retryAt: now + retryDelay(attempt, this.o.baseDelayMs, this.o.maxDelayMs) };
    try {
      await store.tx((tx) => tx.recordAttempt(
        { id: random.uuid(), messageId: m.id, at: now, channel: channel.id, outcome: error === null ? "success" : "failure", error }, next));
    } catch (err) {
      // The lease runs out and the message is tried again: at least once, never lost.
      log.error({ err, messageId: m.id }, "outbox: recording an attempt failed");
    }
    // Look again when the retry falls due rather than at the next poll, so retry delays keep their length.
    if (next.status === "queued" && this.running) setTimeout(this.wake, Math.max(0, next.retryAt - clock.now()) + 5).unref();
    if (error !== null) {
      const level = last ? "error" : "warn";
      log[level]({ messageId: m.id, channel: channel.id, attempt, maxAttempts: this.o.maxAttempts, error, abandoned: last },
        last ? "outbox: delivery abandoned after the last attempt" : "outbox: delivery failed, will retry");
    }
    this.o.onAttempt?.(m, channel.id, outcome, now - started);
  }
}
