// test-stores: sqlite, postgres
/** DeleteUser: the signed-in user deletes themself; their tokens die with them, even if the name is taken again. */
import { AdminDeleteUserCommand, AdminGetUserCommand, DeleteUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("DeleteUser", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
  });
  after(() => s.close());

  test("deletes the user; the old tokens are refused, also for a new user of the same name", async () => {
    await confirmedUser(s, poolId, clientId, "dan");
    const t = await passwordSignIn(s.client, clientId, "dan");
    const other = await passwordSignIn(s.client, clientId, "dan");
    await s.client.send(new DeleteUserCommand({ AccessToken: t.AccessToken! }));
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "dan" })), "UserNotFoundException", "User does not exist.");
    await rejectsWith(passwordSignIn(s.client, clientId, "dan"), "UserNotFoundException", "User does not exist.");
    await confirmedUser(s, poolId, clientId, "dan");
    for (const x of [t, other]) {
      await rejectsWith(getUser(s.client, x.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
      await rejectsWith(refreshAuth(s.client, clientId, x.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
    }
    await rejectsWith(s.client.send(new DeleteUserCommand({ AccessToken: t.AccessToken! })), "NotAuthorizedException", "Access Token has been revoked");
    // The new dan signs in as himself.
    assert.equal((await getUser(s.client, (await passwordSignIn(s.client, clientId, "dan")).AccessToken!)).Username, "dan");
  });

  test("AdminDeleteUser also takes the user's tokens with them", async () => {
    await confirmedUser(s, poolId, clientId, "ann");
    const t = await passwordSignIn(s.client, clientId, "ann");
    await s.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "ann" }));
    await confirmedUser(s, poolId, clientId, "ann");
    await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
  });

  test("an invalid access token", async () => {
    await rejectsWith(s.client.send(new DeleteUserCommand({ AccessToken: "not-a-token" })), "NotAuthorizedException", "Invalid Access Token");
  });
});
