// test-stores: sqlite, postgres
/**
 * Amplify v6 `signInWithRedirect` in Chromium, as an app runs it: Amplify builds the hosted UI's URLs as
 * `https://<oauth.domain>/…`, so the test puts a TLS proxy (a self-signed certificate made with openssl; Chromium runs
 * with --ignore-certificate-errors) in front of userpool, serves a page with Amplify bundled by esbuild (tsx's own
 * dependency), and checks that the redirect reaches the login page and that Amplify completes the sign-in (code +
 * PKCE exchanged by Amplify itself at the token endpoint) and reads the user.
 */
import { AdminCreateUserCommand, AdminSetUserPasswordCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { build } from "esbuild";
import { chromium, type Browser } from "playwright-core";
import { createClient, createPool } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

let s: TestServer;
let browser: Browser;
let app: Server;
let tls: Server;
let certDir: string;
let appUrl: string;
let domain: string;

const APP = `
import { Amplify } from "aws-amplify";
import { signInWithRedirect, getCurrentUser, fetchAuthSession } from "aws-amplify/auth";
import "aws-amplify/auth/enable-oauth-listener";
import { Hub } from "aws-amplify/utils";
const cfg = window.AMPLIFY_CONFIG;
Amplify.configure({ Auth: { Cognito: {
  userPoolId: cfg.poolId, userPoolClientId: cfg.clientId, userPoolEndpoint: cfg.endpoint,
  loginWith: { oauth: { domain: cfg.domain, scopes: ["openid", "email"], redirectSignIn: [cfg.appUrl + "/"], redirectSignOut: [cfg.appUrl + "/"], responseType: "code" } },
} } });
const show = (state, text) => { const el = document.getElementById("state"); el.dataset.state = state; el.textContent = text; };
Hub.listen("auth", async ({ payload }) => {
  if (payload.event === "signInWithRedirect") {
    const user = await getCurrentUser();
    const session = await fetchAuthSession();
    show("signed-in", user.username + " " + session.tokens.accessToken.payload.scope);
  }
  if (payload.event === "signInWithRedirect_failure") show("failed", String(payload.data && payload.data.error && payload.data.error.message));
});
document.getElementById("go").addEventListener("click", () => signInWithRedirect());
`;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  certDir = mkdtempSync(join(tmpdir(), "userpool-tls-"));
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", join(certDir, "key.pem"), "-out", join(certDir, "cert.pem"),
    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"], { stdio: "ignore" });
  s = await startTestServer();
  const target = new URL(s.url);
  // The TLS proxy: https://localhost:<port> → userpool.
  tls = createTlsServer({ key: readFileSync(join(certDir, "key.pem")), cert: readFileSync(join(certDir, "cert.pem")) }, (req, res) => {
    const up = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on("error", () => { res.writeHead(502); res.end(); });
    req.pipe(up);
  });
  await new Promise<void>((r) => tls.listen(0, "127.0.0.1", () => r()));
  const bundle = await build({
    stdin: { contents: APP, resolveDir: ROOT, loader: "js" }, bundle: true, format: "esm", platform: "browser", write: false,
    minify: true, logLevel: "silent", define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  });
  const js = bundle.outputFiles[0].text;
  let config = "{}";
  app = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://app");
    if (url.pathname === "/app.js") {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      return res.end(js);
    }
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>amplify app</title><script>window.AMPLIFY_CONFIG = ${config};</script>
<button id="go">Sign in</button><p id="state" data-state="idle">idle</p><script type="module" src="/app.js"></script>`);
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  domain = `localhost:${(tls.address() as AddressInfo).port}`;
  const poolId = await createPool(s);
  const { clientId } = await createClient(s, poolId, {
    ClientName: "amplify-web", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], CallbackURLs: [`${appUrl}/`], LogoutURLs: [`${appUrl}/`],
    AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid", "email"], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"],
  });
  await s.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "frank", MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email", Value: "frank@example.com" }] }));
  await s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "frank", Password: "Passw0rd!", Permanent: true }));
  config = JSON.stringify({ poolId, clientId, endpoint: s.url, domain, appUrl });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--ignore-certificate-errors"],
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
  await new Promise((r) => app?.close(r));
  await new Promise((r) => tls?.close(r));
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

test("Amplify v6 signInWithRedirect reaches the login page and completes the sign-in", async () => {
  const page = await browser.newPage();
  await page.goto(`${appUrl}/`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`https://${domain}/login?**`);
  assert.equal(await page.locator("h1").textContent(), "Sign in with your username and password");
  await page.getByLabel("Username").fill("frank");
  await page.getByLabel("Password").fill("Passw0rd!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${appUrl}/**`);
  await page.waitForFunction(() => document.getElementById("state")?.dataset.state !== "idle", undefined, { timeout: 15_000 });
  assert.equal(await page.locator("#state").textContent(), "frank openid email");
});
