// test-stores: sqlite, postgres
/**
 * aws-jwt-verify (AWS's token verifier): its generic JwtRsaVerifier, with the pool's issuer and JWKS (its
 * SimpleJwksCache given a fetcher for http), verifies the ID and access tokens of the SRP flow, of a
 * NEW_PASSWORD_REQUIRED answer, of ADMIN_USER_PASSWORD_AUTH and of a refresh.
 */
import {
  AdminConfirmSignUpCommand, AdminCreateUserCommand, AdminInitiateAuthCommand, InitiateAuthCommand, RespondToAuthChallengeCommand,
  type AuthenticationResultType,
} from "@aws-sdk/client-cognito-identity-provider";
import { JwtRsaVerifier } from "aws-jwt-verify";
import type { Fetcher } from "aws-jwt-verify/https";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { claimSignature, clientKey, srpTimestamp } from "../../src/domain/srp.js";
import { createClient, createPool, PASSWORD, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/** aws-jwt-verify fetches only over https; the emulator serves http, so it gets this fetcher. */
const httpFetcher: Fetcher = {
  async fetch(uri: string) {
    const res = await fetch(uri);
    if (!res.ok) throw new Error(`${uri}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

describe("aws-jwt-verify verifies the tokens of the challenge flows", () => {
  let s: TestServer, poolId: string, clientId: string;
  let verifyId: (t: string) => Promise<any>, verifyAccess: (t: string) => Promise<any>;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
    const common = { issuer: `${s.url}/${poolId}`, jwksUri: `${s.url}/${poolId}/.well-known/jwks.json` };
    const cache = new SimpleJwksCache({ fetcher: httpFetcher });
    const id = JwtRsaVerifier.create({ ...common, audience: clientId, customJwtCheck: ({ payload }) => assert.equal(payload.token_use, "id") }, { jwksCache: cache });
    const access = JwtRsaVerifier.create({ ...common, audience: null, customJwtCheck: ({ payload }) => {
      assert.equal(payload.token_use, "access");
      assert.equal(payload.client_id, clientId);
    } }, { jwksCache: cache });
    verifyId = (t) => id.verify(t);
    verifyAccess = (t) => access.verify(t);
    await signUp(s, clientId, "vic", { email: "vic@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "vic" }));
  });
  after(() => s.close());

  const both = async (r: AuthenticationResultType, username: string) => {
    const id = await verifyId(r.IdToken!);
    assert.equal(id["cognito:username"], username);
    const access = await verifyAccess(r.AccessToken!);
    assert.equal(access.username, username);
    assert.equal(access.sub, id.sub);
  };

  test("USER_SRP_AUTH, then REFRESH_TOKEN_AUTH", async () => {
    const a = randomBytes(128);
    const r = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "vic", SRP_A: clientKey(poolId, "vic", "", "01", "02", a).A } }));
    const p = r.ChallengeParameters!;
    const { key } = clientKey(poolId, p.USER_ID_FOR_SRP, PASSWORD, p.SALT, p.SRP_B, a);
    const TIMESTAMP = srpTimestamp(new Date());
    const out = await s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "PASSWORD_VERIFIER", Session: r.Session, ChallengeResponses: {
        USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP,
        PASSWORD_CLAIM_SIGNATURE: claimSignature(key, poolId, p.USER_ID_FOR_SRP, Buffer.from(p.SECRET_BLOCK, "base64"), TIMESTAMP),
      },
    }));
    await both(out.AuthenticationResult!, "vic");
    const refreshed = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: out.AuthenticationResult!.RefreshToken! } }));
    await both(refreshed.AuthenticationResult!, "vic");
  });

  test("ADMIN_USER_PASSWORD_AUTH, and the answer to NEW_PASSWORD_REQUIRED", async () => {
    const admin = await s.client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "vic", PASSWORD } }));
    await both(admin.AuthenticationResult!, "vic");
    await s.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "wes", TemporaryPassword: "Temp0rary!", MessageAction: "SUPPRESS" }));
    const c = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "wes", PASSWORD: "Temp0rary!" } }));
    const done = await s.client.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: c.Session, ChallengeResponses: { USERNAME: "wes", NEW_PASSWORD: PASSWORD } }));
    await both(done.AuthenticationResult!, "wes");
  });

  test("a token of another pool's issuer is refused", async () => {
    const other = await createPool(s);
    const cache = new SimpleJwksCache({ fetcher: httpFetcher });
    const wrong = JwtRsaVerifier.create({ issuer: `${s.url}/${other}`, audience: clientId, jwksUri: `${s.url}/${other}/.well-known/jwks.json` }, { jwksCache: cache });
    const admin = await s.client.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "vic", PASSWORD } }));
    await assert.rejects(wrong.verify(admin.AuthenticationResult!.IdToken!));
  });
});
