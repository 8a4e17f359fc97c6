/** GET /metrics: Prometheus text with API requests and errors by operation, and the outbox by medium and status. */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { test } from "node:test";
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
