/**
 * The dev inbox API: every message the server delivered or is delivering, newest first.
 * `GET /_dev/inbox/messages?poolId=&username=&to=&limit=`, `DELETE /_dev/inbox/messages` clears delivered ones.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { OutboxMessage, Store } from "../store/types.js";
import { INVITATION } from "../messages/invitation.js";
import { seconds } from "../ops/views.js";
import { sendJson } from "./http.js";

export const inboxView = (m: OutboxMessage) => ({
  id: m.id, poolId: m.poolId, username: m.username, channel: m.channel, to: m.destination, subject: m.subject, body: m.body,
  ...(m.purpose === INVITATION ? { code: null, temporaryPassword: m.code } : { code: m.code }), purpose: m.purpose, status: m.status, attempts: m.attempts, lastError: m.lastError, createdAt: seconds(m.createdAt),
});

export async function inboxMessages(store: Store, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (req.method === "DELETE") {
    sendJson(res, 200, { deleted: await store.clearFinished() });
    return;
  }
  const q = url.searchParams;
  const limit = Math.min(Math.max(Number(q.get("limit") ?? 100) || 100, 1), 1000);
  const messages = await store.listMessages({
    poolId: q.get("poolId") ?? undefined, username: q.get("username") ?? undefined, to: q.get("to") ?? undefined, limit,
  });
  sendJson(res, 200, { messages: messages.map(inboxView) });
}
