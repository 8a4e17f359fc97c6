// test-stores: sqlite, postgres
import { AdminConfirmSignUpCommand, AdminDeleteUserCommand, AdminGetUserCommand, ListUsersCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("AdminGetUser, ListUsers, AdminConfirmSignUp, AdminDeleteUser", () => {
  let s: TestServer;
  let poolId: string;
  let subs: Record<string, string>;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    subs = {};
    for (const [u, email, phone] of [["amy", "amy@example.com", "+15550000001"], ["andy", "andy@example.org", "+15550000002"], ["zoe", "zoe@example.com", "+15550000003"]]) {
      subs[u] = (await signUp(s, clientId, u, { email, phone_number: phone })).UserSub!;
    }
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "zoe" }));
  });
  after(() => s.close());
  const names = async (Filter?: string, extra: Record<string, unknown> = {}) =>
    (await s.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter, ...extra }))).Users!.map((u) => u.Username).sort();

  test("AdminGetUser by username or sub; unknown is UserNotFoundException", async () => {
    const a = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: subs.amy }));
    assert.equal(a.Username, "amy");
    assert.ok(a.UserCreateDate instanceof Date);
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "nope" })), "UserNotFoundException", "User does not exist.");
  });

  test("ListUsers filters with = and ^= on username, email, phone_number, sub and status", async () => {
    assert.deepEqual(await names(), ["amy", "andy", "zoe"]);
    assert.deepEqual(await names('username = "amy"'), ["amy"]);
    assert.deepEqual(await names('username ^= "a"'), ["amy", "andy"]);
    assert.deepEqual(await names('email ^= "andy@"'), ["andy"]);
    assert.deepEqual(await names('phone_number = "+15550000003"'), ["zoe"]);
    assert.deepEqual(await names(`sub = "${subs.andy}"`), ["andy"]);
    assert.deepEqual(await names('cognito:user_status = "CONFIRMED"'), ["zoe"]);
    assert.deepEqual(await names('status = "Enabled"'), ["amy", "andy", "zoe"]);
    assert.deepEqual(await names('username = "A"'), [], "matching is exact");
    await rejectsWith(s.client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: "username is amy" })), "InvalidParameterException", "Error while parsing filter.");
  });

  test("ListUsers pages with Limit and PaginationToken and narrows attributes with AttributesToGet", async () => {
    const first = await s.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, AttributesToGet: ["email"] }));
    assert.equal(first.Users!.length, 2);
    assert.deepEqual(first.Users![0].Attributes!.map((a) => a.Name), ["email"]);
    const second = await s.client.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken: first.PaginationToken }));
    assert.deepEqual(second.Users!.map((u) => u.Username), ["zoe"]);
    assert.equal(second.PaginationToken, undefined);
    assert.deepEqual(await names(undefined, { Limit: 0 }), ["amy", "andy", "zoe"], "Limit 0 pages as if absent (it was a 500)");
  });

  test("AdminConfirmSignUp confirms an UNCONFIRMED user only, verifying nothing", async () => {
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "andy" }));
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "andy" }));
    assert.equal(u.UserStatus, "CONFIRMED");
    assert.equal(u.UserAttributes!.find((a) => a.Name === "email_verified"), undefined);
    await rejectsWith(s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "andy" })),
      "NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED");
  });

  test("AdminDeleteUser removes the user", async () => {
    await s.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "amy" }));
    await rejectsWith(s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "amy" })), "UserNotFoundException");
    await rejectsWith(s.client.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "amy" })), "UserNotFoundException", "User does not exist.");
  });
});
