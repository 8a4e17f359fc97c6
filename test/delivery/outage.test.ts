// test-stores: sqlite, postgres
/**
 * Delivery that outlives an outage (issue 17): a message is retried for as long as its code works, only the newest
 * code goes out, a permanent refusal stops at once, retention deletes finished messages and nothing waiting, and the
 * operator can list and requeue from the command line. Real SMTP sink and webhook, stopped and restarted.
 */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { test } from "node:test";
import { runCommand } from "../helpers/cli.js";
import { createDatabase } from "../helpers/postgres.js";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { eventually } from "../helpers/wait.js";
import { codeIn, metric, outboxStatuses as statuses, startSmtpSink, startWebhookServer } from "./helpers.js";
import type { OutboxBacklog, Store } from "../../src/store/types.js";
import { createMetrics } from "../../src/web/metrics.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("down for longer than the old whole schedule (shortened delays): retried until the relay returns, then delivered", async () => {
  const sink = await startSmtpSink({ starttls: false });
  const s = await startTestServer({ smtpUrl: sink.url, deliveryBaseDelayMs: 50, deliveryMaxDelayMs: 200 });
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await sink.stop();
    await signUp(s, clientId, "vera", { email: "vera@example.com" });
    const [m] = await s.server.deps.store.listMessages({ poolId });
    // The old schedule gave up after 5 tries (50+100+200+200 ms with these delays); this one keeps going.
    await eventually("ten failed tries", async () => (await s.server.deps.store.getMessage(m.id))!.attempts >= 10, 10_000);
    await sink.start();
    const [mail] = await sink.waitFor(1, 5000);
    assert.equal(codeIn(mail.text), m.code);
    const sent = await eventually("sent", async () => {
      const x = await s.server.deps.store.getMessage(m.id);
      return x?.status === "sent" ? x : undefined;
    }, 5000);
    const attempts = await s.server.deps.store.listAttempts(m.id);
    assert.equal(attempts.length, sent.attempts);
    assert.deepEqual(attempts.map((a) => a.outcome), [...Array(attempts.length - 1).fill("failure"), "success"]);
  } finally {
    await s.close();
    await sink.stop();
  }
});

test("a message whose code expires during the outage ends expired and is never sent", async () => {
  const sink = await startSmtpSink({ starttls: false });
  const s = await startTestServer({ smtpUrl: sink.url, deliveryBaseDelayMs: 200, deliveryMaxDelayMs: 400 });
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await sink.stop();
    await signUp(s, clientId, "eve", { email: "eve@example.com" });
    const [m] = await s.server.deps.store.listMessages({ poolId });
    await eventually("failed tries", async () => (await s.server.deps.store.getMessage(m.id))!.attempts >= 2, 5000);
    // The sign-up code is valid for 24 hours: the outage outlasts it.
    s.clock.advance(24 * 3600_000 + 60_000);
    const expired = await eventually("expired", async () => {
      const x = await s.server.deps.store.getMessage(m.id);
      return x?.status === "expired" ? x : undefined;
    }, 5000);
    await sink.start();
    await sleep(1500);
    assert.equal(sink.mails.length, 0, "never sent");
    assert.equal((await s.server.deps.store.getMessage(m.id))!.attempts, expired.attempts, "no try after it expired");
    assert.ok((await s.server.deps.store.listAttempts(m.id)).every((a) => a.outcome === "failure"));
    assert.equal(await metric(s, 'userpool_messages_expired_total{channel="smtp"}'), 1);
    await rejectsWith(s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "eve", ConfirmationCode: m.code! })), "ExpiredCodeException");
  } finally {
    await s.close();
    await sink.stop();
  }
});

