/** Fixed-window counters: the per-user resend and attempt limits, the per-IP limiter. */
import type { CounterRepo } from "../types.js";
import type { SqlExecutor } from "./shared.js";

export function counterRepo(db: SqlExecutor): CounterRepo {
  return {
    async hit(poolId, subject, kind, now, windowMs) {
      const expired = now - windowMs;
      const r = await db.get(
        "INSERT INTO counters (pool_id, subject, kind, window_start, count) VALUES (?, ?, ?, ?, 1) " +
        "ON CONFLICT (pool_id, subject, kind) DO UPDATE SET " +
        "count = CASE WHEN counters.window_start <= ? THEN 1 ELSE counters.count + 1 END, " +
        "window_start = CASE WHEN counters.window_start <= ? THEN ? ELSE counters.window_start END " +
        "RETURNING count",
        [poolId, subject, kind, now, expired, expired, now]);
      return Number(r!.count);
    },
    async pruneCounters(poolId, olderThan) {
      return (await db.run("DELETE FROM counters WHERE pool_id = ? AND window_start <= ?", [poolId, olderThan])).changes;
    },
  };
}
