/**
 * Delivery, wired: the channels for each medium, the outbox worker that drives them, and the change signal the
 * dev inbox page listens to. The server creates one and hands `wake` to the operations.
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock, Random } from "../domain/clock.js";
import type { OutboxMessage, Store } from "../store/types.js";
import { createChannels, type Channels } from "./channels/index.js";
import { ChangeSignal } from "./events.js";
import { OutboxWorker, type AttemptOutcome, type Handoff } from "./outbox-worker.js";

export interface Delivery {
  worker: OutboxWorker;
  channels: Channels;
  /** Rings when messages were queued or an attempt finished. */
  changes: ChangeSignal;
  /**
   * For the operations, before a transaction queues messages: a hand-over to write them with (claimed by this
   * instance's worker, which sends them right after the commit), or undefined (queue them). See OutboxWorker.
   */
  handoff: () => Handoff | undefined;
  /**
   * For the operations: a transaction just committed messages, handed over in `h` (or queued, without it); `queued`
   * is the medium of the real message it queued.
   */
  wake: (h?: Handoff, queued?: "EMAIL" | "SMS") => void;
  start(): void;
  close(): Promise<void>;
}

export interface DeliveryOptions {
  config: Config;
  store: Store;
  clock: Clock;
  random: Random;
  log: Logger;
  /** The dev console printer (dev mode only). */
  print?: (line: string) => void;
  onAttempt?: (message: OutboxMessage, channel: string, outcome: AttemptOutcome, ms: number) => void;
  /** A request committed a real message for this medium. */
  onQueued?: (medium: "EMAIL" | "SMS") => void;
}

export function createDelivery(o: DeliveryOptions): Delivery {
  const { config } = o;
  const channels = createChannels(config, { now: () => o.clock.now(), print: o.print });
  const changes = new ChangeSignal();
  const worker = new OutboxWorker({
    store: o.store, clock: o.clock, random: o.random, log: o.log, channelFor: channels.channelFor,
    maxAttempts: config.deliveryMaxAttempts, baseDelayMs: config.deliveryBaseDelayMs, maxDelayMs: config.deliveryMaxDelayMs,
    leaseMs: config.outboxLeaseMs, concurrency: 10, window: 256, pollMs: 1000,
    releaseClaimsOnStart: o.store.dialect === "sqlite", eraseFinished: config.mode === "production",
    onAttempt: (m, channel, outcome, ms) => {
      o.onAttempt?.(m, channel, outcome, ms);
      changes.emit();
    },
  });
  return {
    worker, channels, changes,
    handoff: () => worker.handoff(),
    wake: (h, queued) => {
      if (queued) o.onQueued?.(queued);
      if (h) worker.accept(h);
      else worker.wake();
      if (!h || h.messages.length) changes.emit();
    },
    start: () => worker.start(),
    async close() {
      await worker.stop();
      await channels.close();
    },
  };
}
