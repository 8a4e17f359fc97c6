// test-stores: sqlite, postgres
/**
 * CreateResourceServer, DescribeResourceServer, ListResourceServers, UpdateResourceServer and DeleteResourceServer
 * through the SDK, with Cognito's errors and limits.
 */
import {
  CreateResourceServerCommand, DeleteResourceServerCommand, DescribeResourceServerCommand, ListResourceServersCommand,
  UpdateResourceServerCommand, paginateListResourceServers,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createPool, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let s: TestServer;
let poolId: string;

before(async () => {
  s = await startTestServer();
  poolId = await createPool(s);
});
after(() => s.close());

const scopes = [{ ScopeName: "weather.read", ScopeDescription: "Read weather forecasts" }, { ScopeName: "weather.update", ScopeDescription: "Update weather forecasts" }];

test("a resource server is created and described with its scopes; its identifier is unique in the pool", async () => {
  const out = await s.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "https://weather.example.com", Name: "Weather", Scopes: scopes }));
  const want = { UserPoolId: poolId, Identifier: "https://weather.example.com", Name: "Weather", Scopes: scopes };
  assert.deepEqual(out.ResourceServer, want);
  const got = await s.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "https://weather.example.com" }));
  assert.deepEqual(got.ResourceServer, want);
  await rejectsWith(s.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "https://weather.example.com", Name: "Again" })),
    "InvalidParameterException", `https://weather.example.com already exists in ${poolId}`);
  const none = await s.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "no-scopes", Name: "Bare" }));
  assert.deepEqual(none.ResourceServer!.Scopes, []);
});

test("bad input: duplicate scope names, off-pattern scope names, an unknown pool or resource server", async () => {
  await rejectsWith(s.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "dup", Name: "Dup", Scopes: [scopes[0], { ...scopes[0], ScopeDescription: "again" }] })),
    "InvalidParameterException", "Duplicate scope name: weather.read");
  await rejectsWith(s.client.send(new CreateResourceServerCommand({ UserPoolId: poolId, Identifier: "slash", Name: "Slash", Scopes: [{ ScopeName: "a/b", ScopeDescription: "d" }] })),
    "InvalidParameterException", /^1 validation error detected: Value 'a\/b' at 'scopes\.1\.member\.scopeName' failed to satisfy constraint: Member must satisfy regular expression pattern/);
  await rejectsWith(s.client.send(new CreateResourceServerCommand({ UserPoolId: "us-east-1_nosuchpool", Identifier: "x", Name: "X" })),
    "ResourceNotFoundException", "User pool us-east-1_nosuchpool does not exist.");
  await rejectsWith(s.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "nope" })),
    "ResourceNotFoundException", `Resource server nope does not exist in user pool ${poolId}.`);
  await rejectsWith(s.client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "nope", Name: "N" })),
    "ResourceNotFoundException", `Resource server nope does not exist in user pool ${poolId}.`);
  await rejectsWith(s.client.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "nope" })),
    "ResourceNotFoundException", `Resource server nope does not exist in user pool ${poolId}.`);
});

test("update replaces the name and the scopes (omitted scopes: none); delete removes it", async () => {
  const up = await s.client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "no-scopes", Name: "Now scoped", Scopes: [scopes[1]] }));
  assert.deepEqual(up.ResourceServer, { UserPoolId: poolId, Identifier: "no-scopes", Name: "Now scoped", Scopes: [scopes[1]] });
  const cleared = await s.client.send(new UpdateResourceServerCommand({ UserPoolId: poolId, Identifier: "no-scopes", Name: "Cleared" }));
  assert.deepEqual(cleared.ResourceServer!.Scopes, []);
  await s.client.send(new DeleteResourceServerCommand({ UserPoolId: poolId, Identifier: "no-scopes" }));
  await rejectsWith(s.client.send(new DescribeResourceServerCommand({ UserPoolId: poolId, Identifier: "no-scopes" })), "ResourceNotFoundException");
});

test("list pages by identifier (MaxResults, NextToken, the SDK's paginator); 25 per pool at most", async () => {
  const p = await createPool(s);
  for (let i = 0; i < 25; i++) {
    await s.client.send(new CreateResourceServerCommand({ UserPoolId: p, Identifier: `api-${String(i).padStart(2, "0")}`, Name: `API ${i}` }));
  }
  await rejectsWith(s.client.send(new CreateResourceServerCommand({ UserPoolId: p, Identifier: "api-25", Name: "One too many" })),
    "LimitExceededException", "A user pool can have at most 25 resource servers.");
  const first = await s.client.send(new ListResourceServersCommand({ UserPoolId: p, MaxResults: 10 }));
  assert.deepEqual(first.ResourceServers!.map((r) => r.Identifier), Array.from({ length: 10 }, (_, i) => `api-${String(i).padStart(2, "0")}`));
  assert.ok(first.NextToken);
  const ids: string[] = [];
  for await (const page of paginateListResourceServers({ client: s.client, pageSize: 7 }, { UserPoolId: p })) {
    ids.push(...page.ResourceServers!.map((r) => r.Identifier!));
  }
  assert.equal(ids.length, 25);
  assert.deepEqual(ids, [...ids].sort());
  const all = await s.client.send(new ListResourceServersCommand({ UserPoolId: p, MaxResults: 50 }));
  assert.equal(all.ResourceServers!.length, 25);
  assert.equal(all.NextToken, undefined);
  await rejectsWith(s.client.send(new ListResourceServersCommand({ UserPoolId: p, MaxResults: 5, NextToken: "not-a-token!" })), "InvalidParameterException", "Invalid pagination token.");
});
