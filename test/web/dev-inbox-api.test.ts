// test-stores: sqlite, postgres
/**
 * The dev inbox JSON API over plain HTTP (src/web/dev-inbox.ts):
 * `GET /_dev/inbox/messages?poolId=&username=&to=&limit=` lists messages newest first (limit default 100, at most
 * 1000); `DELETE /_dev/inbox/messages` removes the finished ones (sent and abandoned) and says how many.
 */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer, type InboxMessage, type TestServer } from "../helpers/server.js";

type Message = InboxMessage & { lastError: string | null };

async function list(s: TestServer, query: Record<string, string> = {}): Promise<Message[]> {
  const res = await fetch(`${s.url}/_dev/inbox/messages?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  const body = (await res.json()) as { messages: Message[] };
  assert.ok(Array.isArray(body.messages), JSON.stringify(body));
  return body.messages;
}

async function clear(s: TestServer): Promise<number> {
  const res = await fetch(`${s.url}/_dev/inbox/messages`, { method: "DELETE" });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { deleted: number };
  assert.equal(typeof body.deleted, "number");
  return body.deleted;
}

/** Polls until `pred` holds for the listing (or fails after 5 s). */
async function until(s: TestServer, query: Record<string, string>, pred: (m: Message[]) => boolean): Promise<Message[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const messages = await list(s, query);
    if (pred(messages)) return messages;
    if (Date.now() > deadline) assert.fail(`timed out; last listing: ${JSON.stringify(messages)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An SMS webhook that always answers 500, so SMS messages fail. */
async function failingWebhook(): Promise<{ url: string; server: Server; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on("end", () => { res.writeHead(500).end("nope"); });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, server, calls: () => calls };
}

describe("GET and DELETE /_dev/inbox/messages", () => {
  let s: TestServer, poolA: string, poolB: string, clientA: string, clientB: string;
  const SECOND = 1000;
  /** Real time the four requests took, on top of the clock's three seconds (a loaded machine takes a while). */
  let took = 0;
  before(async () => {
    s = await startTestServer({ resendLimitPerHour: 0 });
    poolA = await createPool(s, { PoolName: "a" });
    poolB = await createPool(s, { PoolName: "b" });
    ({ clientId: clientA } = await createClient(s, poolA));
    ({ clientId: clientB } = await createClient(s, poolB));
    // One message a second apart, so that "newest first" is unambiguous.
    const started = Date.now();
    await signUp(s, clientA, "ann", { email: "ann@example.com" });
    s.clock.advance(SECOND);
    await signUp(s, clientA, "bob", { email: "bob@example.com" });
    s.clock.advance(SECOND);
    await signUp(s, clientB, "ann", { email: "ann.b@example.com" });
    s.clock.advance(SECOND);
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientA, Username: "ann" }));
    took = (Date.now() - started) / 1000;
    await s.inbox({}, 4);
  });
  after(() => s.close());

  test("lists every message newest first with its fields", async () => {
    const all = await list(s);
    assert.equal(all.length, 4);
    assert.deepEqual(all.map((m) => [m.poolId, m.username, m.purpose]), [
      [poolA, "ann", "RESEND_CODE"],
      [poolB, "ann", "SIGN_UP"],
      [poolA, "bob", "SIGN_UP"],
      [poolA, "ann", "SIGN_UP"],
    ]);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].createdAt > all[i].createdAt, "strictly newest first");
    assert.equal(new Set(all.map((m) => m.id)).size, 4, "distinct ids");

    const newest = all[0];
    for (const field of ["id", "poolId", "username", "channel", "to", "subject", "body", "code", "purpose", "status", "createdAt"]) {
      assert.ok(field in newest, `field ${field} in ${JSON.stringify(newest)}`);
    }
    assert.equal(typeof newest.id, "string");
    assert.equal(newest.channel, "EMAIL");
    assert.equal(newest.to, "ann@example.com");
    assert.equal(newest.subject, "Your verification code");
    assert.match(newest.code!, /^\d{6}$/);
    assert.ok(newest.body.includes(newest.code!), "the body carries the code");
    assert.equal(newest.status, "sent");
    // createdAt is epoch seconds, as the API's other dates are.
    assert.equal(typeof newest.createdAt, "number");
    assert.ok(Math.abs(newest.createdAt - s.clock.now() / 1000) < 60, `createdAt ${newest.createdAt} is seconds near now`);
    const between = all[0].createdAt - all[3].createdAt;
    assert.ok(between >= 3 && between <= 3 + took, `three seconds between the first and the last (${between} s, requests took ${took} s)`);
    // The newest message's code is the one that confirms ann.
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientA, Username: "ann", ConfirmationCode: newest.code! }));
  });

  test("filters by poolId, username and to, alone and combined", async () => {
    const byPool = await list(s, { poolId: poolA });
    assert.equal(byPool.length, 3);
    assert.ok(byPool.every((m) => m.poolId === poolA));
    assert.deepEqual((await list(s, { poolId: poolB })).map((m) => m.username), ["ann"]);

    const anns = await list(s, { username: "ann" });
    assert.deepEqual(anns.map((m) => m.poolId), [poolA, poolB, poolA], "the same username in two pools");
    assert.deepEqual((await list(s, { poolId: poolA, username: "ann" })).map((m) => m.to), ["ann@example.com", "ann@example.com"]);

    const to = await list(s, { to: "ann.b@example.com" });
    assert.deepEqual(to.map((m) => [m.poolId, m.username]), [[poolB, "ann"]]);
    assert.deepEqual((await list(s, { to: "bob@example.com", poolId: poolB })), []);
    assert.deepEqual(await list(s, { username: "nobody" }), []);
    assert.deepEqual(await list(s, { poolId: "us-east-1_nothere" }), []);
  });

  test("limit keeps the newest n; a missing or unusable limit means 100", async () => {
    const all = await list(s);
    assert.deepEqual((await list(s, { limit: "1" })).map((m) => m.id), [all[0].id]);
    assert.deepEqual((await list(s, { limit: "2" })).map((m) => m.id), all.slice(0, 2).map((m) => m.id));
    assert.equal((await list(s, { limit: "2", poolId: poolA })).length, 2);
    assert.equal((await list(s, { limit: "nonsense" })).length, 4);
    assert.equal((await list(s, { limit: "5000" })).length, 4);
  });

  test("DELETE clears the delivered messages and reports how many; the codes still work", async () => {
    await signUp(s, clientA, "cleo", { email: "cleo@example.com" });
    const [cleo] = await s.inbox({ poolId: poolA, username: "cleo" }, 1);
    const before = await list(s);
    assert.ok(before.every((m) => m.status === "sent"));
    assert.equal(await clear(s), before.length);
    assert.deepEqual(await list(s), []);
    for (const q of [{ poolId: poolA }, { username: "ann" }, { to: "cleo@example.com" }] as Record<string, string>[]) assert.deepEqual(await list(s, q), []);
    assert.equal(await clear(s), 0, "nothing left to clear");
    // Clearing the inbox does not revoke the code it showed.
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientA, Username: "cleo", ConfirmationCode: cleo.code! }));
    // New messages appear again afterwards.
    await signUp(s, clientA, "dan", { email: "dan@example.com" });
    const after = await s.inbox({}, 1);
    assert.deepEqual(after.map((m) => m.username), ["dan"]);
  });

  test("other methods on the path are not routes", async () => {
    const res = await fetch(`${s.url}/_dev/inbox/messages`, { method: "PUT", body: "{}" });
    assert.equal(res.status, 404);
  });
});

