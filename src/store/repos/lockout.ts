/** Failed password attempts per user, for the temporary lockout (src/domain/lockout.ts). */
import type { LockoutRepo } from "../types.js";
import type { SqlExecutor } from "./shared.js";

/** The later of the last failure and the end of the last lock: quiet since then. */
const LAST_ACTIVITY = "CASE WHEN COALESCE(sign_in_failures.locked_until, 0) > sign_in_failures.last_failure_at " +
  "THEN sign_in_failures.locked_until ELSE sign_in_failures.last_failure_at END";

export function lockoutRepo(db: SqlExecutor): LockoutRepo {
  return {
    async getSignInFailures(poolId, usernameKey) {
      const r = await db.get("SELECT * FROM sign_in_failures WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      return r && {
        failures: Number(r.failures), lastFailureAt: Number(r.last_failure_at),
        lockedUntil: r.locked_until == null ? null : Number(r.locked_until),
      };
    },
    async recordSignInFailure(poolId, usernameKey, now, quietSince) {
      const r = await db.get(
        "INSERT INTO sign_in_failures (pool_id, username_key, failures, last_failure_at, locked_until) VALUES (?, ?, 1, ?, NULL) " +
        "ON CONFLICT (pool_id, username_key) DO UPDATE SET " +
        `failures = CASE WHEN ${LAST_ACTIVITY} <= ? THEN 1 ELSE sign_in_failures.failures + 1 END, ` +
        `locked_until = CASE WHEN ${LAST_ACTIVITY} <= ? THEN NULL ELSE sign_in_failures.locked_until END, ` +
        "last_failure_at = ? RETURNING failures",
        [poolId, usernameKey, now, quietSince, quietSince, now]);
      return Number(r!.failures);
    },
    async lockSignIn(poolId, usernameKey, until) {
      await db.run("UPDATE sign_in_failures SET locked_until = ? WHERE pool_id = ? AND username_key = ? AND (locked_until IS NULL OR locked_until < ?)",
        [until, poolId, usernameKey, until]);
    },
    async clearSignInFailures(poolId, usernameKey) {
      await db.run("DELETE FROM sign_in_failures WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
    },
  };
}
