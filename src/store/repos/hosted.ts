/** The hosted UI's sign-in sessions and the authorization codes of /oauth2/authorize (issue 14). */
import type { AuthorizationCode, HostedRepo, HostedSession } from "../types.js";
import type { Row, SqlExecutor } from "./shared.js";

const toSession = (r: Row): HostedSession => ({
  idHash: r.id_hash, poolId: r.pool_id, usernameKey: r.username_key, authTime: Number(r.auth_time),
  expiresAt: Number(r.expires_at), createdAt: Number(r.created_at),
});

const toCode = (r: Row): AuthorizationCode => ({
  codeHash: r.code_hash, poolId: r.pool_id, clientId: r.client_id, redirectUri: r.redirect_uri, usernameKey: r.username_key,
  scope: r.scope, nonce: r.nonce ?? null, codeChallenge: r.code_challenge ?? null, authTime: Number(r.auth_time),
  expiresAt: Number(r.expires_at), createdAt: Number(r.created_at),
});

export function hostedRepo(db: SqlExecutor): HostedRepo {
  return {
    async insertHostedSession(s) {
      await db.run("DELETE FROM hosted_sessions WHERE expires_at < ?", [s.createdAt]);
      await db.run("INSERT INTO hosted_sessions (id_hash, pool_id, username_key, auth_time, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [s.idHash, s.poolId, s.usernameKey, s.authTime, s.expiresAt, s.createdAt]);
    },
    async getHostedSession(idHash) {
      const r = await db.get("SELECT * FROM hosted_sessions WHERE id_hash = ?", [idHash]);
      return r && toSession(r);
    },
    async deleteHostedSession(idHash) {
      return (await db.run("DELETE FROM hosted_sessions WHERE id_hash = ?", [idHash])).changes === 1;
    },
    async insertAuthorizationCode(c) {
      await db.run("DELETE FROM authorization_codes WHERE expires_at < ?", [c.createdAt]);
      await db.run("INSERT INTO authorization_codes (code_hash, pool_id, client_id, redirect_uri, username_key, scope, nonce, code_challenge, " +
        "auth_time, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [c.codeHash, c.poolId, c.clientId, c.redirectUri, c.usernameKey, c.scope, c.nonce, c.codeChallenge, c.authTime, c.expiresAt, c.createdAt]);
    },
    async takeAuthorizationCode(codeHash) {
      // Deleting is taking: of two exchanges racing with one code, only the one whose DELETE returns the row has it.
      const r = await db.get("DELETE FROM authorization_codes WHERE code_hash = ? RETURNING *", [codeHash]);
      return r && toCode(r);
    },
  };
}
