/**
 * Delivery, wired: the outbox worker that drives the channels, the change signal the dev inbox page listens to, and
 * `withOutbox`, the one way an operation sends messages (src/domain/outbox.ts). The server creates one and hands
 * `withOutbox` to the operations.
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock, Random } from "../domain/clock.js";
import type { OutboxWriter, WithOutbox } from "../domain/outbox.js";
import type { OutboxMessage, Store } from "../store/types.js";
import type { Channels } from "./channels/index.js";
import { ChangeSignal } from "./events.js";
import { OutboxWorker, type AttemptOutcome } from "./outbox-worker.js";

export interface Delivery {
  worker: OutboxWorker;
  channels: Channels;
  /** Rings when messages were queued or an attempt finished. */
  changes: ChangeSignal;
  /** For the operations: one transaction that may queue messages, delivered after its commit. */
  withOutbox: WithOutbox;
  start(): void;
  close(): Promise<void>;
}

export interface DeliveryOptions {
  config: Config;
  channels: Channels;
  store: Store;
  clock: Clock;
  random: Random;
  log: Logger;
  onAttempt?: (message: OutboxMessage, channel: string, outcome: AttemptOutcome, ms: number) => void;
  /** A request committed a real message for this medium. */
  onQueued?: (medium: "EMAIL" | "SMS") => void;
}

export function createDelivery(o: DeliveryOptions): Delivery {
  const { config, channels } = o;
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

  const withOutbox: WithOutbox = async (fn) => {
    let queued: OutboxMessage[] = [];
    let decoys = 0;
    let handoff: ReturnType<OutboxWorker["handoff"]>;
    const result = await o.store.tx((tx) => {
      // Asked in the transaction: a retried one starts over with a fresh hand-over. With one, messages are written
      // claimed by this instance's worker (status `processing`, its lease) and sent right after the commit, with no
      // claim query; without one (the worker is full or stopping) they are queued for a claim.
      handoff = worker.handoff();
      queued = [];
      decoys = 0;
      const h = handoff;
      const out: OutboxWriter = {
        async enqueue(m) {
          if (h) { m.status = "processing"; m.leaseUntil = h.leaseUntil; }
          await tx.enqueue(m);
          queued.push(m);
          h?.messages.push(m);
        },
        async enqueueDecoy(slot, m) {
          // A decoy is handed over as a message would be (and never sent): the worker records its attempt.
          await tx.writeDecoy(slot, { ...m, code: null, ...(h ? { status: "processing" as const, leaseUntil: h.leaseUntil } : {}) });
          decoys++;
          h?.decoys.push({ slot, id: m.id });
        },
      };
      return fn(tx, out);
    });
    if (queued.length || decoys) {
      for (const m of queued) o.onQueued?.(m.channel);
      if (handoff) worker.accept(handoff);
      else if (queued.length) worker.wake();
      if (queued.length) changes.emit();
    }
    return result;
  };

  return {
    worker, channels, changes, withOutbox,
    start: () => worker.start(),
    async close() {
      await worker.stop();
      await channels.close();
    },
  };
}
