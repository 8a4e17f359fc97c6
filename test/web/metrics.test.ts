// test-stores: sqlite, postgres
/** GET /metrics: Prometheus text with API requests and errors by operation, and the outbox by medium and status. */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { test } from "node:test";
import type { OutboxMessage, Store } from "../../src/store/types.js";
import { createMetrics, type Metrics } from "../../src/web/metrics.js";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";

test("/metrics counts requests and errors by operation and messages by channel, without personal data", async () => {
  const s = await startTestServer();
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "mia", { email: "mia@example.com" });
    await s.inbox({ poolId }, 1);
    // A resend queues one more; an unknown user's resend (with PreventUserExistenceErrors) queues none.
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "mia" }));
    const { clientId: hiding } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: hiding, Username: "nobody-here" }));
    await s.inbox({ poolId }, 2);
    await rejectsWith(s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "nobody", ConfirmationCode: "123456" })), "UserNotFoundException");
    await fetch(s.url, { method: "POST", headers: { "X-Amz-Target": "Nope.Nothing", "Content-Type": "application/x-amz-json-1.1" }, body: "{}" });

    const res = await fetch(`${s.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const line = (re: RegExp) => assert.match(text, re);
    line(/^userpool_api_requests_total\{operation="SignUp"\} 1$/m);
    line(/^userpool_api_requests_total\{operation="CreateUserPool"\} 1$/m);
    line(/^userpool_api_requests_total\{operation="ConfirmSignUp"\} 1$/m);
    line(/^userpool_api_errors_total\{operation="ConfirmSignUp",error="UserNotFoundException"\} 1$/m);
    line(/^userpool_api_errors_total\{operation="unknown",error="UnknownOperationException"\} 1$/m);
    line(/^userpool_api_request_duration_seconds_count\{operation="SignUp"\} 1$/m);
    line(/^userpool_messages_queued_total\{channel="inbox"\} 2$/m);
    line(/^userpool_messages_sent_total\{channel="inbox"\} 2$/m);
    line(/^userpool_delivery_latency_seconds_count\{channel="inbox"\} 2$/m);
    // The outbox gauges count the backlog only: both messages are delivered, none waits.
    assert.doesNotMatch(text, /^userpool_outbox_(messages|oldest_queued_age_seconds)\{/m);
    line(/^# TYPE userpool_process_cpu_seconds_total counter$/m);
    assert.doesNotMatch(text, /mia|example\.com/, "no usernames or addresses");
    for (const m of await s.inbox({ poolId })) assert.doesNotMatch(text, new RegExp(`(^|[^\\d.])${m.code}([^\\d.]|$)`), "no codes");
  } finally {
    await s.close();
  }
});

// Every metric of ours, with its type: a dashboard or an alert can be built on them before any traffic arrives.
const OWN_METRICS: [string, string][] = [
  ["userpool_api_requests_total", "counter"], ["userpool_api_errors_total", "counter"],
  ["userpool_api_request_duration_seconds", "histogram"], ["userpool_messages_queued_total", "counter"],
  ["userpool_messages_sent_total", "counter"], ["userpool_messages_failed_total", "counter"],
  ["userpool_messages_abandoned_total", "counter"], ["userpool_delivery_latency_seconds", "histogram"],
  ["userpool_delivery_attempt_duration_seconds", "histogram"], ["userpool_outbox_messages", "gauge"],
  ["userpool_messages_expired_total", "counter"], ["userpool_outbox_oldest_queued_age_seconds", "gauge"],
];

test("/metrics names every metric (# HELP, # TYPE) at the first scrape, before anything was counted, with no samples", async () => {
  const s = await startTestServer();
  try {
    const res = await fetch(`${s.url}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    for (const [name, type] of OWN_METRICS) {
      assert.match(text, new RegExp(`^# HELP ${name} \\S`, "m"), `${name} has its HELP line`);
      assert.match(text, new RegExp(`^# TYPE ${name} ${type}$`, "m"), `${name} is a ${type}`);
      // Labelled and empty: a sample now would be a series with made-up labels (or a bogus 0 without labels).
      assert.doesNotMatch(text, new RegExp(`^${name}(_bucket|_sum|_count)?[{ ]`, "m"), `${name} has no samples yet`);
    }
  } finally {
    await s.close();
  }
});

