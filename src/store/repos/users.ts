/** Users, and the lookups and listing over them. */
import type { UserColumn, UserRecord, UserRepo } from "../types.js";
import { json, page, type Dialect, type Row, type SqlExecutor } from "./shared.js";

export const toUser = (r: Row): UserRecord => ({
  poolId: r.pool_id, usernameKey: r.username_key, username: r.username, sub: r.sub, status: r.status,
  enabled: Number(r.enabled) === 1, passwordHash: r.password_hash, attributes: JSON.parse(r.attributes),
  emailKey: r.email_key, phone: r.phone, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});
/** Users are listed in username-key order; a page continues after its last key. */
const rowKey = (r: Row): string => r.username_key;

/** The store's names for the filterable columns. */
const COLUMNS: Record<UserColumn, string> = { username: "username", emailKey: "email_key", phone: "phone", sub: "sub", status: "status" };

/** Counts characters the way both databases' substr() does (code points, not UTF-16 units). */
const charLength = (s: string) => [...s].length;

/** `inTransaction`: `db` runs inside a transaction (see `holdAddress`). */
export function userRepo(db: SqlExecutor, dialect: Dialect, inTransaction: boolean): UserRepo {
  // Callers look an address up and then act on its absence (SignUp's "an account with the given email already
  // exists", ConfirmSignUp's alias check), which no unique index can guard: many users may share an unverified
  // address. SQLite runs one transaction at a time; on PostgreSQL (READ COMMITTED) a lookup takes a transaction-level
  // advisory lock on the address, so a second transaction looking up the same address waits for the first to commit
  // and then sees its user. Outside a transaction a lock would end with its statement, so none is taken there.
  const holdAddress = async (poolId: string, kind: string, value: string) => {
    if (dialect === "postgres" && inTransaction) await db.get("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [`${poolId}\n${kind}\n${value}`]);
  };

  return {
    async insertUser(u) {
      const sql = "INSERT INTO users (pool_id, username_key, username, sub, status, enabled, password_hash, attributes, email_key, phone, created_at, updated_at) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
      const r = await db.run(sql, [u.poolId, u.usernameKey, u.username, u.sub, u.status, u.enabled ? 1 : 0, u.passwordHash,
        json(u.attributes), u.emailKey, u.phone, u.createdAt, u.updatedAt]);
      return r.changes === 1;
    },
    async getUser(poolId, usernameKey) {
      const r = await db.get("SELECT * FROM users WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      return r && toUser(r);
    },
    async getUserBySub(poolId, sub) {
      const r = await db.get("SELECT * FROM users WHERE pool_id = ? AND sub = ?", [poolId, sub]);
      return r && toUser(r);
    },
    async findUsersByEmail(poolId, emailKey) {
      await holdAddress(poolId, "email", emailKey);
      return (await db.all("SELECT * FROM users WHERE pool_id = ? AND email_key = ? ORDER BY created_at", [poolId, emailKey])).map(toUser);
    },
    async findUsersByPhone(poolId, phone) {
      await holdAddress(poolId, "phone", phone);
      return (await db.all("SELECT * FROM users WHERE pool_id = ? AND phone = ? ORDER BY created_at", [poolId, phone])).map(toUser);
    },
    async updateUser(u) {
      await db.run("UPDATE users SET status = ?, enabled = ?, password_hash = ?, attributes = ?, email_key = ?, phone = ?, updated_at = ? " +
        "WHERE pool_id = ? AND username_key = ?",
        [u.status, u.enabled ? 1 : 0, u.passwordHash, json(u.attributes), u.emailKey, u.phone, u.updatedAt, u.poolId, u.usernameKey]);
    },
    async setUserEnabled(poolId, usernameKey, enabled, now) {
      return (await db.run("UPDATE users SET enabled = ?, updated_at = ? WHERE pool_id = ? AND username_key = ?",
        [enabled ? 1 : 0, now, poolId, usernameKey])).changes === 1;
    },
    async replacePasswordHash(poolId, usernameKey, from, to) {
      const r = await db.run("UPDATE users SET password_hash = ? WHERE pool_id = ? AND username_key = ? AND password_hash = ?", [to, poolId, usernameKey, from]);
      return r.changes === 1;
    },
    async transitionStatus(poolId, usernameKey, from, to, attributes, now) {
      const r = await db.run("UPDATE users SET status = ?, attributes = ?, updated_at = ? WHERE pool_id = ? AND username_key = ? AND status = ?",
        [to, json(attributes), now, poolId, usernameKey, from]);
      return r.changes === 1;
    },
    async deleteUser(poolId, usernameKey) {
      await db.run("DELETE FROM group_members WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      await db.run("DELETE FROM codes WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      await db.run("DELETE FROM sign_in_failures WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      await db.run("DELETE FROM pending_attributes WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      return (await db.run("DELETE FROM users WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey])).changes === 1;
    },
    async listUsers(poolId, q) {
      const after = q.after ?? "";
      const f = q.filter;
      if (f?.field === "attribute") {
        // An attribute without a column of its own: scan the pool's users (fine at emulator scale; columns are indexed).
        const rows = await db.all("SELECT * FROM users WHERE pool_id = ? AND username_key > ? ORDER BY username_key", [poolId, after]);
        const hit = rows.filter((r) => {
          const v = JSON.parse(r.attributes)[f.name];
          return typeof v === "string" && (f.op === "=" ? v === f.value : v.startsWith(f.value));
        });
        return page(hit.slice(0, q.limit + 1), q.limit, toUser, rowKey);
      }
      const [cond, params]: [string, unknown[]] =
        !f ? ["", []]
        : f.field === "enabled" ? ["enabled = ? AND ", [f.value ? 1 : 0]]
        : f.op === "=" ? [`${COLUMNS[f.field]} = ? AND `, [f.value]]
        : [`substr(${COLUMNS[f.field]}, 1, ?) = ? AND `, [charLength(f.value), f.value]];
      const rows = await db.all(`SELECT * FROM users WHERE pool_id = ? AND ${cond}username_key > ? ORDER BY username_key LIMIT ?`,
        [poolId, ...params, after, q.limit + 1]);
      return page(rows, q.limit, toUser, rowKey);
    },
    async countUsers(poolId) {
      const r = await db.get("SELECT COUNT(*) AS n FROM users WHERE pool_id = ?", [poolId]);
      return Number(r?.n ?? 0);
    },
  };
}
