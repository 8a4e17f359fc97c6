// test-stores: sqlite, postgres
/**
 * The claims Cognito documents for access and ID tokens, on sign-in and on refresh (the refreshed tokens keep the
 * sign-in's origin_jti, event_id and auth_time), and AWS's own verifier (aws-jwt-verify) accepting both tokens.
 */
import { ConfirmSignUpCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { JwtRsaVerifier } from "aws-jwt-verify";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import { decodeJwt } from "jose";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PASSWORD, serverWithPool, signUp } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** aws-jwt-verify fetches JWKS over https only: this fetcher reads the (http) test server with fetch(). */
const httpFetcher = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };

describe("token claims", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await signUp(s, clientId, "tess", { email: "tess@example.com" });
    const code = await s.latestCode(poolId, "tess");
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "tess", ConfirmationCode: code }));
  });
  after(() => s.close());
  const signIn = async () => (await s.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "tess", PASSWORD },
  }))).AuthenticationResult!;
  const refresh = async (REFRESH_TOKEN: string) => (await s.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN },
  }))).AuthenticationResult!;

  test("the access token carries sub, iss, client_id, origin_jti, event_id, token_use, scope, auth_time, exp, iat, jti, username", async () => {
    const before = Math.floor(Date.now() / 1000);
    const r = await signIn();
    const a = decodeJwt(r.AccessToken!);
    assert.deepEqual(Object.keys(a).sort(), ["auth_time", "client_id", "event_id", "exp", "iat", "iss", "jti", "origin_jti", "scope", "sub", "token_use", "username", "version"]);
    assert.equal(a.iss, `${s.url}/${poolId}`);
    assert.equal(a.client_id, clientId);
    assert.equal(a.token_use, "access");
    assert.equal(a.scope, "aws.cognito.signin.user.admin");
    assert.equal(a.username, "tess");
    for (const k of ["sub", "origin_jti", "event_id", "jti"] as const) assert.match(String(a[k]), UUID, k);
    assert.ok((a.auth_time as number) >= before && a.auth_time === a.iat);
    assert.equal(a.exp! - a.iat!, 3600);
  });

  test("the ID token carries aud, cognito:username, the same origin_jti/event_id/auth_time, and booleans for *_verified", async () => {
    const r = await signIn();
    const a = decodeJwt(r.AccessToken!);
    const id = decodeJwt(r.IdToken!);
    assert.equal(id.aud, clientId);
    assert.equal(id.token_use, "id");
    assert.equal(id["cognito:username"], "tess");
    assert.equal(id.email, "tess@example.com");
    assert.equal(id.email_verified, true);
    assert.equal(id.sub, a.sub);
    assert.equal(id.origin_jti, a.origin_jti);
    assert.equal(id.event_id, a.event_id);
    assert.equal(id.auth_time, a.auth_time);
    assert.match(String(id.jti), UUID);
    assert.notEqual(id.jti, a.jti);
  });

  test("each sign-in is a new origin; tokens refreshed from one keep its origin_jti, event_id and auth_time", async () => {
    const first = await signIn();
    const second = await signIn();
    const o1 = decodeJwt(first.AccessToken!);
    assert.notEqual(decodeJwt(second.AccessToken!).origin_jti, o1.origin_jti);
    s.clock.advance(120_000);
    try {
      const r = await refresh(first.RefreshToken!);
      for (const token of [r.AccessToken!, r.IdToken!]) {
        const c = decodeJwt(token);
        assert.equal(c.origin_jti, o1.origin_jti);
        assert.equal(c.event_id, o1.event_id);
        assert.equal(c.auth_time, o1.auth_time);
        assert.notEqual(c.jti, o1.jti);
        assert.ok(c.iat! >= o1.iat! + 120);
      }
    } finally {
      s.clock.advance(-120_000);
    }
  });

  test("aws-jwt-verify's JwtRsaVerifier verifies the ID and access tokens, signed-in and refreshed", async () => {
    const jwksUri = `${s.url}/${poolId}/.well-known/jwks.json`;
    const jwksCache = new SimpleJwksCache({ fetcher: httpFetcher });
    const idVerifier = JwtRsaVerifier.create({ issuer: `${s.url}/${poolId}`, audience: clientId, jwksUri, customJwtCheck: ({ payload }) => {
      if (payload.token_use !== "id") throw new Error("not an ID token");
    } }, { jwksCache });
    const accessVerifier = JwtRsaVerifier.create({ issuer: `${s.url}/${poolId}`, audience: null, jwksUri, customJwtCheck: ({ payload }) => {
      if (payload.token_use !== "access" || payload.client_id !== clientId) throw new Error("not this client's access token");
    } }, { jwksCache });
    const r = await signIn();
    const refreshed = await refresh(r.RefreshToken!);
    for (const t of [r, refreshed]) {
      assert.equal((await idVerifier.verify(t.IdToken!))["cognito:username"], "tess");
      assert.equal((await accessVerifier.verify(t.AccessToken!)).username, "tess");
    }
    // The verifier is not a rubber stamp: an access token is not an ID token, and a tampered one fails.
    await assert.rejects(idVerifier.verify(r.AccessToken!));
    const [h, p, sig] = r.IdToken!.split(".");
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(r.IdToken!), "cognito:username": "mallory" })).toString("base64url");
    await assert.rejects(idVerifier.verify([h, forged, sig].join(".")));
    assert.ok(p);
  });
});
