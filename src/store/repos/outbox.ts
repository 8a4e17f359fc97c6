/** The transactional outbox: queued messages, their claims by the worker, and the attempts log. */
import type { AttemptNext, DeliveryAttempt, OutboxMessage, OutboxRepo } from "../types.js";
import { json, type Dialect, type Row, type SqlExecutor } from "./shared.js";

const toMessage = (r: Row): OutboxMessage => ({
  id: r.id, poolId: r.pool_id, username: r.username, channel: r.channel, destination: r.destination,
  subject: r.subject, body: r.body, html: r.html, code: r.code, purpose: r.purpose, meta: r.meta == null ? null : JSON.parse(r.meta),
  status: r.status, attempts: Number(r.attempts), nextAttemptAt: Number(r.next_attempt_at),
  leaseUntil: r.lease_until == null ? null : Number(r.lease_until), lastError: r.last_error,
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
  expiresAt: r.expires_at == null ? null : Number(r.expires_at), supersedeKey: r.supersede_key ?? null,
});
const toAttempt = (r: Row): DeliveryAttempt => ({
  id: r.id, messageId: r.message_id, at: Number(r.at), channel: r.channel, outcome: r.outcome, error: r.error,
});

/** Erases a finished message's code and text (`AttemptNext.erase`); its address, subject and attempts remain. */
const ERASE_TEXT = ", code = NULL, body = '', html = NULL";
/** The backlog, exactly as the partial index outbox_backlog states it (so both databases use the index). */
const BACKLOG = "status IN ('queued', 'processing')";
/** What retention deletes: finished messages nobody needs to act on (failed ones stay for `outbox retry`). */
const PRUNABLE = "status IN ('sent', 'superseded', 'expired')";
/** Given up on: `failed`, and `abandoned` as older versions wrote it. */
const GIVEN_UP = ["failed", "abandoned"];
/** A message superseded while it was being tried stays superseded, unless the try delivered it. */
const NEXT_STATUS = (current: string, next: string) => `CASE WHEN ${current} = 'superseded' AND ${next} <> 'sent' THEN 'superseded' ELSE ${next} END`;

/** `?, ?, …` for a list padded (repeating its last item) to a power of two, so that only a few distinct statements exist. */
function padded<T>(items: T[]): { marks: string; values: T[] } {
  let n = 8;
  while (n < items.length) n *= 2;
  const values = [...items, ...Array<T>(n - items.length).fill(items[items.length - 1])];
  return { marks: values.map(() => "?").join(", "), values };
}

