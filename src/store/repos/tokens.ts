/** Refresh tokens, by the hash of the token. */
import type { TokenRepo } from "../types.js";
import type { SqlExecutor } from "./shared.js";

export function tokenRepo(db: SqlExecutor): TokenRepo {
  return {
    async insertRefreshToken(t) {
      await db.run("INSERT INTO refresh_tokens (token_hash, pool_id, client_id, username_key, expires_at, created_at, origin_jti) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [t.tokenHash, t.poolId, t.clientId, t.usernameKey, t.expiresAt, t.createdAt, t.originJti]);
    },
    async getRefreshToken(tokenHash) {
      const r = await db.get("SELECT * FROM refresh_tokens WHERE token_hash = ?", [tokenHash]);
      return r && {
        poolId: r.pool_id, clientId: r.client_id, usernameKey: r.username_key, expiresAt: Number(r.expires_at),
        originJti: r.origin_jti ?? null, replacedAt: r.replaced_at == null ? null : Number(r.replaced_at),
      };
    },
  };
}
