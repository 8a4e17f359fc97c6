/**
 * TokenService (src/domain/tokens.ts) on its own: the claims of the ID, access and refresh tokens as Cognito issues
 * them, RS256 signatures that verify against the pool's JWKS, lifetimes from the client's validity settings, and
 * verifyAccess. No server, no store: records built with the domain's own builders.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from "jose";
import { buildClientDoc } from "../../src/domain/client.js";
import { cryptoRandom } from "../../src/domain/clock.js";
import { buildPoolDoc } from "../../src/domain/pool.js";
import { newSigningKey, publicJwk, TokenService } from "../../src/domain/tokens.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../src/store/types.js";

const ISSUER_BASE = "https://auth.example.test";
const NOW = 1_767_225_600_000; // 2026-01-01T00:00:00Z, on a whole second
const NOW_S = NOW / 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let now = NOW;
const clock = { now: () => now };
const service = () => new TokenService(ISSUER_BASE, clock, cryptoRandom);

async function poolRecord(id: string): Promise<PoolRecord> {
  return {
    id, name: id, doc: buildPoolDoc({ PoolName: id }, id, "arn"), signingKey: await newSigningKey(cryptoRandom) as Record<string, unknown>,
    createdAt: NOW, updatedAt: NOW,
  };
}

const clientRecord = (poolId: string, input: Record<string, unknown> = {}): ClientRecord => ({
  id: "tokensclientaaaaaaaaaaaaaa", poolId, name: "app", secret: null,
  doc: buildClientDoc({ ClientName: "app", ...input }, poolId, "tokensclientaaaaaaaaaaaaaa"), createdAt: NOW, updatedAt: NOW,
});

const userRecord = (poolId: string): UserRecord => ({
  poolId, usernameKey: "jane", username: "Jane", sub: "1b2c3d4e-0000-4000-8000-00000000abcd", status: "CONFIRMED", enabled: true,
  passwordHash: null, attributes: { email: "jane@example.com", email_verified: "true", phone_number: "+15555551234", phone_number_verified: "false", name: "Jane Doe" },
  emailKey: "jane@example.com", phone: "+15555551234", createdAt: NOW, updatedAt: NOW,
});

/** The pool's JWKS as `/<poolId>/.well-known/jwks.json` serves it, for jose's verifier. */
const jwksOf = (pool: PoolRecord) => createLocalJWKSet({ keys: [publicJwk(pool.signingKey)] });