export function outboxRepo(db: SqlExecutor, dialect: Dialect): OutboxRepo {
  async function recordAttempt(a: DeliveryAttempt, next: AttemptNext) {
    await db.run("INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) VALUES (?, ?, ?, ?, ?, ?)",
      [a.id, a.messageId, a.at, a.channel, a.outcome, a.error]);
    await db.run(`UPDATE outbox SET status = ${NEXT_STATUS("status", "?")}, attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL, ` +
      `last_error = ?, updated_at = ?${next.erase ? ERASE_TEXT : ""} WHERE id = ?`,
      [next.status, next.status, next.retryAt ?? a.at, a.error, a.at, a.messageId]);
  }

  return {
    async enqueue(m, o = {}) {
      // Only the newest code is sent: the user's undelivered messages of the same purpose group step aside, found
      // through the backlog index (the one statement this adds to a request).
      if (m.supersedeKey) {
        const set = `UPDATE outbox SET status = 'superseded', lease_until = NULL, updated_at = ?${o.eraseSuperseded ? ERASE_TEXT : ""} `;
        if (dialect === "sqlite") {
          // SQLite: look, then update by id what was found (usually nothing). An UPDATE that may change several rows
          // opens a statement journal even when it finds none: ~7 µs against ~4 µs for the lookup (measured on the
          // outbox with 50,000 rows). One writer, one transaction: nothing can change between the two.
          for (const r of await db.all(`SELECT id FROM outbox WHERE supersede_key = ? AND ${BACKLOG}`, [m.supersedeKey])) {
            await db.run(set + `WHERE id = ? AND ${BACKLOG}`, [o.now ?? m.createdAt, r.id]);
          }
        } else await db.run(set + `WHERE supersede_key = ? AND ${BACKLOG}`, [o.now ?? m.createdAt, m.supersedeKey]);
      }
      await db.run("INSERT INTO outbox (id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, attempts, " +
        "next_attempt_at, lease_until, last_error, created_at, updated_at, expires_at, supersede_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [m.id, m.poolId, m.username, m.channel, m.destination, m.subject, m.body, m.html, m.code, m.purpose, json(m.meta), m.status,
          m.attempts, m.nextAttemptAt, m.leaseUntil, m.lastError, m.createdAt, m.updatedAt, m.expiresAt ?? null, m.supersedeKey ?? null]);
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
      if (!list.length) return;
      if (dialect === "postgres") {
        // One statement for the whole batch, the attempts inserted by a data-modifying CTE: one round trip, atomic
        // by itself, so the worker needs no transaction around it (no BEGIN and COMMIT round trips).
        const col = <T>(f: (e: (typeof list)[number]) => T) => list.map(f);
        await db.run("WITH attempts AS (INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) " +
          "SELECT * FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])) " +
          `UPDATE outbox SET status = ${NEXT_STATUS("outbox.status", "v.status")}, attempts = outbox.attempts + 1,` +
          " next_attempt_at = v.next_at, lease_until = NULL, " +
          "last_error = v.error, updated_at = v.at, code = CASE WHEN v.erase THEN NULL ELSE outbox.code END, " +
          "body = CASE WHEN v.erase THEN '' ELSE outbox.body END, html = CASE WHEN v.erase THEN NULL ELSE outbox.html END " +
          "FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::boolean[]) AS v(id, status, next_at, error, at, erase) " +
          "WHERE outbox.id = v.id",
          [col((e) => e.attempt.id), col((e) => e.attempt.messageId), col((e) => e.attempt.at), col((e) => e.attempt.channel),
            col((e) => e.attempt.outcome), col((e) => e.attempt.error),
            col((e) => e.attempt.messageId), col((e) => e.next.status), col((e) => e.next.retryAt ?? e.attempt.at), col((e) => e.attempt.error),
            col((e) => e.attempt.at), col((e) => Boolean(e.next.erase))]);
        return;
      }
      for (const e of list) await recordAttempt(e.attempt, e.next);
    },
    async listMessages(f) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.poolId) { where.push("pool_id = ?"); params.push(f.poolId); }
      if (f.username) { where.push("username = ?"); params.push(f.username); }
      if (f.to) { where.push("destination = ?"); params.push(f.to); }
      if (f.status?.length) {
        const list = [...new Set(f.status.flatMap((x) => (x === "failed" ? GIVEN_UP : [x])))];
        where.push(`status IN (${list.map(() => "?").join(", ")})`);
        params.push(...list);
      }
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
    async expireUnsent(ids, at, erase) {
      if (!ids.length) return;
      const p = padded(ids);
      await db.run(`UPDATE outbox SET status = 'expired', lease_until = NULL, updated_at = ?${erase ? ERASE_TEXT : ""} ` +
        `WHERE status = 'processing' AND id IN (${p.marks})`, [at, ...p.values]);
    },
    async clearFinished() {
      const finished = "status NOT IN ('queued', 'processing')";
      await db.run(`DELETE FROM delivery_attempts WHERE message_id IN (SELECT id FROM outbox WHERE ${finished})`);
      return (await db.run(`DELETE FROM outbox WHERE ${finished}`)).changes;
    },
    async releaseClaims() {
      return (await db.run("UPDATE outbox SET status = 'queued', lease_until = NULL WHERE status = 'processing'")).changes;
    },
    async extendLeases(ids, until) {
      if (!ids.length) return;
      const p = padded(ids);
      await db.run(`UPDATE outbox SET lease_until = ? WHERE status = 'processing' AND id IN (${p.marks})`, [until, ...p.values]);
    },
    async outboxCounts() {
      const rows = await db.all("SELECT channel, status, COUNT(*) AS n FROM outbox GROUP BY channel, status");
      return rows.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n) }));
    },
    async outboxBacklog() {
      // Read from outbox_backlog alone (a covering index of the backlog): the cost follows the backlog, not the table.
      const rows = await db.all(`SELECT status, channel, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE ${BACKLOG} GROUP BY status, channel`);
      return rows.map((r) => ({ channel: r.channel, status: r.status, count: Number(r.n), oldest: Number(r.oldest) }));
    },
    async requeueMessages(which, now) {
      // A message whose content has expired is not worth sending again: it stays as it is.
      const where = "id" in which ? "id = ?" : "status IN ('failed', 'abandoned')";
      const rows = await db.all("UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ? " +
        `WHERE ${where} AND status IN ('failed', 'abandoned') AND (expires_at IS NULL OR expires_at > ?) RETURNING id`,
        "id" in which ? [now, now, which.id, now] : [now, now, now]);
      return rows.map((r) => r.id as string).sort();
    },
    async pruneOutbox(before, limit) {
      // Oldest first through outbox_created; the attempts go with their messages (by delivery_attempts_message).
      const ids = (await db.all(`SELECT id FROM outbox WHERE created_at < ? AND ${PRUNABLE} ORDER BY created_at LIMIT ?`, [before, limit]))
        .map((r) => r.id as string);
      if (!ids.length) return 0;
      const p = padded(ids);
      await db.run(`DELETE FROM delivery_attempts WHERE message_id IN (${p.marks})`, p.values);
      await db.run(`DELETE FROM outbox WHERE ${PRUNABLE} AND id IN (${p.marks})`, p.values);
      return ids.length;
    },
  };
}
