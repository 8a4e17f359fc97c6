// test-stores: sqlite, postgres
/**
 * AdminCreateUser and what follows it: the invitation through the outbox (default texts, the pool's template,
 * DesiredDeliveryMediums, SUPPRESS, RESEND), FORCE_CHANGE_PASSWORD, NEW_PASSWORD_REQUIRED on every sign-in flow,
 * the temporary password's expiry, AllowAdminCreateUserOnly, ForceAliasCreation, AdminSetUserPassword.
 */
import {
  AdminCreateUserCommand, AdminGetUserCommand, AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const TEMP = "Temp0rary!";

describe("AdminCreateUser, NEW_PASSWORD_REQUIRED and AdminSetUserPassword", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s, { Schema: [{ Name: "name", AttributeDataType: "String", Required: true, Mutable: true }] });
    ({ clientId } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
  });
  after(() => s.close());

  const create = (Username: string, extra: Record<string, unknown> = {}) => s.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username, UserAttributes: [{ Name: "email", Value: `${Username}@example.com` }], DesiredDeliveryMediums: ["EMAIL"], ...extra,
  }));
  const passwordAuth = (USERNAME: string, PASSWORD_: string) =>
    s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME, PASSWORD: PASSWORD_ } }));

  test("creates a FORCE_CHANGE_PASSWORD user and emails Cognito's default invitation; the dev inbox shows the temporary password", async () => {
    const out = await create("ivy", { TemporaryPassword: TEMP });
    assert.equal(out.User!.Username, "ivy");
    assert.equal(out.User!.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.equal(out.User!.Enabled, true);
    assert.ok(out.User!.Attributes!.find((a) => a.Name === "sub"));
    const [m] = await s.inbox({ poolId, username: "ivy" }, 1) as any[];
    assert.equal(m.subject, "Your temporary password");
    assert.equal(m.body, `Your username is ivy and temporary password is ${TEMP}.`);
    assert.equal(m.temporaryPassword, TEMP);
    assert.equal(m.code, null);
    assert.equal(m.to, "ivy@example.com");
    const got = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ivy" }));
    assert.equal(got.UserStatus, "FORCE_CHANGE_PASSWORD");
    await rejectsWith(create("ivy", { TemporaryPassword: TEMP }), "UsernameExistsException", "User account already exists");
  });

  test("a generated temporary password follows the policy and signs in; a bad given one is InvalidPasswordException", async () => {
    await create("gus");
    const [m] = await s.inbox({ poolId, username: "gus" }, 1) as any[];
    assert.match(m.temporaryPassword, /^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9]).{8,}$/);
    const r = await passwordAuth("gus", m.temporaryPassword);
    assert.equal(r.ChallengeName, "NEW_PASSWORD_REQUIRED");
    await rejectsWith(create("hal", { TemporaryPassword: "short" }), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
  });

  test("NEW_PASSWORD_REQUIRED: userAttributes and requiredAttributes, policy check, required attribute, then tokens and CONFIRMED", async () => {
    await create("kit", { TemporaryPassword: TEMP, MessageAction: "SUPPRESS" });
    assert.equal((await s.inbox({ poolId, username: "kit" })).length, 0);
    await rejectsWith(passwordAuth("kit", "Wrong-0ne!"), "NotAuthorizedException", "Incorrect username or password.");
    const c = await passwordAuth("kit", TEMP);
    assert.equal(c.ChallengeName, "NEW_PASSWORD_REQUIRED");
    assert.ok(c.Session);
    assert.equal(c.ChallengeParameters!.USER_ID_FOR_SRP, "kit");
    assert.deepEqual(JSON.parse(c.ChallengeParameters!.requiredAttributes), ["userAttributes.name"]);
    assert.equal(JSON.parse(c.ChallengeParameters!.userAttributes).email, "kit@example.com");
    const answer = (responses: Record<string, string>) => s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: c.Session, ChallengeResponses: { USERNAME: "kit", ...responses },
    }));
    await rejectsWith(answer({ NEW_PASSWORD: "weak" }), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
    await rejectsWith(answer({ NEW_PASSWORD: PASSWORD }), "InvalidParameterException", "Attributes did not conform to the schema: name: The attribute name is required");
    const done = await answer({ NEW_PASSWORD: PASSWORD, "userAttributes.name": "Kit" });
    assert.ok(done.AuthenticationResult!.AccessToken);
    assert.ok(done.AuthenticationResult!.RefreshToken);
    const got = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "kit" }));
    assert.equal(got.UserStatus, "CONFIRMED");
    assert.equal(got.UserAttributes!.find((a) => a.Name === "name")?.Value, "Kit");
    // The session was used up; the temporary password is gone, the new one works.
    await rejectsWith(answer({ NEW_PASSWORD: PASSWORD, "userAttributes.name": "Kit" }), "NotAuthorizedException", "Invalid session for the user, session is expired.");
    await rejectsWith(passwordAuth("kit", TEMP), "NotAuthorizedException", "Incorrect username or password.");
    assert.ok((await passwordAuth("kit", PASSWORD)).AuthenticationResult!.IdToken);
  });

  test("ADMIN_USER_PASSWORD_AUTH gets NEW_PASSWORD_REQUIRED too, answered by AdminRespondToAuthChallenge", async () => {
    await create("lou", { TemporaryPassword: TEMP, UserAttributes: [{ Name: "email", Value: "lou@example.com" }, { Name: "name", Value: "Lou" }] });
    const c = await s.client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "lou", PASSWORD: TEMP } }));
    assert.equal(c.ChallengeName, "NEW_PASSWORD_REQUIRED");
    assert.deepEqual(JSON.parse(c.ChallengeParameters!.requiredAttributes), []);
    const done = await s.client.send(new AdminRespondToAuthChallengeCommand({
      UserPoolId: poolId, ClientId: clientId, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: c.Session, ChallengeResponses: { USERNAME: "lou", NEW_PASSWORD: PASSWORD },
    }));
    assert.ok(done.AuthenticationResult!.IdToken);
  });

  test("RESEND sends a new temporary password; the old one stops working; RESEND of an unknown user is UserNotFoundException", async () => {
    await create("max", { TemporaryPassword: TEMP });
    await create("max", { MessageAction: "RESEND", TemporaryPassword: "Sec0nd-temp" });
    const messages = await s.inbox({ poolId, username: "max" }, 2) as any[];
    assert.equal(messages.length, 2);
    assert.equal(messages[0].temporaryPassword, "Sec0nd-temp");
    await rejectsWith(passwordAuth("max", TEMP), "NotAuthorizedException", "Incorrect username or password.");
    assert.equal((await passwordAuth("max", "Sec0nd-temp")).ChallengeName, "NEW_PASSWORD_REQUIRED");
    await rejectsWith(create("nobody", { MessageAction: "RESEND" }), "UserNotFoundException", "User does not exist.");
  });

  test("a temporary password expires after TemporaryPasswordValidityDays (default 7)", async () => {
    await create("ned", { TemporaryPassword: TEMP });
    s.clock.advance(8 * 86_400_000);
    try {
      await rejectsWith(passwordAuth("ned", TEMP), "NotAuthorizedException", "Temporary password has expired and must be reset by an administrator.");
      await s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ned", Password: "Fresh-temp1", Permanent: false }));
      assert.equal((await passwordAuth("ned", "Fresh-temp1")).ChallengeName, "NEW_PASSWORD_REQUIRED");
    } finally {
      s.clock.advance(-8 * 86_400_000);
    }
  });

  test("AdminSetUserPassword: Permanent → CONFIRMED, otherwise FORCE_CHANGE_PASSWORD; unknown user and policy errors", async () => {
    await create("ola", { TemporaryPassword: TEMP, UserAttributes: [{ Name: "email", Value: "ola@example.com" }, { Name: "name", Value: "Ola" }] });
    await s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ola", Password: PASSWORD, Permanent: true }));
    assert.equal((await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ola" }))).UserStatus, "CONFIRMED");
    assert.ok((await passwordAuth("ola", PASSWORD)).AuthenticationResult);
    await s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ola", Password: "Other-pass1" }));
    assert.equal((await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ola" }))).UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.equal((await passwordAuth("ola", "Other-pass1")).ChallengeName, "NEW_PASSWORD_REQUIRED");
    await rejectsWith(s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "nobody", Password: PASSWORD, Permanent: true })), "UserNotFoundException", "User does not exist.");
    await rejectsWith(s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ola", Password: "short", Permanent: true })), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
  });

  test("the pool's InviteMessageTemplate, SMS delivery, and AllowAdminCreateUserOnly", async () => {
    const p2 = await createPool(s, {
      AdminCreateUserConfig: {
        AllowAdminCreateUserOnly: true,
        InviteMessageTemplate: { EmailSubject: "Welcome", EmailMessage: "Hi {username}, use {####} to sign in.", SMSMessage: "{username}: {####}" },
      },
    });
    const { clientId: c2 } = await createClient(s, p2);
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: p2, Username: "pia", TemporaryPassword: TEMP, DesiredDeliveryMediums: ["EMAIL", "SMS"],
      UserAttributes: [{ Name: "email", Value: "pia@example.com" }, { Name: "phone_number", Value: "+15555550100" }],
    }));
    const messages = await s.inbox({ poolId: p2, username: "pia" }, 2) as any[];
    const email = messages.find((m) => m.channel === "EMAIL");
    const sms = messages.find((m) => m.channel === "SMS");
    assert.equal(email.subject, "Welcome");
    assert.equal(email.body, `Hi pia, use ${TEMP} to sign in.`);
    assert.equal(sms.body, `pia: ${TEMP}`);
    assert.equal(sms.to, "+15555550100");
    await rejectsWith(s.client.send(new SignUpCommand({ ClientId: c2, Username: "self", Password: PASSWORD })), "NotAuthorizedException", "SignUp is not permitted for this user pool");
  });

  test("ForceAliasCreation moves a verified email alias; without it AliasExistsException", async () => {
    const p3 = await createPool(s, { AliasAttributes: ["email"] });
    const verified = (name: string) => [{ Name: "email", Value: "shared@example.com" }, { Name: "email_verified", Value: "true" }, { Name: "name", Value: name }];
    await s.client.send(new AdminCreateUserCommand({ UserPoolId: p3, Username: "first", TemporaryPassword: TEMP, UserAttributes: verified("a"), MessageAction: "SUPPRESS" }));
    await rejectsWith(s.client.send(new AdminCreateUserCommand({ UserPoolId: p3, Username: "second", TemporaryPassword: TEMP, UserAttributes: verified("b"), MessageAction: "SUPPRESS" })),
      "AliasExistsException", "An account with the given email already exists.");
    await s.client.send(new AdminCreateUserCommand({ UserPoolId: p3, Username: "second", TemporaryPassword: TEMP, UserAttributes: verified("b"), MessageAction: "SUPPRESS", ForceAliasCreation: true }));
    const first = await s.client.send(new AdminGetUserCommand({ UserPoolId: p3, Username: "first" }));
    assert.equal(first.UserAttributes!.find((a) => a.Name === "email_verified")?.Value, "false");
    const second = await s.client.send(new AdminGetUserCommand({ UserPoolId: p3, Username: "shared@example.com" }));
    assert.equal(second.Username, "second");
  });
});

