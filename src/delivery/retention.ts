/**
 * Retention: a small outbox. Sent, superseded and expired messages (and their attempts) are deleted once they are
 * older than the retention period (`--outbox-retention-days`, default 7), in small batches, each its own short
 * transaction, with a pause between batches: off the request path, and never a long hold on the SQLite writer.
 * Queued, processing and failed messages are never deleted (failed ones wait for `userpool outbox retry`). On
 * PostgreSQL every instance runs it; two deleting the same rows do no harm.
 */
import type { Logger } from "pino";
import type { Clock } from "../domain/clock.js";
import type { Store } from "../store/types.js";

export interface RetentionOptions {
  store: Pick<Store, "pruneOutbox">;
  clock: Clock;
  log: Logger;
  /** How long finished messages are kept, counted from their creation. */
  retentionMs: number;
  /** Messages per batch (default 200). */
  batch?: number;
  /** Pause between two batches of one sweep (default 20 ms). */
  pauseMs?: number;
  /** Time between sweeps (default 10 minutes; the first one runs a minute after start). */
  everyMs?: number;
  firstAfterMs?: number;
}

export interface Retention {
  start(): void;
  /** Runs one sweep now (every batch until nothing is left to delete); resolves with the number deleted. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

export function startRetention(o: RetentionOptions): Retention {
  const batch = o.batch ?? 200;
  const pauseMs = o.pauseMs ?? 20;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function sweepOnce(): Promise<number> {
    let total = 0;
    // The cutoff is fixed for the sweep, so it ends even while messages keep finishing.
    const before = o.clock.now() - o.retentionMs;
    while (!stopped) {
      const n = await o.store.pruneOutbox(before, batch);
      total += n;
      if (n < batch) break;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
    if (total) o.log.info({ messages: total, retentionMs: o.retentionMs }, "outbox: retention deleted finished messages");
    return total;
  }

  const sweep = () => (running ??= sweepOnce().finally(() => { running = undefined; }));
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      sweep().catch((err) => o.log.error({ err }, "outbox: retention failed")).finally(() => schedule(o.everyMs ?? 10 * 60_000));
    }, ms);
    timer.unref();
  };

  return {
    start() { if (!timer && !stopped) schedule(o.firstAfterMs ?? 60_000); },
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
