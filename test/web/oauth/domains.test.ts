// test-stores: sqlite, postgres
/**
 * poolForHost: the pool a Host header names through a registered custom domain (or Cognito's host name for a prefix
 * domain), called directly on the server's store and through the discovery documents at such a domain's root.
 */
import { CreateResourceServerCommand, CreateUserPoolClientCommand, CreateUserPoolDomainCommand, DeleteUserPoolDomainCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { hostName, poolForHost } from "../../../src/web/oauth/domains.js";
import { createPool } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

let s: TestServer;
let poolA: string, poolB: string;
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

before(async () => {
  s = await startTestServer();
  poolA = await createPool(s);
  poolB = await createPool(s);
  await s.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolA, Domain: "auth.example.com", CustomDomainConfig: { CertificateArn: CERT } }));
  await s.client.send(new CreateUserPoolDomainCommand({ UserPoolId: poolB, Domain: "team-b" }));
});
after(() => s.close());

/** A request with a Host header of our choosing (fetch does not let a caller set Host). */
const get = (path: string, host: string, post?: { body: string; headers: Record<string, string> }) => new Promise<{ status: number; json: any }>((resolve, reject) => {
  const u = new URL(s.url);
  const req = request({ host: u.hostname, port: u.port, path, method: post ? "POST" : "GET", headers: { Host: host, ...post?.headers } }, (res) => {
    let text = "";
    res.on("data", (c) => { text += c; });
    res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
  });
  req.on("error", reject);
  req.end(post?.body);
});

test("hostName: lower-case, without port or trailing dot; nothing that cannot be a domain name", () => {
  assert.equal(hostName("Auth.Example.COM:8443"), "auth.example.com");
  assert.equal(hostName("auth.example.com."), "auth.example.com");
  for (const bad of [undefined, "", "[::1]:80", "a b.example.com", "x".repeat(300), "auth.example.com/path", "é.example.com"]) assert.equal(hostName(bad), undefined, String(bad));
});

test("poolForHost finds a custom domain's pool and a prefix domain's by Cognito's host name; nothing else", async () => {
  const store = s.server.deps.store;
  assert.equal(await poolForHost(store, "auth.example.com"), poolA);
  assert.equal(await poolForHost(store, "AUTH.example.com:443"), poolA);
  assert.equal(await poolForHost(store, "team-b.auth.us-east-1.amazoncognito.com"), poolB);
  assert.equal(await poolForHost(store, "team-b.auth.eu-west-1.amazoncognito.com"), undefined, "another region's host name");
  assert.equal(await poolForHost(store, "team-b.auth.eu-west-1.amazoncognito.com", "eu-west-1"), poolB);
  assert.equal(await poolForHost(store, "team-b"), undefined, "a bare prefix is no host of the pool");
  assert.equal(await poolForHost(store, "auth.example.com.auth.us-east-1.amazoncognito.com"), undefined, "a custom domain is no prefix");
  assert.equal(await poolForHost(store, "other.example.com"), undefined);
  assert.equal(await poolForHost(store, new URL(s.url).host), undefined);
  assert.equal(await poolForHost(store, undefined), undefined);
});

test("the token endpoint at a pool's domain serves only that pool's clients (invalid_client for another pool's)", async () => {
  const clientOf = async (UserPoolId: string) => {
    await s.client.send(new CreateResourceServerCommand({ UserPoolId, Identifier: "api", Name: "API", Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }] }));
    const c = (await s.client.send(new CreateUserPoolClientCommand({
      UserPoolId, ClientName: "m2m", GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["api/read"],
    }))).UserPoolClient!;
    return { Authorization: "Basic " + Buffer.from(`${c.ClientId}:${c.ClientSecret}`).toString("base64"), "Content-Type": "application/x-www-form-urlencoded" };
  };
  const a = await clientOf(poolA);
  const b = await clientOf(poolB);
  const token = (host: string, headers: Record<string, string>) => get("/oauth2/token", host, { body: "grant_type=client_credentials", headers });
  assert.equal((await token("auth.example.com", a)).status, 200);
  assert.deepEqual(await token("auth.example.com", b), { status: 401, json: { error: "invalid_client" } });
  assert.equal((await token("team-b.auth.us-east-1.amazoncognito.com", b)).status, 200);
  assert.equal((await token("team-b.auth.us-east-1.amazoncognito.com", a)).json.error, "invalid_client");
  // At the public URL itself, any pool's client.
  for (const h of [a, b]) assert.equal((await token(new URL(s.url).host, h)).status, 200);
});

test("authorize and the hosted pages at a pool's domain serve only that pool's clients (the error page for another pool's)", async () => {
  const codeClient = async (UserPoolId: string) => (await s.client.send(new CreateUserPoolClientCommand({
    UserPoolId, ClientName: "web", AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"],
    CallbackURLs: ["http://localhost:3000/cb"], SupportedIdentityProviders: ["COGNITO"],
  }))).UserPoolClient!.ClientId!;
  const b = await codeClient(poolB);
  const raw = (path: string, host: string) => new Promise<{ status: number; location?: string; text: string }>((resolve, reject) => {
    const u = new URL(s.url);
    request({ host: u.hostname, port: u.port, path, headers: { Host: host } }, (res) => {
      let text = "";
      res.on("data", (c) => { text += c; });
      res.on("end", () => resolve({ status: res.statusCode!, location: res.headers.location, text }));
    }).on("error", reject).end();
  });
  const q = `response_type=code&client_id=${b}&redirect_uri=${encodeURIComponent("http://localhost:3000/cb")}&scope=openid`;
  for (const path of [`/oauth2/authorize?${q}`, `/login?${q}`]) {
    const other = await raw(path, "auth.example.com");
    assert.equal(other.status, 400, path);
    assert.match(other.text, /Invalid client id/);
    assert.equal(other.location, undefined, "never redirected");
  }
  const own = await raw(`/oauth2/authorize?${q}`, "team-b.auth.us-east-1.amazoncognito.com");
  assert.equal(own.status, 302);
  assert.match(own.location ?? "", /\/login\?/);
  assert.equal((await raw(`/login?${q}`, new URL(s.url).host)).status, 200, "at the public URL itself, any pool's client");
});

test("at a custom domain's root, the discovery document and JWKS of its pool; elsewhere, 404", async () => {
  const issuer = `${s.url}/${poolA}`;
  const root = await get("/.well-known/openid-configuration", "auth.example.com");
  assert.equal(root.status, 200);
  assert.deepEqual(root.json, (await get(`/${poolA}/.well-known/openid-configuration`, new URL(s.url).host)).json);
  assert.equal(root.json.issuer, issuer);
  const jwks = await get("/.well-known/jwks.json", "auth.example.com");
  assert.deepEqual(jwks.json, await (await fetch(`${issuer}/.well-known/jwks.json`)).json());
  const prefix = await get("/.well-known/openid-configuration", "team-b.auth.us-east-1.amazoncognito.com");
  assert.equal(prefix.json.issuer, `${s.url}/${poolB}`);
  assert.equal((await get("/.well-known/openid-configuration", new URL(s.url).host)).status, 404);
  assert.equal((await get("/.well-known/openid-configuration", "unknown.example.com")).status, 404);
  // Deleting the domain stops it being served.
  await s.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolA, Domain: "auth.example.com" }));
  assert.equal((await get("/.well-known/openid-configuration", "auth.example.com")).status, 404);
});