describe("AdminCreateUser with a CustomMessage trigger", () => {
  const ARN = "arn:aws:lambda:us-east-1:123456789012:function:invite";
  let s: TestServer, lambda: WebhookServer;
  const events: any[] = [];
  before(async () => {
    lambda = await startWebhookServer((_req, body, res) => {
      const event = JSON.parse(body);
      events.push(event);
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ...event, response: { smsMessage: null, emailMessage: "Welcome {username}, your password: {####}", emailSubject: "Join Acme" } }));
    });
    s = await startTestServer({ triggers: { [ARN]: lambda.url } });
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("sends Cognito's CustomMessage_AdminCreateUser event and uses the texts it returns", async () => {
    const poolId = await createPool(s, { LambdaConfig: { CustomMessage: ARN } });
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: "quinn", TemporaryPassword: TEMP, DesiredDeliveryMediums: ["EMAIL"],
      UserAttributes: [{ Name: "email", Value: "quinn@example.com" }], ClientMetadata: { app: "acme" },
    }));
    assert.equal(events.length, 1);
    const e = events[0];
    assert.equal(e.triggerSource, "CustomMessage_AdminCreateUser");
    assert.equal(e.userName, "quinn");
    assert.equal(e.request.usernameParameter, "{username}");
    assert.equal(e.request.codeParameter, "{####}");
    assert.equal(e.request.userAttributes["cognito:user_status"], "FORCE_CHANGE_PASSWORD");
    assert.deepEqual(e.request.clientMetadata, { app: "acme" });
    assert.ok(!JSON.stringify(e).includes(TEMP), "the temporary password never goes to the trigger");
    const [m] = await s.inbox({ poolId, username: "quinn" }, 1) as any[];
    assert.equal(m.subject, "Join Acme");
    assert.equal(m.body, `Welcome quinn, your password: ${TEMP}`);
    // SUPPRESS calls no trigger.
    await s.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "rue", TemporaryPassword: TEMP, MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: "rue@example.com" }] }));
    assert.equal(events.length, 1);
  });
});
