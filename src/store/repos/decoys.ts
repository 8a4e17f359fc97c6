/** PreventUserExistenceErrors' decoys: the outbox writes of a simulated delivery, into fixed slots. */
import type { DecoyRepo } from "../types.js";
import { json, type Dialect, type SqlExecutor } from "./shared.js";

export function decoyRepo(db: SqlExecutor, dialect: Dialect): DecoyRepo {
  return {
    async writeDecoy(slot, m, o = {}) {
      // The real enqueue's supersede update, on the decoy table (same index shape), so the simulated write costs the same.
      if (m.supersedeKey) {
        const set = `UPDATE outbox_decoy SET status = 'superseded', lease_until = NULL, updated_at = ?${o.eraseSuperseded ? ", code = NULL, body = '', html = NULL" : ""} `;
        const backlog = "status IN ('queued', 'processing')";
        if (dialect === "sqlite") {
          // As the real enqueue does on SQLite (outbox.ts): look, then update by id.
          for (const r of await db.all(`SELECT id FROM outbox_decoy WHERE supersede_key = ? AND ${backlog}`, [m.supersedeKey])) {
            await db.run(set + `WHERE id = ? AND ${backlog}`, [m.createdAt, r.id]);
          }
        } else await db.run(set + `WHERE supersede_key = ? AND ${backlog}`, [m.createdAt, m.supersedeKey]);
      }
      await db.run("INSERT INTO outbox_decoy (slot, id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, " +
        "attempts, next_attempt_at, lease_until, last_error, created_at, updated_at, expires_at, supersede_key) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT (slot) DO UPDATE SET id = excluded.id, pool_id = excluded.pool_id, username = excluded.username, channel = excluded.channel, " +
        "destination = excluded.destination, subject = excluded.subject, body = excluded.body, html = excluded.html, code = excluded.code, " +
        "purpose = excluded.purpose, meta = excluded.meta, status = excluded.status, attempts = excluded.attempts, " +
        "next_attempt_at = excluded.next_attempt_at, lease_until = excluded.lease_until, last_error = excluded.last_error, " +
        "created_at = excluded.created_at, updated_at = excluded.updated_at, expires_at = excluded.expires_at, supersede_key = excluded.supersede_key",
        [slot, m.id, m.poolId, m.username, m.channel, m.destination, m.subject, m.body, m.html, m.code, m.purpose, json(m.meta), m.status,
          m.attempts, m.nextAttemptAt, m.leaseUntil, m.lastError, m.createdAt, m.updatedAt, m.expiresAt ?? null, m.supersedeKey ?? null]);
    },
    async recordDecoyAttempts(list) {
      if (!list.length) return;
      if (dialect === "postgres") {
        // One statement (what the real recordAttempts costs on PostgreSQL). A slot written twice in one batch keeps
        // its last attempt, as the statements one after the other would leave it.
        const last = [...new Map(list.map((e) => [e.slot, e])).values()];
        const col = <T>(xs: typeof list, f: (e: (typeof list)[number]) => T) => xs.map(f);
        await db.run("WITH attempts AS (INSERT INTO delivery_attempts_decoy (slot, id, message_id, at, channel, outcome, error) " +
          "SELECT * FROM unnest(?::integer[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[]) " +
          "ON CONFLICT (slot) DO UPDATE SET id = excluded.id, message_id = excluded.message_id, at = excluded.at, channel = excluded.channel, " +
          "outcome = excluded.outcome, error = excluded.error) " +
          "UPDATE outbox_decoy SET status = v.status, attempts = outbox_decoy.attempts + 1, next_attempt_at = v.at, lease_until = NULL, " +
          "last_error = v.error, updated_at = v.at FROM unnest(?::integer[], ?::text[], ?::text[], ?::bigint[], ?::text[]) AS v(slot, id, status, at, error) " +
          "WHERE outbox_decoy.slot = v.slot AND outbox_decoy.id = v.id",
          [col(last, (e) => e.slot), col(last, (e) => e.attempt.id), col(last, (e) => e.attempt.messageId), col(last, (e) => e.attempt.at),
            col(last, (e) => e.attempt.channel), col(last, (e) => e.attempt.outcome), col(last, (e) => e.attempt.error),
            col(list, (e) => e.slot), col(list, (e) => e.attempt.messageId), col(list, (e) => (e.attempt.outcome === "success" ? "sent" : "abandoned")),
            col(list, (e) => e.attempt.at), col(list, (e) => e.attempt.error)]);
        return;
      }
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
  };
}
