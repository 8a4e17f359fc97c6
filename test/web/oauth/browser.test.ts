// test-stores: sqlite, postgres
/**
 * The hosted UI in a real Chromium, with a small HTTP server of the test as the app: authorize → login page →
 * callback with a code → token exchange with PKCE → ID token verified with jose against the pool's JWKS → userInfo →
 * logout; sign-up → confirm with the code from the dev inbox (after a resend) → sign-in, all through the pages; the
 * new password of an AdminCreateUser user; a forgotten password. One browser for the file.
 * USERPOOL_SCREENSHOT_DIR=docs writes docs/hosted-ui-login.png and docs/hosted-ui-signup.png. Fails, never skips,
 * when Chromium is missing.
 */
import { AdminCreateUserCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { chromium, type Browser, type Page } from "playwright-core";
import { createClient, createPool } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = process.env.USERPOOL_SCREENSHOT_DIR;

let s: TestServer;
let browser: Browser;
let app: Server;
let appUrl: string;
let poolId: string;
let clientId: string;
/** What the app saw at its callback. */
const callbacks: URLSearchParams[] = [];

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  app = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://app");
    if (url.pathname === "/callback") callbacks.push(url.searchParams);
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(`<!doctype html><title>app</title><h1 id="where">${url.pathname}</h1>`);
  });
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  s = await startTestServer();
  poolId = await createPool(s, { PoolName: "shop-customers" });
  ({ clientId } = await createClient(s, poolId, {
    ClientName: "Acme Shop", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    CallbackURLs: [`${appUrl}/callback`], LogoutURLs: [`${appUrl}/signed-out`], AllowedOAuthFlows: ["code"],
    AllowedOAuthScopes: ["openid", "email", "profile"], AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"],
  }));
  browser = await chromium.launch({
    executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
  await new Promise((r) => app?.close(r));
});

function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  return { page, errors };
}

/** Opens /oauth2/authorize and returns what the app needs to finish (state, nonce, verifier). */
async function startAuthorize(page: Page) {
  const { verifier, challenge } = pkce();
  const state = randomBytes(8).toString("hex");
  const nonce = randomBytes(8).toString("hex");
  await page.goto(`${s.url}/oauth2/authorize?${new URLSearchParams({
    response_type: "code", client_id: clientId, redirect_uri: `${appUrl}/callback`, scope: "openid email profile", state, nonce,
    code_challenge: challenge, code_challenge_method: "S256",
  })}`);
  return { verifier, state, nonce };
}

/** The app's side once the browser is at the callback: checks state, exchanges the code with the verifier. */
async function exchange(page: Page, flow: { verifier: string; state: string }) {
  await page.waitForURL(`${appUrl}/callback?**`);
  const cb = callbacks.at(-1)!;
  assert.equal(cb.get("state"), flow.state);
  const res = await fetch(`${s.url}/oauth2/token`, {
    method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", client_id: clientId, code: cb.get("code")!, redirect_uri: `${appUrl}/callback`, code_verifier: flow.verifier }),
  });
  assert.equal(res.status, 200);
  return (await res.json()) as { id_token: string; access_token: string; refresh_token: string };
}

