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
import { OutboxWorker, type AttemptOutcome, type Handoff } from "./outbox-worker.js";
import { startRetention, type Retention } from "./retention.js";

/**
 * The purpose group a message's code belongs to: messages of one group for one user replace one another (a resend
 * replaces the sign-up code). A purpose not named here is a group of its own.
 */
const PURPOSE_GROUP: Record<string, string> = { SIGN_UP: "SIGN_UP", RESEND_CODE: "SIGN_UP" };
const groupOf = (purpose: string) => PURPOSE_GROUP[purpose] ?? purpose;

/**
 * The supersede key of a message: its own if set, else, for a message that carries a code, pool + user + purpose
 * group (a newer code makes the older one useless). Spaces separate the parts: no pool id or username contains one.
 */
export function supersedeKeyOf(m: OutboxMessage): string | null {
  if (m.supersedeKey !== undefined) return m.supersedeKey;
  return m.code != null ? `${m.poolId} ${m.username} ${groupOf(m.purpose)}` : null;
}

export interface Delivery {
  worker: OutboxWorker;
  channels: Channels;
  /** Rings when messages were queued or an attempt finished. */
  changes: ChangeSignal;
  /** For the operations: one transaction that may queue messages, delivered after its commit. */
  withOutbox: WithOutbox;
  /** The retention job (deletes old finished messages), started with `start`. */
  retention: Retention;
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
    releaseClaimsOnStart: o.store.dialect === "sqlite", singleCalls: o.store.dialect === "postgres",
    // PostgreSQL: every record and claim is a round trip. 10 ms of outcomes share one record; after hand-overs the
    // worker also looks for other claimable messages at most every 200 ms (docs/postgres.md).
    recordDelayMs: o.store.dialect === "postgres" ? 10 : 0,
    ...(o.store.dialect === "postgres" ? { nudgeMs: 200 } : {}), eraseFinished: config.mode === "production",
    onAttempt: (m, channel, outcome, ms) => {
      o.onAttempt?.(m, channel, outcome, ms);
      changes.emit();
    },
  });

  // Production keeps no code longer than needed: a superseded message's code and text go at once.
  const eraseSuperseded = config.mode === "production";
  /**
   * A message as it is written: claimed by the hand-over `h` if there is one, with its supersede key (set here, so
   * that no operation can forget it: the older undelivered messages of that key are superseded in the same write,
   * `OutboxRepo.enqueue`); a decoy is a copy without its code.
   */
  const prepared = (m: OutboxMessage, h: Handoff | undefined, decoy: boolean): OutboxMessage => {
    const out = decoy ? { ...m, code: null } : m;
    out.supersedeKey = supersedeKeyOf(m);
    if (h) { out.status = "processing"; out.leaseUntil = h.leaseUntil; }
    return out;
  };
  const inTransaction = async <T>(fn: (tx: Parameters<Parameters<WithOutbox>[0]>[0], out: OutboxWriter) => Promise<T>): Promise<T> => {
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
          await tx.enqueue(prepared(m, h, false), { eraseSuperseded });
          queued.push(m);
          h?.messages.push(m);
        },
        async enqueueDecoy(slot, m) {
          // A decoy is handed over as a message would be (and never sent): the worker records its attempt.
          await tx.writeDecoy(slot, prepared(m, h, true), { eraseSuperseded });
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

  // A code and its message in one store call (one statement on PostgreSQL): what `enqueue`/`enqueueDecoy` do
  // around the write (supersede key, hand-over, wake-up), without a transaction of its own.
  /** After the store call wrote `m` (or the decoy of `slot`): the hand-over, or a wake-up, as after a transaction. */
  const written = (h: Handoff | undefined, m: OutboxMessage, slot?: number) => {
    if (slot !== undefined) h?.decoys.push({ slot, id: m.id });
    else { h?.messages.push(m); o.onQueued?.(m.channel); }
    if (h) worker.accept(h);
    else if (slot === undefined) worker.wake();
    if (slot === undefined) changes.emit();
  };
  const issue: WithOutbox["issue"] = async (i) => {
    const h = worker.handoff();
    const decoy = i.decoySlot !== undefined;
    const m = prepared(i.message, h, decoy);
    const r = await o.store.issueCodeMessage({ ...i, message: m, eraseSuperseded });
    if (r === "issued") written(h, m, i.decoySlot);
    return r;
  };
  const resend: WithOutbox["resend"] = async (q) => {
    const h = worker.handoff();
    const candidates = q.candidates.map((c) => ({ ...c, message: prepared(c.message, h, false) }));
    const decoy = q.decoy && { ...q.decoy, message: prepared(q.decoy.message, h, true) };
    const group = groupOf(candidates[0]?.message.purpose ?? "");
    const r = await o.store.resendCode({ ...q, candidates, decoy, supersedeGroup: group, eraseSuperseded });
    if (r.r === "simulated") written(h, decoy!.message, decoy!.slot);
    if (r.r === "issued") {
      // The row as the store wrote it: to the user's address, under their stored username.
      const m = candidates.find((c) => c.attribute === r.attribute)!.message;
      Object.assign(m, { destination: r.destination, username: r.username, supersedeKey: `${m.poolId} ${r.username} ${group}` });
      written(h, m);
    }
    return r;
  };
  const withOutbox: WithOutbox = Object.assign(inTransaction, { issue, resend, atOnce: o.store.dialect === "postgres" });

  const retention = startRetention({
    store: o.store, clock: o.clock, log: o.log, retentionMs: config.outboxRetentionDays * 86_400_000,
  });

  return {
    worker, channels, changes, withOutbox, retention,
    start: () => { worker.start(); retention.start(); },
    async close() {
      await retention.stop();
      await worker.stop();
      await channels.close();
    },
  };
}
