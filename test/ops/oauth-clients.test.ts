// test-stores: sqlite, postgres
/**
 * The OAuth settings of app clients, as CreateUserPoolClient and UpdateUserPoolClient check them: scopes that exist
 * (standard, or a resource server's `<identifier>/<scope>`), flows that go together, client_credentials' secret,
 * callback URLs.
 */
import { CreateResourceServerCommand, CreateUserPoolClientCommand, UpdateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createPool, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let s: TestServer;
let poolId: string;

before(async () => {
  s = await startTestServer();
  poolId = await createPool(s);
  await s.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: "https://api.example.com/v1", Name: "API", Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }],
  }));
});
after(() => s.close());

const create = (extra: Record<string, unknown>) => s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "oauth", ...extra }));
const web = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["code" as const], CallbackURLs: ["https://app.example.com/cb"] };

test("scopes: the standard ones and a resource server's are accepted; any other is ScopeDoesNotExistException", async () => {
  const ok = await create({ ...web, AllowedOAuthScopes: ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin", "https://api.example.com/v1/read"] });
  assert.deepEqual(ok.UserPoolClient!.AllowedOAuthScopes!.length, 6);
  for (const bad of ["Cognito", "https://api.example.com/v1/write", "https://api.example.com/read", "api/read", "https://api.example.com/v1/"]) {
    await rejectsWith(create({ ...web, AllowedOAuthScopes: ["openid", bad] }), "ScopeDoesNotExistException", `Invalid scope requested: ${bad}`);
  }
});

test("flows: both lists when OAuth is on; client_credentials alone, with a secret and custom scopes; callbacks for code and implicit", async () => {
  await rejectsWith(create({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["code"], CallbackURLs: ["https://a.example.com"] }),
    "InvalidParameterException", "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
  await rejectsWith(create({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ["openid"] }),
    "InvalidParameterException", "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
  await rejectsWith(create({ ...web, GenerateSecret: true, AllowedOAuthFlows: ["client_credentials", "code"], AllowedOAuthScopes: ["https://api.example.com/v1/read"] }),
    "InvalidOAuthFlowException", "client_credentials flow can not be selected along with code flow or implicit flow.");
  await rejectsWith(create({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/v1/read"] }),
    "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
  await rejectsWith(create({ AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["openid"] }),
    "InvalidOAuthFlowException", "openid is not supported with client_credentials flow");
  await rejectsWith(create({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["implicit"], AllowedOAuthScopes: ["openid"] }),
    "InvalidOAuthFlowException", "CallbackUrls can not be empty when code flow or implicit flow is selected");
  const m2m = await create({ AllowedOAuthFlowsUserPoolClient: true, GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/v1/read"] });
  assert.deepEqual(m2m.UserPoolClient!.AllowedOAuthFlows, ["client_credentials"]);
  assert.ok(m2m.UserPoolClient!.ClientSecret);
});

test("callback and sign-out URLs: https, or http to the loopback host only; the default redirect is one of the callbacks", async () => {
  for (const url of ["http://localhost:3000/cb", "http://127.0.0.1/cb", "http://[::1]:8080/cb", "https://app.example.com/cb", "myapp://callback"]) {
    await create({ ...web, CallbackURLs: [url], LogoutURLs: [url], AllowedOAuthScopes: ["openid"] });
  }
  await rejectsWith(create({ ...web, CallbackURLs: ["http://app.example.com/cb"], AllowedOAuthScopes: ["openid"] }),
    "InvalidParameterException", "http://app.example.com/cb cannot use the HTTP protocol.");
  await rejectsWith(create({ ...web, LogoutURLs: ["http://localhost.example.com/"], AllowedOAuthScopes: ["openid"] }),
    "InvalidParameterException", "http://localhost.example.com/ cannot use the HTTP protocol.");
  await rejectsWith(create({ ...web, CallbackURLs: ["https://app.example.com/cb#x"], AllowedOAuthScopes: ["openid"] }),
    "InvalidParameterException", "https://app.example.com/cb#x cannot contain a fragment.");
  await rejectsWith(create({ ...web, DefaultRedirectURI: "https://other.example.com/cb", AllowedOAuthScopes: ["openid"] }),
    "InvalidParameterException", "DefaultRedirectURI must be one of the CallbackURLs.");
});

test("UpdateUserPoolClient checks the same rules, against the client's own secret", async () => {
  const c = (await create({ ...web, AllowedOAuthScopes: ["openid"] })).UserPoolClient!;
  await rejectsWith(s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId, ...web, AllowedOAuthScopes: ["nope/x"] })),
    "ScopeDoesNotExistException", "Invalid scope requested: nope/x");
  await rejectsWith(s.client.send(new UpdateUserPoolClientCommand({
    UserPoolId: poolId, ClientId: c.ClientId, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/v1/read"],
  })), "InvalidOAuthFlowException", "client_credentials flow can not be selected if client does not have a client secret.");
  const up = await s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId, ...web, AllowedOAuthScopes: ["https://api.example.com/v1/read", "openid"] }));
  assert.deepEqual(up.UserPoolClient!.AllowedOAuthScopes, ["https://api.example.com/v1/read", "openid"]);
  // Flows without AllowedOAuthFlowsUserPoolClient are kept (Cognito accepts them; the endpoints refuse the client).
  const off = await s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId, AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"], CallbackURLs: ["https://app.example.com/cb"] }));
  assert.equal(off.UserPoolClient!.AllowedOAuthFlowsUserPoolClient, false);
  assert.deepEqual(off.UserPoolClient!.AllowedOAuthFlows, ["code"]);
});
