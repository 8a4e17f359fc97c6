/** AttributesRequireVerificationBeforeUpdate: new email/phone values waiting for verification, one per attribute. */
import type { PendingAttributeRepo } from "../types.js";
import type { SqlExecutor } from "./shared.js";

export function pendingAttributeRepo(db: SqlExecutor): PendingAttributeRepo {
  return {
    async putPendingAttribute(poolId, usernameKey, name, value, now) {
      await db.run("INSERT INTO pending_attributes (pool_id, username_key, name, value, created_at) VALUES (?, ?, ?, ?, ?) " +
        "ON CONFLICT (pool_id, username_key, name) DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
        [poolId, usernameKey, name, value, now]);
    },
    async getPendingAttributes(poolId, usernameKey) {
      const rows = await db.all("SELECT name, value FROM pending_attributes WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      return Object.fromEntries(rows.map((r) => [r.name as string, r.value as string]));
    },
    async deletePendingAttribute(poolId, usernameKey, name) {
      return (await db.run("DELETE FROM pending_attributes WHERE pool_id = ? AND username_key = ? AND name = ?", [poolId, usernameKey, name])).changes === 1;
    },
  };
}
