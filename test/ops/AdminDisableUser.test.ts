// test-stores: sqlite, postgres
/**
 * AdminDisableUser / AdminEnableUser: a disabled user cannot sign in or refresh ("User is disabled."), their tokens
 * are revoked, AdminGetUser and ListUsers show `Enabled: false`; enabled again, they sign in again.
 */
import {
  AdminDisableUserCommand, AdminEnableUserCommand, AdminGetUserCommand, ListUsersCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PASSWORD, rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("AdminDisableUser and AdminEnableUser", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await confirmedUser(s, poolId, clientId, "dora");
    await confirmedUser(s, poolId, clientId, "eve");
  });
  after(() => s.close());
  const enabled = async (Username: string) => (await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username }))).Enabled;

  test("disabling revokes the user's tokens and refuses sign-in and refresh; enabling lets them sign in again", async () => {
    const t = await passwordSignIn(s.client, clientId, "dora");
    assert.equal(await enabled("dora"), true);
    await s.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "dora" }));
    assert.equal(await enabled("dora"), false);
    await rejectsWith(passwordSignIn(s.client, clientId, "dora"), "NotAuthorizedException", "User is disabled.");
    // A wrong password still reads as a wrong password.
    await rejectsWith(passwordSignIn(s.client, clientId, "dora", "Wrong0ne!"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(refreshAuth(s.client, clientId, t.RefreshToken!), "NotAuthorizedException", "User is disabled.");
    await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    // Someone else is untouched.
    assert.equal(await enabled("eve"), true);
    assert.ok(await passwordSignIn(s.client, clientId, "eve"));

    await s.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "dora" }));
    assert.equal(await enabled("dora"), true);
    const again = await passwordSignIn(s.client, clientId, "dora", PASSWORD);
    assert.equal((await getUser(s.client, again.AccessToken!)).Username, "dora");
    // Tokens revoked by the disabling stay revoked.
    await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(refreshAuth(s.client, clientId, t.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
  });

  test("ListUsers shows Enabled, and its status filter finds the disabled user", async () => {
    await s.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "eve" }));
    const all = await s.client.send(new ListUsersCommand({ UserPoolId: poolId }));
    assert.deepEqual(Object.fromEntries(all.Users!.map((u) => [u.Username, u.Enabled])), { dora: true, eve: false });
    const off = await s.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'status = "Disabled"' }));
    assert.deepEqual(off.Users!.map((u) => u.Username), ["eve"]);
    await s.client.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: "eve" }));
  });

  test("unknown users and pools", async () => {
    for (const C of [AdminDisableUserCommand, AdminEnableUserCommand]) {
      await rejectsWith(s.client.send(new C({ UserPoolId: poolId, Username: "nobody" })), "UserNotFoundException", "User does not exist.");
      await rejectsWith(s.client.send(new C({ UserPoolId: "us-east-1_nope12345", Username: "dora" })), "ResourceNotFoundException", "User pool us-east-1_nope12345 does not exist.");
    }
  });
});
