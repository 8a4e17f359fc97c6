/**
 * The seed file's checks (src/seed/file.ts), error by error: the model's constraints on Cognito's request shapes,
 * with the JSON path in front; Cognito's id shapes; names unique in the file. Pure: no store.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseSeed, SeedError } from "../../src/seed/file.js";

const pool = (extra: Record<string, unknown> = {}) => ({ Id: "us-east-1_localpool", PoolName: "local", ...extra });
const file = (...pools: unknown[]) => JSON.stringify({ UserPools: pools });

function refuses(text: string, message: string | RegExp) {
  assert.throws(() => parseSeed(text), (e: unknown) => {
    assert.ok(e instanceof SeedError, String(e));
    if (typeof message === "string") assert.equal(e.message, message);
    else assert.match(e.message, message);
    assert.doesNotMatch(e.message, /\n/, "one line");
    return true;
  });
}

test("a valid file passes, and null members are absent", () => {
  const seed = parseSeed(file(pool({ Clients: [{ ClientId: "web", ClientName: "web", ClientSecret: null }], Users: [{ Username: "alice", Groups: [] }] })));
  assert.deepEqual(seed.UserPools[0].Clients, [{ ClientId: "web", ClientName: "web" }]);
});

test("the model's constraints, each with its JSON path", () => {
  refuses(file(pool({ Clients: [{ ClientId: "a", ClientName: "a" }, { ClientId: "b", ClientName: "b", ExplicitAuthFlows: ["ALLOW_NOPE"] }] })),
    /^UserPools\[0\]\.Clients\[1\]\.ExplicitAuthFlows\[0\]: Value 'ALLOW_NOPE' failed to satisfy constraint: Member must satisfy enum value set: \[ADMIN_NO_SRP_AUTH, .*\]$/);
  refuses(file(pool({ PoolName: undefined })), "UserPools[0].PoolName: Value null failed to satisfy constraint: Member must not be null");
  refuses(file(pool({ Clients: [{ ClientName: "web" }] })), "UserPools[0].Clients[0].ClientId: Value null failed to satisfy constraint: Member must not be null");
  refuses(file(pool({ Clients: [{ ClientId: "not ok", ClientName: "web" }] })),
    "UserPools[0].Clients[0].ClientId: Value failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+");
  refuses(file(pool({ Clients: [{ ClientId: "x".repeat(129), ClientName: "web" }] })),
    "UserPools[0].Clients[0].ClientId: Value failed to satisfy constraint: Member must have length less than or equal to 128");
  refuses(file(pool({ Clients: [{ ClientId: "web", ClientName: "web", ClientSecret: "short" }] })),
    "UserPools[0].Clients[0].ClientSecret: Value failed to satisfy constraint: Member must have length greater than or equal to 24");
  refuses(file(pool({ Clients: [{ ClientId: "web", ClientName: "web", AccessTokenValidity: 0 }] })),
    "UserPools[0].Clients[0].AccessTokenValidity: Value '0' failed to satisfy constraint: Member must have value greater than or equal to 1");
  refuses(file(pool({ Groups: [{ GroupName: "g", Precedence: -1 }] })),
    "UserPools[0].Groups[0].Precedence: Value '-1' failed to satisfy constraint: Member must have value greater than or equal to 0");
  refuses(file(pool({ Users: [{ Username: "a", Status: "ARCHIVED" }] })),
    "UserPools[0].Users[0].Status: Value 'ARCHIVED' failed to satisfy constraint: Member must satisfy enum value set: [CONFIRMED, UNCONFIRMED, FORCE_CHANGE_PASSWORD, RESET_REQUIRED]");
  refuses(file(pool({ Users: [{ Username: "a", Password: "has space" }] })),
    "UserPools[0].Users[0].Password: Value failed to satisfy constraint: Member must satisfy regular expression pattern: [\\S]+");
  refuses(file(pool({ Users: [{ Username: "a", Attributes: [{ Value: "x" }] }] })),
    "UserPools[0].Users[0].Attributes[0].Name: Value null failed to satisfy constraint: Member must not be null");
  refuses(file(pool({ Policies: { PasswordPolicy: { MinimumLength: 3 } } })),
    "UserPools[0].Policies.PasswordPolicy.MinimumLength: Value '3' failed to satisfy constraint: Member must have value greater than or equal to 6");
  refuses(file(pool({ AutoVerifiedAttributes: ["email"], MfaConfiguration: "SOMETIMES" }), pool({ Id: "us-east-1_two", PoolName: "" })),
    /^UserPools\[0\]\.MfaConfiguration: Value 'SOMETIMES' failed to satisfy constraint: Member must satisfy enum value set: \[OFF, ON, OPTIONAL\] \(and 2 more\)$/);
});

test("wrong JSON types, unknown members, and what is not JSON", () => {
  refuses(file(pool({ Clients: {} })), "UserPools[0].Clients: expected a list (JSON array), got an object");
  refuses(file(pool({ Users: [{ Username: 7 }] })), "UserPools[0].Users[0].Username: expected a string, got a number");
  refuses(JSON.stringify({ UserPools: {} }), "UserPools: expected a list (JSON array), got an object");
  refuses(file(pool({ Clientz: [] })), "UserPools[0].Clientz: unknown member (a pool has CreateUserPool's members and Id, Clients, Groups, Users)");
  refuses(file(pool({ Clients: [{ ClientId: "w", ClientName: "w", UserPoolId: "us-east-1_x" }] })),
    "UserPools[0].Clients[0].UserPoolId: unknown member (a client has CreateUserPoolClient's members but UserPoolId, and ClientId)");
  refuses(file(pool({ Users: [{ Username: "a", Pasword: "x" }] })), "UserPools[0].Users[0].Pasword: unknown member (a user has Username, Password, Attributes, Status, Groups)");
  refuses(JSON.stringify({ Pools: [] }), "Pools: unknown member (the file has UserPools) (and 1 more)");
  refuses("{", /^not JSON \(/);
  refuses("[]", 'expected a JSON object {"UserPools": [...]}');
});

test("Cognito's id shapes, and names unique in the file", () => {
  refuses(file(pool({ Id: "local" })), "UserPools[0].Id: Value 'local' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+");
  refuses(file(pool({ Id: "local_pool" })), "UserPools[0].Id: local_pool is not a Cognito pool id: <region>_<letters and digits>, e.g. us-east-1_localpool");
  refuses(file(pool({ Id: "us-east-1_local_pool" })), /^UserPools\[0\]\.Id: us-east-1_local_pool is not a Cognito pool id/);
  refuses(file(pool(), pool()), "UserPools[1].Id: us-east-1_localpool is also UserPools[0]'s id");
  refuses(file(pool({ Clients: [{ ClientId: "web", ClientName: "a" }] }), pool({ Id: "us-east-1_two", Clients: [{ ClientId: "web", ClientName: "b" }] })),
    "UserPools[1].Clients[0].ClientId: the same client id as UserPools[0].Clients[0]");
  refuses(file(pool({ Groups: [{ GroupName: "g" }, { GroupName: "g" }] })), "UserPools[0].Groups[1].GroupName: g is named twice in this pool");
  refuses(file(pool({ Users: [{ Username: "a" }, { Username: "a" }] })), "UserPools[0].Users[1].Username: the same username as an earlier user of this pool");
  refuses(file(pool({ Groups: [{ GroupName: "admins" }], Users: [{ Username: "a", Groups: ["admins", "staff"] }] })),
    "UserPools[0].Users[0].Groups[1]: staff is not one of this pool's Groups");
  refuses(file(pool({ Clients: [{ ClientId: "w", ClientName: "w", ClientSecret: "s".repeat(30), GenerateSecret: false }] })),
    "UserPools[0].Clients[0].GenerateSecret: false, but the client has a ClientSecret");
});
