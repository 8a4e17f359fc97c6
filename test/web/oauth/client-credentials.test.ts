// test-stores: sqlite, postgres
/**
 * The `client_credentials` grant at `POST /oauth2/token`: a confidential client gets an access token for itself with
 * its resource servers' custom scopes, verified by aws-jwt-verify's CognitoJwtVerifier (the server's public URL is
 * Cognito's, so the verifier's issuer check holds; its JWKS comes from this server through a fetcher), and a real
 * relying party (openid-client) gets one with a custom scope. Refusals are OAuth's errors.
 */
import {
  CreateResourceServerCommand, CreateUserPoolClientCommand, DeleteResourceServerCommand, GetUserCommand, UpdateUserPoolClientCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { CognitoJwtVerifier } from "aws-jwt-verify";
import type { Fetcher } from "aws-jwt-verify/https";
import { SimpleJwksCache } from "aws-jwt-verify/jwk";
import assert from "node:assert/strict";
import * as oidc from "openid-client";
import { after, before, test } from "node:test";
import { createClient, createPool, rejectsWith } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

const COGNITO = "https://cognito-idp.us-east-1.amazonaws.com";
let s: TestServer;
let poolId: string;
let m2m: { id: string; secret: string };
let verifier: { verify(token: string, props?: Record<string, unknown>): Promise<Record<string, any>> };

/** aws-jwt-verify fetches over https only: this fetcher serves Cognito's JWKS address from the test server. */
const fetcher: Fetcher = {
  async fetch(uri: string) {
    assert.ok(uri.startsWith(`${COGNITO}/`), uri);
    const res = await fetch(s.url + uri.slice(COGNITO.length));
    if (!res.ok) throw new Error(`${uri}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
};

before(async () => {
  s = await startTestServer({ publicUrl: COGNITO });
  poolId = await createPool(s);
  await s.client.send(new CreateResourceServerCommand({
    UserPoolId: poolId, Identifier: "https://api.example.com", Name: "API",
    Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }, { ScopeName: "write", ScopeDescription: "Write" }],
  }));
  const c = (await s.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: "m2m", GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"],
    AllowedOAuthScopes: ["https://api.example.com/read", "https://api.example.com/write"], AccessTokenValidity: 15, TokenValidityUnits: { AccessToken: "minutes" },
  }))).UserPoolClient!;
  m2m = { id: c.ClientId!, secret: c.ClientSecret! };
  verifier = CognitoJwtVerifier.create({ userPoolId: poolId, tokenUse: "access", clientId: m2m.id }, { jwksCache: new SimpleJwksCache({ fetcher }) });
});
after(() => s.close());

const basic = (id: string, secret: string) => "Basic " + Buffer.from(`${id}:${secret}`).toString("base64");
const token = (body: string, headers: Record<string, string> = { Authorization: basic(m2m.id, m2m.secret) }) => fetch(`${s.url}/oauth2/token`, {
  method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body,
});

test("a confidential client gets an access token only, with every custom scope when scope is omitted, verified by CognitoJwtVerifier", async () => {
  const res = await token("grant_type=client_credentials");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "no-store");
  const body = await res.json();
  assert.deepEqual(Object.keys(body).sort(), ["access_token", "expires_in", "token_type"]);
  assert.equal(body.token_type, "Bearer");
  assert.equal(body.expires_in, 900);
  const claims = await verifier.verify(body.access_token, { scope: "https://api.example.com/read" });
  assert.equal(claims.iss, `${COGNITO}/${poolId}`);
  assert.deepEqual(Object.keys(claims).sort(), ["auth_time", "client_id", "exp", "iat", "iss", "jti", "scope", "sub", "token_use", "version"]);
  assert.equal(claims.sub, m2m.id);
  assert.equal(claims.client_id, m2m.id);
  assert.equal(claims.token_use, "access");
  assert.equal(claims.version, 2);
  assert.equal(claims.scope, "https://api.example.com/read https://api.example.com/write");
  assert.equal(claims.exp - claims.iat, 900);
  assert.equal(claims.auth_time, claims.iat);
  // The user operations do not take it: there is no user behind it.
  await rejectsWith(s.client.send(new GetUserCommand({ AccessToken: body.access_token })), "NotAuthorizedException", "Invalid Access Token");
});

test("scope narrows the grant (client_secret in the body works as Basic does); a scope outside the client's is invalid_scope", async () => {
  let res = await token(`grant_type=client_credentials&scope=${encodeURIComponent("https://api.example.com/write")}&client_id=${m2m.id}&client_secret=${m2m.secret}`, {});
  assert.equal(res.status, 200);
  const claims = await verifier.verify((await res.json()).access_token, { scope: "https://api.example.com/write" });
  assert.equal(claims.scope, "https://api.example.com/write");
  await assert.rejects(verifier.verify((await (await token(`grant_type=client_credentials&scope=${encodeURIComponent("https://api.example.com/write")}`)).json()).access_token,
    { scope: "https://api.example.com/read" }), /scope/i, "the verifier's own scope check sees the narrowed scope");
  for (const scope of ["openid", "https://api.example.com/admin", "https://api.example.com/read other", ""]) {
    res = await token(`grant_type=client_credentials&scope=${encodeURIComponent(scope)}`);
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error, "invalid_scope", scope);
  }
});

test("a client without the flow, a public client, or one with OAuth off is unauthorized_client; a wrong secret is invalid_client", async () => {
  const plain = await createClient(s, poolId, { GenerateSecret: true });
  let res = await token("grant_type=client_credentials", { Authorization: basic(plain.clientId, plain.secret!) });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, "unauthorized_client");
  const pub = await createClient(s, poolId);
  res = await token(`grant_type=client_credentials&client_id=${pub.clientId}`, {});
  assert.equal((await res.json()).error, "unauthorized_client");
  // The secret with its last character changed (never to itself).
  const wrong = m2m.secret.slice(0, -1) + (m2m.secret.endsWith("x") ? "y" : "x");
  res = await token("grant_type=client_credentials", { Authorization: basic(m2m.id, wrong) });
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error, "invalid_client");
  // The flow is kept but OAuth is switched off: refused until it is on again.
  const off = (await s.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: "off", GenerateSecret: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/read"],
  }))).UserPoolClient!;
  res = await token("grant_type=client_credentials", { Authorization: basic(off.ClientId!, off.ClientSecret!) });
  assert.equal((await res.json()).error, "unauthorized_client");
  await s.client.send(new UpdateUserPoolClientCommand({
    UserPoolId: poolId, ClientId: off.ClientId!, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/read"],
  }));
  res = await token("grant_type=client_credentials", { Authorization: basic(off.ClientId!, off.ClientSecret!) });
  assert.equal(res.status, 200);
});

test("scopes of a deleted resource server are no longer granted", async () => {
  const p = await createPool(s);
  await s.client.send(new CreateResourceServerCommand({ UserPoolId: p, Identifier: "gone", Name: "Gone", Scopes: [{ ScopeName: "x", ScopeDescription: "X" }] }));
  await s.client.send(new CreateResourceServerCommand({ UserPoolId: p, Identifier: "kept", Name: "Kept", Scopes: [{ ScopeName: "y", ScopeDescription: "Y" }] }));
  const c = (await s.client.send(new CreateUserPoolClientCommand({
    UserPoolId: p, ClientName: "m2m", GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["gone/x", "kept/y"],
  }))).UserPoolClient!;
  const auth = { Authorization: basic(c.ClientId!, c.ClientSecret!) };
  await s.client.send(new DeleteResourceServerCommand({ UserPoolId: p, Identifier: "gone" }));
  let res = await token("grant_type=client_credentials", auth);
  const v = CognitoJwtVerifier.create({ userPoolId: p, tokenUse: "access", clientId: c.ClientId! }, { jwksCache: new SimpleJwksCache({ fetcher }) });
  assert.equal((await v.verify((await res.json()).access_token)).scope, "kept/y");
  res = await token("grant_type=client_credentials&scope=gone/x", auth);
  assert.equal((await res.json()).error, "invalid_scope");
});

test("openid-client (a real relying party) gets a client_credentials token with a custom scope, client_secret_basic and _post", async () => {
  // The token endpoint given by hand: the discovery document's endpoints belong to the hosted UI's part of the issue.
  const server = { issuer: `${COGNITO}/${poolId}`, token_endpoint: `${s.url}/oauth2/token` };
  for (const auth of [oidc.ClientSecretBasic(m2m.secret), oidc.ClientSecretPost(m2m.secret)]) {
    const config = new oidc.Configuration(server, m2m.id, undefined, auth);
    oidc.allowInsecureRequests(config);
    const tokens = await oidc.clientCredentialsGrant(config, { scope: "https://api.example.com/write" });
    assert.equal(tokens.token_type, "bearer");
    assert.equal(tokens.id_token, undefined);
    assert.equal(tokens.refresh_token, undefined);
    assert.ok(tokens.expiresIn()! > 890);
    const claims = await verifier.verify(tokens.access_token, { scope: "https://api.example.com/write" });
    assert.equal(claims.scope, "https://api.example.com/write");
  }
  const config = new oidc.Configuration(server, m2m.id, undefined, oidc.ClientSecretBasic(m2m.secret));
  oidc.allowInsecureRequests(config);
  await assert.rejects(oidc.clientCredentialsGrant(config, { scope: "https://api.example.com/admin" }), (e: any) => {
    assert.equal(e.error, "invalid_scope");
    return true;
  });
});
