/** Sign-in state beside the user row: the SRP verifier with the password, and challenge sessions. */
import type { AuthRepo, AuthSession } from "../types.js";
import { json, type Row, type SqlExecutor } from "./shared.js";

const toSession = (r: Row): AuthSession => ({
  idHash: r.id_hash, poolId: r.pool_id, clientId: r.client_id, usernameKey: r.username_key, challenge: r.challenge,
  state: JSON.parse(r.state), expiresAt: Number(r.expires_at), createdAt: Number(r.created_at),
});

export function authRepo(db: SqlExecutor): AuthRepo {
  return {
    async setPassword(poolId, usernameKey, p, now) {
      const r = await db.run("UPDATE users SET password_hash = ?, srp_salt = ?, srp_verifier = ?, password_expires_at = ?, " +
        "status = COALESCE(?, status), updated_at = ? WHERE pool_id = ? AND username_key = ?",
        [p.passwordHash, p.srpSalt, p.srpVerifier, p.passwordExpiresAt, p.status ?? null, now, poolId, usernameKey]);
      return r.changes === 1;
    },
    async setPasswordVerifier(poolId, usernameKey, passwordHash, srpSalt, srpVerifier) {
      // Only while the password is still the one that was checked: a password changed meanwhile keeps its own verifier.
      const r = await db.run("UPDATE users SET srp_salt = ?, srp_verifier = ? WHERE pool_id = ? AND username_key = ? AND password_hash = ?",
        [srpSalt, srpVerifier, poolId, usernameKey, passwordHash]);
      return r.changes === 1;
    },
    async getPasswordVerifier(poolId, usernameKey) {
      const r = await db.get("SELECT srp_salt, srp_verifier, password_expires_at FROM users WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      if (!r) return undefined;
      return {
        srpSalt: r.srp_salt ?? null, srpVerifier: r.srp_verifier ?? null,
        passwordExpiresAt: r.password_expires_at == null ? null : Number(r.password_expires_at),
      };
    },
    async insertAuthSession(s) {
      await db.run("DELETE FROM auth_sessions WHERE expires_at < ?", [s.createdAt]);
      await db.run("INSERT INTO auth_sessions (id_hash, pool_id, client_id, username_key, challenge, state, expires_at, created_at) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [s.idHash, s.poolId, s.clientId, s.usernameKey, s.challenge, json(s.state), s.expiresAt, s.createdAt]);
    },
    async getAuthSession(idHash) {
      const r = await db.get("SELECT * FROM auth_sessions WHERE id_hash = ?", [idHash]);
      return r && toSession(r);
    },
    async takeAuthSession(idHash) {
      // Deleting is taking: of two answers racing on one session, only the one whose DELETE returns the row has it.
      const r = await db.get("DELETE FROM auth_sessions WHERE id_hash = ? RETURNING *", [idHash]);
      return r && toSession(r);
    },
  };
}
