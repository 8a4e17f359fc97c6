/** Token origins (one per sign-in, the tokens' `origin_jti`) and their revocation; refresh-token rotation. */
import type { TokenOrigin, TokenOriginRepo } from "../types.js";
import type { Row, SqlExecutor } from "./shared.js";

const toOrigin = (r: Row): TokenOrigin => ({
  originJti: r.origin_jti, poolId: r.pool_id, clientId: r.client_id, usernameKey: r.username_key, eventId: r.event_id,
  authTime: Number(r.auth_time), ...(r.scope != null ? { scope: r.scope as string } : {}), revokedAt: r.revoked_at == null ? null : Number(r.revoked_at), createdAt: Number(r.created_at),
});

export function tokenOriginRepo(db: SqlExecutor): TokenOriginRepo {
  return {
    async insertTokenOrigin(o) {
      await db.run("INSERT INTO token_origins (origin_jti, pool_id, client_id, username_key, event_id, auth_time, scope, revoked_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [o.originJti, o.poolId, o.clientId, o.usernameKey, o.eventId, o.authTime, o.scope ?? null, o.revokedAt, o.createdAt]);
    },
    async getTokenOrigin(originJti) {
      const r = await db.get("SELECT * FROM token_origins WHERE origin_jti = ?", [originJti]);
      return r && toOrigin(r);
    },
    async revokeTokenOrigin(originJti, now) {
      return (await db.run("UPDATE token_origins SET revoked_at = ? WHERE origin_jti = ? AND revoked_at IS NULL", [now, originJti])).changes === 1;
    },
    async revokeUserTokenOrigins(poolId, usernameKey, now) {
      return (await db.run("UPDATE token_origins SET revoked_at = ? WHERE pool_id = ? AND username_key = ? AND revoked_at IS NULL",
        [now, poolId, usernameKey])).changes;
    },
    async replaceRefreshToken(tokenHash, now) {
      return (await db.run("UPDATE refresh_tokens SET replaced_at = ? WHERE token_hash = ? AND replaced_at IS NULL", [now, tokenHash])).changes === 1;
    },
  };
}
