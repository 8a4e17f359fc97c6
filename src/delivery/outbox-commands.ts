/**
 * `userpool outbox list` and `userpool outbox retry`: the operator's view of the outbox, straight from the store (the
 * data dir's SQLite file or the PostgreSQL database), one line per message. Neither prints a code or a message text.
 * A requeued message is picked up by a running server's worker at its next poll (within a second).
 */
import type { MessageStatus, OutboxMessage, Store } from "../store/types.js";

export const STATUSES: readonly MessageStatus[] = ["queued", "processing", "sent", "superseded", "expired", "failed", "abandoned"];

const iso = (ms: number | null | undefined) => (ms == null ? "-" : new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"));
/** One line of text: newlines and tabs of an error become spaces, and it is cut at 200 characters. */
const oneLine = (s: string, max = 200) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
};

/** `id status medium destination purpose attempts=n created=… expires=… error="…"` */
export function formatMessage(m: OutboxMessage): string {
  const status = m.status === "abandoned" ? "failed(abandoned)" : m.status;
  const parts = [
    m.id, status, m.channel, m.destination, `${m.poolId}/${m.username}`, m.purpose, `attempts=${m.attempts}`,
    `created=${iso(m.createdAt)}`, `expires=${iso(m.expiresAt)}`,
  ];
  if (m.status === "queued") parts.push(`next=${iso(m.nextAttemptAt)}`);
  if (m.lastError) parts.push(`error=${JSON.stringify(oneLine(m.lastError))}`);
  return parts.join(" ");
}

/** Parses `--status a,b`: known statuses only. */
export function parseStatuses(list: string): MessageStatus[] {
  const out = list.split(",").map((s) => s.trim()).filter(Boolean);
  const bad = out.filter((s) => !STATUSES.includes(s as MessageStatus));
  if (bad.length || !out.length) throw new Error(`unknown status ${bad.join(", ") || "(none)"}: use ${STATUSES.join(", ")}`);
  return out as MessageStatus[];
}

export async function listOutbox(store: Store, o: { status?: MessageStatus[]; limit: number }, write: (line: string) => void): Promise<number> {
  const messages = await store.listMessages({ status: o.status, limit: o.limit });
  for (const m of messages) write(formatMessage(m));
  return messages.length;
}

/** Requeues one failed message or all of them; returns the exit status (1 when `id` could not be requeued). */
export async function retryOutbox(
  store: Store, which: { id: string } | { allFailed: true }, now: number, write: (line: string) => void, fail: (line: string) => void,
): Promise<number> {
  const ids = await store.requeueMessages(which, now);
  if ("id" in which) {
    if (ids.length) { write(`requeued ${which.id}`); return 0; }
    const m = await store.getMessage(which.id);
    if (!m) fail(`no message ${which.id}`);
    else if (m.expiresAt != null && m.expiresAt <= now && (m.status === "failed" || m.status === "abandoned")) {
      fail(`not requeued: ${which.id} is ${m.status} and what it carries expired at ${iso(m.expiresAt)}`);
    } else fail(`not requeued: ${which.id} is ${m.status} (only failed or abandoned messages are retried)`);
    return 1;
  }
  write(`requeued ${ids.length} failed or abandoned message${ids.length === 1 ? "" : "s"}${ids.length ? ": " + ids.join(", ") : ""}`);
  return 0;
}