describe("issued tokens", () => {
  let pool: PoolRecord;
  let client: ClientRecord;
  let user: UserRecord;
  let issued: Awaited<ReturnType<TokenService["issue"]>>;
  let id: JWTPayload;
  let access: JWTPayload;
  before(async () => {
    now = NOW;
    pool = await poolRecord("us-east-1_TokensAaa");
    client = clientRecord(pool.id);
    user = userRecord(pool.id);
    issued = await service().issue(pool, client, user, true);
    id = decodeJwt(issued.IdToken);
    access = decodeJwt(issued.AccessToken);
  });

  test("both verify against the pool's JWKS: RS256 with the pool's kid, the pool's issuer", async () => {
    const iss = `${ISSUER_BASE}/${pool.id}`;
    for (const token of [issued.IdToken, issued.AccessToken]) {
      assert.deepEqual(decodeProtectedHeader(token), { alg: "RS256", kid: pool.signingKey.kid });
      const { payload } = await jwtVerify(token, jwksOf(pool), { issuer: iss, algorithms: ["RS256"], currentDate: new Date(NOW) });
      assert.equal(payload.iss, iss);
    }
    await jwtVerify(issued.IdToken, jwksOf(pool), { audience: client.id, currentDate: new Date(NOW) });
  });

  test("the ID token: sub, aud, token_use id, cognito:username, the user's attributes (booleans for *_verified)", () => {
    assert.equal(id.sub, user.sub);
    assert.equal(id.aud, client.id);
    assert.equal(id.token_use, "id");
    assert.equal(id["cognito:username"], "Jane");
    assert.equal(id.email, "jane@example.com");
    assert.equal(id.email_verified, true);
    assert.equal(id.phone_number, "+15555551234");
    assert.equal(id.phone_number_verified, false);
    assert.equal(id.name, "Jane Doe");
    assert.equal(id.client_id, undefined, "the ID token names its client in aud");
    assert.equal(id.scope, undefined);
  });

  test("the access token: sub, client_id, token_use access, username, the user-admin scope, no aud", () => {
    assert.equal(access.sub, user.sub);
    assert.equal(access.client_id, client.id);
    assert.equal(access.token_use, "access");
    assert.equal(access.username, "Jane");
    assert.equal(access.scope, "aws.cognito.signin.user.admin");
    assert.equal(access.aud, undefined);
    assert.equal(access.email, undefined, "attributes are in the ID token only");
  });

  test("one sign-in: the same event_id, origin_jti and auth_time in both; a jti of its own each", () => {
    for (const claim of ["event_id", "origin_jti", "jti"]) {
      assert.match(String(id[claim]), UUID, `id ${claim}`);
      assert.match(String(access[claim]), UUID, `access ${claim}`);
    }
    assert.equal(id.event_id, access.event_id);
    assert.equal(id.origin_jti, access.origin_jti);
    assert.notEqual(id.jti, access.jti);
    assert.notEqual(id.jti, id.origin_jti);
    assert.equal(id.auth_time, NOW_S);
    assert.equal(access.auth_time, NOW_S);
    assert.equal(id.iat, NOW_S);
    assert.equal(access.iat, NOW_S);
  });

  test("a second sign-in gets new event_id, origin_jti and jti", async () => {
    const again = await service().issue(pool, client, user, false);
    const [id2, access2] = [decodeJwt(again.IdToken), decodeJwt(again.AccessToken)];
    for (const claim of ["event_id", "origin_jti", "jti"]) {
      assert.notEqual(id2[claim], id[claim], claim);
      assert.notEqual(access2[claim], access[claim], claim);
    }
  });

  test("default lifetimes: one hour for ID and access tokens, 30 days for the refresh token", () => {
    assert.equal(id.exp, NOW_S + 3600);
    assert.equal(access.exp, NOW_S + 3600);
    assert.equal(issued.ExpiresIn, 3600);
    assert.equal(issued.TokenType, "Bearer");
    assert.equal(issued.refreshExpiresAt, NOW + 30 * 86_400_000);
  });

  test("the refresh token is opaque (not a JWT), random, and only issued when asked for", async () => {
    assert.match(issued.RefreshToken!, /^[A-Za-z0-9_-]{64}$/);
    assert.equal(issued.RefreshToken!.split(".").length, 1);
    const other = await service().issue(pool, client, user, true);
    assert.notEqual(other.RefreshToken, issued.RefreshToken);
    const without = await service().issue(pool, client, user, false);
    assert.equal(without.RefreshToken, undefined);
    assert.equal(without.refreshExpiresAt, undefined);
  });
});

describe("lifetimes from the client's validity settings", () => {
  test("values and units (TokenValidityUnits) of each token", async () => {
    now = NOW;
    const pool = await poolRecord("us-east-1_TokensBbb");
    const client = clientRecord(pool.id, {
      AccessTokenValidity: 5, IdTokenValidity: 2, RefreshTokenValidity: 90,
      TokenValidityUnits: { AccessToken: "minutes", IdToken: "hours", RefreshToken: "minutes" },
    });
    const t = await service().issue(pool, client, userRecord(pool.id), true);
    assert.equal(decodeJwt(t.AccessToken).exp, NOW_S + 5 * 60);
    assert.equal(decodeJwt(t.IdToken).exp, NOW_S + 2 * 3600);
    assert.equal(t.ExpiresIn, 300, "ExpiresIn is the access token's lifetime");
    assert.equal(t.refreshExpiresAt, NOW + 90 * 60_000);
  });

  test("a unit given for one token leaves the others at their defaults", async () => {
    now = NOW;
    const pool = await poolRecord("us-east-1_TokensCcc");
    const client = clientRecord(pool.id, { AccessTokenValidity: 1, TokenValidityUnits: { AccessToken: "days" } });
    const t = await service().issue(pool, client, userRecord(pool.id), true);
    assert.equal(decodeJwt(t.AccessToken).exp, NOW_S + 86_400);
    assert.equal(decodeJwt(t.IdToken).exp, NOW_S + 3600);
    assert.equal(t.refreshExpiresAt, NOW + 30 * 86_400_000);
  });
});