test("SMS webhook: 503s during an outage, then back: only the newest code is delivered; a 4xx other than 408/429 fails at once", async () => {
  const hook = await startWebhookServer();
  let down = true;
  hook.respond = () => (down ? 503 : 200);
  const s = await startTestServer({ smsWebhookUrl: hook.url, smsWebhookSecret: "k", deliveryBaseDelayMs: 100, deliveryMaxDelayMs: 300, resendLimitPerHour: 0 });
  try {
    const poolId = await createPool(s, { AutoVerifiedAttributes: ["phone_number"] });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "sam", { phone_number: "+15555550101" });
    for (let i = 0; i < 5; i++) await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "sam" }));
    const [newest] = await s.server.deps.store.listMessages({ poolId, username: "sam" });
    await sleep(1500);
    assert.equal(hook.calls.filter((c) => c.status === 200).length, 0);
    down = false;
    await eventually("delivered", () => hook.calls.some((c) => c.status === 200), 5000);
    await sleep(1000);
    const delivered = hook.calls.filter((c) => c.status === 200).map((c) => JSON.parse(c.body) as { messageId: string; body: string });
    assert.deepEqual(delivered.map((d) => d.messageId), [newest.id], "one delivery: the newest message");
    assert.equal(codeIn(delivered[0].body), newest.code);
    assert.deepEqual(await statuses(s, poolId, "sam"), { superseded: 5, sent: 1 });

    // 408 and 429 are retried like a 5xx; any other 4xx is the receiver's final answer.
    const codes = [408, 429, 500, 404];
    const before = hook.calls.length;
    hook.respond = (n) => codes[n - before - 1] ?? 200;
    await signUp(s, clientId, "tom", { phone_number: "+15555550102" });
    const [m] = await s.server.deps.store.listMessages({ poolId, username: "tom" });
    const failed = await eventually("failed", async () => {
      const x = await s.server.deps.store.getMessage(m.id);
      return x?.status === "failed" ? x : undefined;
    }, 8000);
    await sleep(700);
    assert.equal(failed.attempts, 4);
    assert.equal(hook.calls.length - before, 4, "no call after the 404");
    assert.equal(failed.lastError, "webhook answered HTTP 404");
  } finally {
    await s.close();
    await hook.close();
  }
});

test("two instances on one PostgreSQL database (both passes): resends through both during an SMS outage, one delivery of the newest", async () => {
  const db = await createDatabase("userpool_outage");
  const hook = await startWebhookServer();
  let down = true;
  hook.respond = () => (down ? 503 : 200);
  // Instances sharing a database share the server secret.
  const config = { databaseUrl: db.url, serverSecret: "ab".repeat(32), smsWebhookUrl: hook.url, smsWebhookSecret: "k",
    deliveryBaseDelayMs: 100, deliveryMaxDelayMs: 300, resendLimitPerHour: 0 };
  const a = await startTestServer(config);
  const b = await startTestServer(config);
  try {
    const poolId = await createPool(a, { AutoVerifiedAttributes: ["phone_number"] });
    const { clientId } = await createClient(a, poolId);
    await signUp(a, clientId, "pat", { phone_number: "+15555550401" });
    for (const s of [b, a, b, a]) await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "pat" }));
    const [newest] = await a.server.deps.store.listMessages({ poolId });
    await sleep(1000);
    down = false;
    await eventually("delivered", () => hook.calls.some((c) => c.status === 200), 5000);
    await sleep(1500);
    const delivered = hook.calls.filter((c) => c.status === 200).map((c) => (JSON.parse(c.body) as { messageId: string }).messageId);
    assert.deepEqual(delivered, [newest.id], "delivered once, by one instance: the newest message");
    assert.deepEqual(await statuses(b, poolId), { superseded: 4, sent: 1 });
  } finally {
    await a.close();
    await b.close();
    await hook.close();
    await db.drop();
  }
});

test("retention deletes sent and superseded messages with their attempts, never queued or failed ones", async () => {
  const hook = await startWebhookServer();
  hook.respond = (_n, call) => {
    const { to } = JSON.parse(call.body) as { to: string };
    return to.endsWith("01") ? 200 : to.endsWith("02") ? 400 : 503;
  };
  // Retention 0 days: everything finished is old enough; a 60 s retry delay keeps bob's message queued meanwhile.
  const s = await startTestServer({ smsWebhookUrl: hook.url, smsWebhookSecret: "k", outboxRetentionDays: 0, deliveryBaseDelayMs: 60_000, resendLimitPerHour: 0 });
  try {
    const poolId = await createPool(s, { AutoVerifiedAttributes: ["phone_number"] });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "ann", { phone_number: "+15555550201" });
    await signUp(s, clientId, "cat", { phone_number: "+15555550202" });
    await signUp(s, clientId, "bob", { phone_number: "+15555550203" });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "bob" }));
    await eventually("settled", async () => {
      const st = await statuses(s, poolId);
      return st.sent === 1 && st.failed === 1 && st.superseded === 1 && st.queued === 1;
    }, 5000);
    const store = s.server.deps.store;
    const [annMessage] = await store.listMessages({ poolId, username: "ann" });
    const [bobQueued] = await store.listMessages({ poolId, username: "bob", status: ["queued"] });
    assert.equal((await store.listAttempts(annMessage.id)).length, 1);

    assert.equal(await s.server.retention.sweep(), 2);
    assert.deepEqual(await statuses(s, poolId), { queued: 1, failed: 1 });
    assert.deepEqual(await store.listAttempts(annMessage.id), [], "its attempts went with it");
    assert.equal((await store.listAttempts(bobQueued.id)).length, 1);
    assert.equal(await s.server.retention.sweep(), 0);
  } finally {
    await s.close();
    await hook.close();
  }
});

