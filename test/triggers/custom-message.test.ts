// test-stores: sqlite, postgres
/** The CustomMessage trigger served by a real HTTP endpoint: Cognito's event, overrides, and failures. */
import { AdminGetUserCommand, ResendConfirmationCodeCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:custom-message";
const UNMAPPED = "arn:aws:lambda:us-east-1:123456789012:function:not-mapped";

type Reply = (event: any, req: IncomingMessage, res: ServerResponse) => void;
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

describe("CustomMessage trigger", () => {
  let s: TestServer;
  let lambda: WebhookServer;
  const events: any[] = [];
  let reply: Reply = (event, _req, res) => json(res, 200, event);
  let clientId: string;
  let poolId: string;

  before(async () => {
    lambda = await startWebhookServer((req, body, res) => {
      const event = JSON.parse(body);
      events.push(event);
      reply(event, req, res);
    });
    s = await startTestServer({ triggers: { [ARN]: lambda.url }, triggerTimeoutMs: 400, resendLimitPerHour: 0 });
    poolId = await createPool(s, { LambdaConfig: { CustomMessage: ARN } });
    ({ clientId } = await createClient(s, poolId));
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("SignUp sends Cognito's CustomMessage_SignUp event and uses the texts it returns", async () => {
    events.length = 0;
    reply = (event, req, res) => {
      assert.equal(req.headers["content-type"], "application/json");
      json(res, 200, { ...event, response: { smsMessage: null, emailMessage: "Hi {username}! Your Acme code: {####}", emailSubject: "Welcome to Acme" } });
    };
    const out = await s.client.send(new SignUpCommand({
      ClientId: clientId, Username: "ann", Password: PASSWORD,
      UserAttributes: [{ Name: "email", Value: "ann@example.com" }, { Name: "name", Value: "Ann" }],
      ClientMetadata: { campaign: "spring" },
    }));
    assert.equal(events.length, 1);
    const e = events[0];
    assert.deepEqual(Object.keys(e).sort(), ["callerContext", "region", "request", "response", "triggerSource", "userName", "userPoolId", "version"]);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "CustomMessage_SignUp");
    assert.equal(e.region, "us-east-1");
    assert.equal(e.userPoolId, poolId);
    assert.equal(e.userName, "ann");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
    assert.deepEqual(Object.keys(e.request).sort(), ["clientMetadata", "codeParameter", "linkParameter", "userAttributes", "usernameParameter"]);
    assert.equal(e.request.linkParameter, null, "no link in a code message");
    assert.deepEqual(e.request.userAttributes, {
      sub: out.UserSub, email: "ann@example.com", name: "Ann", email_verified: "false", "cognito:user_status": "UNCONFIRMED",
    });
    assert.equal(e.request.codeParameter, "{####}");
    assert.equal(e.request.usernameParameter, null);
    assert.deepEqual(e.request.clientMetadata, { campaign: "spring" });
    assert.deepEqual(e.response, { smsMessage: null, emailMessage: null, emailSubject: null });

    const [m] = await s.inbox({ poolId, username: "ann" }, 1);
    assert.match(m.code!, /^\d{6}$/);
    assert.equal(m.subject, "Welcome to Acme");
    assert.equal(m.body, `Hi ann! Your Acme code: ${m.code}`);
    assert.ok(!JSON.stringify(events).includes(m.code!), "the trigger never sees the code");
  });

  test("ResendConfirmationCode sends CustomMessage_ResendCode; null texts keep the pool's templates", async () => {
    events.length = 0;
    reply = (event, _req, res) => json(res, 200, event);
    await signUp(s, clientId, "bob", { email: "bob@example.com" });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "bob", ClientMetadata: { via: "resend" } }));
    assert.deepEqual(events.map((e) => e.triggerSource), ["CustomMessage_SignUp", "CustomMessage_ResendCode"]);
    assert.deepEqual(events[1].request.clientMetadata, { via: "resend" });
    assert.deepEqual(events[0].request.clientMetadata, {}, "no ClientMetadata: an empty map");
    assert.equal(events[1].request.userAttributes["cognito:user_status"], "UNCONFIRMED");
    const [m] = await s.inbox({ poolId, username: "bob" }, 2);
    assert.equal(m.purpose, "RESEND_CODE");
    assert.equal(m.subject, "Your verification code");
    assert.equal(m.body, `Your verification code is ${m.code}. `);
  });

  test("failures answer UnexpectedLambdaException and create nothing", async () => {
    events.length = 0;
    reply = (_e, _req, res) => json(res, 500, { errorMessage: "boom" });
    await rejectsWith(signUp(s, clientId, "c1", { email: "c1@example.com" }), "UnexpectedLambdaException",
      "CustomMessage invocation failed due to error Lambda function returned HTTP status 500.");
    assert.equal(events.length, 1, "the function's own error is not retried");
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "c1" })), "UserNotFoundException");

    reply = (_e, _req, res) => json(res, 200, "{not json");
    await rejectsWith(signUp(s, clientId, "c2", { email: "c2@example.com" }), "UnexpectedLambdaException",
      "CustomMessage invocation failed due to error Lambda function returned invalid JSON.");

    events.length = 0;
    reply = (event, _req, res) => { setTimeout(() => json(res, 200, event), 3000); };
    const started = Date.now();
    await rejectsWith(signUp(s, clientId, "c3", { email: "c3@example.com" }), "UnexpectedLambdaException",
      "CustomMessage invocation failed due to error Socket timeout while invoking Lambda function.");
    assert.equal(events.length, 3, "a timed-out call is retried; three attempts in all");
    // 3 × 400 ms (the configured timeout; 5 s by default) + 100 + 200 ms between attempts, well before any answer.
    const took = Date.now() - started;
    assert.ok(took >= 1450 && took < 2900, `three timed-out attempts took ${took} ms`);

    reply = (event, _req, res) => json(res, 200, event);
    await signUp(s, clientId, "c4", { email: "c4@example.com" });
    events.length = 0;
    reply = (_e, req, res) => { req.socket.destroy(); res.destroy(); };
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "c4" })), "UnexpectedLambdaException",
      /^CustomMessage invocation failed due to error Unable to reach the Lambda function endpoint \(.+\)\.$/);
    assert.equal(events.length, 3, "a reset connection is retried; three attempts in all");
    const messages = await s.inbox({ poolId, username: "c4" }, 1);
    assert.equal(messages.length, 1, "the failed resend queued nothing");
  });

  test("a throttled or unavailable endpoint is retried, as Cognito retries a trigger: three attempts in all", async () => {
    events.length = 0;
    let calls = 0;
    reply = (event, _req, res) => (++calls <= 2 ? json(res, calls === 1 ? 503 : 429, { message: "busy" }) : json(res, 200, {
      ...event, response: { ...event.response, emailMessage: "Third time lucky: {####}" },
    }));
    await signUp(s, clientId, "r1", { email: "r1@example.com" });
    assert.equal(events.length, 3);
    assert.deepEqual(events[0], events[2], "every attempt carries the same event");
    const [m] = await s.inbox({ poolId, username: "r1" }, 1);
    assert.equal(m.body, `Third time lucky: ${m.code}`);

    events.length = 0;
    reply = (_e, _req, res) => json(res, 502, { message: "bad gateway" });
    await rejectsWith(signUp(s, clientId, "r2", { email: "r2@example.com" }), "UnexpectedLambdaException",
      "CustomMessage invocation failed due to error Lambda function returned HTTP status 502.");
    assert.equal(events.length, 3, "given up after the third attempt");
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "r2" })), "UserNotFoundException");
  });

  test("a sign-up that is refused never calls the trigger: a taken username, a taken email in an email-as-username pool", async () => {
    reply = (event, _req, res) => json(res, 200, event);
    await signUp(s, clientId, "taken", { email: "taken@example.com" });
    const emailPool = await createPool(s, { UsernameAttributes: ["email"], LambdaConfig: { CustomMessage: ARN } });
    const { clientId: byEmail } = await createClient(s, emailPool);
    await s.client.send(new SignUpCommand({ ClientId: byEmail, Username: "twice@example.com", Password: PASSWORD }));
    events.length = 0;
    await rejectsWith(signUp(s, clientId, "taken", { email: "other@example.com" }), "UsernameExistsException", "User already exists");
    await rejectsWith(s.client.send(new SignUpCommand({ ClientId: byEmail, Username: "twice@example.com", Password: PASSWORD })),
      "UsernameExistsException", "An account with the given email already exists.");
    assert.equal(events.length, 0, "the trigger was not called for either");
  });

  test("a returned message without {####} answers InvalidLambdaResponseException", async () => {
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, emailMessage: "Welcome aboard!" } });
    await rejectsWith(signUp(s, clientId, "d1", { email: "d1@example.com" }), "InvalidLambdaResponseException",
      "Invalid CustomMessage lambda response: response.emailMessage must contain the code parameter {####}.");
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, emailSubject: 42 } });
    await rejectsWith(signUp(s, clientId, "d2", { email: "d2@example.com" }), "InvalidLambdaResponseException",
      "Invalid CustomMessage lambda response: response.emailSubject must be a string or null.");
    // The SMS text is not checked when the code goes by email.
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, smsMessage: "no code" } });
    await signUp(s, clientId, "d3", { email: "d3@example.com" });
  });

  test("a pool whose CustomMessage ARN has no endpoint mapping fails loudly", async () => {
    const other = await createPool(s, { LambdaConfig: { CustomMessage: UNMAPPED } });
    const { clientId: c } = await createClient(s, other);
    await rejectsWith(signUp(s, c, "e1", { email: "e1@example.com" }), "UnexpectedLambdaException",
      `CustomMessage trigger ${UNMAPPED} has no endpoint: map it with --trigger ${UNMAPPED}=<url|file:path> (env USERPOOL_TRIGGERS), or set --lambda-endpoint.`);
  });

  test("SMS: the returned smsMessage is used for a phone delivery", async () => {
    const phonePool = await createPool(s, { AutoVerifiedAttributes: ["phone_number"], LambdaConfig: { CustomMessage: ARN } });
    const { clientId: c } = await createClient(s, phonePool);
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, smsMessage: "Acme: {####} is your code" } });
    await signUp(s, c, "f1", { phone_number: "+15555550188" });
    const [m] = await s.inbox({ poolId: phonePool }, 1);
    assert.equal(m.channel, "SMS");
    assert.equal(m.body, `Acme: ${m.code} is your code`);
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, smsMessage: "x".repeat(141) + "{####}" } });
    await rejectsWith(signUp(s, c, "f2", { phone_number: "+15555550189" }), "InvalidLambdaResponseException",
      "Invalid CustomMessage lambda response: response.smsMessage must be at most 140 characters.");
  });

  test("CONFIRM_WITH_LINK: the event names the link placeholder, and a returned {##…##} becomes the confirmation link", async () => {
    const linkPool = await createPool(s, {
      LambdaConfig: { CustomMessage: ARN },
      VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_LINK", EmailMessageByLink: "Welcome! {##Confirm my account##}" },
    });
    const { clientId: c } = await createClient(s, linkPool);
    events.length = 0;
    reply = (event, _req, res) => json(res, 200, { ...event, response: { ...event.response, emailMessage: `Acme: ${event.request.linkParameter.replace("Confirm my account", "Go")}` } });
    await signUp(s, c, "g1", { email: "g1@example.com" });
    assert.equal(events[0].request.linkParameter, "{##Confirm my account##}");
    const [m] = await s.inbox({ poolId: linkPool }, 1);
    assert.match(m.body, /^Acme: Go <http:\/\/[^ ]+\/confirmUser\?client_id=[^ ]+>$/);
  });
});