describe("DELETE /_dev/inbox/messages and undelivered messages", () => {
  let hook: Awaited<ReturnType<typeof failingWebhook>>;
  before(async () => { hook = await failingWebhook(); });
  after(() => new Promise<void>((r) => hook.server.close(() => r())));

  test("a message still being retried (queued) is kept; delivered ones go", async () => {
    const s = await startTestServer({ smsWebhookUrl: hook.url, deliveryMaxAttempts: 5, deliveryBaseDelayMs: 60_000 });
    try {
      const poolId = await createPool(s, { AutoVerifiedAttributes: ["email", "phone_number"] });
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "mail", { email: "mail@example.com" });
      await signUp(s, clientId, "text", { phone_number: "+15555550100" });
      const [sms] = await until(s, { username: "text" }, (m) => m.length === 1 && m[0].status === "queued" && m[0].attempts >= 1);
      assert.equal(sms.channel, "SMS");
      assert.equal(sms.to, "+15555550100");
      assert.equal(sms.subject, null);
      assert.match(sms.lastError ?? "", /500/);
      await until(s, { username: "mail" }, (m) => m.length === 1 && m[0].status === "sent");

      assert.equal(await clear(s), 1, "only the delivered email");
      const left = await list(s);
      assert.deepEqual(left.map((m) => [m.id, m.status]), [[sms.id, "queued"]]);
    } finally {
      await s.close();
    }
  });

  test("a failed message (out of attempts) is cleared", async () => {
    const s = await startTestServer({ smsWebhookUrl: hook.url, deliveryMaxAttempts: 1 });
    try {
      const poolId = await createPool(s, { AutoVerifiedAttributes: ["phone_number"] });
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "lost", { phone_number: "+15555550199" });
      const [m] = await until(s, { username: "lost" }, (l) => l.length === 1 && l[0].status === "failed");
      assert.equal(m.attempts, 1);
      assert.equal(await clear(s), 1);
      assert.deepEqual(await list(s), []);
    } finally {
      await s.close();
    }
  });
});

test("without a limit at most 100 messages are listed; a larger limit lists more", async () => {
  const s = await startTestServer({ resendLimitPerHour: 0 });
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "chatty", { email: "chatty@example.com" });
    for (let i = 0; i < 104; i++) await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "chatty" }));
    await until(s, { limit: "1000" }, (m) => m.length === 105);
    assert.equal((await list(s)).length, 100);
    assert.equal((await list(s, { limit: "101" })).length, 101);
    assert.equal((await list(s, { limit: "1000", username: "chatty" })).length, 105);
  } finally {
    await s.close();
  }
});