test("userpool outbox list and retry: one line per message, a failed message requeued by id and delivered", async () => {
  const hook = await startWebhookServer();
  let status = 400;
  hook.respond = () => status;
  const s = await startTestServer({ smsWebhookUrl: hook.url, smsWebhookSecret: "k" });
  try {
    const poolId = await createPool(s, { AutoVerifiedAttributes: ["phone_number"] });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "dan", { phone_number: "+15555550301" });
    const [m] = await s.server.deps.store.listMessages({ poolId });
    await eventually("failed", async () => (await s.server.deps.store.getMessage(m.id))?.status === "failed", 5000);
    const where = s.server.deps.config.databaseUrl ? ["--database-url", s.server.deps.config.databaseUrl] : ["--data-dir", s.dataDir];
    const cli = (...args: string[]) => runCommand(["outbox", ...args, ...where]);

    const list = await cli("list", "--status", "failed");
    assert.equal(list.status, 0, list.stderr);
    const lines = list.stdout.trim().split("\n");
    assert.equal(lines.length, 1);
    assert.match(lines[0], new RegExp(`^${m.id} failed SMS \\+15555550301 ${poolId}/dan SIGN_UP attempts=1 created=\\S+ expires=\\S+ error="webhook answered HTTP 400"$`));
    assert.doesNotMatch(list.stdout, new RegExp(m.code!), "no code in the output");
    assert.equal((await cli("list", "--status", "sent")).stdout, "");
    const bad = await cli("list", "--status", "lost");
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown status lost/);

    status = 200;
    const retry = await cli("retry", m.id);
    assert.deepEqual([retry.status, retry.stdout], [0, `requeued ${m.id}\n`]);
    await eventually("sent", async () => (await s.server.deps.store.getMessage(m.id))?.status === "sent", 5000);
    assert.equal(hook.calls.length, 2);
    const again = await cli("retry", m.id);
    assert.equal(again.status, 1);
    assert.match(again.stderr, new RegExp(`not requeued: ${m.id} is sent`));
    const all = await cli("retry", "--all-abandoned");
    assert.deepEqual([all.status, all.stdout], [0, "requeued 0 failed or abandoned messages\n"]);
    assert.equal((await cli("retry")).status, 2, "an id or --all-abandoned");
  } finally {
    await s.close();
    await hook.close();
  }
});

test("the backlog gauges: read once per scrape from the store's backlog, a series only for what waits, the oldest message's age", async () => {
  let rows: OutboxBacklog[] = [
    { channel: "EMAIL", status: "queued", count: 3, oldest: 40_000 },
    { channel: "EMAIL", status: "processing", count: 1, oldest: 10_000 },
    { channel: "SMS", status: "queued", count: 2, oldest: 70_000 },
  ];
  let reads = 0;
  const store = { outboxBacklog: async () => { reads++; return rows; } } as unknown as Store;
  const metrics = createMetrics(store, (medium) => (medium === "SMS" ? "sms-webhook" : "smtp"), () => 100_000);
  const scrape = async () => {
    let text = "";
    await metrics.handle({ writeHead() { return this; }, end(t: string) { text = t; } } as unknown as ServerResponse);
    return text;
  };
  let text = await scrape();
  assert.equal(reads, 1, "one read for both gauges");
  assert.match(text, /^userpool_outbox_messages\{medium="EMAIL",channel="smtp",status="queued"\} 3$/m);
  assert.match(text, /^userpool_outbox_messages\{medium="EMAIL",channel="smtp",status="processing"\} 1$/m);
  assert.match(text, /^userpool_outbox_messages\{medium="SMS",channel="sms-webhook",status="queued"\} 2$/m);
  assert.match(text, /^userpool_outbox_oldest_queued_age_seconds\{medium="EMAIL",channel="smtp"\} 90$/m);
  assert.match(text, /^userpool_outbox_oldest_queued_age_seconds\{medium="SMS",channel="sms-webhook"\} 30$/m);
  rows = [{ channel: "SMS", status: "processing", count: 1, oldest: 99_000 }];
  text = await scrape();
  assert.equal(reads, 2, "re-read at each scrape");
  assert.doesNotMatch(text, /medium="EMAIL"|status="queued"/, "what no longer waits is gone, not frozen");
  assert.match(text, /^userpool_outbox_oldest_queued_age_seconds\{medium="SMS",channel="sms-webhook"\} 1$/m);
});
