// test-stores: sqlite, postgres
/**
 * The dev console's home page (`GET /`, dev mode only) in a real Chromium: what is running, the endpoint to use,
 * links that work, and the pools with their clients' auth flows and callback URLs, user counts and issuers.
 * USERPOOL_SCREENSHOT_DIR=docs writes docs/dev-console-home.png. Fails, never skips, when Chromium is missing.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";

const CHROMIUM = "/usr/bin/chromium";

test("the dev console's home page in Chromium", async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  const s = await startTestServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

    await page.goto(`${s.url}/`);
    assert.equal(await page.title(), "userpool dev console");
    assert.match((await page.locator(".endpoint").textContent())!, new RegExp(`AWS_ENDPOINT_URL=${s.url.replace(/[.]/g, "\\.")}`));
    assert.match((await page.locator("#no-pools").textContent())!, /No user pools yet/);

    const poolId = await createPool(s, { PoolName: "shop-customers" });
    const { clientId } = await createClient(s, poolId, {
      ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      CallbackURLs: ["http://localhost:3000/callback"], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid"], AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ["COGNITO"],
    });
    const plain = await createPool(s, { PoolName: "plain", AutoVerifiedAttributes: [] });
    await createClient(s, plain, { ClientName: "bare", ExplicitAuthFlows: undefined });
    await signUp(s, clientId, "alice", { email: "alice@example.com" });
    await signUp(s, clientId, "bob", { email: "bob@example.com" });
    await s.inbox({ poolId }, 2);

    await page.reload();
    const shop = page.locator(`section.pool[data-pool-id="${poolId}"]`);
    assert.match((await shop.locator("h2").textContent())!, /^shop-customers /);
    assert.equal(await shop.locator("h2 code.id").textContent(), poolId);
    assert.equal(await shop.locator(".users").textContent(), "2 users");
    assert.match((await shop.locator(".facts").textContent())!, /verifies email/);
    assert.match((await shop.locator(".facts").textContent())!, new RegExp(`issuer ${s.url.replace(/[.]/g, "\\.")}/${poolId}`));
    const web = shop.locator("tr.client");
    assert.equal(await web.locator("code.id").textContent(), clientId);
    assert.deepEqual(await web.locator(".flows .tag").allTextContents(), ["USER_PASSWORD_AUTH", "USER_SRP_AUTH", "REFRESH_TOKEN_AUTH"]);
    assert.match((await web.textContent())!, /http:\/\/localhost:3000\/callback/);
    // The client has the code flow: its callback links to the hosted UI's sign-in.
    await web.locator("a.hosted-ui").click();
    assert.equal(await page.locator("h1").textContent(), "Sign in with your username and password");
    await page.goBack();
    const bare = page.locator(`section.pool[data-pool-id="${plain}"]`);
    assert.match((await bare.locator(".warn").textContent())!, /verifies nothing automatically: sign-up sends no code/);
    // A client made without ExplicitAuthFlows has Cognito's defaults, which leave out USER_PASSWORD_AUTH.
    assert.deepEqual(await bare.locator(".flows .tag").allTextContents(), ["REFRESH_TOKEN_AUTH", "USER_SRP_AUTH", "CUSTOM_AUTH"]);
    // Ids are selected whole with one click, for copying.
    assert.equal(await shop.locator("h2 code.id").evaluate((el) => getComputedStyle(el).userSelect), "all");
    if (process.env.USERPOOL_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.USERPOOL_SCREENSHOT_DIR, "dev-console-home.png"), fullPage: true });

    // The pool's "users" link: its users, read-only, with status, attributes and their latest message.
    await shop.locator('a:text("users")').click();
    await page.waitForURL(/\/_dev\/pools\?poolId=/);
    assert.equal(await page.title(), "userpool: shop-customers");
    assert.deepEqual(await page.locator("tr.user code.id").allTextContents(), ["alice", "bob"]);
    const aliceRow = page.locator('tr.user[data-username="alice"]');
    assert.equal(await aliceRow.locator(".status").textContent(), "UNCONFIRMED");
    assert.match((await aliceRow.locator(".attrs").textContent())!, /email alice@example\.com/);
    assert.match((await aliceRow.locator("td a").textContent())!, /^SIGN_UP to alice@example\.com$/);
    if (process.env.USERPOOL_SCREENSHOT_DIR) await page.screenshot({ path: join(process.env.USERPOOL_SCREENSHOT_DIR, "dev-console-users.png"), fullPage: true });
    await aliceRow.locator("td a").click();
    await page.waitForURL(/\/_dev\/inbox\?poolId=.*&username=alice/);
    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["alice@example.com"]);
    assert.equal((await fetch(`${s.url}/_dev/pools?poolId=us-east-1_nothere`)).status, 404);
    // The inbox names each message's pool next to its id.
    assert.equal(await page.locator("article.msg footer .pool-name").textContent(), "shop-customers");
    assert.equal(await page.locator("article.msg footer code.pool-id").textContent(), poolId);
    assert.match((await page.locator(".scope").textContent())!, new RegExp(`^pool shop-customers ${poolId} · user alice$`));

    // /_dev/pools: every pool by name, next to its id, with its users and messages.
    await page.goto(`${s.url}/`);
    await page.locator('nav a:text("Pools")').click();
    await page.waitForURL(`${s.url}/_dev/pools`);
    assert.equal(await page.title(), "userpool: pools");
    const rows = page.locator("tr.pool-row");
    const expected = [["shop-customers", poolId, "2"], ["plain", plain, "0"]].sort((a, b) => (a[1] < b[1] ? -1 : 1)); // by id
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [".name", "code.id", ".users"].map((sel) => tr.querySelector(sel)!.textContent))), expected);
    await page.locator(`tr.pool-row[data-pool-id="${plain}"] a:text("users")`).click();
    await page.waitForURL(/\/_dev\/pools\?poolId=/);
    assert.equal(await page.title(), "userpool: plain");
    assert.equal(await page.locator("section.pool h2 code.id").textContent(), plain);
    assert.match((await page.locator("section.pool h2").textContent())!, new RegExp(`^plain ${plain}$`));
    await page.goto(`${s.url}/`);

    // The pool's "messages" link opens the inbox on that pool's messages, which links back.
    await shop.locator('a:text("messages")').click();
    await page.waitForURL(/\/_dev\/inbox\?poolId=/);
    assert.equal(await page.title(), "userpool dev inbox");
    assert.deepEqual((await page.locator("article.msg .to").allTextContents()).sort(), ["alice@example.com", "bob@example.com"]);
    assert.match((await page.locator(".scope").textContent())!, new RegExp(`^pool shop-customers ${poolId}$`));
    await page.locator('a:text("console")').click();
    await page.waitForURL(`${s.url}/`);
    for (const [name, path] of [["Inbox JSON", "/_dev/inbox/messages"], ["Health", "/health"]]) {
      assert.equal(await page.locator(`nav a:text("${name}")`).getAttribute("href"), path);
      assert.equal((await fetch(s.url + path)).status, 200);
    }
    assert.deepEqual(errors, []);
    // An SDK that GETs / (naming an operation) is still told the API is POST /.
    const sdkGet = await fetch(`${s.url}/`, { headers: { "x-amz-target": "AWSCognitoIdentityProviderService.SignUp" } });
    assert.equal(sdkGet.status, 404);
    assert.match((await sdkGet.json()).message, /The Cognito API is POST \//);
  } finally {
    await browser.close();
    await s.close();
  }
});

test("production mode has no console page: GET / stays the API's JSON 404", async () => {
  const s = await startTestServer({ mode: "production", accessKeyId: "AKIDHOME", secretAccessKey: "s", serverSecret: "ab".repeat(32) });
  try {
    const res = await fetch(`${s.url}/`);
    assert.equal(res.status, 404);
    assert.equal(res.headers.get("content-type"), "application/json");
  } finally {
    await s.close();
  }
});
