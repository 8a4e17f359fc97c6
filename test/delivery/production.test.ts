// SQLite only for now: its restart-in-production case reopens the data dir without a database URL (see test/helpers/store.ts to move it).
/** Production mode delivers for real or refuses: start-up checks, pool creation guards, no inbox, no printed codes. */
import { CreateUserPoolCommand, UpdateUserPoolCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, resolveConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { startServer } from "../../src/server.js";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";
import { codeIn, startSmtpSink } from "./helpers.js";

const PRODUCTION: Partial<Config> = {
  mode: "production", accessKeyId: "AKIDTEST", secretAccessKey: "test-secret", serverSecret: "ab".repeat(32),
};

test("production mode refuses to start while a pool auto-verifies a medium without a channel", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-prod-"));
  try {
    const dev = await startTestServer({}, { dataDir });
    const emailPool = await createPool(dev, { PoolName: "by-email", AutoVerifiedAttributes: ["email"] });
    const phonePool = await createPool(dev, { PoolName: "by-phone", AutoVerifiedAttributes: ["phone_number"] });
    await createPool(dev, { PoolName: "no-verification", AutoVerifiedAttributes: [] });
    await dev.close();

    const start = (extra: Partial<Config>) =>
      startServer(resolveConfig({ port: 0, dataDir, logLevel: "silent", ...PRODUCTION, ...extra }), { log: createLogger("silent") });
    await assert.rejects(start({}), (e: Error) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, new RegExp(`pool ${emailPool} \\(by-email\\) auto-verifies email but no --smtp-url`));
      assert.match(e.message, new RegExp(`pool ${phonePool} \\(by-phone\\) auto-verifies phone_number but no --sms-webhook-url`));
      return true;
    });
    await assert.rejects(start({ smtpUrl: "smtp://127.0.0.1:1" }), (e: Error) => {
      assert.doesNotMatch(e.message, /by-email/);
      assert.match(e.message, /by-phone/);
      return true;
    });
    // A webhook must be signed in production (checked with the rest of the configuration).
    assert.throws(() => resolveConfig({ ...PRODUCTION, smsWebhookUrl: "http://127.0.0.1:1/sms" }), /--sms-webhook-secret/);
    const ok = await start({ smtpUrl: "smtp://127.0.0.1:1", smsWebhookUrl: "http://127.0.0.1:1/sms", smsWebhookSecret: "k" });
    await ok.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("in production, pools cannot auto-verify a medium without a channel; mail goes out, the inbox is off", async () => {
  const sink = await startSmtpSink({ starttls: false });
  const s = await startTestServer({ ...PRODUCTION, smtpUrl: sink.url });
  try {
    await rejectsWith(s.client.send(new CreateUserPoolCommand({ PoolName: "p", AutoVerifiedAttributes: ["email", "phone_number"] })),
      "InvalidParameterException",
      "AutoVerifiedAttributes contains phone_number, which needs an SMS channel in production mode: start userpool with --sms-webhook-url (env USERPOOL_SMS_WEBHOOK_URL).");
    const poolId = await createPool(s, { AutoVerifiedAttributes: ["email"] });
    await rejectsWith(s.client.send(new UpdateUserPoolCommand({ UserPoolId: poolId, AutoVerifiedAttributes: ["phone_number"] })),
      "InvalidParameterException", /needs an SMS channel in production mode/);

    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "prod-user", { email: "prod@example.com" });
    const [mail] = await sink.waitFor(1);
    const code = codeIn(mail.text)!;
    assert.match(code, /^\d{6}$/);
    assert.deepEqual(s.printed, [], "no code on the console in production");
    // Once sent, the outbox keeps no trace of the code: it lives on only as the HMAC in the codes table.
    const store = s.server.deps.store;
    let sent;
    for (let i = 0; i < 100 && !sent; i++) {
      sent = (await store.listMessages({ poolId, username: "prod-user" })).find((m) => m.status === "sent");
      if (!sent) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(sent, "the message is recorded as sent");
    assert.equal(sent.code, null);
    assert.equal(sent.body, "");
    assert.equal(sent.html, null);
    assert.equal(sent.destination, "prod@example.com", "the address and subject stay, for the record");
    assert.ok(!JSON.stringify(await store.listMessages({})).includes(code));

    for (const path of ["/_dev/inbox", "/_dev/inbox/messages", "/_dev/inbox/events"]) {
      assert.equal((await fetch(s.url + path)).status, 404, path);
    }
    assert.equal((await fetch(s.url + "/metrics")).status, 200);
  } finally {
    await s.close();
    await sink.stop();
  }
});
