// test-stores: sqlite, postgres
/**
 * GetTokensFromRefreshToken: without rotation, new ID and access tokens only; with RefreshTokenRotation, a new refresh
 * token too, the old one working only for RetryGracePeriodSeconds. Revocation covers the whole rotated chain.
 */
import { GetTokensFromRefreshTokenCommand, RevokeTokenCommand } from "@aws-sdk/client-cognito-identity-provider";
import { decodeJwt } from "jose";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("GetTokensFromRefreshToken", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await confirmedUser(s, poolId, clientId, "rory");
  });
  after(() => s.close());
  const get = (RefreshToken: string, ClientId = clientId, ClientSecret?: string) =>
    s.client.send(new GetTokensFromRefreshTokenCommand({ RefreshToken, ClientId, ClientSecret }));
  const rotating = (grace?: number) => createClient(s, poolId, { RefreshTokenRotation: { Feature: "ENABLED", ...(grace === undefined ? {} : { RetryGracePeriodSeconds: grace }) } });

  test("without rotation: new ID and access tokens of the same origin, no refresh token", async () => {
    const a = await passwordSignIn(s.client, clientId, "rory");
    const r = (await get(a.RefreshToken!)).AuthenticationResult!;
    assert.equal(r.RefreshToken, undefined);
    assert.equal(r.TokenType, "Bearer");
    assert.equal(r.ExpiresIn, 3600);
    assert.equal(decodeJwt(r.AccessToken!).origin_jti, decodeJwt(a.AccessToken!).origin_jti);
    assert.equal((await getUser(s.client, r.AccessToken!)).Username, "rory");
    // The same refresh token keeps working.
    assert.ok((await get(a.RefreshToken!)).AuthenticationResult!.IdToken);
  });

  test("with rotation and no grace period: a new refresh token; the old one is RefreshTokenReuseException at once", async () => {
    const { clientId: cid } = await rotating();
    const a = await passwordSignIn(s.client, cid, "rory");
    const r1 = (await get(a.RefreshToken!, cid)).AuthenticationResult!;
    assert.ok(r1.RefreshToken);
    assert.notEqual(r1.RefreshToken, a.RefreshToken);
    await rejectsWith(get(a.RefreshToken!, cid), "RefreshTokenReuseException");
    const r2 = (await get(r1.RefreshToken!, cid)).AuthenticationResult!;
    const origin = decodeJwt(a.AccessToken!).origin_jti;
    assert.equal(decodeJwt(r2.AccessToken!).origin_jti, origin);
    // InitiateAuth's REFRESH_TOKEN_AUTH is not how a rotating client refreshes.
    await rejectsWith(refreshAuth(s.client, cid, r2.RefreshToken!), "NotAuthorizedException", /GetTokensFromRefreshToken/);
    // Revoking the newest refresh token revokes the whole chain's access tokens.
    await s.client.send(new RevokeTokenCommand({ ClientId: cid, Token: r2.RefreshToken! }));
    for (const t of [a, r1, r2]) await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(get(r2.RefreshToken!, cid), "NotAuthorizedException", "Refresh Token has been revoked");
  });

  test("with a grace period: the old token works for that long, then not", async () => {
    const { clientId: cid } = await rotating(30);
    const a = await passwordSignIn(s.client, cid, "rory");
    const r1 = (await get(a.RefreshToken!, cid)).AuthenticationResult!;
    s.clock.advance(20_000);
    try {
      const retry = (await get(a.RefreshToken!, cid)).AuthenticationResult!;
      assert.ok(retry.RefreshToken);
      s.clock.advance(11_000);
      await rejectsWith(get(a.RefreshToken!, cid), "RefreshTokenReuseException");
      assert.ok((await get(r1.RefreshToken!, cid)).AuthenticationResult!.RefreshToken);
    } finally {
      s.clock.advance(-31_000);
    }
  });

  test("concurrent refreshes with one token and no grace period: exactly one gets new tokens", async () => {
    const { clientId: cid } = await rotating(0);
    const a = await passwordSignIn(s.client, cid, "rory");
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => get(a.RefreshToken!, cid)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results) if (r.status === "rejected") assert.equal((r.reason as Error).name, "RefreshTokenReuseException");
  });

  test("a wrong, foreign or expired token; a confidential client's secret", async () => {
    await rejectsWith(get("never-issued"), "NotAuthorizedException", "Invalid Refresh Token");
    const { clientId: other } = await createClient(s, poolId);
    const a = await passwordSignIn(s.client, clientId, "rory");
    await rejectsWith(get(a.RefreshToken!, other), "NotAuthorizedException", "Invalid Refresh Token");
    s.clock.advance(31 * 86_400_000);
    try {
      await rejectsWith(get(a.RefreshToken!), "NotAuthorizedException", "Invalid Refresh Token");
    } finally {
      s.clock.advance(-31 * 86_400_000);
    }
    const { clientId: cid, secret } = await createClient(s, poolId, { GenerateSecret: true });
    const c = await passwordSignIn(s.client, cid, "rory", undefined, secret);
    await rejectsWith(get(c.RefreshToken!, cid), "NotAuthorizedException", `Client ${cid} is configured with secret but ClientSecret was not received`);
    assert.ok((await get(c.RefreshToken!, cid, secret)).AuthenticationResult!.AccessToken);
  });
});
