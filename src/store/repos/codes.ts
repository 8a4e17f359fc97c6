/** Confirmation codes (stored as HMACs), one per user and purpose. */
import type { CodeRecord, CodeRepo } from "../types.js";
import type { Row, SqlExecutor } from "./shared.js";

const toCode = (r: Row): CodeRecord => ({
  poolId: r.pool_id, usernameKey: r.username_key, purpose: r.purpose, codeHmac: r.code_hmac, attribute: r.attribute,
  expiresAt: Number(r.expires_at), createdAt: Number(r.created_at),
});

export function codeRepo(db: SqlExecutor): CodeRepo {
  return {
    async putCode(c) {
      await db.run("INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (pool_id, username_key, purpose) DO UPDATE SET code_hmac = excluded.code_hmac, attribute = excluded.attribute, " +
        "expires_at = excluded.expires_at, created_at = excluded.created_at",
        [c.poolId, c.usernameKey, c.purpose, c.codeHmac, c.attribute, c.expiresAt, c.createdAt]);
    },
    async getCode(poolId, usernameKey, purpose) {
      const r = await db.get("SELECT * FROM codes WHERE pool_id = ? AND username_key = ? AND purpose = ?", [poolId, usernameKey, purpose]);
      return r && toCode(r);
    },
    async consumeCode(poolId, usernameKey, purpose, codeHmac) {
      // The code_hmac guard makes consumption single-use under concurrency: of two confirmations racing on one
      // code, only the one whose DELETE removes the row wins.
      const r = await db.run("DELETE FROM codes WHERE pool_id = ? AND username_key = ? AND purpose = ? AND code_hmac = ?",
        [poolId, usernameKey, purpose, codeHmac]);
      return r.changes === 1;
    },
  };
}
