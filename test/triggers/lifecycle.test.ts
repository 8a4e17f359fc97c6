// test-stores: sqlite, postgres
/**
 * The plain triggers, each event compared field by field with the developer guide's (common parameters, then
 * `request` and `response`), and each response honoured: PreSignUp (SignUp, AdminCreateUser), PostConfirmation
 * (ConfirmSignUp, AdminConfirmSignUp, ConfirmForgotPassword), PreAuthentication and PostAuthentication (password,
 * admin password and SRP sign-in), with Cognito's `<Trigger> failed with error <message>.` when a function fails.
 */
import {
  AdminConfirmSignUpCommand, AdminCreateUserCommand, AdminGetUserCommand, AdminInitiateAuthCommand, ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand, ForgotPasswordCommand, InitiateAuthCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from "amazon-cognito-identity-js";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";
import { MemoryStorage } from "../helpers/memory-storage.js";

const TRIGGERS = ["PreSignUp", "PostConfirmation", "PreAuthentication", "PostAuthentication"] as const;
type Trigger = (typeof TRIGGERS)[number];
const arnOf = (t: Trigger) => `arn:aws:lambda:us-east-1:123456789012:function:${t}`;
const COMMON_KEYS = ["callerContext", "region", "request", "response", "triggerSource", "userName", "userPoolId", "version"];

describe("PreSignUp, PostConfirmation, PreAuthentication and PostAuthentication", () => {
  let s: TestServer, lambda: WebhookServer, poolId: string, clientId: string;
  const events: Record<string, any[]> = {};
  /** Per trigger: what the function does with the event (default: answers it unchanged). */
  const behaviour: Partial<Record<Trigger, (event: any) => any>> = {};
  const last = (t: Trigger) => events[t]?.at(-1);
  const reset = () => { for (const t of TRIGGERS) { events[t] = []; delete behaviour[t]; } };
  const attrs = async (username: string) => {
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    return { status: u.UserStatus, ...Object.fromEntries(u.UserAttributes!.map((a) => [a.Name!, a.Value!])) } as Record<string, string>;
  };
  const signUp = (username: string, extra: Partial<ConstructorParameters<typeof SignUpCommand>[0]> = {}) => s.client.send(new SignUpCommand({
    ClientId: clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${username}@example.com` }], ...extra,
  }));
  const confirmed = async (username: string) => {
    behaviour.PreSignUp = (e) => ({ ...e, response: { ...e.response, autoConfirmUser: true, autoVerifyEmail: true } });
    await signUp(username);
    delete behaviour.PreSignUp;
  };
  const passwordAuth = (username: string, ClientMetadata?: Record<string, string>) => s.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD }, ClientMetadata,
  }));

  before(async () => {
    lambda = await startWebhookServer((req, body, res: ServerResponse) => {
      const t = req.url!.slice(1) as Trigger;
      const event = JSON.parse(body);
      (events[t] ??= []).push(event);
      try {
        const out = behaviour[t] ? behaviour[t]!(event) : event;
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(out));
      } catch (e) {
        res.writeHead(200, { "Content-Type": "application/json", "X-Amz-Function-Error": "Unhandled" });
        res.end(JSON.stringify({ errorType: "Error", errorMessage: (e as Error).message }));
      }
    });
    const base = lambda.url.replace(/\/hook$/, "");
    s = await startTestServer({ triggers: Object.fromEntries(TRIGGERS.map((t) => [arnOf(t), `${base}/${t}`])) });
    poolId = await createPool(s, { LambdaConfig: Object.fromEntries(TRIGGERS.map((t) => [t, arnOf(t)])) });
    ({ clientId } = await createClient(s, poolId, {
      ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }));
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("PreSignUp_SignUp: Cognito's event; without an answer the user is UNCONFIRMED and gets a code", async () => {
    reset();
    const out = await signUp("ann", {
      UserAttributes: [{ Name: "email", Value: "ann@example.com" }, { Name: "name", Value: "Ann" }],
      ValidationData: [{ Name: "captcha", Value: "ok" }], ClientMetadata: { campaign: "spring" },
    });
    const e = last("PreSignUp");
    assert.deepEqual(Object.keys(e).sort(), COMMON_KEYS);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "PreSignUp_SignUp");
    assert.equal(e.region, "us-east-1");
    assert.equal(e.userPoolId, poolId);
    assert.equal(e.userName, "ann");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
    assert.deepEqual(e.request, { userAttributes: { email: "ann@example.com", name: "Ann" }, validationData: { captcha: "ok" }, clientMetadata: { campaign: "spring" } });
    assert.deepEqual(e.response, { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
    assert.equal(out.UserConfirmed, false);
    assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    assert.equal((await attrs("ann")).status, "UNCONFIRMED");
    // Without ValidationData and ClientMetadata: null and {} as Cognito sends them.
    await signUp("ann2");
    assert.equal(last("PreSignUp").request.validationData, null);
    assert.deepEqual(last("PreSignUp").request.clientMetadata, {});
  });

  test("PreSignUp_SignUp: autoConfirmUser and autoVerifyEmail confirm and verify, and no code is sent", async () => {
    reset();
    behaviour.PreSignUp = (e) => ({ ...e, response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false } });
    const out = await signUp("bea");
    assert.equal(out.UserConfirmed, true);
    assert.equal(out.CodeDeliveryDetails, undefined);
    const a = await attrs("bea");
    assert.equal(a.status, "CONFIRMED");
    assert.equal(a.email_verified, "true");
    assert.equal((await s.inbox({ poolId, username: "bea" })).length, 0);
    // The confirmed user signs in at once.
    assert.ok((await passwordAuth("bea")).AuthenticationResult?.AccessToken);
  });

  test("PreSignUp: a failing function refuses the sign-up with Cognito's message, and no user is created", async () => {
    reset();
    behaviour.PreSignUp = () => { throw new Error("Sign-ups from example.com are closed"); };
    await rejectsWith(signUp("cal"), "UserLambdaValidationException", "PreSignUp failed with error Sign-ups from example.com are closed.");
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "cal" })), "UserNotFoundException");
    behaviour.PreSignUp = (e) => ({ ...e, response: { autoConfirmUser: "yes" } });
    await rejectsWith(signUp("cal"), "InvalidLambdaResponseException", "Unrecognizable lambda output");
  });

  test("PreSignUp_AdminCreateUser: no client, ValidationData, and autoVerifyEmail verifies the invited user's email", async () => {
    reset();
    behaviour.PreSignUp = (e) => ({ ...e, response: { ...e.response, autoVerifyEmail: true } });
    const out = await s.client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: "dan", UserAttributes: [{ Name: "email", Value: "dan@example.com" }],
      ValidationData: [{ Name: "source", Value: "import" }], ClientMetadata: { by: "admin" }, MessageAction: "SUPPRESS",
    }));
    const e = last("PreSignUp");
    assert.deepEqual(Object.keys(e).sort(), COMMON_KEYS);
    assert.equal(e.triggerSource, "PreSignUp_AdminCreateUser");
    assert.equal(e.userName, "dan");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "CLIENT_ID_NOT_APPLICABLE" });
    assert.deepEqual(e.request, { userAttributes: { email: "dan@example.com" }, validationData: { source: "import" }, clientMetadata: { by: "admin" } });
    assert.equal(out.User?.UserStatus, "FORCE_CHANGE_PASSWORD");
    assert.equal((await attrs("dan")).email_verified, "true");
  });

  test("PostConfirmation_ConfirmSignUp: after ConfirmSignUp, with the confirmed user's attributes", async () => {
    reset();
    const out = await signUp("eve");
    const code = await s.latestCode(poolId, "eve");
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "eve", ConfirmationCode: code, ClientMetadata: { step: "confirm" } }));
    const e = last("PostConfirmation");
    assert.deepEqual(Object.keys(e).sort(), COMMON_KEYS);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "PostConfirmation_ConfirmSignUp");
    assert.equal(e.userName, "eve");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
    assert.deepEqual(e.request, {
      userAttributes: { sub: out.UserSub, email: "eve@example.com", email_verified: "true", "cognito:user_status": "CONFIRMED" },
      clientMetadata: { step: "confirm" },
    });
    assert.deepEqual(e.response, {});
  });

  test("PostConfirmation: AdminConfirmSignUp (no client) and ConfirmForgotPassword; a failure is the caller's error, the user stays confirmed", async () => {
    reset();
    // Verified at sign-up (autoVerifyEmail without autoConfirmUser), so that the password can be reset by email below.
    behaviour.PreSignUp = (e) => ({ ...e, response: { ...e.response, autoVerifyEmail: true } });
    assert.equal((await signUp("fay")).UserConfirmed, false);
    delete behaviour.PreSignUp;
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "fay", ClientMetadata: { by: "admin" } }));
    let e = last("PostConfirmation");
    assert.equal(e.triggerSource, "PostConfirmation_ConfirmSignUp");
    assert.equal(e.callerContext.clientId, "CLIENT_ID_NOT_APPLICABLE");
    assert.equal(e.request.userAttributes["cognito:user_status"], "CONFIRMED");
    assert.deepEqual(e.request.clientMetadata, { by: "admin" });

    await s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "fay" }));
    const code = await s.latestCode(poolId, "fay");
    behaviour.PostConfirmation = () => { throw new Error("CRM is down"); };
    await rejectsWith(s.client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: "fay", ConfirmationCode: code, Password: "N3w-Passw0rd!" })),
      "UserLambdaValidationException", "PostConfirmation failed with error CRM is down.");
    e = last("PostConfirmation");
    assert.equal(e.triggerSource, "PostConfirmation_ConfirmForgotPassword");
    assert.equal(e.callerContext.clientId, clientId);
    // As in Cognito, the change was made: the new password works.
    await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "fay", PASSWORD: "N3w-Passw0rd!" } }));
  });

  test("PreAuthentication and PostAuthentication on USER_PASSWORD_AUTH: Cognito's events, ClientMetadata as validationData", async () => {
    await confirmed("gus");
    reset();
    const r = await passwordAuth("gus", { device: "kiosk" });
    assert.ok(r.AuthenticationResult?.IdToken);
    const pre = last("PreAuthentication");
    assert.deepEqual(Object.keys(pre).sort(), COMMON_KEYS);
    assert.equal(pre.triggerSource, "PreAuthentication_Authentication");
    assert.equal(pre.userName, "gus");
    assert.deepEqual(pre.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
    const sub = pre.request.userAttributes.sub;
    assert.deepEqual(pre.request, {
      userAttributes: { sub, email: "gus@example.com", email_verified: "true", "cognito:user_status": "CONFIRMED" },
      validationData: { device: "kiosk" }, userNotFound: false,
    });
    assert.deepEqual(pre.response, {});
    const post = last("PostAuthentication");
    assert.deepEqual(Object.keys(post).sort(), COMMON_KEYS);
    assert.equal(post.triggerSource, "PostAuthentication_Authentication");
    assert.deepEqual(post.request, {
      userAttributes: { sub, email: "gus@example.com", email_verified: "true", "cognito:user_status": "CONFIRMED" },
      newDeviceUsed: false, clientMetadata: { device: "kiosk" },
    });
    assert.deepEqual(post.response, {});
  });

  test("PreAuthentication refuses before the password is checked; PostAuthentication refuses the tokens", async () => {
    await confirmed("hal");
    reset();
    behaviour.PreAuthentication = () => { throw new Error("Outside office hours"); };
    await rejectsWith(passwordAuth("hal"), "UserLambdaValidationException", "PreAuthentication failed with error Outside office hours.");
    await rejectsWith(s.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "hal", PASSWORD: "wrong-Passw0rd" },
    })), "UserLambdaValidationException", "PreAuthentication failed with error Outside office hours.");
    await rejectsWith(s.client.send(new AdminInitiateAuthCommand({
      UserPoolId: poolId, ClientId: clientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "hal", PASSWORD },
    })), "UserLambdaValidationException", "PreAuthentication failed with error Outside office hours.");
    await rejectsWith(s.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "hal", SRP_A: "ab".repeat(64) },
    })), "UserLambdaValidationException", "PreAuthentication failed with error Outside office hours.");
    assert.equal(events.PostAuthentication.length, 0);

    delete behaviour.PreAuthentication;
    behaviour.PostAuthentication = () => { throw new Error("Audit log unavailable"); };
    await rejectsWith(passwordAuth("hal"), "UserLambdaValidationException", "PostAuthentication failed with error Audit log unavailable.");
    await rejectsWith(s.client.send(new AdminInitiateAuthCommand({
      UserPoolId: poolId, ClientId: clientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "hal", PASSWORD },
      ClientMetadata: { admin: "yes" },
    })), "UserLambdaValidationException", "PostAuthentication failed with error Audit log unavailable.");
    assert.deepEqual(last("PostAuthentication").request.clientMetadata, { admin: "yes" });
  });

  test("PreAuthentication with PreventUserExistenceErrors: a name that is no user's is sent with userNotFound: true, and the answer stays the wrong-password one", async () => {
    const { clientId: hiding } = await createClient(s, poolId, {
      PreventUserExistenceErrors: "ENABLED", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"],
    });
    reset();
    await rejectsWith(s.client.send(new InitiateAuthCommand({
      ClientId: hiding, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nobody", PASSWORD }, ClientMetadata: { from: "login" },
    })), "NotAuthorizedException", "Incorrect username or password.");
    const pre = last("PreAuthentication");
    assert.deepEqual(Object.keys(pre).sort(), COMMON_KEYS);
    assert.equal(pre.userName, "nobody");
    assert.deepEqual(pre.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: hiding });
    assert.deepEqual(pre.request, { userAttributes: {}, validationData: { from: "login" }, userNotFound: true });
    // SRP and the admin flow too; without PreventUserExistenceErrors there is no call (UserNotFoundException).
    await s.client.send(new InitiateAuthCommand({ ClientId: hiding, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "nobody2", SRP_A: "ab".repeat(64) } }));
    assert.equal(last("PreAuthentication").request.userNotFound, true);
    await rejectsWith(s.client.send(new AdminInitiateAuthCommand({
      UserPoolId: poolId, ClientId: hiding, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nobody3", PASSWORD },
    })), "NotAuthorizedException");
    assert.equal(last("PreAuthentication").userName, "nobody3");
    assert.equal(events.PreAuthentication.length, 3);
    await rejectsWith(passwordAuth("nobody4"), "UserNotFoundException");
    assert.equal(events.PreAuthentication.length, 3, "no call when the client reveals that the user does not exist");
    // The function may refuse such a sign-in like any other.
    behaviour.PreAuthentication = () => { throw new Error("blocked"); };
    await rejectsWith(s.client.send(new InitiateAuthCommand({
      ClientId: hiding, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nobody", PASSWORD },
    })), "UserLambdaValidationException", "PreAuthentication failed with error blocked.");
    assert.equal(events.PostAuthentication.length, 0);
  });

  test("SRP sign-in (amazon-cognito-identity-js) runs PreAuthentication and PostAuthentication", async () => {
    await confirmed("ivy");
    reset();
    const userPool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: s.url, Storage: new MemoryStorage() as any });
    const session = await new Promise<any>((resolve, reject) => {
      new CognitoUser({ Username: "ivy", Pool: userPool, Storage: new MemoryStorage() as any })
        .authenticateUser(new AuthenticationDetails({ Username: "ivy", Password: PASSWORD }), { onSuccess: resolve, onFailure: reject });
    });
    assert.equal(session.getIdToken().decodePayload()["cognito:username"], "ivy");
    assert.equal(events.PreAuthentication.length, 1);
    assert.equal(last("PreAuthentication").userName, "ivy");
    assert.equal(events.PostAuthentication.length, 1);
    assert.equal(last("PostAuthentication").triggerSource, "PostAuthentication_Authentication");
  });
});
