/**
 * The code operations' request path in one go (IssueRepo, issue 16). PostgreSQL: one statement each, a call of a
 * server-side function (migrations/0085_one_round_trip.postgres.sql), so one round trip even outside a transaction.
 * SQLite: the same steps through the other repositories, in the caller's transaction (the adapter gives a call
 * outside one a transaction of its own).
 */
import type { CodeRecord, CodeResendOutcome, CountedLimit, IssueRepo, OutboxMessage, Repos } from "../types.js";
import { json, type Dialect, type SqlExecutor } from "./shared.js";
import { toUser } from "./users.js";

type Parts = Pick<Repos, "getUser" | "hit" | "putCode" | "enqueue" | "writeDecoy" | "consumeCode" | "transitionStatus">;

/** The outbox row of a message, by column, as the function reads it (json_populate_record). */
const messageRow = (m: import("../types.js").OutboxMessage) => JSON.stringify({
  id: m.id, pool_id: m.poolId, username: m.username, channel: m.channel, destination: m.destination, subject: m.subject,
  body: m.body, html: m.html, code: m.code, purpose: m.purpose, meta: json(m.meta), status: m.status, attempts: m.attempts,
  next_attempt_at: m.nextAttemptAt, lease_until: m.leaseUntil, last_error: m.lastError, created_at: m.createdAt,
  updated_at: m.updatedAt, expires_at: m.expiresAt ?? null, supersede_key: m.supersedeKey ?? null,
});

