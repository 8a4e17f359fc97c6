/**
 * The repositories, written once in SQL that SQLite (>= 3.35) and PostgreSQL both run. Adapters supply an
 * executor for `?`-placeholder SQL; the few places where the dialects differ branch on `dialect`.
 */
import type {
  AttemptNext, ClientRecord, CodePurpose, CodeRecord, DeliveryAttempt, OutboxFilter, OutboxMessage, Page, PoolRecord, Repos,
  UserQuery, UserRecord, UserStatus,
} from "./types.js";

type Row = Record<string, any>;
type MaybePromise<T> = T | Promise<T>;

export interface SqlExecutor {
  all(sql: string, params?: unknown[]): MaybePromise<Row[]>;
  get(sql: string, params?: unknown[]): MaybePromise<Row | undefined>;
  run(sql: string, params?: unknown[]): MaybePromise<{ changes: number }>;
}

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
const parse = (v: string | null) => (v == null ? null : JSON.parse(v));
const num = (v: unknown) => (v == null ? null : Number(v));

const toPool = (r: Row): PoolRecord => ({
  id: r.id, name: r.name, doc: JSON.parse(r.doc), signingKey: JSON.parse(r.signing_key),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});
const toClient = (r: Row): ClientRecord => ({
  id: r.id, poolId: r.pool_id, name: r.name, secret: r.secret, doc: JSON.parse(r.doc),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});
const toUser = (r: Row): UserRecord => ({
  poolId: r.pool_id, usernameKey: r.username_key, username: r.username, sub: r.sub, status: r.status,
  enabled: Number(r.enabled) === 1, passwordHash: r.password_hash, attributes: JSON.parse(r.attributes),
  emailKey: r.email_key, phone: r.phone, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});
const toCode = (r: Row): CodeRecord => ({
  poolId: r.pool_id, usernameKey: r.username_key, purpose: r.purpose, codeHmac: r.code_hmac, attribute: r.attribute,
  expiresAt: Number(r.expires_at), createdAt: Number(r.created_at),
});
const toMessage = (r: Row): OutboxMessage => ({
  id: r.id, poolId: r.pool_id, username: r.username, channel: r.channel, destination: r.destination,
  subject: r.subject, body: r.body, html: r.html, code: r.code, purpose: r.purpose, meta: parse(r.meta),
  status: r.status, attempts: Number(r.attempts), nextAttemptAt: Number(r.next_attempt_at),
  leaseUntil: num(r.lease_until), lastError: r.last_error, createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});
const toAttempt = (r: Row): DeliveryAttempt => ({
  id: r.id, messageId: r.message_id, at: Number(r.at), channel: r.channel, outcome: r.outcome, error: r.error,
});

/** Filter fields that map to an indexed column; any other attribute is filtered on the attributes document. */
const USER_COLUMNS: Record<string, string> = {
  username: "username", email: "email_key", phone_number: "phone", sub: "sub", "cognito:user_status": "status",
};

/** Counts characters the way both databases' substr() does (code points, not UTF-16 units). */
const charLength = (s: string) => [...s].length;

/** Erases a finished message's code and text (`AttemptNext.erase`); its address, subject and attempts remain. */
const ERASE_TEXT = ", code = NULL, body = '', html = NULL";

/**
 * The repositories over one executor. `inTransaction`: the executor runs inside a transaction (PostgreSQL's address
 * locks are only taken there; outside one they would end with their own statement and guard nothing).
 */
