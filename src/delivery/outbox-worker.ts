/**
 * The outbox worker: claims due messages (a lease, so a crashed claimer's messages come back), sends each through
 * its channel, records every attempt, retries with exponential backoff and jitter, and abandons a message after its
 * last try. Delivery is at least once; nothing is ever sent inside a request.
 */
import type { Logger } from "pino";
import type { Clock, Random } from "../domain/clock.js";
import type { OutboxMessage, Store } from "../store/types.js";

export interface Channel {
  readonly id: string;
  /** Resolves when the message was handed over; rejects with the reason otherwise. */
  send(message: OutboxMessage): Promise<void>;
}

export interface WorkerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  log: Logger;
  channelFor: (message: OutboxMessage) => Channel;
  maxAttempts: number;
  baseDelayMs: number;
  leaseMs: number;
  batch: number;
  pollMs: number;
  onAttempt?: (message: OutboxMessage, outcome: "sent" | "failed" | "abandoned", ms: number) => void;
}

export class OutboxWorker {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pending = false;

  constructor(private readonly o: WorkerOptions) {}

  start() {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** A transaction committed new messages: look now rather than at the next poll. */
  wake = () => {
    this.pending = true;
    this.wakeUp?.();
  };

  async stop() {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
  }

  /** Claims and delivers one batch; returns how many messages it handled. */
  async tick(): Promise<number> {
    const { store, clock } = this.o;
    const claimed = await store.claimDue(clock.now(), this.o.batch, this.o.leaseMs);
    await Promise.all(claimed.map((m) => this.deliver(m)));
    return claimed.length;
  }

  private async run() {
    while (this.running) {
      this.pending = false;
      let handled = 0;
      try {
        handled = await this.tick();
      } catch (err) {
        this.o.log.error({ err }, "outbox: claiming messages failed");
      }
      if (!this.running) break;
      if (handled === this.o.batch || this.pending) continue;
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
    try {
      await channel.send(m);
      await store.recordAttempt({ id: random.uuid(), messageId: m.id, at: clock.now(), channel: channel.id, outcome: "success", error: null }, { status: "sent" });
      this.o.onAttempt?.(m, "sent", clock.now() - started);
    } catch (err) {
      const attempt = m.attempts + 1;
      const error = err instanceof Error ? err.message : String(err);
      const last = attempt >= this.o.maxAttempts;
      const delay = this.o.baseDelayMs * 2 ** (attempt - 1);
      const retryAt = clock.now() + delay + Math.floor(Math.random() * delay * 0.2);
      await store.recordAttempt(
        { id: random.uuid(), messageId: m.id, at: clock.now(), channel: channel.id, outcome: "failure", error },
        last ? { status: "abandoned" } : { status: "queued", retryAt },
      ).catch((e) => log.error({ err: e, messageId: m.id }, "outbox: recording an attempt failed"));
      log.warn({ messageId: m.id, channel: channel.id, attempt, error, abandoned: last }, "outbox: delivery failed");
      this.o.onAttempt?.(m, last ? "abandoned" : "failed", clock.now() - started);
    }
  }
}