export function issueRepo(db: SqlExecutor, dialect: Dialect, parts: Parts): IssueRepo {
  /** The user still has this status (and is enabled, when asked) and exactly these attributes (SQLite's guard). */
  const unchanged = async (poolId: string, usernameKey: string, status: string, attributes: Record<string, string>, enabled: boolean) =>
    (await db.get(`SELECT 1 AS ok FROM users WHERE pool_id = ? AND username_key = ? AND status = ? AND attributes = ?${enabled ? " AND enabled = 1" : ""}`,
      [poolId, usernameKey, status, json(attributes)])) !== undefined;
  /** The writes of an issued code (SQLite): the count (past the limit nothing more), the code, the message or decoy. */
  const write = async (c: CodeRecord, m: OutboxMessage, limit: CountedLimit | undefined, decoySlot: number | undefined, eraseSuperseded?: boolean) => {
    const now = c.createdAt;
    if (limit && limit.perHour > 0 && (await parts.hit(c.poolId, c.usernameKey, limit.kind, now, limit.windowMs)) > limit.perHour) return "limited";
    await parts.putCode(c);
    if (decoySlot === undefined) await parts.enqueue(m, { eraseSuperseded, now });
    else await parts.writeDecoy(decoySlot, m, { eraseSuperseded });
    return "issued";
  };
  return {
    async getUserWithCode(poolId, usernameKey, purpose) {
      const r = await db.get("SELECT u.*, c.code_hmac AS c_code_hmac, c.attribute AS c_attribute, c.expires_at AS c_expires_at, " +
        "c.created_at AS c_created_at FROM users u LEFT JOIN codes c ON c.pool_id = u.pool_id AND c.username_key = u.username_key " +
        "AND c.purpose = ? WHERE u.pool_id = ? AND u.username_key = ?", [purpose, poolId, usernameKey]);
      if (!r) return undefined;
      const code: CodeRecord | undefined = r.c_code_hmac == null ? undefined : {
        poolId, usernameKey: r.username_key, purpose, codeHmac: r.c_code_hmac, attribute: r.c_attribute,
        expiresAt: Number(r.c_expires_at), createdAt: Number(r.c_created_at),
      };
      return { user: toUser(r), code };
    },

    async issueCodeMessage(i) {
      const { code: c, message: m, limit } = i;
      const now = c.createdAt;
      const perHour = limit?.perHour ?? 0;
      if (dialect === "postgres") {
        const r = await db.get("SELECT userpool_issue_code(?, ?, ?, ?, ?, ?, ?::bigint, ?::bigint, ?::bigint, ?, ?, ?, ?::bigint, ?, ?::integer, ?) AS r", [
          c.poolId, c.usernameKey, Boolean(i.expect), i.expect?.status ?? null, i.expect ? json(i.expect.attributes) : null,
          limit?.kind ?? "", perHour, now, limit?.windowMs ?? 0,
          c.purpose, c.codeHmac, c.attribute, c.expiresAt, messageRow(m), i.decoySlot ?? null, Boolean(i.eraseSuperseded),
        ]);
        return r!.r;
      }
      if (i.expect && !(await unchanged(c.poolId, c.usernameKey, i.expect.status, i.expect.attributes, true))) return "changed";
      return write(c, m, limit, i.decoySlot, i.eraseSuperseded);
    },

    async resendCode(q) {
      const { code: c, limit } = q;
      if (dialect === "postgres") {
        const r = await db.get("SELECT * FROM userpool_resend_code(?, ?, ?, ?, ?, ?, ?, ?::bigint, ?::bigint, ?::bigint, ?, ?, ?::bigint, ?, " +
          "?, ?, ?, ?, ?::integer)", [
          c.poolId, c.usernameKey, q.status, JSON.stringify(q.candidates.map((x) => x.attribute)),
          `[${q.candidates.map((x) => messageRow(x.message)).join(",")}]`, q.supersedeGroup,
          limit?.kind ?? "", limit?.perHour ?? 0, c.createdAt, limit?.windowMs ?? 0,
          c.purpose, c.codeHmac, c.expiresAt, Boolean(q.eraseSuperseded),
          q.decoy?.code.usernameKey ?? null, q.decoy?.code.codeHmac ?? null, q.decoy?.code.attribute ?? null,
          q.decoy ? messageRow(q.decoy.message) : null, q.decoy?.slot ?? null,
        ]);
        return (r!.attribute == null ? { r: r!.r } : r) as CodeResendOutcome;
      }
      const u = await parts.getUser(c.poolId, c.usernameKey);
      if (!u || !u.enabled) {
        if (!q.decoy) return { r: u ? "disabled" : "absent" };
        const d = q.decoy;
        const r = await write(d.code, d.message, limit, d.slot, q.eraseSuperseded);
        return r === "limited" ? { r } : { r: "simulated", attribute: d.code.attribute as "email" | "phone_number", destination: d.message.destination, username: d.message.username };
      }
      if (u.status !== q.status) return { r: "status" };
      const chosen = q.candidates.find((x) => u.attributes[x.attribute]);
      if (!chosen) return { r: "no-target" };
      const destination = u.attributes[chosen.attribute];
      const m = { ...chosen.message, destination, username: u.username, supersedeKey: `${c.poolId} ${u.username} ${q.supersedeGroup}` };
      const r = await write({ ...c, attribute: chosen.attribute }, m, limit, undefined, q.eraseSuperseded);
      return r === "limited" ? { r } : { r: "issued", attribute: chosen.attribute, destination, username: u.username };
    },

    async confirmWithCode(k) {
      const perHour = k.limit?.perHour ?? 0;
      const x = k.consume;
      if (dialect === "postgres") {
        const r = await db.get("SELECT userpool_confirm_code(?, ?, ?, ?, ?::bigint, ?::bigint, ?::bigint, ?, ?, ?, ?, ?) AS r", [
          k.poolId, k.usernameKey, k.purpose, k.limit?.kind ?? "", perHour, k.now, k.limit?.windowMs ?? 0,
          x?.codeHmac ?? null, x?.from ?? null, x ? json(x.attributes) : null, x?.to ?? null, x ? json(x.newAttributes) : null,
        ]);
        return r!.r;
      }
      if (k.limit && perHour > 0 && (await parts.hit(k.poolId, k.usernameKey, k.limit.kind, k.now, k.limit.windowMs)) > perHour) return "limited";
      if (!x) return "counted";
      if (!(await unchanged(k.poolId, k.usernameKey, x.from, x.attributes, false))) return "changed";
      if (!(await parts.consumeCode(k.poolId, k.usernameKey, k.purpose, x.codeHmac))) return "changed";
      await parts.transitionStatus(k.poolId, k.usernameKey, x.from, x.to, x.newAttributes, k.now);
      return "confirmed";
    },
  };
}