describe("verifyAccess", () => {
  let pool: PoolRecord;
  let other: PoolRecord;
  let issued: Awaited<ReturnType<TokenService["issue"]>>;
  const pools = () => async (id: string) => [pool, other].find((p) => p.id === id);
  /** Asserts that verifyAccess refuses `token` with NotAuthorizedException and this message. */
  const refuses = (token: string, message: string) =>
    assert.rejects(service().verifyAccess(token, pools()), (e: any) => e.name === "NotAuthorizedException" && e.statusCode === 400 && e.message === message);
  before(async () => {
    now = NOW;
    pool = await poolRecord("us-east-1_TokensDdd");
    other = await poolRecord("us-east-1_TokensEee");
    issued = await service().issue(pool, clientRecord(pool.id, { AccessTokenValidity: 10 }), userRecord(pool.id), false);
  });

  test("a live access token of its own pool gives the pool, username, sub and client", async () => {
    now = NOW + 9 * 60_000;
    const v = await service().verifyAccess(issued.AccessToken, pools());
    assert.equal(v.pool.id, pool.id);
    assert.deepEqual({ username: v.username, sub: v.sub, clientId: v.clientId },
      { username: "Jane", sub: "1b2c3d4e-0000-4000-8000-00000000abcd", clientId: "tokensclientaaaaaaaaaaaaaa" });
  });

  test("an expired one: 'Access Token has expired'", async () => {
    now = NOW + 10 * 60_000 + 1000;
    await refuses(issued.AccessToken, "Access Token has expired");
  });

  test("an ID token, a tampered payload, an unknown pool, another pool's key, or no JWT at all: 'Invalid Access Token'", async () => {
    now = NOW;
    await refuses(issued.IdToken, "Invalid Access Token");
    const [h, p, s] = issued.AccessToken.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forge = (c: Record<string, unknown>) => `${h}.${Buffer.from(JSON.stringify(c)).toString("base64url")}.${s}`;
    await refuses(forge({ ...claims, username: "admin" }), "Invalid Access Token");
    await refuses(forge({ ...claims, iss: `${ISSUER_BASE}/${other.id}` }), "Invalid Access Token");
    await refuses(forge({ ...claims, iss: `${ISSUER_BASE}/us-east-1_Nosuchpoo` }), "Invalid Access Token");
    await refuses("not-a-jwt", "Invalid Access Token");
    // Well formed and validly signed, but with another pool's key while naming this pool (and this pool's kid).
    const otherKey = await importJWK(other.signingKey as JWK, "RS256");
    await refuses(await new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid: String(pool.signingKey.kid) }).sign(otherKey), "Invalid Access Token");
  });

  test("the public JWK holds no private member", () => {
    const jwk = publicJwk(pool.signingKey) as JWK;
    for (const k of ["d", "p", "q", "dp", "dq", "qi"]) assert.equal(k in jwk, false, k);
    assert.deepEqual([jwk.kty, jwk.alg, jwk.use, jwk.kid], ["RSA", "RS256", "sig", pool.signingKey.kid]);
    assert.ok(typeof jwk.n === "string" && typeof jwk.e === "string");
  });
});