async function signInOnPage(page: Page, username: string, password: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const inboxCode = async (username: string, atLeast: number) => s.latestCode(poolId, username, atLeast);

test("sign-up → resend → confirm with the inbox code → sign-in → code + PKCE → verified ID token → userInfo → logout", async () => {
  const { page, errors } = await newPage();
  const flow = await startAuthorize(page);
  assert.equal(await page.title(), "Signin");
  assert.equal(await page.locator(".banner .app").textContent(), "Acme Shop");
  assert.equal(await page.locator("h1").textContent(), "Sign in with your username and password");
  if (SHOTS) await page.screenshot({ path: join(SHOTS, "hosted-ui-login.png") });

  await page.getByRole("link", { name: "Sign up" }).click();
  assert.equal(await page.locator("h1").textContent(), "Sign up with a new account");
  await page.getByLabel("Username").fill("carol");
  await page.getByLabel("Email").fill("carol@example.com");
  await page.getByLabel("Password").fill("Passw0rd!");
  if (SHOTS) await page.screenshot({ path: join(SHOTS, "hosted-ui-signup.png") });
  await page.getByRole("button", { name: "Sign up" }).click();
  assert.equal(await page.locator("h1").textContent(), "Confirm your account");
  assert.equal(await page.locator("#notice").textContent(), "We have sent a code by email to c***@e***.");
  const first = await inboxCode("carol", 1);

  await page.getByRole("button", { name: "Send a new code" }).click();
  assert.equal(await page.locator("#notice").textContent(), "We have sent a new code by email to c***@e***.");
  const second = await inboxCode("carol", 2);
  if (first !== second) {
    // Only the newest code works.
    await page.getByLabel("Verification Code").fill(first);
    await page.getByRole("button", { name: "Confirm Account" }).click();
    assert.match((await page.locator("#error").textContent())!, /Invalid verification code provided, please try again\./);
  }
  await page.getByLabel("Verification Code").fill(second);
  await page.getByRole("button", { name: "Confirm Account" }).click();
  assert.equal(await page.locator("#notice").textContent(), "Your account is confirmed. Sign in.");
  assert.equal(await page.getByLabel("Username").inputValue(), "carol");

  await page.getByLabel("Password", { exact: true }).fill("Passw0rd!");
  await page.getByRole("button", { name: "Sign in" }).click();
  const tokens = await exchange(page, flow);

  const jwks = createRemoteJWKSet(new URL(`${s.url}/${poolId}/.well-known/jwks.json`));
  const { payload } = await jwtVerify(tokens.id_token, jwks, { issuer: `${s.url}/${poolId}`, audience: clientId });
  assert.equal(payload.nonce, flow.nonce);
  assert.equal(payload["cognito:username"], "carol");
  assert.equal(payload.email, "carol@example.com");
  const access = await jwtVerify(tokens.access_token, jwks, { issuer: `${s.url}/${poolId}` });
  assert.equal(access.payload.scope, "openid email profile");

  const info = await (await fetch(`${s.url}/oauth2/userInfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } })).json();
  assert.equal(info.sub, payload.sub);
  assert.equal(info.email, "carol@example.com");
  assert.equal(info.email_verified, "true");

  // Signed in: a second authorize skips the form.
  const again = await startAuthorize(page);
  await exchange(page, again);

  await page.goto(`${s.url}/logout?client_id=${clientId}&logout_uri=${encodeURIComponent(`${appUrl}/signed-out`)}`);
  assert.equal(page.url(), `${appUrl}/signed-out`);
  await startAuthorize(page);
  assert.equal(await page.locator("h1").textContent(), "Sign in with your username and password", "signed out: the form again");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a wrong password shows Cognito's message; an AdminCreateUser user chooses a new password on the page", async () => {
  const { page, errors } = await newPage();
  await s.client.send(new AdminCreateUserCommand({
    UserPoolId: poolId, Username: "dave", TemporaryPassword: "Temp-Passw0rd!", MessageAction: "SUPPRESS",
    UserAttributes: [{ Name: "email", Value: "dave@example.com" }, { Name: "email_verified", Value: "true" }],
  }));
  const flow = await startAuthorize(page);
  await signInOnPage(page, "dave", "not-it");
  assert.equal(await page.getByRole("alert").textContent(), "Incorrect username or password.");
  await signInOnPage(page, "dave", "Temp-Passw0rd!");
  assert.equal(await page.locator("h1").textContent(), "Change Password");
  await page.getByLabel("New Password", { exact: true }).fill("short");
  await page.getByLabel("Enter New Password Again").fill("short");
  await page.getByRole("button", { name: "Send" }).click();
  assert.match((await page.getByRole("alert").textContent())!, /^Password did not conform with policy/);
  await page.getByLabel("New Password", { exact: true }).fill("New-Passw0rd!");
  await page.getByLabel("Enter New Password Again").fill("New-Passw0rd!");
  await page.getByRole("button", { name: "Send" }).click();
  const tokens = await exchange(page, flow);
  assert.ok(tokens.id_token);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("forgot password: the code from the inbox and a new password, then sign-in with it", async () => {
  const { page, errors } = await newPage();
  const flow = await startAuthorize(page);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Username").fill("carol");
  await page.getByRole("button", { name: "Reset my password" }).click();
  assert.equal(await page.locator("#notice").textContent(), "We have sent a password reset code by email to c***@e***.");
  const messages = await s.inbox({ poolId, username: "carol" }, 3);
  const code = messages.find((m) => m.purpose === "FORGOT_PASSWORD")!.code!;
  await page.getByLabel("Code").fill(code);
  await page.getByLabel("New Password", { exact: true }).fill("Reset-Passw0rd!");
  await page.getByLabel("Enter New Password Again").fill("Reset-Passw0rd!");
  await page.getByRole("button", { name: "Change Password" }).click();
  assert.equal(await page.locator("#notice").textContent(), "Your password has been changed. Sign in with your new password.");
  await page.getByLabel("Password", { exact: true }).fill("Reset-Passw0rd!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await exchange(page, flow);
  assert.deepEqual(errors, []);
  await page.context().close();
});
