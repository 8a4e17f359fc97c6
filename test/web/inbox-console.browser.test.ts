// test-stores: sqlite, postgres
/**
 * The dev inbox page's console features in Chromium: a resent code marks the older one superseded, a confirmation
 * link is a button that confirms, the filter matches part of an address or username, ?poolId= scopes the page, and
 * "Clear delivered" empties it.
 */
import { ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";

const CHROMIUM = "/usr/bin/chromium";

test("the dev inbox marks superseded codes, shows links as buttons, filters by substring and pool, and clears", async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)`);
  const s = await startTestServer({ resendLimitPerHour: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const codes = await createPool(s, { PoolName: "codes" });
    const { clientId } = await createClient(s, codes);
    await signUp(s, clientId, "alice", { email: "alice@example.com" });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "alice" }));
    await signUp(s, clientId, "bob", { email: "bob@other.test" });
    const links = await createPool(s, { PoolName: "links", VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_LINK" } });
    const linkClient = await createClient(s, links);
    await signUp(s, linkClient.clientId, "carol", { email: "carol@example.com" });
    await s.inbox({}, 4);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(`${s.url}/_dev/inbox?poolId=${codes}`);
    const alice = page.locator('article.msg[data-to="alice@example.com"]');
    assert.equal(await alice.count(), 2);
    assert.equal(await alice.nth(0).locator(".badge.old").count(), 0, "the newest code is current");
    assert.equal(await alice.nth(1).locator(".badge.old").textContent(), "superseded by a newer code");
    assert.equal(await page.locator('article.msg[data-to="bob@other.test"] .badge.old').count(), 0);
    assert.equal(await page.locator('article.msg[data-to="carol@example.com"]').count(), 0, "scoped to the pool");
    assert.equal(await page.locator(".scope").textContent(), `pool codes ${codes}`, "the pool's name next to its id");
    assert.deepEqual([...new Set(await page.locator("article.msg footer .pool-name").allTextContents())], ["codes"]);

    // Part of an address or a username, case-insensitively.
    await page.goto(`${s.url}/_dev/inbox`);
    await page.fill('input[name="to"]', "OTHER.test");
    await page.click('button[type="submit"]');
    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["bob@other.test"]);
    await page.goto(`${s.url}/_dev/inbox?to=car`);
    assert.deepEqual(await page.locator("article.msg .to").allTextContents(), ["carol@example.com"]);

    // The confirmation link is a button, and it confirms.
    await page.locator("a.confirm").click();
    await page.waitForLoadState();
    const carol = await s.server.deps.store.getUser(links, "carol");
    assert.equal(carol?.status, "CONFIRMED");

    await page.goto(`${s.url}/_dev/inbox`);
    assert.ok((await page.locator("article.msg").count()) >= 4);
    await page.click("#clear");
    await page.locator("p.empty").waitFor({ timeout: 10_000 });
    assert.equal((await (await fetch(`${s.url}/_dev/inbox/messages`)).json()).messages.length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await s.close();
  }
});
