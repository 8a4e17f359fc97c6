// test-stores: sqlite, postgres
/**
 * The UserMigration trigger, end to end: instance A (a second userpool server, "the old pool") holds the users;
 * instance B's UserMigration trigger is an HTTP endpoint in this test that checks the password against A with
 * InitiateAuth and answers A's attributes. A user signs in to B with the old password and is then stored in B (the
 * next sign-in does not call the trigger); ForgotPassword migrates too. The event, field by field, and the errors.
 */
import {
  AdminConfirmSignUpCommand, AdminGetUserCommand, AdminInitiateAuthCommand, ConfirmForgotPasswordCommand, ForgotPasswordCommand, InitiateAuthCommand,
  type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:user-migration";
const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("UserMigration trigger: moving users from an old pool (instance A) to a new one (instance B)", () => {
  let a: TestServer, b: TestServer, lambda: WebhookServer;
  let oldPool: string, oldClient: string, newPool: string, newClient: string, adminClient: string;
  const events: any[] = [];
  /** Replaces the trigger's behaviour for one test; `undefined`: the migration function below. */
  let override: ((event: any, res: ServerResponse) => void) | undefined;

  /** The migration function, as a team would write it against its old Cognito pool. */
  async function migrate(event: any, old: CognitoIdentityProviderClient) {
    if (event.triggerSource === "UserMigration_Authentication") {
      // The password is checked by the old pool itself; a wrong one fails the function.
      await old.send(new InitiateAuthCommand({
        ClientId: oldClient, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: event.userName, PASSWORD: event.request.password },
      }));
    }
    const found = await old.send(new AdminGetUserCommand({ UserPoolId: oldPool, Username: event.userName }));
    const attributes = Object.fromEntries((found.UserAttributes ?? []).filter((x) => x.Name !== "sub").map((x) => [x.Name!, x.Value!]));
    return {
      ...event,
      response: { ...event.response, userAttributes: attributes, finalUserStatus: "CONFIRMED", messageAction: "SUPPRESS" },
    };
  }

  before(async () => {
    a = await startTestServer();
    oldPool = await createPool(a);
    ({ clientId: oldClient } = await createClient(a, oldPool));
    for (const [name, email] of [["ann", "ann@example.com"], ["bob", "bob@example.com"], ["cat", "cat@example.com"], ["dan", "dan@example.com"]]) {
      await signUp(a, oldClient, name, { email, name: name.toUpperCase() });
      await a.client.send(new AdminConfirmSignUpCommand({ UserPoolId: oldPool, Username: name }));
    }
    lambda = await startWebhookServer(async (_req, body, res) => {
      const event = JSON.parse(body);
      events.push(event);
      if (override) return override(event, res);
      try {
        json(res, 200, await migrate(event, a.client));
      } catch (e) {
        // The function failed (a wrong password, a name the old pool does not know).
        json(res, 400, { errorType: "Error", errorMessage: (e as Error).message });
      }
    });
    b = await startTestServer({ triggers: { [ARN]: lambda.url }, triggerTimeoutMs: 2000, triggerAttempts: 1 });
    newPool = await createPool(b, { LambdaConfig: { UserMigration: ARN } });
    ({ clientId: newClient } = await createClient(b, newPool));
    ({ clientId: adminClient } = await createClient(b, newPool, { ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
  });
  after(async () => { await b.close(); await a.close(); await lambda.close(); });

  const signIn = (username: string, password: string, ClientMetadata?: Record<string, string>) => b.client.send(new InitiateAuthCommand({
    ClientId: newClient, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: password }, ClientMetadata,
  }));

  test("a user of A signs in to B with the old password: migrated, signed in, stored; the next sign-in does not call the trigger", async () => {
    events.length = 0;
    const out = await signIn("ann", PASSWORD, { app: "web" });
    assert.ok(out.AuthenticationResult?.IdToken, "tokens at the first sign-in");
    const claims = JSON.parse(Buffer.from(out.AuthenticationResult!.IdToken!.split(".")[1], "base64url").toString());
    assert.equal(claims["cognito:username"], "ann");
    assert.equal(claims.email, "ann@example.com");
    assert.equal(claims.name, "ANN");
    assert.ok(String(claims.iss).endsWith(`/${newPool}`));

    assert.equal(events.length, 1);
    const e = events[0];
    assert.deepEqual(Object.keys(e).sort(), ["callerContext", "region", "request", "response", "triggerSource", "userName", "userPoolId", "version"]);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "UserMigration_Authentication");
    assert.equal(e.region, "us-east-1");
    assert.equal(e.userPoolId, newPool);
    assert.equal(e.userName, "ann");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: newClient });
    assert.deepEqual(e.request, { password: PASSWORD, validationData: { app: "web" }, clientMetadata: { app: "web" } });
    assert.deepEqual(e.response, {
      userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null, enableSMSMFA: null,
    });

    const stored = await b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "ann" }));
    assert.equal(stored.UserStatus, "CONFIRMED");
    const attrs = Object.fromEntries(stored.UserAttributes!.map((x) => [x.Name, x.Value]));
    const old = Object.fromEntries((await a.client.send(new AdminGetUserCommand({ UserPoolId: oldPool, Username: "ann" }))).UserAttributes!.map((x) => [x.Name, x.Value]));
    const { sub: newSub, ...kept } = attrs;
    const { sub: oldSub, ...given } = old;
    assert.deepEqual(kept, given, "A's attributes as A gave them");
    assert.equal(kept.email, "ann@example.com");
    assert.notEqual(newSub, oldSub, "B gives the user a sub of its own");

    events.length = 0;
    assert.ok((await signIn("ann", PASSWORD)).AuthenticationResult?.AccessToken);
    await rejectsWith(signIn("ann", "Wrong-passw0rd"), "NotAuthorizedException", "Incorrect username or password.");
    assert.equal(events.length, 0, "a stored user is never migrated again");
  });

  test("the migrated password works with SRP afterwards (the verifier is written with it), and ADMIN_USER_PASSWORD_AUTH migrates too", async () => {
    events.length = 0;
    const out = await b.client.send(new AdminInitiateAuthCommand({
      UserPoolId: newPool, ClientId: adminClient, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "bob", PASSWORD: PASSWORD },
      ClientMetadata: { via: "admin" },
    }));
    assert.ok(out.AuthenticationResult?.IdToken);
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "UserMigration_Authentication");
    assert.equal(events[0].callerContext.clientId, adminClient);
    assert.deepEqual(events[0].request.validationData, { via: "admin" });
    const { AuthenticationDetails, CognitoUser, CognitoUserPool } = await import("amazon-cognito-identity-js");
    const mem = () => { const m = new Map<string, string>(); return { setItem: (k: string, v: string) => void m.set(k, v), getItem: (k: string) => m.get(k) ?? null, removeItem: (k: string) => void m.delete(k), clear: () => m.clear() }; };
    const userPool = new CognitoUserPool({ UserPoolId: newPool, ClientId: adminClient, endpoint: b.url, Storage: mem() as any });
    const session = await new Promise<any>((resolve, reject) => new CognitoUser({ Username: "bob", Pool: userPool, Storage: mem() as any })
      .authenticateUser(new AuthenticationDetails({ Username: "bob", Password: PASSWORD }), { onSuccess: resolve, onFailure: reject }));
    assert.equal(session.getIdToken().decodePayload()["cognito:username"], "bob");
  });

  test("a wrong old password fails the function: the sign-in is refused and nobody is created", async () => {
    events.length = 0;
    await assert.rejects(signIn("cat", "Wrong-passw0rd"), (e: any) => {
      // Today's HTTP endpoint reports a failed function as an error status (UnexpectedLambdaException); a transport
      // that carries the function's own error reports it as UserLambdaValidationException. Either way: refused.
      assert.match(e.name, /^(UnexpectedLambdaException|UserLambdaValidationException)$/, `${e.name}: ${e.message}`);
      assert.match(e.message, /^UserMigration /);
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
    assert.equal(events.length, 1);
    await rejectsWith(b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "cat" })), "UserNotFoundException", "User does not exist.");
  });

  test("USER_SRP_AUTH never calls the trigger (the server never sees the password): an unknown name is answered as without one", async () => {
    events.length = 0;
    await rejectsWith(b.client.send(new InitiateAuthCommand({
      ClientId: adminClient, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "dan", SRP_A: "ab".repeat(128) },
    })), "UserNotFoundException", "User does not exist.");
    assert.equal(events.length, 0);
  });

  test("ForgotPassword migrates the user without a password (UserMigration_ForgotPassword); the code sets the new one", async () => {
    events.length = 0;
    override = async (event, res) => {
      const answer = await migrate(event, a.client);
      // A's ann never verified her email; the function vouches for it, so that the reset code can be sent.
      json(res, 200, { ...answer, response: { ...answer.response, userAttributes: { ...answer.response.userAttributes, email_verified: true } } });
    };
    try {
      const out = await b.client.send(new ForgotPasswordCommand({ ClientId: newClient, Username: "dan", ClientMetadata: { reason: "forgot" } }));
      assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
      assert.equal(out.CodeDeliveryDetails?.Destination, "d***@e***");
    } finally { override = undefined; }
    assert.equal(events.length, 1);
    const e = events[0];
    assert.equal(e.triggerSource, "UserMigration_ForgotPassword");
    assert.equal(e.userName, "dan");
    assert.deepEqual(e.request, { clientMetadata: { reason: "forgot" } }, "no password in the forgot-password flow");
    const stored = await b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "dan" }));
    assert.equal(stored.UserStatus, "RESET_REQUIRED");
    assert.equal(stored.UserAttributes!.find((x) => x.Name === "email_verified")?.Value, "true", "a boolean answered as a string");
    await rejectsWith(signIn("dan", PASSWORD), "PasswordResetRequiredException", "Password reset required for the user");

    const code = await b.latestCode(newPool, "dan");
    await b.client.send(new ConfirmForgotPasswordCommand({ ClientId: newClient, Username: "dan", ConfirmationCode: code, Password: "N3w-passw0rd!" }));
    events.length = 0;
    assert.ok((await signIn("dan", "N3w-passw0rd!")).AuthenticationResult?.IdToken);
    assert.equal(events.length, 0);
  });

  test("an answer that creates nobody: Cognito's UserNotFoundException with the reason, and no user", async () => {
    const cases: [string, unknown, RegExp | string][] = [
      ["no attributes", { userAttributes: null }, `Exception migrating user in app client ${newClient}`],
      ["a finalUserStatus Cognito does not take", { userAttributes: { email: "x1@example.com" }, finalUserStatus: "UNCONFIRMED" }, "Error during user migration: Invalid finalUserStatus"],
      ["a messageAction other than SUPPRESS", { userAttributes: { email: "x2@example.com" }, messageAction: "SHOUT" }, "Error during user migration: Invalid messageAction"],
      ["an unknown delivery medium", { userAttributes: { email: "x3@example.com" }, desiredDeliveryMediums: ["PIGEON"] }, "Error during user migration: Invalid desiredDeliveryMediums"],
      ["an attribute outside the schema", { userAttributes: { shoe_size: "44" } }, "Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema."],
      ["the sub (Cognito makes its own)", { userAttributes: { sub: "0f9e8d7c-0000-4000-8000-000000000000" } }, "Attributes did not conform to the schema: sub: A client attempted to write unauthorized attribute"],
    ];
    for (const [what, response, message] of cases) {
      override = (event, res) => json(res, 200, { ...event, response: { ...event.response, ...(response as object) } });
      await rejectsWith(signIn("ghost", PASSWORD), "UserNotFoundException", message as string);
      override = undefined;
      await rejectsWith(b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "ghost" })), "UserNotFoundException", "User does not exist.");
      assert.ok(what);
    }
  });

  test("an email-as-username pool: the typed email becomes the new user's email, the username a fresh sub, found by email afterwards", async () => {
    const byEmail = await createPool(b, { UsernameAttributes: ["email"], LambdaConfig: { UserMigration: ARN } });
    const { clientId } = await createClient(b, byEmail);
    override = (event, res) => json(res, 200, { ...event, response: { ...event.response, userAttributes: { email_verified: "true", name: "Old Friend" } } });
    events.length = 0;
    const auth = (PASSWORD: string) => b.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "friend@example.com", PASSWORD },
    }));
    try {
      const out = await auth(PASSWORD);
      const claims = JSON.parse(Buffer.from(out.AuthenticationResult!.IdToken!.split(".")[1], "base64url").toString());
      assert.equal(claims.email, "friend@example.com");
      assert.equal(claims["cognito:username"], claims.sub, "the username is the sub, as SignUp makes it");
      assert.equal(events[0].userName, "friend@example.com");
    } finally { override = undefined; }
    events.length = 0;
    assert.ok((await auth(PASSWORD)).AuthenticationResult);
    assert.equal(events.length, 0, "found by email: not migrated twice");
  });

  test("ForgotPassword: a name the function does not know is refused and nobody is created", async () => {
    events.length = 0;
    await assert.rejects(b.client.send(new ForgotPasswordCommand({ ClientId: newClient, Username: "stranger" })), (e: any) => {
      assert.match(e.name, /^(UnexpectedLambdaException|UserLambdaValidationException)$/, `${e.name}: ${e.message}`);
      return true;
    });
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "UserMigration_ForgotPassword");
    await rejectsWith(b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "stranger" })), "UserNotFoundException", "User does not exist.");
  });

  test("RESET_REQUIRED at sign-in: created, then PasswordResetRequiredException", async () => {
    override = (event, res) => json(res, 200, { ...event, response: { ...event.response, userAttributes: { email: "eve@example.com", email_verified: "true" }, finalUserStatus: "RESET_REQUIRED" } });
    try {
      await rejectsWith(signIn("eve", PASSWORD), "PasswordResetRequiredException", "Password reset required for the user");
    } finally { override = undefined; }
    const stored = await b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "eve" }));
    assert.equal(stored.UserStatus, "RESET_REQUIRED");
  });
});
