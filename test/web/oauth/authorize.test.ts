// test-stores: sqlite, postgres
/**
 * The authorization-code flow over plain HTTP (fetch with a cookie jar, no JavaScript): /oauth2/authorize's checks
 * and error redirects, the login form (CSRF, Cognito's messages), codes (single-use, 5 minutes, bound to client and
 * redirect URI, PKCE S256), the tokens' scopes and nonce, refresh, userInfo's scope filter, the session cookie, and
 * /logout's redirect rules.
 */
import { AdminDisableUserCommand, ConfirmSignUpCommand, GetUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { decodeJwt } from "jose";
import { createClient, createPool, PASSWORD, signUp } from "../../helpers/fixtures.js";
import { csrfOf, FormBrowser } from "../../helpers/hosted.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

let s: TestServer;
let poolId: string;
let clientId: string;
let confidential: { clientId: string; secret?: string };
const CALLBACK = "http://localhost:3000/callback";
const SIGNED_OUT = "http://localhost:3000/signed-out";

before(async () => {
  s = await startTestServer();
  poolId = await createPool(s);
  ({ clientId } = await createClient(s, poolId, {
    ClientName: "shop", ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"], CallbackURLs: [CALLBACK], LogoutURLs: [SIGNED_OUT],
    AllowedOAuthFlows: ["code", "implicit"], AllowedOAuthScopes: ["openid", "email", "profile", "aws.cognito.signin.user.admin"],
    AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"],
  }));
  confidential = await createClient(s, poolId, {
    ClientName: "backend", GenerateSecret: true, CallbackURLs: [CALLBACK], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"],
    AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"],
  });
  await signUp(s, clientId, "alice", { email: "alice@example.com", name: "Alice" });
  await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "alice", ConfirmationCode: await s.latestCode(poolId, "alice") }));
});
after(() => s.close());