export function createRepos(db: SqlExecutor, dialect: "sqlite" | "postgres", inTransaction = false): Repos {
  const page = <T>(rows: Row[], limit: number, map: (r: Row) => T, key: (r: Row) => string): Page<T> => {
    const more = rows.length > limit;
    const items = (more ? rows.slice(0, limit) : rows);
    return { items: items.map(map), next: more ? key(items[items.length - 1]) : null };
  };

  // Callers look an address up and then act on its absence (SignUp's "an account with the given email already
  // exists", ConfirmSignUp's alias check), which no unique index can guard: many users may share an unverified
  // address. SQLite runs one transaction at a time; on PostgreSQL (READ COMMITTED) a lookup takes a transaction-level
  // advisory lock on the address, so a second transaction looking up the same address waits for the first to commit
  // and then sees its user. Outside a transaction a lock would end with its statement, so none is taken there.
  const holdAddress = async (poolId: string, kind: string, value: string) => {
    if (dialect === "postgres" && inTransaction) await db.get("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", [`${poolId}\n${kind}\n${value}`]);
  };

  async function recordAttempt(a: DeliveryAttempt, next: AttemptNext) {
    await db.run("INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) VALUES (?, ?, ?, ?, ?, ?)",
      [a.id, a.messageId, a.at, a.channel, a.outcome, a.error]);
    await db.run("UPDATE outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL, last_error = ?, updated_at = ?" +
      `${next.erase ? ERASE_TEXT : ""} WHERE id = ?`,
      [next.status, next.retryAt ?? a.at, a.error, a.at, a.messageId]);
  }

  return {
    // ---- pools
    async insertPool(p) {
      await db.run("INSERT INTO pools (id, name, doc, signing_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [p.id, p.name, json(p.doc), json(p.signingKey), p.createdAt, p.updatedAt]);
    },
    async getPool(id) {
      const r = await db.get("SELECT * FROM pools WHERE id = ?", [id]);
      return r && toPool(r);
    },
    async listPools(limit, after) {
      const rows = await db.all("SELECT * FROM pools WHERE id > ? ORDER BY id LIMIT ?", [after ?? "", limit + 1]);
      return page(rows, limit, toPool, (r) => r.id);
    },
    async updatePool(p) {
      await db.run("UPDATE pools SET name = ?, doc = ?, updated_at = ? WHERE id = ?", [p.name, json(p.doc), p.updatedAt, p.id]);
    },
    async deletePool(id) {
      for (const table of ["codes", "counters", "refresh_tokens", "users", "clients"]) {
        await db.run(`DELETE FROM ${table} WHERE pool_id = ?`, [id]);
      }
      return (await db.run("DELETE FROM pools WHERE id = ?", [id])).changes === 1;
    },

    // ---- clients
    async insertClient(c) {
      await db.run("INSERT INTO clients (id, pool_id, name, secret, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [c.id, c.poolId, c.name, c.secret, json(c.doc), c.createdAt, c.updatedAt]);
    },
    async getClient(id) {
      const r = await db.get("SELECT * FROM clients WHERE id = ?", [id]);
      return r && toClient(r);
    },
    async listClients(poolId, limit, after) {
      const rows = await db.all("SELECT * FROM clients WHERE pool_id = ? AND id > ? ORDER BY id LIMIT ?", [poolId, after ?? "", limit + 1]);
      return page(rows, limit, toClient, (r) => r.id);
    },
    async updateClient(c) {
      await db.run("UPDATE clients SET name = ?, doc = ?, updated_at = ? WHERE id = ?", [c.name, json(c.doc), c.updatedAt, c.id]);
    },
    async deleteClient(id) {
      return (await db.run("DELETE FROM clients WHERE id = ?", [id])).changes === 1;
    },

    // ---- users
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
    async transitionStatus(poolId, usernameKey, from: UserStatus, to: UserStatus, attributes, now) {
      const r = await db.run("UPDATE users SET status = ?, attributes = ?, updated_at = ? WHERE pool_id = ? AND username_key = ? AND status = ?",
        [to, json(attributes), now, poolId, usernameKey, from]);
      return r.changes === 1;
    },
    async deleteUser(poolId, usernameKey) {
      await db.run("DELETE FROM codes WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey]);
      return (await db.run("DELETE FROM users WHERE pool_id = ? AND username_key = ?", [poolId, usernameKey])).changes === 1;
    },
    async listUsers(poolId, q: UserQuery) {
      const after = q.after ?? "";
      const f = q.filter;
      const column = f && (f.field === "status" ? "enabled" : USER_COLUMNS[f.field]);
      if (f && column) {
        const value = f.field === "status" ? (f.value === "Enabled" ? 1 : 0) : f.value;
        const cond = f.op === "=" || f.field === "status" ? `${column} = ?` : `substr(${column}, 1, ?) = ?`;
        const params = f.op === "=" || f.field === "status" ? [value] : [charLength(f.value), f.value];
        const rows = await db.all(`SELECT * FROM users WHERE pool_id = ? AND ${cond} AND username_key > ? ORDER BY username_key LIMIT ?`,
          [poolId, ...params, after, q.limit + 1]);
        return page(rows, q.limit, toUser, (r) => r.username_key);
      }
      if (f) {
        // Attributes without a column of their own: scan the pool's users (fine at emulator scale; indexed fields above).
        const rows = await db.all("SELECT * FROM users WHERE pool_id = ? AND username_key > ? ORDER BY username_key", [poolId, after]);
        const hit = rows.filter((r) => {
          const v = JSON.parse(r.attributes)[f.field];
          return typeof v === "string" && (f.op === "=" ? v === f.value : v.startsWith(f.value));
        });
        return page(hit.slice(0, q.limit + 1), q.limit, toUser, (r) => r.username_key);
      }
      const rows = await db.all("SELECT * FROM users WHERE pool_id = ? AND username_key > ? ORDER BY username_key LIMIT ?", [poolId, after, q.limit + 1]);
      return page(rows, q.limit, toUser, (r) => r.username_key);
    },
    async countUsers(poolId) {
      const r = await db.get("SELECT COUNT(*) AS n FROM users WHERE pool_id = ?", [poolId]);
      return Number(r?.n ?? 0);
    },

    // ---- codes
    async putCode(c) {
      await db.run("INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (pool_id, username_key, purpose) DO UPDATE SET code_hmac = excluded.code_hmac, attribute = excluded.attribute, " +
        "expires_at = excluded.expires_at, created_at = excluded.created_at",
        [c.poolId, c.usernameKey, c.purpose, c.codeHmac, c.attribute, c.expiresAt, c.createdAt]);
    },
    async getCode(poolId, usernameKey, purpose: CodePurpose) {
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

    // ---- counters
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
    async writeDecoy(slot, m) {
      await db.run("INSERT INTO outbox_decoy (slot, id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, " +
        "attempts, next_attempt_at, lease_until, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (slot) DO UPDATE SET id = excluded.id, pool_id = excluded.pool_id, username = excluded.username, channel = excluded.channel, " +
        "destination = excluded.destination, subject = excluded.subject, body = excluded.body, html = excluded.html, code = excluded.code, " +
        "purpose = excluded.purpose, meta = excluded.meta, status = excluded.status, attempts = excluded.attempts, " +
        "next_attempt_at = excluded.next_attempt_at, lease_until = excluded.lease_until, last_error = excluded.last_error, " +
        "created_at = excluded.created_at, updated_at = excluded.updated_at",
        [slot, m.id, m.poolId, m.username, m.channel, m.destination, m.subject, m.body, m.html, m.code, m.purpose, json(m.meta), m.status,
          m.attempts, m.nextAttemptAt, m.leaseUntil, m.lastError, m.createdAt, m.updatedAt]);
    },

    async recordDecoyAttempts(list) {
      for (const { slot, attempt: a } of list) {
        await db.run("INSERT INTO delivery_attempts_decoy (slot, id, message_id, at, channel, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?) " +
          "ON CONFLICT (slot) DO UPDATE SET id = excluded.id, message_id = excluded.message_id, at = excluded.at, channel = excluded.channel, " +
          "outcome = excluded.outcome, error = excluded.error",
          [slot, a.id, a.messageId, a.at, a.channel, a.outcome, a.error]);
        await db.run("UPDATE outbox_decoy SET status = ?, attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL, last_error = ?, updated_at = ? " +
          "WHERE slot = ? AND id = ?",
          [a.outcome === "success" ? "sent" : "abandoned", a.at, a.error, a.at, slot, a.messageId]);
      }
    },

    // ---- refresh tokens
    async insertRefreshToken(t) {
      await db.run("INSERT INTO refresh_tokens (token_hash, pool_id, client_id, username_key, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        [t.tokenHash, t.poolId, t.clientId, t.usernameKey, t.expiresAt, t.createdAt]);
    },
    async getRefreshToken(tokenHash) {
      const r = await db.get("SELECT * FROM refresh_tokens WHERE token_hash = ?", [tokenHash]);
      return r && { poolId: r.pool_id, clientId: r.client_id, usernameKey: r.username_key, expiresAt: Number(r.expires_at) };
    },

    // ---- outbox
    async enqueue(m) {
      await db.run("INSERT INTO outbox (id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, attempts, " +
        "next_attempt_at, lease_until, last_error, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [m.id, m.poolId, m.username, m.channel, m.destination, m.subject, m.body, m.html, m.code, m.purpose, json(m.meta), m.status,
          m.attempts, m.nextAttemptAt, m.leaseUntil, m.lastError, m.createdAt, m.updatedAt]);
    },
    async claimDue(now, limit, leaseMs) {
      // Each kind of due message is read from its partial index (outbox_queued by due time, outbox_processing by lease
      // expiry) in order, up to the limit. (One OR over both made the database collect and sort every queued row, so
      // a claim cost grew with the backlog.) SQLite has one writer, so the UPDATE is the claim; on PostgreSQL,
      // SKIP LOCKED in each branch lets instances claim disjoint rows.
      const lock = dialect === "postgres" ? " FOR UPDATE SKIP LOCKED" : "";
      const rows = await db.all(
        "UPDATE outbox SET status = 'processing', lease_until = ?, updated_at = ? WHERE id IN (SELECT id FROM (" +
        `SELECT * FROM (SELECT id, next_attempt_at AS due FROM outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?${lock}) AS queued ` +
        `UNION ALL SELECT * FROM (SELECT id, next_attempt_at AS due FROM outbox WHERE status = 'processing' AND lease_until < ? LIMIT ?${lock}) AS lapsed` +
        ") AS claimable ORDER BY due LIMIT ?) RETURNING *",
        [now + leaseMs, now, now, limit, now, limit, limit]);
      return rows.map(toMessage).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt);
    },
    recordAttempt,
    async recordAttempts(list) {
      if (dialect === "postgres" && list.length > 1) {
        // One statement each for the whole batch (one round trip, not two per message).
        const col = <T>(f: (e: (typeof list)[number]) => T) => list.map(f);
        await db.run("INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) " +
          "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])",
          [col((e) => e.attempt.id), col((e) => e.attempt.messageId), col((e) => e.attempt.at), col((e) => e.attempt.channel),
            col((e) => e.attempt.outcome), col((e) => e.attempt.error)]);
        await db.run("UPDATE outbox SET status = v.status, attempts = outbox.attempts + 1, next_attempt_at = v.next_at, lease_until = NULL, " +
          "last_error = v.error, updated_at = v.at, code = CASE WHEN v.erase THEN NULL ELSE outbox.code END, " +
          "body = CASE WHEN v.erase THEN '' ELSE outbox.body END, html = CASE WHEN v.erase THEN NULL ELSE outbox.html END " +
          "FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::boolean[]) AS v(id, status, next_at, error, at, erase) " +
          "WHERE outbox.id = v.id",
          [col((e) => e.attempt.messageId), col((e) => e.next.status), col((e) => e.next.retryAt ?? e.attempt.at), col((e) => e.attempt.error),
            col((e) => e.attempt.at), col((e) => Boolean(e.next.erase))]);
        return;
      }
      for (const e of list) await recordAttempt(e.attempt, e.next);
    },
    async listMessages(f: OutboxFilter) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.poolId) { where.push("pool_id = ?"); params.push(f.poolId); }
      if (f.username) { where.push("username = ?"); params.push(f.username); }
      if (f.to) { where.push("destination = ?"); params.push(f.to); }
      const sql = `SELECT * FROM outbox${where.length ? " WHERE " + where.join(" AND ") : ""} ORDER BY created_at DESC, id DESC LIMIT ?`;
      return (await db.all(sql, [...params, f.limit ?? 100])).map(toMessage);
    },
    async getMessage(id) {
      const r = await db.get("SELECT * FROM outbox WHERE id = ?", [id]);
      return r && toMessage(r);
    },
    async listAttempts(messageId) {
      return (await db.all("SELECT * FROM delivery_attempts WHERE message_id = ? ORDER BY at, id", [messageId])).map(toAttempt);
    },
    async clearFinished() {
      await db.run("DELETE FROM delivery_attempts WHERE message_id IN (SELECT id FROM outbox WHERE status IN ('sent', 'abandoned'))");
      return (await db.run("DELETE FROM outbox WHERE status IN ('sent', 'abandoned')")).changes;
    },
    async releaseClaims() {
      return (await db.run("UPDATE outbox SET status = 'queued', lease_until = NULL WHERE status = 'processing'")).changes;
    },
    async extendLeases(ids, until) {
      if (!ids.length) return;
      // The list is padded (repeating its last id) to a power of two, so that only a few distinct statements exist.
      let n = 8;
      while (n < ids.length) n *= 2;
      const padded = [...ids, ...Array<string>(n - ids.length).fill(ids[ids.length - 1])];
      await db.run(`UPDATE outbox SET lease_until = ? WHERE status = 'processing' AND id IN (${padded.map(() => "?").join(", ")})`, [until, ...padded]);
    },
    async outboxCounts() {
      const rows = await db.all("SELECT channel, status, COUNT(*) AS n FROM outbox GROUP BY channel, status");
      return rows.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n) }));
    },
  };
}
