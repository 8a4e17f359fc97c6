// test-stores: sqlite, postgres
/**
 * Sign-out as the client libraries do it, against a real server:
 * - aws-amplify v6 (`aws-amplify/auth` under Node, `userPoolEndpoint`, an in-memory token store): signIn with
 *   USER_PASSWORD_AUTH, fetchAuthSession, getCurrentUser, then signOut(), which calls RevokeToken because our access
 *   tokens carry `origin_jti`; the old refresh token and access token are refused afterwards.
 * - amazon-cognito-identity-js (its `endpoint` option; USER_PASSWORD_AUTH through setAuthenticationFlowType):
 *   authenticateUser, refreshSession, globalSignOut, then refreshSession with the old refresh token is refused.
 * - aws-jwt-verify's JwtRsaVerifier accepts the ID and access tokens both libraries received.
 */
import { Amplify } from "aws-amplify";
import { fetchAuthSession, getCurrentUser, signIn, signOut } from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import cognitoJs from "amazon-cognito-identity-js";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { decodeJwt } from "jose";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, refreshAuth } from "../helpers/sign-in.js";

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognitoJs;

/** Amplify's key-value storage, in memory (what its docs show for servers). */
class MemoryKeyValueStorage {
  readonly items = new Map<string, string>();
  async setItem(key: string, value: string) { this.items.set(key, value); }
  async getItem(key: string) { return this.items.get(key) ?? null; }
  async removeItem(key: string) { this.items.delete(key); }
  async clear() { this.items.clear(); }
  find(suffix: string) { return [...this.items.entries()].find(([k]) => k.endsWith(suffix))?.[1]; }
}

describe("sign-out with aws-amplify v6, amazon-cognito-identity-js and aws-jwt-verify", () => {
  let s: TestServer, poolId: string, clientId: string;
  let verifyId: (t: string) => Promise<unknown>, verifyAccess: (t: string) => Promise<unknown>;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    await confirmedUser(s, poolId, clientId, "amy");
    await confirmedUser(s, poolId, clientId, "carl");
    const jwksCache = new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } });
    const base = { issuer: `${s.url}/${poolId}`, jwksUri: `${s.url}/${poolId}/.well-known/jwks.json` };
    const id = JwtRsaVerifier.create({ ...base, audience: clientId, customJwtCheck: ({ payload }) => { if (payload.token_use !== "id") throw new Error("not an ID token"); } }, { jwksCache });
    const access = JwtRsaVerifier.create({ ...base, audience: null, customJwtCheck: ({ payload }) => {
      if (payload.token_use !== "access" || payload.client_id !== clientId) throw new Error("not this client's access token");
    } }, { jwksCache });
    verifyId = (t) => id.verify(t);
    verifyAccess = (t) => access.verify(t);
  });
  after(() => s.close());

  test("Amplify: signIn (USER_PASSWORD_AUTH), fetchAuthSession, getCurrentUser, signOut() revokes the refresh token", async () => {
    const storage = new MemoryKeyValueStorage();
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: s.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
    const out = await signIn({ username: "amy", password: PASSWORD, options: { authFlowType: "USER_PASSWORD_AUTH" } });
    assert.equal(out.isSignedIn, true);
    assert.equal(out.nextStep.signInStep, "DONE");
    const session = await fetchAuthSession();
    const accessToken = session.tokens!.accessToken.toString();
    const idToken = session.tokens!.idToken!.toString();
    assert.ok(decodeJwt(accessToken).origin_jti, "Amplify revokes only tokens with origin_jti");
    await verifyAccess(accessToken);
    await verifyId(idToken);
    const me = await getCurrentUser();
    assert.equal(me.username, "amy");
    assert.equal(me.userId, decodeJwt(accessToken).sub);
    const refreshToken = storage.find(".refreshToken");
    assert.ok(refreshToken, "Amplify keeps the refresh token in its key-value storage");
    // Before sign-out the refresh token works.
    assert.ok((await refreshAuth(s.client, clientId, refreshToken)).AuthenticationResult!.AccessToken);

    await signOut();
    assert.equal(storage.find(".refreshToken"), undefined);
    // Amplify swallows RevokeToken's errors: the refused tokens are the proof that it was called and worked.
    await rejectsWith(refreshAuth(s.client, clientId, refreshToken), "NotAuthorizedException", "Refresh Token has been revoked");
    await rejectsWith(getUser(s.client, accessToken), "NotAuthorizedException", "Access Token has been revoked");
  });

  test("amazon-cognito-identity-js: authenticateUser (USER_PASSWORD_AUTH), refreshSession, globalSignOut", async () => {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: s.url });
    const user = new CognitoUser({ Username: "carl", Pool: pool });
    user.setAuthenticationFlowType("USER_PASSWORD_AUTH");
    const session = await new Promise<cognitoJs.CognitoUserSession>((resolve, reject) => {
      user.authenticateUser(new AuthenticationDetails({ Username: "carl", Password: PASSWORD }), { onSuccess: resolve, onFailure: reject });
    });
    await verifyAccess(session.getAccessToken().getJwtToken());
    await verifyId(session.getIdToken().getJwtToken());
    const refreshToken = session.getRefreshToken();
    const refreshed = await new Promise<cognitoJs.CognitoUserSession>((resolve, reject) => {
      user.refreshSession(refreshToken, (err, s2) => (err ? reject(err) : resolve(s2)));
    });
    assert.notEqual(refreshed.getAccessToken().getJwtToken(), session.getAccessToken().getJwtToken());
    assert.equal(refreshed.getAccessToken().payload.origin_jti, session.getAccessToken().payload.origin_jti);
    await verifyAccess(refreshed.getAccessToken().getJwtToken());
    await verifyId(refreshed.getIdToken().getJwtToken());

    await new Promise<void>((resolve, reject) => user.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }));
    const err = await new Promise<any>((resolve) => {
      user.refreshSession(refreshToken, (e) => resolve(e));
    });
    assert.equal(err?.code, "NotAuthorizedException");
    assert.equal(err?.message, "Refresh Token has been revoked");
    for (const t of [session, refreshed]) {
      await rejectsWith(getUser(s.client, t.getAccessToken().getJwtToken()), "NotAuthorizedException", "Access Token has been revoked");
    }
  });
});
