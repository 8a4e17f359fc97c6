// test-stores: sqlite, postgres
/** SMS through a real HTTP webhook: signed JSON, retried on errors, delivered once. */
import assert from "node:assert/strict";
import { createHmac, timingSafeEqual } from "node:crypto";
import { test } from "node:test";
import { smsWebhookChannel, verifyWebhookSignature } from "../../src/delivery/channels/sms-webhook.js";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";
import { eventually } from "../helpers/wait.js";
import { codeIn, startWebhookServer } from "./helpers.js";

const SECRET = "whsec-test-0123456789";

/** The receiver's check, written out independently of the server's signing code. */
function signatureValid(headers: Record<string, string | string[] | undefined>, body: string): boolean {
  const timestamp = String(headers["x-userpool-timestamp"]);
  const given = Buffer.from(String(headers["x-userpool-signature"]));
  const want = Buffer.from("sha256=" + createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex"));
  return given.length === want.length && timingSafeEqual(given, want);
}

test("500, 500, then 200: delivered once, three attempts recorded, every call signed", async () => {
  const hook = await startWebhookServer();
  hook.respond = (n) => (n <= 2 ? 500 : 200);
  const s = await startTestServer({ smsWebhookUrl: hook.url, smsWebhookSecret: SECRET, deliveryBaseDelayMs: 100 });
  try {
    const poolId = await createPool(s, {
      AutoVerifiedAttributes: ["phone_number", "email"],
      VerificationMessageTemplate: { SmsMessage: "Acme code {####} for {username}" },
    });
    const { clientId } = await createClient(s, poolId);
    const out = await signUp(s, clientId, "sam", { phone_number: "+15555550123", email: "sam@example.com" });
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "+*******0123", DeliveryMedium: "SMS", AttributeName: "phone_number" });

    const [message] = await s.inbox({ poolId }, 1);
    assert.equal(hook.calls.length, 3);
    assert.deepEqual(hook.calls.map((c) => c.status), [500, 500, 200]);
    for (const call of hook.calls) {
      assert.equal(call.headers["content-type"], "application/json");
      assert.ok(signatureValid(call.headers, call.body), "signature over timestamp.body verifies");
      assert.ok(Math.abs(Number(call.headers["x-userpool-timestamp"]) - Date.now() / 1000) < 60);
      assert.equal(call.headers["x-userpool-message-id"], message.id);
    }
    assert.equal(new Set(hook.calls.map((c) => c.body)).size, 1, "the same message each time");
    const payload = JSON.parse(hook.calls[2].body);
    assert.deepEqual(Object.keys(payload).sort(), ["body", "messageId", "poolId", "purpose", "to", "username"]);
    assert.equal(payload.messageId, message.id);
    assert.equal(payload.to, "+15555550123");
    assert.equal(payload.poolId, poolId);
    assert.equal(payload.username, "sam");
    assert.equal(payload.purpose, "SIGN_UP");
    const code = codeIn(payload.body)!;
    assert.equal(payload.body, `Acme code ${code} for sam`);
    assert.equal(code, message.code);

    // The exported helper for receivers agrees, and refuses a tampered body or a stale timestamp.
    const h = hook.calls[2].headers;
    const ts = String(h["x-userpool-timestamp"]);
    assert.ok(verifyWebhookSignature(SECRET, String(h["x-userpool-signature"]), ts, hook.calls[2].body, Date.now() / 1000));
    assert.ok(!verifyWebhookSignature(SECRET, String(h["x-userpool-signature"]), ts, hook.calls[2].body.replace(code, "000000"), Date.now() / 1000));
    assert.ok(!verifyWebhookSignature(SECRET, String(h["x-userpool-signature"]), ts, hook.calls[2].body, Date.now() / 1000 + 3600));

    const sent = await eventually("sent", async () => {
      const m = await s.server.deps.store.getMessage(message.id);
      return m?.status === "sent" ? m : undefined;
    }, 5000);
    assert.equal(sent.attempts, 3);
    const attempts = await s.server.deps.store.listAttempts(message.id);
    assert.deepEqual(attempts.map((a) => [a.channel, a.outcome]), [["sms-webhook", "failure"], ["sms-webhook", "failure"], ["sms-webhook", "success"]]);
    assert.equal(attempts[0].error, "webhook answered HTTP 500");
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(hook.calls.length, 3, "no call after the 2xx");

    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    assert.match(metrics, /^userpool_messages_sent_total\{channel="sms-webhook"\} 1$/m);
    assert.match(metrics, /^userpool_messages_failed_total\{channel="sms-webhook"\} 2$/m);
    assert.match(metrics, /^userpool_delivery_latency_seconds_count\{channel="sms-webhook"\} 1$/m);
  } finally {
    await s.close();
    await hook.close();
  }
});

test("a webhook that does not answer in time is a failed attempt", async () => {
  const hook = await startWebhookServer();
  try {
    // The channel with a short timeout, driven directly (the server's waits 10 s).
    hook.respond = () => new Promise((r) => setTimeout(() => r(200), 1500));
    const channel = smsWebhookChannel({ url: hook.url, secret: SECRET, now: Date.now, timeoutMs: 300 });
    const message = {
      id: "m-1", poolId: "us-east-1_x", username: "u", channel: "SMS" as const, destination: "+15555550100", subject: null, body: "b",
      html: null, code: "123456", purpose: "SIGN_UP", meta: null, status: "processing" as const, attempts: 0, nextAttemptAt: 0,
      leaseUntil: null, lastError: null, createdAt: 0, updatedAt: 0,
    };
    await assert.rejects(channel.send(message), /did not answer within 300 ms/);
    hook.respond = () => 200;
    await channel.send(message);
    await assert.rejects(channel.send({ ...message, channel: "EMAIL" }), /cannot send EMAIL/);
  } finally {
    await hook.close();
  }
});
