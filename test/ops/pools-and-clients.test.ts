// test-stores: sqlite, postgres
import {
  CreateUserPoolClientCommand, CreateUserPoolCommand, DeleteUserPoolClientCommand, DeleteUserPoolCommand, DescribeUserPoolClientCommand,
  DescribeUserPoolCommand, ListUserPoolClientsCommand, ListUserPoolsCommand, UpdateUserPoolClientCommand, UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("user pools and app clients", () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  test("CreateUserPool answers Cognito-shaped identifiers and defaults; DescribeUserPool agrees", async () => {
    const out = await s.client.send(new CreateUserPoolCommand({ PoolName: "shop", AutoVerifiedAttributes: ["email"], UsernameAttributes: ["email"] }));
    const p = out.UserPool!;
    assert.match(p.Id!, /^us-east-1_[0-9A-Za-z]{9}$/);
    assert.equal(p.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${p.Id}`);
    assert.ok(p.CreationDate instanceof Date && Math.abs(p.CreationDate.getTime() - Date.now()) < 60_000, "epoch seconds on the wire");
    assert.deepEqual(p.Policies?.PasswordPolicy, {
      MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true, TemporaryPasswordValidityDays: 7,
    });
    assert.equal(p.EmailVerificationMessage, "Your verification code is {####}. ");
    assert.equal(p.VerificationMessageTemplate?.DefaultEmailOption, "CONFIRM_WITH_CODE");
    assert.equal(p.MfaConfiguration, "OFF");
    assert.ok(p.SchemaAttributes!.some((a) => a.Name === "email"));
    const d = (await s.client.send(new DescribeUserPoolCommand({ UserPoolId: p.Id }))).UserPool!;
    assert.equal(d.Name, "shop");
    assert.deepEqual(d.UsernameAttributes, ["email"]);
    assert.equal(d.EstimatedNumberOfUsers, 0);
  });

  test("UpdateUserPool replaces settings and resets what it omits; immutable ones stay", async () => {
    const id = await createPool(s, { UsernameAttributes: ["email"], EmailVerificationSubject: "Hello" });
    await s.client.send(new UpdateUserPoolCommand({ UserPoolId: id, AutoVerifiedAttributes: ["phone_number"] }));
    const d = (await s.client.send(new DescribeUserPoolCommand({ UserPoolId: id }))).UserPool!;
    assert.deepEqual(d.AutoVerifiedAttributes, ["phone_number"]);
    assert.equal(d.EmailVerificationSubject, "Your verification code");
    assert.deepEqual(d.UsernameAttributes, ["email"]);
    assert.ok(d.LastModifiedDate!.getTime() >= d.CreationDate!.getTime());
  });

  test("ListUserPools pages with NextToken", async () => {
    for (let i = 0; i < 3; i++) await createPool(s, { PoolName: `page-${i}` });
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const out = await s.client.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: token }));
      assert.ok(out.UserPools!.length <= 2);
      for (const p of out.UserPools!) { assert.ok(!seen.has(p.Id!)); seen.add(p.Id!); }
      token = out.NextToken;
    } while (token);
    assert.ok(seen.size >= 3);
    await rejectsWith(s.client.send(new ListUserPoolsCommand({ MaxResults: 61 })), "InvalidParameterException",
      "1 validation error detected: Value '61' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 60");
  });

  test("an unknown pool is ResourceNotFoundException", async () => {
    await rejectsWith(s.client.send(new DescribeUserPoolCommand({ UserPoolId: "us-east-1_nosuchpoo" })), "ResourceNotFoundException", "User pool us-east-1_nosuchpoo does not exist.");
    await rejectsWith(s.client.send(new CreateUserPoolClientCommand({ UserPoolId: "us-east-1_nosuchpoo", ClientName: "x" })), "ResourceNotFoundException", "User pool us-east-1_nosuchpoo does not exist.");
    await rejectsWith(s.client.send(new DescribeUserPoolCommand({ UserPoolId: "bad id" })), "InvalidParameterException",
      "1 validation error detected: Value 'bad id' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
  });

  test("app clients: 26-character ids, secrets, defaults, update, list, delete", async () => {
    const poolId = await createPool(s);
    const out = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web", GenerateSecret: true }));
    const c = out.UserPoolClient!;
    assert.match(c.ClientId!, /^[a-z0-9]{26}$/);
    assert.match(c.ClientSecret!, /^[a-z0-9]{51}$/);
    assert.deepEqual(c.ExplicitAuthFlows, ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"]);
    assert.equal(c.PreventUserExistenceErrors, "LEGACY");
    assert.equal(c.RefreshTokenValidity, 30);
    const d = (await s.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId }))).UserPoolClient!;
    assert.equal(d.ClientSecret, c.ClientSecret);
    const u = (await s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId, PreventUserExistenceErrors: "ENABLED" }))).UserPoolClient!;
    assert.equal(u.PreventUserExistenceErrors, "ENABLED");
    assert.equal(u.ClientName, "web");
    const { clientId: second } = await createClient(s, poolId);
    const list = await s.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 1 }));
    assert.equal(list.UserPoolClients!.length, 1);
    assert.ok(list.NextToken);
    const rest = await s.client.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, NextToken: list.NextToken }));
    assert.deepEqual(new Set([...list.UserPoolClients!, ...rest.UserPoolClients!].map((x) => x.ClientId)), new Set([c.ClientId, second]));
    await s.client.send(new DeleteUserPoolClientCommand({ UserPoolId: poolId, ClientId: second }));
    await rejectsWith(s.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: second })), "ResourceNotFoundException", `User pool client ${second} does not exist.`);
    const legacyMix = s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "mix", ExplicitAuthFlows: ["USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH"] }));
    await rejectsWith(legacyMix, "InvalidParameterException");
  });

  test("DeleteUserPool removes the pool and its clients; deletion protection refuses", async () => {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await s.client.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await rejectsWith(s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "ResourceNotFoundException");
    await rejectsWith(s.client.send(new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId })), "ResourceNotFoundException");
    const guarded = await createPool(s, { DeletionProtection: "ACTIVE" });
    await rejectsWith(s.client.send(new DeleteUserPoolCommand({ UserPoolId: guarded })), "InvalidParameterException",
      "The user pool cannot be deleted because deletion protection is activated.");
  });
});
