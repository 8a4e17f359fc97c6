// test-stores: sqlite, postgres
/**
 * RevokeToken: the refresh token stops working, and so do the access tokens issued from it and from the tokens
 * refreshed from it; other sign-ins of the same user are untouched.
 */
import { RevokeTokenCommand, UpdateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("RevokeToken", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await confirmedUser(s, poolId, clientId, "rita");
  });
  after(() => s.close());
  const revoke = (Token: string, ClientId = clientId, ClientSecret?: string) => s.client.send(new RevokeTokenCommand({ Token, ClientId, ClientSecret }));

  test("revokes the refresh token and every access token of its sign-in, and nothing else", async () => {
    const a = await passwordSignIn(s.client, clientId, "rita");
    const b = await passwordSignIn(s.client, clientId, "rita");
    const refreshed = (await refreshAuth(s.client, clientId, a.RefreshToken!)).AuthenticationResult!;
    assert.equal((await getUser(s.client, refreshed.AccessToken!)).Username, "rita");
    await revoke(a.RefreshToken!);
    await rejectsWith(refreshAuth(s.client, clientId, a.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
    await rejectsWith(getUser(s.client, a.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(getUser(s.client, refreshed.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    // The other sign-in lives on.
    assert.equal((await getUser(s.client, b.AccessToken!)).Username, "rita");
    assert.ok((await refreshAuth(s.client, clientId, b.RefreshToken!)).AuthenticationResult!.AccessToken);
    // Revoking again, or a token this server never issued, changes nothing and is no error (RFC 7009).
    await revoke(a.RefreshToken!);
    await revoke("never-issued-token");
  });

  test("a refresh token of another client is UnauthorizedException, and is not revoked", async () => {
    const { clientId: other } = await createClient(s, poolId);
    const a = await passwordSignIn(s.client, clientId, "rita");
    await rejectsWith(revoke(a.RefreshToken!, other), "UnauthorizedException", "The refresh token was not issued to this client.");
    assert.equal((await getUser(s.client, a.AccessToken!)).Username, "rita");
  });

  test("a confidential client must send its secret", async () => {
    const { clientId: cid, secret } = await createClient(s, poolId, { GenerateSecret: true });
    const a = await passwordSignIn(s.client, cid, "rita", undefined, secret);
    await rejectsWith(revoke(a.RefreshToken!, cid), "UnauthorizedException", `Client ${cid} is configured with secret but ClientSecret was not received`);
    await rejectsWith(revoke(a.RefreshToken!, cid, "x".repeat(51)), "UnauthorizedException", `Unable to verify secret for client ${cid}`);
    assert.equal((await getUser(s.client, a.AccessToken!)).Username, "rita");
    await revoke(a.RefreshToken!, cid, secret);
    await rejectsWith(getUser(s.client, a.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
  });

  test("a client with EnableTokenRevocation false refuses; an unknown client is ResourceNotFoundException", async () => {
    const { clientId: cid } = await createClient(s, poolId, { EnableTokenRevocation: false });
    const a = await passwordSignIn(s.client, cid, "rita");
    await rejectsWith(revoke(a.RefreshToken!, cid), "UnsupportedOperationException", "Token revocation is not enabled for this app client.");
    assert.equal((await getUser(s.client, a.AccessToken!)).Username, "rita");
    // Turned on later, it works.
    await s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: cid, ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], EnableTokenRevocation: true }));
    await revoke(a.RefreshToken!, cid);
    await rejectsWith(getUser(s.client, a.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(revoke(a.RefreshToken!, "nosuchclient"), "ResourceNotFoundException", "User pool client nosuchclient does not exist.");
  });
});
