// test-stores: sqlite, postgres
/**
 * PreTokenGeneration: the V1 event (`LambdaConfig.PreTokenGeneration`) and the V2 event
 * (`PreTokenGenerationConfig.LambdaVersion: V2_0`), field by field, on sign-in, on refresh and after
 * NEW_PASSWORD_REQUIRED; the answers honoured in tokens that aws-jwt-verify accepts: claims added, overridden and
 * suppressed, groups overridden, access-token claims and scopes (V2); protected claims unchanged; failures.
 */
import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, CreateGroupCommand, GetUserCommand, InitiateAuthCommand,
  RespondToAuthChallengeCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const V1 = "arn:aws:lambda:us-east-1:123456789012:function:pre-token-v1";
const V2 = "arn:aws:lambda:us-east-1:123456789012:function:pre-token-v2";
const PRE_SIGN_UP = "arn:aws:lambda:us-east-1:123456789012:function:auto-confirm";
const ROLE = "arn:aws:iam::123456789012:role/admins";
const httpFetcher = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };

describe("PreTokenGeneration", () => {
  let s: TestServer, lambda: WebhookServer;
  const events: any[] = [];
  let answer: (event: any) => any = (e) => e;
  const pools: Record<"v1" | "v2", { poolId: string; clientId: string }> = {} as any;

  const verifiers = (poolId: string, clientId: string) => {
    const jwksUri = `${s.url}/${poolId}/.well-known/jwks.json`;
    const jwksCache = new SimpleJwksCache({ fetcher: httpFetcher });
    return {
      id: JwtRsaVerifier.create({ issuer: `${s.url}/${poolId}`, audience: clientId, jwksUri, customJwtCheck: ({ payload }) => {
        if (payload.token_use !== "id") throw new Error("not an ID token");
      } }, { jwksCache }),
      access: JwtRsaVerifier.create({ issuer: `${s.url}/${poolId}`, audience: null, jwksUri, customJwtCheck: ({ payload }) => {
        if (payload.token_use !== "access" || payload.client_id !== clientId) throw new Error("not this client's access token");
      } }, { jwksCache }),
    };
  };
  const signIn = async (v: "v1" | "v2", username: string, ClientMetadata?: Record<string, string>) => (await s.client.send(new InitiateAuthCommand({
    ClientId: pools[v].clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD }, ClientMetadata,
  }))).AuthenticationResult!;

  before(async () => {
    lambda = await startWebhookServer((req, body, res: ServerResponse) => {
      const event = JSON.parse(body);
      if (req.url === "/auto-confirm") {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ ...event, response: { autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false } }));
        return;
      }
      events.push(event);
      try {
        const out = answer(event);
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(out));
      } catch (e) {
        res.writeHead(200, { "Content-Type": "application/json", "X-Amz-Function-Error": "Unhandled" });
        res.end(JSON.stringify({ errorType: "Error", errorMessage: (e as Error).message }));
      }
    });
    const base = lambda.url.replace(/\/hook$/, "");
    s = await startTestServer({ triggers: { [V1]: `${base}/v1`, [V2]: `${base}/v2`, [PRE_SIGN_UP]: `${base}/auto-confirm` } });
    for (const v of ["v1", "v2"] as const) {
      const LambdaConfig = v === "v1"
        ? { PreSignUp: PRE_SIGN_UP, PreTokenGeneration: V1 }
        : { PreSignUp: PRE_SIGN_UP, PreTokenGeneration: V2, PreTokenGenerationConfig: { LambdaVersion: "V2_0" as const, LambdaArn: V2 } };
      const poolId = await createPool(s, { LambdaConfig });
      const { clientId } = await createClient(s, poolId);
      pools[v] = { poolId, clientId };
      await s.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: "admins", Precedence: 1, RoleArn: ROLE }));
      await s.client.send(new SignUpCommand({
        ClientId: clientId, Username: "tia", Password: PASSWORD,
        UserAttributes: [{ Name: "email", Value: "tia@example.com" }, { Name: "name", Value: "Tia" }],
      }));
      await s.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: "tia", GroupName: "admins" }));
    }
  });
  after(async () => { await s.close(); await lambda.close(); });

  test("V1: Cognito's event on sign-in", async () => {
    events.length = 0;
    answer = (e) => e;
    await signIn("v1", "tia", { app: "web" });
    assert.equal(events.length, 1);
    const e = events[0];
    assert.deepEqual(Object.keys(e).sort(), ["callerContext", "region", "request", "response", "triggerSource", "userName", "userPoolId", "version"]);
    assert.equal(e.version, "1");
    assert.equal(e.triggerSource, "TokenGeneration_Authentication");
    assert.equal(e.region, "us-east-1");
    assert.equal(e.userPoolId, pools.v1.poolId);
    assert.equal(e.userName, "tia");
    assert.deepEqual(e.callerContext, { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: pools.v1.clientId });
    assert.deepEqual(Object.keys(e.request).sort(), ["clientMetadata", "groupConfiguration", "userAttributes"]);
    assert.deepEqual(e.request.userAttributes, {
      sub: e.request.userAttributes.sub, email: "tia@example.com", name: "Tia", email_verified: "true", "cognito:user_status": "CONFIRMED",
    });
    assert.deepEqual(e.request.groupConfiguration, { groupsToOverride: ["admins"], iamRolesToOverride: [ROLE], preferredRole: ROLE });
    assert.deepEqual(e.request.clientMetadata, { app: "web" });
    assert.deepEqual(e.response, { claimsOverrideDetails: null });
  });

  test("V1: claims added, overridden and suppressed in the ID token, groups overridden in both, protected claims kept", async () => {
    answer = (e) => ({ ...e, response: { claimsOverrideDetails: {
      claimsToAddOrOverride: { tier: "gold", email: "alias@example.com", sub: "not-the-sub", token_use: "access" },
      claimsToSuppress: ["name", "aud"],
      groupOverrideDetails: { groupsToOverride: ["readers", "writers"], iamRolesToOverride: ["arn:aws:iam::123456789012:role/readers"], preferredRole: "arn:aws:iam::123456789012:role/readers" },
    } } });
    const t = await signIn("v1", "tia");
    const v = verifiers(pools.v1.poolId, pools.v1.clientId);
    const id = await v.id.verify(t.IdToken!);
    const access = await v.access.verify(t.AccessToken!);
    assert.equal(id.tier, "gold");
    assert.equal(id.email, "alias@example.com");
    assert.equal(id.name, undefined);
    assert.equal(id.sub, access.sub, "sub cannot be overridden");
    assert.equal(id.token_use, "id");
    assert.equal(id.aud, pools.v1.clientId, "aud cannot be suppressed");
    assert.deepEqual(id["cognito:groups"], ["readers", "writers"]);
    assert.deepEqual(id["cognito:roles"], ["arn:aws:iam::123456789012:role/readers"]);
    assert.equal(id["cognito:preferred_role"], "arn:aws:iam::123456789012:role/readers");
    assert.deepEqual(access["cognito:groups"], ["readers", "writers"]);
    assert.equal(access.tier, undefined, "V1 changes only the ID token's claims");
    assert.equal(access.scope, "aws.cognito.signin.user.admin");
  });

  test("V1: on refresh the source is TokenGeneration_RefreshTokens, and the answer applies again", async () => {
    answer = (e) => e;
    const t = await signIn("v1", "tia");
    events.length = 0;
    answer = (e) => ({ ...e, response: { claimsOverrideDetails: { claimsToAddOrOverride: { refreshed: "yes" } } } });
    const r = (await s.client.send(new InitiateAuthCommand({
      ClientId: pools.v1.clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: t.RefreshToken! },
    }))).AuthenticationResult!;
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "TokenGeneration_RefreshTokens");
    const id = await verifiers(pools.v1.poolId, pools.v1.clientId).id.verify(r.IdToken!);
    assert.equal(id.refreshed, "yes");
    assert.deepEqual(id["cognito:groups"], ["admins"]);
  });

  test("V1: after NEW_PASSWORD_REQUIRED the source is TokenGeneration_NewPasswordChallenge", async () => {
    answer = (e) => e;
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: pools.v1.poolId, Username: "uma", TemporaryPassword: "Temp-Passw0rd!", MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: "uma@example.com" }],
    }));
    const c = await s.client.send(new InitiateAuthCommand({
      ClientId: pools.v1.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "uma", PASSWORD: "Temp-Passw0rd!" },
    }));
    assert.equal(c.ChallengeName, "NEW_PASSWORD_REQUIRED");
    events.length = 0;
    const r = await s.client.send(new RespondToAuthChallengeCommand({
      ClientId: pools.v1.clientId, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: c.Session,
      ChallengeResponses: { USERNAME: "uma", NEW_PASSWORD: PASSWORD },
    }));
    assert.ok(r.AuthenticationResult?.IdToken);
    assert.equal(events.length, 1);
    assert.equal(events[0].triggerSource, "TokenGeneration_NewPasswordChallenge");
    assert.equal(events[0].request.userAttributes["cognito:user_status"], "CONFIRMED");
  });

  test("V2: Cognito's event, with the access token's scopes", async () => {
    events.length = 0;
    answer = (e) => e;
    await signIn("v2", "tia");
    const e = events[0];
    assert.equal(e.version, "2");
    assert.equal(e.triggerSource, "TokenGeneration_Authentication");
    assert.deepEqual(Object.keys(e.request).sort(), ["clientMetadata", "groupConfiguration", "scopes", "userAttributes"]);
    assert.deepEqual(e.request.scopes, ["aws.cognito.signin.user.admin"]);
    assert.deepEqual(e.request.groupConfiguration, { groupsToOverride: ["admins"], iamRolesToOverride: [ROLE], preferredRole: ROLE });
    assert.deepEqual(e.response, { claimsAndScopeOverrideDetails: null });
  });

  test("V2: ID and access token claims (any JSON value), scopes added and suppressed; the access token still works", async () => {
    answer = (e) => ({ ...e, response: { claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: { plan: { level: 3, name: "gold" } }, claimsToSuppress: ["email"] },
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant: "acme", features: ["a", "b"], username: "someone-else" },
        claimsToSuppress: ["cognito:groups"],
        scopesToAdd: ["orders/read", "orders/write"], scopesToSuppress: ["orders/write"],
      },
      groupOverrideDetails: { groupsToOverride: ["ops"] },
    } } });
    const t = await signIn("v2", "tia");
    const v = verifiers(pools.v2.poolId, pools.v2.clientId);
    const id = await v.id.verify(t.IdToken!);
    const access = await v.access.verify(t.AccessToken!);
    assert.deepEqual(id.plan, { level: 3, name: "gold" });
    assert.equal(id.email, undefined);
    assert.deepEqual(id["cognito:groups"], ["ops"]);
    assert.equal(id["cognito:roles"], undefined);
    assert.equal(access.tenant, "acme");
    assert.deepEqual(access.features, ["a", "b"]);
    assert.equal(access.username, "tia", "username cannot be overridden");
    assert.deepEqual(access["cognito:groups"], ["ops"], "groups are changed by groupOverrideDetails only");
    assert.equal(access.scope, "aws.cognito.signin.user.admin orders/read");
    const me = await s.client.send(new GetUserCommand({ AccessToken: t.AccessToken! }));
    assert.equal(me.Username, "tia");
  });

  test("failures: a throwing function, an answer that is not the event, a V1 claim that is not a string", async () => {
    answer = () => { throw new Error("claims service down"); };
    await rejectsWith(signIn("v1", "tia"), "UserLambdaValidationException", "PreTokenGeneration failed with error claims service down.");
    answer = () => [1, 2];
    await rejectsWith(signIn("v2", "tia"), "InvalidLambdaResponseException", "Unrecognizable lambda output");
    answer = (e) => ({ ...e, response: { claimsOverrideDetails: { claimsToAddOrOverride: { level: 3 } } } });
    await rejectsWith(signIn("v1", "tia"), "InvalidLambdaResponseException", "Unrecognizable lambda output");
    answer = (e) => e;
  });
});
