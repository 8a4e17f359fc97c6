// test-stores: sqlite, postgres
/**
 * Groups through the real SDK: CreateGroup, GetGroup, UpdateGroup, DeleteGroup, ListGroups, AdminAddUserToGroup,
 * AdminRemoveUserFromGroup, AdminListGroupsForUser and ListUsersInGroup, with Cognito's errors and pagination;
 * memberships removed with their user, group or pool; and the group claims of tokens, verified with aws-jwt-verify.
 */
import {
  AdminAddUserToGroupCommand, AdminConfirmSignUpCommand, AdminDeleteUserCommand, AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand, CreateGroupCommand, DeleteGroupCommand, DeleteUserPoolCommand, GetGroupCommand,
  InitiateAuthCommand, ListGroupsCommand, ListUsersInGroupCommand, UpdateGroupCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { JwtRsaVerifier } from "aws-jwt-verify";
import type { Fetcher } from "aws-jwt-verify/https";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const ROLE_ADMIN = "arn:aws:iam::123456789012:role/admin";
const ROLE_EDITOR = "arn:aws:iam::123456789012:role/editor";
const ROLE_OTHER = "arn:aws:iam::123456789012:role/other";
const NOT_FOUND = "Group not found.";

describe("groups", () => {
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  const subs: Record<string, string> = {};
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s, { AliasAttributes: ["email"] });
    ({ clientId } = await createClient(s, poolId));
    for (const u of ["amy", "bob", "cat", "dan"]) {
      subs[u] = (await signUp(s, clientId, u, { email: `${u}@example.com` })).UserSub!;
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: u }));
    }
  });
  after(() => s.close());

  const send = <T>(c: { input: T }) => s.client.send(c as any) as Promise<any>;
  const create = (GroupName: string, extra: Record<string, unknown> = {}) => send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, ...extra }));
  const add = (Username: string, GroupName: string) => send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }));
  const groupsOf = async (Username: string) =>
    ((await send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username }))).Groups as any[]).map((g) => g.GroupName);
  const membersOf = async (GroupName: string) =>
    ((await send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName }))).Users as any[]).map((u) => u.Username);

  test("CreateGroup answers the group; GetGroup reads it back; a second of the same name is GroupExistsException", async () => {
    const before = Math.floor(Date.now() / 1000);
    const out = await create("readers", { Description: "can read", RoleArn: ROLE_EDITOR, Precedence: 7 });
    const g = out.Group;
    assert.deepEqual({ ...g, CreationDate: undefined, LastModifiedDate: undefined }, {
      GroupName: "readers", UserPoolId: poolId, Description: "can read", RoleArn: ROLE_EDITOR, Precedence: 7,
      CreationDate: undefined, LastModifiedDate: undefined,
    });
    assert.ok(g.CreationDate instanceof Date && g.CreationDate.getTime() / 1000 >= before - 1);
    assert.deepEqual(g.LastModifiedDate, g.CreationDate);
    assert.deepEqual((await send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "readers" }))).Group, g);

    const bare = (await create("bare")).Group;
    assert.deepEqual(Object.keys(bare).sort(), ["CreationDate", "GroupName", "LastModifiedDate", "UserPoolId"], "unset members are left out");
    await rejectsWith(create("readers", { Description: "again" }), "GroupExistsException", "A group with the name already exists.");
    const odd = "NUL \u0000, a lone surrogate \ud800, emoji 😀, quotes \" '";
    assert.equal((await create("odd-text", { Description: odd })).Group.Description, odd);
    assert.equal((await send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "odd-text" }))).Group.Description, odd, "any description survives the store");
    assert.equal((await send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "readers" }))).Group.Description, "can read");
  });

  test("UpdateGroup sets the members it is given and keeps the others; LastModifiedDate moves", async () => {
    const created = (await create("writers", { Description: "can write", RoleArn: ROLE_EDITOR, Precedence: 3 })).Group;
    s.clock.advance(5_000);
    const out = (await send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: "writers", Precedence: 1 }))).Group;
    assert.equal(out.Precedence, 1);
    assert.equal(out.Description, "can write");
    assert.equal(out.RoleArn, ROLE_EDITOR);
    assert.deepEqual(out.CreationDate, created.CreationDate);
    assert.ok(out.LastModifiedDate.getTime() >= created.LastModifiedDate.getTime() + 5_000);
    const again = (await send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: "writers", Description: "new", RoleArn: ROLE_OTHER }))).Group;
    assert.deepEqual([again.Description, again.RoleArn, again.Precedence], ["new", ROLE_OTHER, 1]);
    assert.deepEqual((await send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "writers" }))).Group, again);
  });

  test("an unknown group is ResourceNotFoundException 'Group not found.' for every operation that names one", async () => {
    const G = { UserPoolId: poolId, GroupName: "ghosts" };
    await rejectsWith(send(new GetGroupCommand(G)), "ResourceNotFoundException", NOT_FOUND);
    await rejectsWith(send(new UpdateGroupCommand({ ...G, Precedence: 1 })), "ResourceNotFoundException", NOT_FOUND);
    await rejectsWith(send(new DeleteGroupCommand(G)), "ResourceNotFoundException", NOT_FOUND);
    await rejectsWith(send(new ListUsersInGroupCommand(G)), "ResourceNotFoundException", NOT_FOUND);
    await rejectsWith(send(new AdminAddUserToGroupCommand({ ...G, Username: "amy" })), "ResourceNotFoundException", NOT_FOUND);
    await rejectsWith(send(new AdminRemoveUserFromGroupCommand({ ...G, Username: "amy" })), "ResourceNotFoundException", NOT_FOUND);
  });

  test("an unknown pool is ResourceNotFoundException naming it; an unknown user is UserNotFoundException", async () => {
    const other = "us-east-1_NoSuchPool";
    const msg = `User pool ${other} does not exist.`;
    await rejectsWith(send(new CreateGroupCommand({ UserPoolId: other, GroupName: "g" })), "ResourceNotFoundException", msg);
    await rejectsWith(send(new GetGroupCommand({ UserPoolId: other, GroupName: "g" })), "ResourceNotFoundException", msg);
    await rejectsWith(send(new ListGroupsCommand({ UserPoolId: other })), "ResourceNotFoundException", msg);
    await rejectsWith(send(new AdminListGroupsForUserCommand({ UserPoolId: other, Username: "amy" })), "ResourceNotFoundException", msg);
    await create("users-only");
    await rejectsWith(add("nobody", "users-only"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "nobody", GroupName: "users-only" })),
      "UserNotFoundException", "User does not exist.");
    await rejectsWith(send(new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: "nobody" })), "UserNotFoundException", "User does not exist.");
  });

  test("bad input is the model's InvalidParameterException, never a 500", async () => {
    await rejectsWith(create("bad-role", { RoleArn: "not-an-arn-of-any-kind" }), "InvalidParameterException", /roleArn/);
    await rejectsWith(create("bad-precedence", { Precedence: -1 }), "InvalidParameterException", /precedence/);
    await rejectsWith(create("has space"), "InvalidParameterException", /groupName/);
    await rejectsWith(create("x".repeat(129)), "InvalidParameterException", /groupName/);
    await rejectsWith(create("long-description", { Description: "d".repeat(2049) }), "InvalidParameterException", /description/);
    await rejectsWith(send(new ListGroupsCommand({ UserPoolId: poolId, Limit: 61 })), "InvalidParameterException", /limit/);
    await rejectsWith(send(new ListGroupsCommand({ UserPoolId: poolId, NextToken: "not-one-of-ours" })), "InvalidParameterException", "Invalid pagination token.");
    await rejectsWith(send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "readers", NextToken: "@@" })), "InvalidParameterException", "Invalid pagination token.");
  });

  test("members: added by username or sub (an unverified alias names no one), once; listed both ways; removed (a non-member's removal changes nothing)", async () => {
    await create("team");
    await add("amy", "team");
    // AliasAttributes: an email is an alias only once verified, so cat's is no name for cat yet; cat's sub is.
    await rejectsWith(add("cat@example.com", "team"), "UserNotFoundException", "User does not exist.");
    await add(subs.cat, "team");
    await add("amy", "team");
    assert.deepEqual(await membersOf("team"), ["amy", "cat"]);
    const users = (await send(new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: "team" }))).Users;
    assert.equal(users[0].UserStatus, "CONFIRMED");
    assert.equal(users[0].Enabled, true);
    assert.equal(users[0].Attributes.find((a: any) => a.Name === "sub").Value, subs.amy);
    assert.deepEqual(await groupsOf("amy"), ["team"]);
    assert.deepEqual(await groupsOf(subs.cat), ["team"]);
    await send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "amy", GroupName: "team" }));
    await send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "amy", GroupName: "team" }));
    await send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "dan", GroupName: "team" }));
    assert.deepEqual(await membersOf("team"), ["cat"]);
    assert.deepEqual(await groupsOf("amy"), []);
  });

  test("ListGroups, AdminListGroupsForUser and ListUsersInGroup page with Limit and an opaque NextToken", async () => {
    const pool = await createPool(s);
    const names = ["g-e", "g-a", "g-d", "g-b", "g-c"];
    for (const n of names) await send(new CreateGroupCommand({ UserPoolId: pool, GroupName: n }));
    const { clientId: c } = await createClient(s, pool);
    for (const u of ["u3", "u1", "u2"]) await signUp(s, c, u, { email: `${u}@example.com` });
    for (const n of names) await send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: "u1", GroupName: n }));
    for (const u of ["u3", "u1", "u2"]) await send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: u, GroupName: "g-a" }));

    async function all(make: (token?: string) => any, key: string, item: (x: any) => string) {
      const pages: string[][] = [];
      let token: string | undefined;
      do {
        const out = await send(make(token));
        pages.push(out[key].map(item));
        if (out.NextToken) assert.ok(![...names, "u1", "u2", "u3"].some((n) => out.NextToken.includes(n)), "the token is opaque");
        token = out.NextToken;
      } while (token);
      return pages;
    }
    const byName = (g: any) => g.GroupName;
    assert.deepEqual(await all((t) => new ListGroupsCommand({ UserPoolId: pool, Limit: 2, NextToken: t }), "Groups", byName),
      [["g-a", "g-b"], ["g-c", "g-d"], ["g-e"]]);
    assert.deepEqual(await all((t) => new ListGroupsCommand({ UserPoolId: pool, NextToken: t }), "Groups", byName),
      [["g-a", "g-b", "g-c", "g-d", "g-e"]], "without Limit, up to 60 a page");
    assert.deepEqual(await all((t) => new ListGroupsCommand({ UserPoolId: pool, Limit: 0, NextToken: t }), "Groups", byName),
      [["g-a", "g-b", "g-c", "g-d", "g-e"]], "Limit 0 pages as if absent");
    assert.deepEqual(await all((t) => new AdminListGroupsForUserCommand({ UserPoolId: pool, Username: "u1", Limit: 3, NextToken: t }), "Groups", byName),
      [["g-a", "g-b", "g-c"], ["g-d", "g-e"]]);
    assert.deepEqual(await all((t) => new ListUsersInGroupCommand({ UserPoolId: pool, GroupName: "g-a", Limit: 2, NextToken: t }), "Users", (u) => u.Username),
      [["u1", "u2"], ["u3"]]);
    assert.deepEqual(await all((t) => new AdminListGroupsForUserCommand({ UserPoolId: pool, Username: "u2", NextToken: t }), "Groups", byName), [["g-a"]]);
    assert.deepEqual(await all((t) => new ListUsersInGroupCommand({ UserPoolId: pool, GroupName: "g-b", NextToken: t }), "Users", (u) => u.Username), [["u1"]]);
    assert.deepEqual((await send(new ListGroupsCommand({ UserPoolId: await createPool(s) }))).Groups, [], "a pool without groups");
  });

  test("AdminDeleteUser and DeleteGroup remove memberships; a new user or group of the same name starts with none", async () => {
    await create("club");
    await create("society");
    await add("dan", "club");
    await add("dan", "society");
    await add("bob", "club");
    await send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: "dan" }));
    assert.deepEqual(await membersOf("club"), ["bob"]);
    await signUp(s, clientId, "dan", { email: "dan@example.com" });
    assert.deepEqual(await groupsOf("dan"), []);
    assert.deepEqual(await membersOf("society"), []);

    await send(new DeleteGroupCommand({ UserPoolId: poolId, GroupName: "club" }));
    await rejectsWith(send(new GetGroupCommand({ UserPoolId: poolId, GroupName: "club" })), "ResourceNotFoundException", NOT_FOUND);
    assert.equal((await groupsOf("bob")).includes("club"), false);
    await create("club");
    assert.deepEqual(await membersOf("club"), []);
    assert.equal(((await send(new ListGroupsCommand({ UserPoolId: poolId }))).Groups as any[]).filter((g) => g.GroupName === "club").length, 1);
  });

  test("DeleteUserPool removes the pool's groups and memberships with it", async () => {
    const pool = await createPool(s);
    const { clientId: c } = await createClient(s, pool);
    await signUp(s, c, "zed", { email: "zed@example.com" });
    await send(new CreateGroupCommand({ UserPoolId: pool, GroupName: "g" }));
    await send(new AdminAddUserToGroupCommand({ UserPoolId: pool, Username: "zed", GroupName: "g" }));
    await send(new DeleteUserPoolCommand({ UserPoolId: pool }));
    await rejectsWith(send(new GetGroupCommand({ UserPoolId: pool, GroupName: "g" })), "ResourceNotFoundException", `User pool ${pool} does not exist.`);
    const rows = await s.server.deps.store.groupsOfUser(pool, "zed");
    assert.deepEqual(rows, []);
    assert.equal(await s.server.deps.store.getGroup(pool, "g"), undefined);
  });
});

