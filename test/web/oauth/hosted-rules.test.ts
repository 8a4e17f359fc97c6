// test-stores: sqlite, postgres
/**
 * The rules of the API hold on the hosted pages, because the pages call the operations through the one invoke: the
 * per-IP limit of the public operations (on by default in production) reaches the login form, and
 * PreventUserExistenceErrors keeps an unknown user from showing. Cookies are Secure when the public URL is https,
 * and discovery names the endpoints under the public URL.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient, createPool } from "../../helpers/fixtures.js";
import { csrfOf, FormBrowser } from "../../helpers/hosted.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

const CALLBACK = "https://app.example/callback";
let s: TestServer;
let clientId: string;

before(async () => {
  s = await startTestServer({ ipRateLimit: "4/1m", publicUrl: "https://auth.example.com" });
  const poolId = await createPool(s);
  ({ clientId } = await createClient(s, poolId, {
    CallbackURLs: [CALLBACK], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"], AllowedOAuthFlowsUserPoolClient: true,
    SupportedIdentityProviders: ["COGNITO"], PreventUserExistenceErrors: "ENABLED",
  }));
});
after(() => s.close());

const query = () => `?${new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: CALLBACK, scope: "openid", lang: "fr" })}`;

test("an unknown user is told what a wrong password is told, and the cookies are Secure under an https public URL", async () => {
  const b = new FormBrowser(s.url);
  const res = await b.get(`/login${query()}`);
  const html = await res.text();
  assert.match(html, /<html lang="fr">/, "lang sets the page's language");
  assert.match(res.headers.getSetCookie()[0], /^XSRF-TOKEN=[\w-]{43}; Path=\/; Max-Age=86400; HttpOnly; SameSite=Lax; Secure$/);
  const page = await (await b.post(`/login${query()}`, { _csrf: csrfOf(html), username: "nobody", password: "Passw0rd!" })).text();
  assert.match(page, /role="alert" id="error">Incorrect username or password\.</);
  const doc = await (await fetch(`${s.url}/${(await s.server.deps.store.getClient(clientId))!.poolId}/.well-known/openid-configuration`)).json();
  assert.equal(doc.authorization_endpoint, "https://auth.example.com/oauth2/authorize");
});

test("the per-IP limit of the public operations reaches the login form", async () => {
  const b = new FormBrowser(s.url);
  const html = await (await b.get(`/login${query()}`)).text();
  let last = "";
  for (let i = 0; i < 6; i++) last = await (await b.post(`/login${query()}`, { _csrf: csrfOf(html), username: "nobody", password: "Passw0rd!" })).text();
  assert.match(last, /role="alert" id="error">Too many requests</);
});