const pkce = () => {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
};
const authorizeUrl = (params: Record<string, string>) => `/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: CALLBACK, ...params })}`;
const token = (form: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${s.url}/oauth2/token`, {
  method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form).toString(),
});

/** Signs alice in through /login and returns the code from the callback redirect. */
async function signIn(b: FormBrowser, params: Record<string, string>, password = PASSWORD) {
  let res = await b.get(authorizeUrl(params));
  assert.equal(res.status, 302);
  const login = res.headers.get("location")!;
  assert.match(login, /^\/login\?/);
  res = await b.get(login);
  const html = await res.text();
  res = await b.post(login, { _csrf: csrfOf(html), username: "alice", password });
  return res;
}

test("authorize: an unknown client or an unregistered redirect URI gets an error page, never a redirect", async () => {
  const b = new FormBrowser(s.url);
  let res = await b.get(authorizeUrl({ client_id: "nosuchclient" }));
  assert.equal(res.status, 400);
  assert.match(await res.text(), /An error was encountered with the requested page/);
  res = await b.get(authorizeUrl({ redirect_uri: "http://evil.example/cb" }));
  assert.equal(res.status, 400);
  assert.equal(res.headers.get("location"), null);
  assert.match(await res.text(), /redirect_mismatch/);
  res = await b.get(authorizeUrl({ redirect_uri: `${CALLBACK}/` }));
  assert.equal(res.status, 400, "the match is exact");
});

test("authorize: other errors go back to the redirect URI with error and state", async () => {
  const b = new FormBrowser(s.url);
  const cases: [Record<string, string>, string][] = [
    [{ scope: "openid phone" }, "invalid_scope"],
    [{ scope: "email" }, "invalid_scope"],
    [{ response_type: "id_token" }, "unsupported_response_type"],
    [{ code_challenge: pkce().challenge, code_challenge_method: "plain" }, "invalid_request"],
    [{ code_challenge: "short", code_challenge_method: "S256" }, "invalid_request"],
    [{ identity_provider: "Google" }, "invalid_request"],
  ];
  for (const [params, error] of cases) {
    const res = await b.get(authorizeUrl({ state: "st8", ...params }));
    assert.equal(res.status, 302, JSON.stringify(params));
    const to = new URL(res.headers.get("location")!);
    assert.equal(`${to.origin}${to.pathname}`, CALLBACK);
    assert.equal(to.searchParams.get("error"), error, JSON.stringify(params));
    assert.equal(to.searchParams.get("state"), "st8");
  }
  const res = await b.get(`/oauth2/authorize?${new URLSearchParams({ response_type: "code", client_id: confidential.clientId, redirect_uri: CALLBACK, scope: "email" })}`);
  assert.equal(new URL(res.headers.get("location")!).searchParams.get("error"), "invalid_scope");
});

test("authorize: a client without OAuth, or without the flow asked, is an unauthorized_client", async () => {
  const noOAuth = await createClient(s, poolId, { CallbackURLs: [CALLBACK], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"], SupportedIdentityProviders: ["COGNITO"] });
  const codeOnly = confidential.clientId;
  const noCognito = await createClient(s, poolId, {
    CallbackURLs: [CALLBACK], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: [],
  });
  for (const [id, type] of [[noOAuth.clientId, "code"], [codeOnly, "token"], [noCognito.clientId, "code"]]) {
    const res = await new FormBrowser(s.url).get(`/oauth2/authorize?${new URLSearchParams({ response_type: type, client_id: id, redirect_uri: CALLBACK, state: "u" })}`);
    assert.equal(res.status, 302);
    const to = new URL(res.headers.get("location")!);
    const params = type === "token" ? new URLSearchParams(to.hash.slice(1)) : to.searchParams;
    assert.equal(params.get("error"), "unauthorized_client", `${id} ${type}`);
    assert.equal(params.get("state"), "u");
  }
});

test("the login form: CSRF required, Cognito's message for a wrong password, no redirect", async () => {
  const b = new FormBrowser(s.url);
  let res = await b.get(authorizeUrl({ state: "s1" }));
  const login = res.headers.get("location")!;
  res = await b.get(login);
  const html = await res.text();
  assert.match(html, /<label for="f-username">Username<\/label>/);
  assert.match(html, /<label for="f-password">Password<\/label>/);
  res = await b.post(login, { username: "alice", password: PASSWORD });
  assert.equal(res.status, 403, "no CSRF token");
  res = await b.post(login, { _csrf: "x".repeat(43), username: "alice", password: PASSWORD });
  assert.equal(res.status, 403, "a wrong CSRF token");
  res = await b.post(login, { _csrf: csrfOf(html), username: "alice", password: "Wrong-passw0rd" });
  assert.equal(res.status, 200, "the form again, with the error");
  assert.match(await res.text(), /role="alert" id="error">Incorrect username or password\.</);
  res = await b.post(login, { _csrf: csrfOf(html), username: "nobody", password: PASSWORD });
  assert.match(await res.text(), /User does not exist\./);
});

test("code + PKCE: tokens with the scopes and nonce; the code is single-use and bound to client, redirect URI and verifier", async () => {
  const b = new FormBrowser(s.url);
  const { verifier, challenge } = pkce();
  const res = await signIn(b, { state: "xyz", nonce: "n-0S6", scope: "openid email", code_challenge: challenge, code_challenge_method: "S256" });
  assert.equal(res.status, 302);
  const cb = new URL(res.headers.get("location")!);
  assert.equal(`${cb.origin}${cb.pathname}`, CALLBACK);
  assert.equal(cb.searchParams.get("state"), "xyz");
  const code = cb.searchParams.get("code")!;
  const session = [...b.cookies.keys()].find((k) => k === `cognito-${poolId}`);
  assert.ok(session, "a session cookie for the pool");

  let t = await token({ grant_type: "authorization_code", client_id: clientId, code, redirect_uri: CALLBACK });
  assert.deepEqual(await t.json(), { error: "invalid_grant", error_description: "code_verifier is required" });
  // That exchange used the code up.
  t = await token({ grant_type: "authorization_code", client_id: clientId, code, redirect_uri: CALLBACK, code_verifier: verifier });
  assert.equal((await t.json()).error, "invalid_grant");

  const again = await signIn(new FormBrowser(s.url), { nonce: "n2", scope: "openid email", code_challenge: challenge, code_challenge_method: "S256" });
  const code2 = new URL(again.headers.get("location")!).searchParams.get("code")!;
  t = await token({ grant_type: "authorization_code", client_id: clientId, code: code2, redirect_uri: CALLBACK, code_verifier: verifier });
  assert.equal(t.status, 200);
  assert.equal(t.headers.get("cache-control"), "no-store");
  const body = await t.json();
  assert.deepEqual(Object.keys(body).sort(), ["access_token", "expires_in", "id_token", "refresh_token", "token_type"]);
  assert.equal(body.token_type, "Bearer");
  const access = decodeJwt(body.access_token);
  assert.equal(access.scope, "openid email");
  assert.equal(access.client_id, clientId);
  const id = decodeJwt(body.id_token);
  assert.equal(id.nonce, "n2");
  assert.equal(id.aud, clientId);
  assert.equal(id.at_hash, createHash("sha256").update(body.access_token).digest().subarray(0, 16).toString("base64url"));
  t = await token({ grant_type: "authorization_code", client_id: clientId, code: code2, redirect_uri: CALLBACK, code_verifier: verifier });
  assert.equal((await t.json()).error, "invalid_grant", "a code works once");

  // userInfo: email scope narrows the attributes; verified flags are strings, as Cognito sends them.
  let u = await fetch(`${s.url}/oauth2/userInfo`, { headers: { Authorization: `Bearer ${body.access_token}` } });
  assert.equal(u.status, 200);
  const info = await u.json();
  assert.deepEqual(Object.keys(info).sort(), ["email", "email_verified", "sub", "username"]);
  assert.equal(info.email_verified, "true");
  assert.equal(info.username, "alice");
  u = await fetch(`${s.url}/oauth2/userInfo`, { headers: { Authorization: "Bearer nonsense" } });
  assert.equal(u.status, 401);
  assert.match(u.headers.get("www-authenticate")!, /^Bearer error="invalid_token"/);
  // The access token has no aws.cognito.signin.user.admin scope, but the API's own check is the signature: GetUser works.
  await s.client.send(new GetUserCommand({ AccessToken: body.access_token }));

  // Refresh keeps the scopes (the ID token too), no nonce.
  const r = await token({ grant_type: "refresh_token", client_id: clientId, refresh_token: body.refresh_token });
  assert.equal(r.status, 200);
  const refreshed = await r.json();
  assert.equal(decodeJwt(refreshed.access_token).scope, "openid email");
  assert.equal(decodeJwt(refreshed.id_token).nonce, undefined);
  assert.equal(refreshed.refresh_token, undefined);
  const bad = await token({ grant_type: "refresh_token", client_id: clientId, refresh_token: "nope" });
  assert.equal((await bad.json()).error, "invalid_grant");
});

test("a code is bound to its redirect URI and client, and lasts 5 minutes", async () => {
  const codeOf = async () => new URL((await signIn(new FormBrowser(s.url), { scope: "openid" })).headers.get("location")!).searchParams.get("code")!;
  let t = await token({ grant_type: "authorization_code", client_id: clientId, code: await codeOf(), redirect_uri: `${CALLBACK}?x=1` });
  assert.equal((await t.json()).error, "invalid_grant");
  const basic = "Basic " + Buffer.from(`${confidential.clientId}:${confidential.secret}`).toString("base64");
  t = await token({ grant_type: "authorization_code", code: await codeOf(), redirect_uri: CALLBACK }, { Authorization: basic });
  assert.equal((await t.json()).error, "invalid_grant", "another client's code");
  const late = await codeOf();
  s.clock.advance(5 * 60_000 + 1);
  t = await token({ grant_type: "authorization_code", client_id: clientId, code: late, redirect_uri: CALLBACK });
  assert.equal((await t.json()).error, "invalid_grant");
});

test("the session cookie skips the form until /logout; /logout redirects only to a registered sign-out URL", async () => {
  const b = new FormBrowser(s.url);
  await signIn(b, { scope: "openid" });
  let res = await b.get(authorizeUrl({ scope: "openid profile", state: "again", identity_provider: "COGNITO" }));
  assert.equal(res.status, 302);
  const cb = new URL(res.headers.get("location")!);
  assert.equal(cb.searchParams.get("state"), "again");
  assert.ok(cb.searchParams.get("code"), "straight back with a code");
  const sessionCookie = b.cookies.get(`cognito-${poolId}`)!;

  res = await b.get(`/logout?client_id=${clientId}&logout_uri=${encodeURIComponent("http://evil.example/")}`);
  assert.equal(res.status, 400);
  assert.equal(res.headers.get("location"), null);
  res = await b.get(`/logout?client_id=${clientId}&logout_uri=${encodeURIComponent(SIGNED_OUT)}`);
  assert.equal(res.status, 302);
  assert.equal(res.headers.get("location"), SIGNED_OUT);
  assert.match(res.headers.getSetCookie().join("\n"), new RegExp(`cognito-${poolId}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`));
  res = await b.get(authorizeUrl({ scope: "openid" }));
  assert.match(res.headers.get("location")!, /^\/login\?/, "signed out: the form again");
  // The old cookie value is dead on the server too.
  b.cookies.set(`cognito-${poolId}`, sessionCookie);
  res = await b.get(authorizeUrl({ scope: "openid" }));
  assert.match(res.headers.get("location")!, /^\/login\?/);
});

test("implicit grant: tokens in the fragment, no refresh token; a disabled user's session no longer signs in", async () => {
  const b = new FormBrowser(s.url);
  const res = await signIn(b, { response_type: "token", scope: "openid profile", state: "imp", nonce: "nn" });
  const cb = new URL(res.headers.get("location")!);
  const frag = new URLSearchParams(cb.hash.slice(1));
  assert.equal(frag.get("state"), "imp");
  assert.equal(frag.get("token_type"), "Bearer");
  assert.equal(frag.get("refresh_token"), null);
  assert.equal(decodeJwt(frag.get("id_token")!).nonce, "nn");
  const info = await (await fetch(`${s.url}/oauth2/userInfo`, { headers: { Authorization: `Bearer ${frag.get("access_token")}` } })).json();
  assert.equal(info.name, "Alice");
  assert.equal(info.email, undefined, "profile without email");

  await s.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "alice" }));
  const again = await b.get(authorizeUrl({ scope: "openid" }));
  assert.match(again.headers.get("location")!, /^\/login\?/);
  const u = await fetch(`${s.url}/oauth2/userInfo`, { headers: { Authorization: `Bearer ${frag.get("access_token")}` } });
  assert.equal(u.status, 401, "AdminDisableUser revoked the token");
});

test("discovery lists the OAuth endpoints from the public URL", async () => {
  const doc = await (await fetch(`${s.url}/${poolId}/.well-known/openid-configuration`)).json();
  assert.equal(doc.issuer, `${s.url}/${poolId}`);
  assert.equal(doc.authorization_endpoint, `${s.url}/oauth2/authorize`);
  assert.equal(doc.token_endpoint, `${s.url}/oauth2/token`);
  assert.equal(doc.userinfo_endpoint, `${s.url}/oauth2/userInfo`);
  assert.equal(doc.end_session_endpoint, `${s.url}/logout`);
  assert.deepEqual(doc.code_challenge_methods_supported, ["S256"]);
  assert.ok(doc.grant_types_supported.includes("authorization_code") && doc.grant_types_supported.includes("refresh_token"));
});
