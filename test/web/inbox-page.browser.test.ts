// test-stores: sqlite, postgres
/**
 * The dev inbox page in a real Chromium (Debian's /usr/bin/chromium through playwright-core): newest first, the
 * code large with a working copy button, filtering by address, and new messages appearing without a reload.
 * Fails, never skips, when Chromium is missing: `apt-get install -y chromium`.
 */
import { ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";

const CHROMIUM = "/usr/bin/chromium";

test("the dev inbox page in Chromium", async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  const s = await startTestServer({ resendLimitPerHour: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const poolId = await createPool(s, { VerificationMessageTemplate: { EmailSubject: "Your Acme code", EmailMessage: "Hello {username},\nyour code is {####}." } });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "alice", { email: "alice@example.com" });
    await s.inbox({ poolId }, 1);
    await signUp(s, clientId, "bob", { email: "bob@example.com" });
    const [, aliceMessage] = await s.inbox({ poolId }, 2);

    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: s.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    await page.goto(`${s.url}/_dev/inbox`);
    assert.equal(await page.title(), "userpool dev inbox");

    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["bob@example.com", "alice@example.com"], "newest first");
    const alice = page.locator('article.msg[data-to="alice@example.com"]');
    assert.equal(await alice.locator(".medium").textContent(), "EMAIL");
    assert.equal(await alice.locator(".purpose").textContent(), "SIGN_UP");
    assert.equal(await alice.locator(".status").textContent(), "sent");
    assert.equal(await alice.locator(".attempts").textContent(), "1 attempt");
    assert.equal(await alice.locator("h2.subject").textContent(), "Your Acme code");
    assert.match((await alice.locator("time").textContent())!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    assert.equal(await alice.locator(".code").textContent(), aliceMessage.code);
    assert.equal(await alice.locator("pre.body").innerText(), `Hello alice,\nyour code is ${aliceMessage.code}.`);
    const codeSize = await alice.locator(".code").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const bodySize = await alice.locator("pre.body").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(codeSize >= 2 * bodySize, `the code is large (${codeSize}px against ${bodySize}px)`);

    await alice.locator("button.copy").click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), aliceMessage.code);
    assert.equal(await alice.locator("button.copy").textContent(), "Copied");

    // Live: new messages appear without a reload (the marker survives only if the page is not reloaded).
    await page.locator("#live.on").waitFor({ timeout: 5000 });
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 42; });
    await signUp(s, clientId, "carol", { email: "carol@example.com" });
    const carol = page.locator('article.msg[data-to="carol@example.com"]');
    await carol.waitFor({ timeout: 5000 });
    await page.locator('article.msg[data-to="carol@example.com"][data-status="sent"]').waitFor({ timeout: 5000 });
    const [carolMessage] = await s.inbox({ to: "carol@example.com" }, 1);
    assert.equal(await carol.locator(".code").textContent(), carolMessage.code);
    assert.equal(await page.evaluate(() => (window as unknown as { marker: number }).marker), 42, "no reload happened");
    assert.equal(await page.locator("article.msg .to").first().textContent(), "carol@example.com");

    // Filter by address; live updates keep the filter.
    await page.fill('input[name="to"]', "alice@example.com");
    await page.press('input[name="to"]', "Enter");
    await page.waitForURL(/\?to=alice%40example\.com$/);
    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["alice@example.com"]);
    await page.locator("#live.on").waitFor({ timeout: 5000 });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "bob" }));
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "alice" }));
    await page.locator('article.msg[data-to="alice@example.com"]').nth(1).waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["alice@example.com", "alice@example.com"]);
    const [resent] = await s.inbox({ to: "alice@example.com" }, 2);
    assert.equal(await page.locator("article.msg .code").first().textContent(), resent.code);
    assert.equal(await page.locator("article.msg .purpose").first().textContent(), "RESEND_CODE");

    assert.deepEqual(errors, [], "no script errors");
  } finally {
    await browser.close();
    await s.close();
  }
});