/** aws-jwt-verify fetches only over https; the emulator serves http, so it gets this fetcher. */
const httpFetcher: Fetcher = {
  async fetch(uri: string) {
    const res = await fetch(uri);
    if (!res.ok) throw new Error(`${uri}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

describe("groups in tokens, verified with aws-jwt-verify", () => {
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  let verifyId: (t: string) => Promise<Record<string, unknown>>;
  let verifyAccess: (t: string) => Promise<Record<string, unknown>>;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    const common = { issuer: `${s.url}/${poolId}`, jwksUri: `${s.url}/${poolId}/.well-known/jwks.json` };
    const jwksCache = new SimpleJwksCache({ fetcher: httpFetcher });
    const id = JwtRsaVerifier.create({ ...common, audience: clientId, customJwtCheck: ({ payload }) => assert.equal(payload.token_use, "id") }, { jwksCache });
    const access = JwtRsaVerifier.create({ ...common, audience: null, customJwtCheck: ({ payload }) => {
      assert.equal(payload.token_use, "access");
      assert.equal(payload.client_id, clientId);
    } }, { jwksCache });
    verifyId = (t) => id.verify(t) as Promise<Record<string, unknown>>;
    verifyAccess = (t) => access.verify(t) as Promise<Record<string, unknown>>;
    for (const u of ["ann", "ben", "cy", "di"]) {
      await signUp(s, clientId, u, { email: `${u}@example.com` });
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: u }));
    }
    const groups: [string, number | undefined, string | undefined][] = [
      ["viewers", undefined, undefined], ["admins", 0, ROLE_ADMIN], ["editors", 5, ROLE_EDITOR], ["staff", 5, undefined],
      ["auditors", undefined, ROLE_OTHER], ["owners", 5, ROLE_OTHER], ["editors-too", 5, ROLE_EDITOR],
    ];
    for (const [GroupName, Precedence, RoleArn] of groups) await s.client.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName, Precedence, RoleArn }));
  });
  after(() => s.close());

  const add = (Username: string, ...names: string[]) =>
    Promise.all(names.map((GroupName) => s.client.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username, GroupName }))));
  async function signIn(username: string) {
    const out = await s.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD },
    }));
    const r = out.AuthenticationResult!;
    return { id: await verifyId(r.IdToken!), access: await verifyAccess(r.AccessToken!), refresh: r.RefreshToken! };
  }

  test("a user in no group gets no group claims", async () => {
    const { id, access } = await signIn("di");
    for (const claim of ["cognito:groups", "cognito:roles", "cognito:preferred_role"]) {
      assert.equal(claim in id, false, claim);
      assert.equal(claim in access, false, claim);
    }
  });

  test("cognito:groups in both tokens by Precedence (none last); roles and the preferred role in the ID token", async () => {
    await add("ann", "viewers", "editors", "admins", "staff", "auditors");
    const { id, access } = await signIn("ann");
    const order = ["admins", "editors", "staff", "auditors", "viewers"];
    assert.deepEqual(id["cognito:groups"], order);
    assert.deepEqual(access["cognito:groups"], order);
    assert.deepEqual(id["cognito:roles"], [ROLE_ADMIN, ROLE_EDITOR, ROLE_OTHER]);
    assert.equal(id["cognito:preferred_role"], ROLE_ADMIN);
    assert.equal("cognito:roles" in access, false);
    assert.equal("cognito:preferred_role" in access, false);
  });

  test("equal Precedence: the same role is preferred; different roles leave cognito:preferred_role out", async () => {
    await add("ben", "editors", "editors-too", "staff");
    const same = await signIn("ben");
    assert.deepEqual(same.id["cognito:groups"], ["editors", "editors-too", "staff"]);
    assert.deepEqual(same.id["cognito:roles"], [ROLE_EDITOR]);
    assert.equal(same.id["cognito:preferred_role"], ROLE_EDITOR);

    await add("cy", "editors", "owners", "viewers");
    const tie = await signIn("cy");
    assert.deepEqual(tie.id["cognito:roles"], [ROLE_EDITOR, ROLE_OTHER]);
    assert.equal("cognito:preferred_role" in tie.id, false);
  });

  test("a refresh carries the groups as they are now", async () => {
    const { refresh } = await signIn("ben");
    await s.client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: poolId, Username: "ben", GroupName: "editors" }));
    await s.client.send(new UpdateGroupCommand({ UserPoolId: poolId, GroupName: "staff", Precedence: 1, RoleArn: ROLE_ADMIN }));
    await add("ben", "viewers");
    const out = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: refresh } }));
    const id = await verifyId(out.AuthenticationResult!.IdToken!);
    const access = await verifyAccess(out.AuthenticationResult!.AccessToken!);
    assert.deepEqual(id["cognito:groups"], ["staff", "editors-too", "viewers"]);
    assert.deepEqual(access["cognito:groups"], ["staff", "editors-too", "viewers"]);
    assert.deepEqual(id["cognito:roles"], [ROLE_ADMIN, ROLE_EDITOR]);
    assert.equal(id["cognito:preferred_role"], ROLE_ADMIN);
  });
});