/** The text of our own metrics (the process's are left out) at one scrape. */
async function scrape(metrics: Metrics) {
  let text = "";
  await metrics.handle({ writeHead() { return this; }, end(t: string) { text = t; } } as unknown as ServerResponse);
  return text.split("\n").filter((l) => !/^(# \w+ )?userpool_(process|nodejs)_/.test(l)).join("\n");
}

test("histograms are cumulative, values that are not finite are left out without failing the caller, and the outbox gauge is re-read at each scrape", async () => {
  let rows = [{ channel: "EMAIL", status: "queued", count: 2, oldest: 1_000 }, { channel: "SMS", status: "processing", count: 1, oldest: 2_000 }];
  const metrics = createMetrics({ outboxBacklog: async () => rows } as unknown as Store, (medium) => (medium === "SMS" ? "sms-webhook" : "inbox"), () => 3_500);
  metrics.observeRequest("SignUp", undefined, 0.004);
  metrics.observeRequest("SignUp", "UsernameExistsException", 0.3);
  metrics.observeRequest("SignUp", undefined, NaN);
  metrics.observeAttempt({ createdAt: 1_000 } as OutboxMessage, "inbox", "sent", 20, 3_500);
  metrics.observeAttempt({ createdAt: Number.NaN } as OutboxMessage, "inbox", "sent", Infinity, 3_500);
  metrics.observeQueued("SMS");

  let text = await scrape(metrics);
  const line = (re: RegExp) => assert.match(text, re);
  line(/^userpool_api_requests_total\{operation="SignUp"\} 3$/m);
  line(/^userpool_api_errors_total\{operation="SignUp",error="UsernameExistsException"\} 1$/m);
  line(/^userpool_api_request_duration_seconds_bucket\{le="0.005",operation="SignUp"\} 1$/m);
  line(/^userpool_api_request_duration_seconds_bucket\{le="0.25",operation="SignUp"\} 1$/m);
  line(/^userpool_api_request_duration_seconds_bucket\{le="0.5",operation="SignUp"\} 2$/m);
  line(/^userpool_api_request_duration_seconds_bucket\{le="\+Inf",operation="SignUp"\} 2$/m);
  line(/^userpool_api_request_duration_seconds_sum\{operation="SignUp"\} 0.304$/m);
  line(/^userpool_api_request_duration_seconds_count\{operation="SignUp"\} 2$/m);
  line(/^userpool_messages_sent_total\{channel="inbox"\} 2$/m);
  line(/^userpool_delivery_latency_seconds_count\{channel="inbox"\} 1$/m);
  line(/^userpool_delivery_latency_seconds_bucket\{le="2.5",channel="inbox"\} 1$/m);
  line(/^userpool_delivery_attempt_duration_seconds_count\{channel="inbox",outcome="sent"\} 1$/m);
  line(/^userpool_messages_queued_total\{channel="sms-webhook"\} 1$/m);
  line(/^userpool_outbox_messages\{medium="EMAIL",channel="inbox",status="queued"\} 2$/m);
  line(/^userpool_outbox_messages\{medium="SMS",channel="sms-webhook",status="processing"\} 1$/m);
  line(/^userpool_outbox_oldest_queued_age_seconds\{medium="EMAIL",channel="inbox"\} 2.5$/m);
  line(/^userpool_outbox_oldest_queued_age_seconds\{medium="SMS",channel="sms-webhook"\} 1.5$/m);

  rows = [{ channel: "EMAIL", status: "processing", count: 2, oldest: 3_000 }];
  text = await scrape(metrics);
  line(/^userpool_outbox_messages\{medium="EMAIL",channel="inbox",status="processing"\} 2$/m);
  assert.doesNotMatch(text, /status="queued"|medium="SMS"/, "a status with no message left is gone, not frozen at its last count");
});
