// test-stores: sqlite, postgres
/** GetUser accepts only a live access token that its own pool signed: everything else is NotAuthorizedException. */
import { AdminConfirmSignUpCommand, DeleteUserPoolCommand, GetUserCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { createPublicKey } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, type JWK } from "jose";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");

describe("GetUser access-token checks", () => {
  let s: TestServer;
  let poolA: string;
  let poolB: string;
  let tokensA: { AccessToken: string; IdToken: string };
  let tokensB: { AccessToken: string; IdToken: string };
  before(async () => {
    s = await startTestServer();
    const login = async (poolId: string, name: string) => {
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, name, { email: `${name}@example.com` });
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: name }));
      const out = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: name, PASSWORD } }));
      return out.AuthenticationResult as { AccessToken: string; IdToken: string };
    };
    poolA = await createPool(s);
    poolB = await createPool(s, { PoolName: "other" });
    tokensA = await login(poolA, "ann");
    tokensB = await login(poolB, "ann");
  });
  after(() => s.close());
  const getUser = (AccessToken: string) => s.client.send(new GetUserCommand({ AccessToken }));

  test("the genuine access token works (the baseline the rejections are measured against)", async () => {
    assert.equal((await getUser(tokensA.AccessToken)).Username, "ann");
    assert.equal((await getUser(tokensB.AccessToken)).Username, "ann");
  });

  test("an expired access token", async () => {
    const t = await (async () => {
      // Its own login, then an hour and a bit later.
      const out = await s.client.send(new InitiateAuthCommand({
        ClientId: decodeJwt(tokensA.AccessToken).client_id as string, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "ann", PASSWORD },
      }));
      return out.AuthenticationResult!.AccessToken!;
    })();
    s.clock.advance(3600_000 + 5_000);
    try {
      await rejectsWith(getUser(t), "NotAuthorizedException", "Access Token has expired");
    } finally {
      s.clock.advance(-(3600_000 + 5_000));
    }
    assert.equal((await getUser(t)).Username, "ann");
  });

  test("a tampered access token (payload or signature changed)", async () => {
    const [h, p, sig] = tokensA.AccessToken.split(".");
    const claims = decodeJwt(tokensA.AccessToken);
    await rejectsWith(getUser([h, b64({ ...claims, username: "someone-else" }), sig].join(".")), "NotAuthorizedException", "Invalid Access Token");
    await rejectsWith(getUser([h, b64({ ...claims, exp: (claims.exp as number) + 86400 }), sig].join(".")), "NotAuthorizedException", "Invalid Access Token");
    const flipped = sig.slice(0, 10) + (sig[10] === "A" ? "B" : "A") + sig.slice(11);
    await rejectsWith(getUser([h, p, flipped].join(".")), "NotAuthorizedException", "Invalid Access Token");
    await rejectsWith(getUser([h, p].join(".")), "NotAuthorizedException", "Invalid Access Token");
    await rejectsWith(getUser("not-a-jwt"), "NotAuthorizedException", "Invalid Access Token");
  });

  test("a token signed by another key, even with the pool's kid and claims", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const { kid } = decodeProtectedHeader(tokensA.AccessToken);
    const forged = await new SignJWT(decodeJwt(tokensA.AccessToken)).setProtectedHeader({ alg: "RS256", kid }).sign(privateKey);
    await rejectsWith(getUser(forged), "NotAuthorizedException", "Invalid Access Token");
    // alg=none, and HS256 keyed with the pool's public key (the classic algorithm confusion).
    await rejectsWith(getUser(`${b64({ alg: "none", kid })}.${b64(decodeJwt(tokensA.AccessToken))}.`), "NotAuthorizedException", "Invalid Access Token");
    const pool = await s.server.deps.store.getPool(poolA);
    const pub = createPublicKey({ key: pool!.signingKey as JWK & { kty: "RSA" }, format: "jwk" }).export({ format: "pem", type: "spki" });
    const hs = await new SignJWT(decodeJwt(tokensA.AccessToken)).setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode(String(pub)));
    await rejectsWith(getUser(hs), "NotAuthorizedException", "Invalid Access Token");
  });

  test("another pool's token: its issuer rewritten, or signed with the other pool's own key", async () => {
    const claims = decodeJwt(tokensB.AccessToken);
    const { kid } = decodeProtectedHeader(tokensB.AccessToken);
    const keyB = await importJWK((await s.server.deps.store.getPool(poolB))!.signingKey as JWK, "RS256");
    const claimsA = { ...claims, iss: String(claims.iss).replace(poolB, poolA) };
    const signedByB = await new SignJWT(claimsA).setProtectedHeader({ alg: "RS256", kid }).sign(keyB);
    await rejectsWith(getUser(signedByB), "NotAuthorizedException", "Invalid Access Token");
    const [h, , sig] = tokensB.AccessToken.split(".");
    await rejectsWith(getUser([h, b64(claimsA), sig].join(".")), "NotAuthorizedException", "Invalid Access Token");
    // And a token from a foreign issuer that merely ends in a pool id.
    const foreign = await new SignJWT({ ...claims, iss: `https://evil.example/${poolA}` }).setProtectedHeader({ alg: "RS256", kid }).sign(keyB);
    await rejectsWith(getUser(foreign), "NotAuthorizedException", "Invalid Access Token");
  });

  test("an ID token where an access token belongs", async () => {
    await rejectsWith(getUser(tokensA.IdToken), "NotAuthorizedException", "Invalid Access Token");
  });

  test("a token whose pool was deleted", async () => {
    await s.client.send(new DeleteUserPoolCommand({ UserPoolId: poolB }));
    await rejectsWith(getUser(tokensB.AccessToken), "NotAuthorizedException", "Invalid Access Token");
  });
});
