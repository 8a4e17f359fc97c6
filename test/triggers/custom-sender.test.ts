// test-stores: sqlite, postgres
/**
 * CustomEmailSender and CustomSMSSender: a pool that names one hands its messages of that medium to the function
 * (from the outbox worker, after the commit) with Cognito's event; with no KMS here, `request.code` is the code
 * itself, and it works. `LambdaConfig.KMSKeyID` is accepted. A failing sender is retried like any delivery.
 */
import { AdminCreateUserCommand, ConfirmSignUpCommand, DescribeUserPoolCommand, ForgotPasswordCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const EMAIL_SENDER = "arn:aws:lambda:us-east-1:123456789012:function:email-sender";
const SMS_SENDER = "arn:aws:lambda:us-east-1:123456789012:function:sms-sender";
const KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

describe("CustomEmailSender and CustomSMSSender", () => {
  let s: TestServer, lambda: WebhookServer;
  const events: any[] = [];
  let failures = 0;
  const waitFor = async (pred: (e: any) => boolean) => {
    const deadline = Date.now() + 8000;
    for (;;) {
      const e = events.find(pred);
      if (e) return e;
      if (Date.now() > deadline) throw new Error("the sender was not called");
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  before(async () => {
    lambda = await startWebhookServer((_req, body, res: ServerResponse) => {
      if (failures > 0) { failures--; res.writeHead(503).end(); return; }
      events.push(JSON.parse(body));
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end("null");
    });
    const base = lambda.url.replace(/\/hook$/, "");
    s = await startTestServer({ triggers: { [EMAIL_SENDER]: `${base}/email`, [SMS_SENDER]: `${base}/sms` }, deliveryBaseDelayMs: 50, triggerAttempts: 1 });
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("SignUp: CustomEmailSender_SignUp with Cognito's event; request.code is the code, and it confirms the user", async () => {
    const poolId = await createPool(s, { LambdaConfig: { CustomEmailSender: { LambdaVersion: "V1_0", LambdaArn: EMAIL_SENDER }, KMSKeyID: KMS } });
    const lc = (await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }))).UserPool!.LambdaConfig!;
    assert.equal(lc.KMSKeyID, KMS);
    const { clientId } = await createClient(s, poolId);
    const out = await s.client.send(new SignUpCommand({
      ClientId: clientId, Username: "ada", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "ada@example.com" }],
    }));
    assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    const e = await waitFor((x) => x.userName === "ada");
    assert.deepEqual(Object.keys(e).sort(), ["callerContext", "region", "request", "triggerSource", "userName", "userPoolId", "version"]);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "CustomEmailSender_SignUp");
    assert.equal(e.region, "us-east-1");
    assert.equal(e.userPoolId, poolId);
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
    assert.deepEqual(Object.keys(e.request).sort(), ["clientMetadata", "code", "type", "userAttributes"]);
    assert.equal(e.request.type, "customEmailSenderRequestV1");
    assert.match(e.request.code, /^\d{6}$/);
    assert.deepEqual(e.request.userAttributes, { sub: out.UserSub, email: "ada@example.com", "cognito:user_status": "UNCONFIRMED" });
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "ada", ConfirmationCode: e.request.code }));
  });

  test("ForgotPassword and an invitation: CustomEmailSender_ForgotPassword and CustomEmailSender_AdminCreateUser; a failing sender is retried", async () => {
    const poolId = await createPool(s, { LambdaConfig: { CustomEmailSender: { LambdaVersion: "V1_0", LambdaArn: EMAIL_SENDER }, KMSKeyID: KMS } });
    const { clientId } = await createClient(s, poolId);
    failures = 1;
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: "bob", UserAttributes: [{ Name: "email", Value: "bob@example.com" }, { Name: "email_verified", Value: "true" }],
      DesiredDeliveryMediums: ["EMAIL"], TemporaryPassword: "Temp-Passw0rd!",
    }));
    const invite = await waitFor((x) => x.userName === "bob" && x.triggerSource === "CustomEmailSender_AdminCreateUser");
    assert.equal(invite.request.code, "Temp-Passw0rd!", "the temporary password, as Cognito sends it (encrypted there)");
    assert.equal(invite.callerContext.clientId, "CLIENT_ID_NOT_APPLICABLE");
    await s.client.send(new SignUpCommand({ ClientId: clientId, Username: "dee", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "dee@example.com" }] }));
    const signUp = await waitFor((x) => x.userName === "dee");
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "dee", ConfirmationCode: signUp.request.code }));
    await s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "dee" }));
    const reset = await waitFor((x) => x.userName === "dee" && x.triggerSource === "CustomEmailSender_ForgotPassword");
    assert.match(reset.request.code, /^\d{6}$/);
    assert.equal(reset.callerContext.clientId, clientId);
  });

  test("SMS: CustomSMSSender_SignUp for a phone delivery", async () => {
    const poolId = await createPool(s, {
      AutoVerifiedAttributes: ["phone_number"],
      LambdaConfig: { CustomSMSSender: { LambdaVersion: "V1_0", LambdaArn: SMS_SENDER }, KMSKeyID: KMS },
    });
    const { clientId } = await createClient(s, poolId);
    await s.client.send(new SignUpCommand({
      ClientId: clientId, Username: "cy", Password: PASSWORD, UserAttributes: [{ Name: "phone_number", Value: "+15555550123" }],
    }));
    const e = await waitFor((x) => x.userName === "cy");
    assert.equal(e.triggerSource, "CustomSMSSender_SignUp");
    assert.equal(e.request.type, "customSMSSenderRequestV1");
    assert.equal(e.request.userAttributes.phone_number, "+15555550123");
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "cy", ConfirmationCode: e.request.code }));
  });
});
