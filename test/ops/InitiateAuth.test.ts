// test-stores: sqlite, postgres
import { GetUserCommand, InitiateAuthCommand, AdminConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createRemoteJWKSet, jwtVerify } from "jose";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { secretHash } from "../../src/domain/secret-hash.js";
import { createClient, createPool, serverWithPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";

describe("InitiateAuth and GetUser", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await signUp(s, clientId, "una", { email: "una@example.com" });
    await signUp(s, clientId, "cora", { email: "cora@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "cora" }));
  });
  after(() => s.close());
  const auth = (USERNAME: string, PASSWORD_: string, cid = clientId, extra: Record<string, string> = {}) =>
    s.client.send(new InitiateAuthCommand({ ClientId: cid, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME, PASSWORD: PASSWORD_, ...extra } }));

  test("an UNCONFIRMED user is UserNotConfirmedException, even with a wrong password", async () => {
    await rejectsWith(auth("una", PASSWORD), "UserNotConfirmedException", "User is not confirmed.");
    await rejectsWith(auth("una", "Wrong0ne!"), "UserNotConfirmedException", "User is not confirmed.");
  });

  test("a wrong password is NotAuthorizedException; an unknown user UserNotFoundException (LEGACY)", async () => {
    await rejectsWith(auth("cora", "Wrong0ne!"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(auth("nobody", PASSWORD), "UserNotFoundException", "User does not exist.");
    const { clientId: hidden } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    await rejectsWith(auth("nobody", PASSWORD, hidden), "NotAuthorizedException", "Incorrect username or password.");
  });

  test("signs in with RS256 tokens that verify against the pool's JWKS, then GetUser and refresh work", async () => {
    const out = await auth("cora", PASSWORD);
    const r = out.AuthenticationResult!;
    assert.equal(r.TokenType, "Bearer");
    assert.equal(r.ExpiresIn, 3600);
    assert.ok(r.RefreshToken);
    const jwks = createRemoteJWKSet(new URL(`${s.url}/${poolId}/.well-known/jwks.json`));
    const issuer = `${s.url}/${poolId}`;
    const id = await jwtVerify(r.IdToken!, jwks, { issuer, audience: clientId });
    assert.equal(id.payload.token_use, "id");
    assert.equal(id.payload["cognito:username"], "cora");
    assert.equal(id.payload.email, "cora@example.com");
    const access = await jwtVerify(r.AccessToken!, jwks, { issuer });
    assert.equal(access.payload.token_use, "access");
    assert.equal(access.payload.client_id, clientId);
    const me = await s.client.send(new GetUserCommand({ AccessToken: r.AccessToken! }));
    assert.equal(me.Username, "cora");
    assert.equal(me.UserAttributes!.find((a) => a.Name === "email")?.Value, "cora@example.com");
    const refreshed = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: r.RefreshToken! } }));
    assert.ok(refreshed.AuthenticationResult!.AccessToken);
    assert.equal(refreshed.AuthenticationResult!.RefreshToken, undefined);
    const config = await (await fetch(`${s.url}/${poolId}/.well-known/openid-configuration`)).json() as { issuer: string };
    assert.equal(config.issuer, issuer);
  });

  test("GetUser refuses a garbage or expired token", async () => {
    await rejectsWith(s.client.send(new GetUserCommand({ AccessToken: "not-a-token" })), "NotAuthorizedException", "Invalid Access Token");
    const token = (await auth("cora", PASSWORD)).AuthenticationResult!.AccessToken!;
    s.clock.advance(3601 * 1000);
    await rejectsWith(s.client.send(new GetUserCommand({ AccessToken: token })), "NotAuthorizedException", "Access Token has expired");
  });

  test("the flow must be enabled on the client, and parameters present", async () => {
    const { clientId: srpOnly } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] });
    await rejectsWith(auth("cora", PASSWORD, srpOnly), "InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client");
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "cora" } })),
      "InvalidParameterException", "Missing required parameter PASSWORD");
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "cora", SRP_A: "1" } })),
      "InvalidParameterException", "USER_SRP_AUTH is not enabled for the client.");
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "cora" } })),
      "InvalidParameterException", "CUSTOM_AUTH flow not enabled for this client");
  });

  test("a client with a secret needs SECRET_HASH", async () => {
    const { clientId: cid, secret } = await createClient(s, poolId, { GenerateSecret: true });
    await rejectsWith(auth("cora", PASSWORD, cid), "NotAuthorizedException", `Client ${cid} is configured with secret but SECRET_HASH was not received`);
    await rejectsWith(auth("cora", PASSWORD, cid, { SECRET_HASH: secretHash(secret!, "other", cid) }), "NotAuthorizedException", `Unable to verify secret hash for client ${cid}`);
    const ok = await auth("cora", PASSWORD, cid, { SECRET_HASH: secretHash(secret!, "cora", cid) });
    assert.ok(ok.AuthenticationResult?.IdToken);
  });
});
