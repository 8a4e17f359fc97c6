// test-stores: sqlite, postgres
/**
 * The CustomMessage trigger for the issue-12 purposes: CustomMessage_ForgotPassword (ForgotPassword and
 * AdminResetUserPassword), CustomMessage_UpdateUserAttribute and CustomMessage_VerifyUserAttribute, each with the
 * request's ClientMetadata, and the texts it returns used for the message.
 */
import {
  AdminResetUserPasswordCommand, ForgotPasswordCommand, GetUserAttributeVerificationCodeCommand, UpdateUserAttributesCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { confirmedUser, newest, signIn } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:custom-message";
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("CustomMessage trigger for password resets and attribute codes", () => {
  let s: TestServer, lambda: WebhookServer, poolId: string, clientId: string;
  const events: any[] = [];
  let fail = false;
  before(async () => {
    lambda = await startWebhookServer((_req, body, res) => {
      const event = JSON.parse(body);
      events.push(event);
      if (fail) return json(res, 500, { errorMessage: "boom" });
      json(res, 200, { ...event, response: { smsMessage: null, emailMessage: `${event.triggerSource}: {####}`, emailSubject: event.triggerSource } });
    });
    s = await startTestServer({ triggers: { [ARN]: lambda.url }, triggerTimeoutMs: 400 });
    poolId = await createPool(s, { LambdaConfig: { CustomMessage: ARN } });
    ({ clientId } = await createClient(s, poolId));
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("ForgotPassword: CustomMessage_ForgotPassword with the ClientMetadata; the returned text is sent", async () => {
    await confirmedUser(s, poolId, clientId, "fio", { email: "fio@example.com" });
    events.length = 0;
    await s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "fio", ClientMetadata: { origin: "test" } }));
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "CustomMessage_ForgotPassword");
    assert.deepEqual(events[0].callerContext.clientId, clientId);
    assert.deepEqual(events[0].request.clientMetadata, { origin: "test" });
    assert.equal(events[0].request.linkParameter, null);
    assert.equal(events[0].request.userAttributes.email_verified, "true");
    const m = await newest(s, poolId, "fio", "FORGOT_PASSWORD");
    assert.equal(m.subject, "CustomMessage_ForgotPassword");
    assert.equal(m.body, `CustomMessage_ForgotPassword: ${m.code}`);
  });

  test("AdminResetUserPassword: CustomMessage_ForgotPassword, callerContext.clientId CLIENT_ID_NOT_APPLICABLE", async () => {
    await confirmedUser(s, poolId, clientId, "ari", { email: "ari@example.com" });
    events.length = 0;
    await s.client.send(new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: "ari" }));
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "CustomMessage_ForgotPassword");
    assert.equal(events[0].callerContext.clientId, "CLIENT_ID_NOT_APPLICABLE");
    const m = await newest(s, poolId, "ari", "ADMIN_RESET");
    assert.equal(m.body, `CustomMessage_ForgotPassword: ${m.code}`);
  });

  test("UpdateUserAttributes and GetUserAttributeVerificationCode: their own trigger sources", async () => {
    await confirmedUser(s, poolId, clientId, "uli", { email: "uli@example.com" });
    const token = await signIn(s, clientId, "uli", PASSWORD);
    events.length = 0;
    await s.client.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: "email", Value: "uli2@example.com" }] }));
    assert.deepEqual(events.map((e) => e.triggerSource), ["CustomMessage_UpdateUserAttribute"]);
    assert.equal(events[0].request.userAttributes.email, "uli2@example.com");
    const u = await newest(s, poolId, "uli", "UPDATE_ATTRIBUTE");
    assert.equal(u.body, `CustomMessage_UpdateUserAttribute: ${u.code}`);
    await s.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "email", ClientMetadata: { k: "v" } }));
    assert.equal(events[1].triggerSource, "CustomMessage_VerifyUserAttribute");
    assert.deepEqual(events[1].request.clientMetadata, { k: "v" });
    const v = await newest(s, poolId, "uli", "VERIFY_ATTRIBUTE");
    assert.equal(v.body, `CustomMessage_VerifyUserAttribute: ${v.code}`);
  });

  test("a failing trigger fails the operation and changes nothing", async () => {
    await confirmedUser(s, poolId, clientId, "fay", { email: "fay@example.com" });
    fail = true;
    try {
      await rejectsWith(s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "fay" })),
        "UnexpectedLambdaException", "CustomMessage invocation failed due to error Lambda function returned HTTP status 500.");
      assert.equal((await s.inbox({ poolId, username: "fay" })).filter((m) => m.purpose === "FORGOT_PASSWORD").length, 0);
    } finally {
      fail = false;
    }
  });
});
