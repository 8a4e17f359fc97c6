// test-stores: sqlite, postgres
/**
 * CUSTOM_AUTH with the three challenge triggers, served by HTTP endpoints in this test: a passwordless e-mail code
 * (DefineAuthChallenge → CreateAuthChallenge "sends" a code → VerifyAuthChallengeResponse compares it, three tries),
 * signed in with the AWS SDK, amazon-cognito-identity-js (`CUSTOM_AUTH`, its `customChallenge` callback, with and
 * without SRP first) and Amplify v6 (`CUSTOM_WITHOUT_SRP` + `confirmSignIn`). The events, field by field, and the errors.
 */
import {
  AdminConfirmSignUpCommand, AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, CreateUserPoolClientCommand, InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from "amazon-cognito-identity-js";
import { Amplify } from "aws-amplify";
import { confirmSignIn, fetchAuthSession, signIn, signOut } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";
import { MemoryStorage } from "../helpers/memory-storage.js";

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const DEFINE = fn("define-auth-challenge"), CREATE = fn("create-auth-challenge"), VERIFY = fn("verify-auth-challenge");
const json = (res: ServerResponse, body: unknown) => { res.writeHead(200, { "Content-Type": "application/json" }); res.end(JSON.stringify(body)); };

/** The e-mails the CreateAuthChallenge function "sent": address → codes, newest last. */
const mailbox = new Map<string, string[]>();
const lastCode = (email: string) => mailbox.get(email)!.at(-1)!;

/** The three functions of a passwordless e-mail code sign-in, as a team would write them. */
function passwordless(event: any) {
  const session: any[] = event.request.session ?? [];
  if (event.triggerSource === "DefineAuthChallenge_Authentication") {
    const last = session.at(-1);
    const r = { ...event.response, issueTokens: false, failAuthentication: false, challengeName: null as string | null };
    if (last?.challengeName === "SRP_A") r.challengeName = "PASSWORD_VERIFIER";
    else if (last?.challengeName === "CUSTOM_CHALLENGE" && last.challengeResult === true) r.issueTokens = true;
    else if (session.filter((s) => s.challengeName === "CUSTOM_CHALLENGE").length >= 3) r.failAuthentication = true;
    else r.challengeName = "CUSTOM_CHALLENGE";
    return { ...event, response: r };
  }
  if (event.triggerSource === "CreateAuthChallenge_Authentication") {
    const email = event.request.userAttributes.email;
    // A new code on the first challenge; the same one again after a wrong answer (kept in the challenge metadata).
    const previous = session.filter((s) => s.challengeName === "CUSTOM_CHALLENGE").at(-1)?.challengeMetadata?.replace(/^CODE-/, "");
    const code = previous ?? String(100000 + Math.floor(Math.random() * 900000));
    if (!previous) mailbox.set(email, [...(mailbox.get(email) ?? []), code]);
    return {
      ...event,
      response: { publicChallengeParameters: { email: email.replace(/^(.).*@/, "$1***@") }, privateChallengeParameters: { code }, challengeMetadata: `CODE-${code}` },
    };
  }
  if (event.triggerSource === "VerifyAuthChallengeResponse_Authentication") {
    return { ...event, response: { answerCorrect: event.request.challengeAnswer === event.request.privateChallengeParameters.code } };
  }
  throw new Error(`unexpected ${event.triggerSource}`);
}

describe("CUSTOM_AUTH: a passwordless e-mail code from the three challenge triggers", () => {
  let s: TestServer, lambda: WebhookServer, poolId: string, clientId: string;
  const events: any[] = [];
  let override: ((event: any) => unknown) | undefined;

  before(async () => {
    lambda = await startWebhookServer((_req, body, res) => {
      const event = JSON.parse(body);
      events.push(event);
      json(res, override ? override(event) : passwordless(event));
    });
    s = await startTestServer({ triggers: { [DEFINE]: lambda.url, [CREATE]: lambda.url, [VERIFY]: lambda.url }, triggerAttempts: 1 });
    poolId = await createPool(s, { LambdaConfig: { DefineAuthChallenge: DEFINE, CreateAuthChallenge: CREATE, VerifyAuthChallengeResponse: VERIFY } });
    // Cognito's default flows (SRP, refresh, custom): what the client libraries use.
    const c = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web" }));
    clientId = c.UserPoolClient!.ClientId!;
    const { clientId: signUpClient } = await createClient(s, poolId);
    for (const name of ["ann", "bob", "cy", "dee", "eve", "fay"]) {
      await signUp(s, signUpClient, name, { email: `${name}@example.com` });
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: name }));
    }
  });
  after(async () => { await s.close(); await lambda.close(); });

  const start = (username: string, ClientMetadata?: Record<string, string>) => s.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: username }, ClientMetadata,
  }));
  const answer = (username: string, Session: string | undefined, ANSWER: string, ClientMetadata?: Record<string, string>) => s.client.send(new RespondToAuthChallengeCommand({
    ClientId: clientId, ChallengeName: "CUSTOM_CHALLENGE", Session, ChallengeResponses: { USERNAME: username, ANSWER }, ClientMetadata,
  }));

  test("the SDK: InitiateAuth CUSTOM_AUTH, a wrong code, the right code; every event as the developer guide documents it", async () => {
    events.length = 0;
    const first = await start("ann", { app: "web" });
    assert.equal(first.ChallengeName, "CUSTOM_CHALLENGE");
    assert.deepEqual(first.ChallengeParameters, { email: "a***@example.com", USERNAME: "ann" });
    assert.ok(first.Session && first.Session.length >= 20);
    assert.deepEqual(events.map((e) => e.triggerSource), ["DefineAuthChallenge_Authentication", "CreateAuthChallenge_Authentication"]);

    const [define, create] = events;
    for (const e of events) {
      assert.deepEqual(Object.keys(e).sort(), ["callerContext", "region", "request", "response", "triggerSource", "userName", "userPoolId", "version"]);
      assert.equal(e.version, "1");
      assert.equal(e.region, "us-east-1");
      assert.equal(e.userPoolId, poolId);
      assert.equal(e.userName, "ann");
      assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId });
      assert.equal(e.request.userAttributes.email, "ann@example.com");
      assert.equal(e.request.userAttributes["cognito:user_status"], "CONFIRMED");
      assert.match(e.request.userAttributes.sub, /^[0-9a-f-]{36}$/);
      assert.deepEqual(e.request.clientMetadata, { app: "web" });
      assert.equal("userNotFound" in e.request, false, "userNotFound only with PreventUserExistenceErrors=ENABLED");
    }
    assert.deepEqual(Object.keys(define.request).sort(), ["clientMetadata", "session", "userAttributes"]);
    assert.deepEqual(define.request.session, []);
    assert.deepEqual(define.response, { challengeName: null, issueTokens: null, failAuthentication: null });
    assert.deepEqual(Object.keys(create.request).sort(), ["challengeName", "clientMetadata", "session", "userAttributes"]);
    assert.equal(create.request.challengeName, "CUSTOM_CHALLENGE");
    assert.deepEqual(create.request.session, []);
    assert.deepEqual(create.response, { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null });

    const code = lastCode("ann@example.com");
    events.length = 0;
    const wrong = await answer("ann", first.Session, code === "111111" ? "222222" : "111111", { step: "2" });
    assert.equal(wrong.ChallengeName, "CUSTOM_CHALLENGE", "a wrong code: the function gives another try");
    assert.notEqual(wrong.Session, first.Session);
    assert.deepEqual(events.map((e) => e.triggerSource),
      ["VerifyAuthChallengeResponse_Authentication", "DefineAuthChallenge_Authentication", "CreateAuthChallenge_Authentication"]);
    const verify = events[0];
    assert.deepEqual(Object.keys(verify.request).sort(), ["challengeAnswer", "clientMetadata", "privateChallengeParameters", "userAttributes"]);
    assert.deepEqual(verify.request.privateChallengeParameters, { code });
    assert.equal(typeof verify.request.challengeAnswer, "string");
    assert.deepEqual(verify.request.clientMetadata, { step: "2" });
    assert.deepEqual(verify.response, { answerCorrect: null });
    assert.deepEqual(events[1].request.session, [{ challengeName: "CUSTOM_CHALLENGE", challengeResult: false, challengeMetadata: `CODE-${code}` }]);

    // The used session cannot be answered again.
    await rejectsWith(answer("ann", first.Session, code), "NotAuthorizedException", "Invalid session for the user, session is expired.");
    events.length = 0;
    const done = await answer("ann", wrong.Session, code);
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal(done.ChallengeName, undefined);
    const claims = JSON.parse(Buffer.from(done.AuthenticationResult!.IdToken!.split(".")[1], "base64url").toString());
    assert.equal(claims["cognito:username"], "ann");
    assert.deepEqual(events[1].request.session.map((r: any) => [r.challengeName, r.challengeResult]), [["CUSTOM_CHALLENGE", false], ["CUSTOM_CHALLENGE", true]]);
  });

  test("three wrong codes: failAuthentication is Cognito's NotAuthorizedException", async () => {
    let out = await start("bob");
    for (let i = 0; i < 2; i++) {
      out = await answer("bob", out.Session, "000000");
      assert.equal(out.ChallengeName, "CUSTOM_CHALLENGE");
    }
    await rejectsWith(answer("bob", out.Session, "000000"), "NotAuthorizedException", "Incorrect username or password.");
  });

  test("amazon-cognito-identity-js: CUSTOM_AUTH without a password (initiateAuth, customChallenge) and with SRP first (authenticateUser)", async () => {
    const userPool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: s.url, Storage: new MemoryStorage() as any });
    const run = (username: string, password?: string) => new Promise<CognitoUserSession>((resolve, reject) => {
      const user = new CognitoUser({ Username: username, Pool: userPool, Storage: new MemoryStorage() as any });
      user.setAuthenticationFlowType("CUSTOM_AUTH");
      const callbacks = {
        onSuccess: resolve, onFailure: reject,
        customChallenge(params: any) {
          assert.equal(params.email, `${username[0]}***@example.com`);
          user.sendCustomChallengeAnswer(lastCode(`${username}@example.com`), callbacks);
        },
      };
      if (password === undefined) user.initiateAuth(new AuthenticationDetails({ Username: username }), callbacks);
      else user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks);
    });
    const plain = await run("cy");
    assert.equal(plain.getIdToken().decodePayload()["cognito:username"], "cy");

    events.length = 0;
    const srp = await run("dee", PASSWORD);
    assert.equal(srp.getAccessToken().decodePayload().username, "dee");
    const sessions = events.filter((e) => e.triggerSource === "DefineAuthChallenge_Authentication").map((e) => e.request.session.map((r: any) => [r.challengeName, r.challengeResult]));
    assert.deepEqual(sessions, [
      [["SRP_A", true]],
      [["SRP_A", true], ["PASSWORD_VERIFIER", true]],
      [["SRP_A", true], ["PASSWORD_VERIFIER", true], ["CUSTOM_CHALLENGE", true]],
    ]);
    // SRP first with a wrong password ends there, as USER_SRP_AUTH does: no custom challenge.
    events.length = 0;
    await assert.rejects(run("dee", "Wrong-passw0rd"), (e: any) => e.code === "NotAuthorizedException" && e.message === "Incorrect username or password.");
    assert.deepEqual(events.map((e) => e.triggerSource), ["DefineAuthChallenge_Authentication"]);
  });

  test("Amplify v6: signIn with CUSTOM_WITHOUT_SRP, then confirmSignIn with the code", async () => {
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: s.url } } });
    const storage = new (class { m = new Map<string, string>(); async setItem(k: string, v: string) { this.m.set(k, v); } async getItem(k: string) { return this.m.get(k) ?? null; } async removeItem(k: string) { this.m.delete(k); } async clear() { this.m.clear(); } })();
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
    const out = await signIn({ username: "eve", options: { authFlowType: "CUSTOM_WITHOUT_SRP" } });
    assert.equal(out.isSignedIn, false);
    assert.equal(out.nextStep.signInStep, "CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE");
    assert.equal((out.nextStep as any).additionalInfo?.email, "e***@example.com");
    const done = await confirmSignIn({ challengeResponse: lastCode("eve@example.com") });
    assert.equal(done.isSignedIn, true);
    const session = await fetchAuthSession();
    assert.equal(session.tokens?.idToken?.payload["cognito:username"], "eve");
    await signOut();
  });

  test("AdminInitiateAuth CUSTOM_AUTH and AdminRespondToAuthChallenge", async () => {
    const out = await s.client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "fay" } }));
    assert.equal(out.ChallengeName, "CUSTOM_CHALLENGE");
    const done = await s.client.send(new AdminRespondToAuthChallengeCommand({
      UserPoolId: poolId, ClientId: clientId, ChallengeName: "CUSTOM_CHALLENGE", Session: out.Session,
      ChallengeResponses: { USERNAME: "fay", ANSWER: lastCode("fay@example.com") },
    }));
    assert.ok(done.AuthenticationResult?.RefreshToken);
  });

  test("a session lives for the client's AuthSessionValidity (3 minutes by default)", async () => {
    const out = await start("ann");
    s.clock.advance(3 * 60_000 + 1000);
    await rejectsWith(answer("ann", out.Session, lastCode("ann@example.com")), "NotAuthorizedException", "Invalid session for the user, session is expired.");
  });

  test("Cognito's refusals: the flow not allowed, no trigger, an unknown user, another user's name, a malformed answer", async () => {
    const { clientId: noCustom } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: noCustom, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "ann" } })),
      "InvalidParameterException", "CUSTOM_AUTH flow not enabled for this client");
    await rejectsWith(start("nobody"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: {} })),
      "InvalidParameterException", "Missing required parameter USERNAME");

    const out = await start("ann");
    await rejectsWith(answer("bob", out.Session, "123456"), "NotAuthorizedException", "Invalid session for the user, session is expired.");
    await rejectsWith(s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "CUSTOM_CHALLENGE", Session: out.Session, ChallengeResponses: { USERNAME: "ann" },
    })), "InvalidParameterException", "Missing required parameter ANSWER");

    override = (event) => ({ ...event, response: { ...event.response, issueTokens: "yes" } });
    try {
      await rejectsWith(start("ann"), "InvalidLambdaResponseException", "Invalid DefineAuthChallenge lambda response: response.issueTokens must be a boolean.");
      override = (event) => event;
      await rejectsWith(start("ann"), "InvalidLambdaResponseException",
        "Invalid DefineAuthChallenge lambda response: neither issueTokens, failAuthentication nor a challengeName.");
    } finally { override = undefined; }

    const bare = await createPool(s);
    const c = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: bare, ClientName: "web" }));
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: c.UserPoolClient!.ClientId!, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "ann" } })),
      "InvalidParameterException", "Custom auth lambda trigger is not configured for the user pool.");
  });

  test("PreventUserExistenceErrors=ENABLED: an unknown user gets challenges (userNotFound: true), never tokens", async () => {
    const { clientId: hiding } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED", ExplicitAuthFlows: ["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
    events.length = 0;
    override = (event) => {
      if (event.triggerSource === "CreateAuthChallenge_Authentication") return { ...event, response: { publicChallengeParameters: { hint: "code" }, privateChallengeParameters: { code: "424242" }, challengeMetadata: null } };
      if (event.triggerSource === "DefineAuthChallenge_Authentication" && event.request.session.length) return { ...event, response: { issueTokens: true, failAuthentication: false, challengeName: null } };
      return passwordless(event);
    };
    try {
      const out = await s.client.send(new InitiateAuthCommand({ ClientId: hiding, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "ghost" } }));
      assert.deepEqual(out.ChallengeParameters, { hint: "code", USERNAME: "ghost" });
      assert.equal(events[0].request.userNotFound, true);
      assert.deepEqual(events[0].request.userAttributes, {});
      assert.equal(events[0].userName, "ghost");
      await rejectsWith(s.client.send(new RespondToAuthChallengeCommand({
        ClientId: hiding, ChallengeName: "CUSTOM_CHALLENGE", Session: out.Session, ChallengeResponses: { USERNAME: "ghost", ANSWER: "424242" },
      })), "NotAuthorizedException", "Incorrect username or password.");
    } finally { override = undefined; }
  });
});
