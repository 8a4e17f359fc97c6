// test-stores: sqlite, postgres
/** AdminUserGlobalSignOut: an administrator ends every sign-in of a user (by username or alias). */
import { AdminUserGlobalSignOutCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("AdminUserGlobalSignOut", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await confirmedUser(s, poolId, clientId, "ada");
    await confirmedUser(s, poolId, clientId, "bea");
  });
  after(() => s.close());

  test("revokes the user's tokens and no one else's", async () => {
    const a = await passwordSignIn(s.client, clientId, "ada");
    const b = await passwordSignIn(s.client, clientId, "bea");
    await s.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: "ada" }));
    await rejectsWith(getUser(s.client, a.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(refreshAuth(s.client, clientId, a.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
    assert.equal((await getUser(s.client, b.AccessToken!)).Username, "bea");
  });

  test("an unknown user or pool", async () => {
    await rejectsWith(s.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: "nobody" })), "UserNotFoundException", "User does not exist.");
    await rejectsWith(s.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: "us-east-1_nope12345", Username: "ada" })),
      "ResourceNotFoundException", "User pool us-east-1_nope12345 does not exist.");
  });
});
