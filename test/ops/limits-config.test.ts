// test-stores: sqlite, postgres
/**
 * The per-user limits are configuration: USERPOOL_CONFIRM_LIMIT_PER_HOUR / USERPOOL_RESEND_LIMIT_PER_HOUR (and the
 * other USERPOOL_* variables) are read from the environment, flags win over them, and 0 means unlimited.
 */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ConfigError, configFromEnv, DEFAULTS, resolveConfig } from "../../src/config.js";
import { LIMIT_MESSAGE } from "../../src/domain/limits.js";
import { createClient, createPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { sdkClient, startTestServer, type InboxMessage, type TestServer } from "../helpers/server.js";
import { spawnServer } from "../helpers/cli.js";
import { processStore } from "../helpers/store.js";

const LIMIT = "Attempt limit exceeded, please try after some time.";
const MISMATCH = "Invalid verification code provided, please try again.";

/** A six-digit code that is not `code`. */
const wrongFor = (code: string) => (code === "000000" ? "000001" : "000000");

describe("USERPOOL_CONFIRM_LIMIT_PER_HOUR on a running server", () => {
  test("the message the limit uses is Cognito's", () => {
    assert.equal(LIMIT_MESSAGE, LIMIT);
    assert.equal(DEFAULTS.confirmLimitPerHour, 15);
    assert.equal(DEFAULTS.resendLimitPerHour, 5);
  });

  describe("default (15 per user per hour)", () => {
    let s: TestServer, poolId: string, clientId: string;
    before(async () => {
      s = await startTestServer();
      poolId = await createPool(s);
      ({ clientId } = await createClient(s, poolId));
    });
    after(() => s.close());
    const confirm = (Username: string, ConfirmationCode: string) =>
      s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode }));

    test("15 wrong codes are CodeMismatchException, the 16th LimitExceededException; other users are unaffected", async () => {
      await signUp(s, clientId, "guesser", { email: "guesser@example.com" });
      const code = await s.latestCode(poolId, "guesser");
      const wrong = wrongFor(code);
      for (let i = 1; i <= 15; i++) await rejectsWith(confirm("guesser", wrong), "CodeMismatchException", MISMATCH);
      await rejectsWith(confirm("guesser", wrong), "LimitExceededException", LIMIT);
      await rejectsWith(confirm("guesser", code), "LimitExceededException", LIMIT);
      // The limit is per user.
      await signUp(s, clientId, "bystander", { email: "bystander@example.com" });
      await confirm("bystander", await s.latestCode(poolId, "bystander"));
      // After the hour the right code works again.
      s.clock.advance(60 * 60 * 1000 + 1);
      await confirm("guesser", code);
    });
  });

  test("confirmLimitPerHour: 0 is unlimited: the 20th wrong code is still CodeMismatchException", async () => {
    const s = await startTestServer({ confirmLimitPerHour: 0 });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "free", { email: "free@example.com" });
      const code = await s.latestCode(poolId, "free");
      const confirm = (c: string) => s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "free", ConfirmationCode: c }));
      for (let i = 1; i <= 20; i++) await rejectsWith(confirm(wrongFor(code)), "CodeMismatchException", MISMATCH);
      await confirm(code);
    } finally {
      await s.close();
    }
  });

  test("confirmLimitPerHour: 3 allows exactly 3 attempts", async () => {
    const s = await startTestServer({ confirmLimitPerHour: 3 });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "three", { email: "three@example.com" });
      const code = await s.latestCode(poolId, "three");
      const confirm = (c: string) => s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "three", ConfirmationCode: c }));
      for (let i = 1; i <= 3; i++) await rejectsWith(confirm(wrongFor(code)), "CodeMismatchException", MISMATCH);
      await rejectsWith(confirm(code), "LimitExceededException", LIMIT);
    } finally {
      await s.close();
    }
  });
});

describe("USERPOOL_* environment variables", () => {
  const ENV = {
    USERPOOL_RESEND_LIMIT_PER_HOUR: "0",
    USERPOOL_CONFIRM_LIMIT_PER_HOUR: "3",
    USERPOOL_PORT: "9999",
    USERPOOL_HOST: "0.0.0.0",
    USERPOOL_DATA_DIR: "/tmp/x",
    USERPOOL_PUBLIC_URL: "https://auth.example.test",
  };

  test("configFromEnv reads them and resolveConfig applies them over the defaults", () => {
    const fromEnv = configFromEnv(ENV);
    assert.deepEqual(fromEnv, {
      resendLimitPerHour: 0, confirmLimitPerHour: 3, port: 9999, host: "0.0.0.0", dataDir: "/tmp/x", publicUrl: "https://auth.example.test",
    });
    const c = resolveConfig(fromEnv);
    assert.equal(c.resendLimitPerHour, 0);
    assert.equal(c.confirmLimitPerHour, 3);
    assert.equal(c.port, 9999);
    assert.equal(c.host, "0.0.0.0");
    assert.equal(c.dataDir, "/tmp/x");
    assert.equal(c.publicUrl, "https://auth.example.test");
    // Untouched settings keep their defaults.
    assert.equal(c.mode, "dev");
    assert.equal(c.region, DEFAULTS.region);
  });

  test("a later layer (the flags) wins over the environment; an unset flag does not erase it", () => {
    const c = resolveConfig(configFromEnv(ENV), { resendLimitPerHour: 7, confirmLimitPerHour: undefined, port: 0 });
    assert.equal(c.resendLimitPerHour, 7);
    assert.equal(c.confirmLimitPerHour, 3);
    assert.equal(c.port, 0);
  });

  test("unset or empty variables leave the defaults; bad limits are refused", () => {
    assert.deepEqual(configFromEnv({ USERPOOL_CONFIRM_LIMIT_PER_HOUR: "", UNRELATED: "1" }), {});
    const d = resolveConfig(configFromEnv({}));
    assert.equal(d.confirmLimitPerHour, 15);
    assert.equal(d.resendLimitPerHour, 5);
    for (const bad of ["-1", "1.5", "many"]) {
      assert.throws(() => resolveConfig(configFromEnv({ USERPOOL_CONFIRM_LIMIT_PER_HOUR: bad })), ConfigError, bad);
      assert.throws(() => resolveConfig(configFromEnv({ USERPOOL_RESEND_LIMIT_PER_HOUR: bad })), ConfigError, bad);
    }
  });
});

describe("the CLI: environment variables are read and flags override them", () => {
  let dir: string;
  let store: Awaited<ReturnType<typeof processStore>>;
  let srv: Awaited<ReturnType<typeof spawnServer>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "userpool-limits-"));
    store = await processStore(join(dir, "data"));
    srv = await spawnServer(["-p", "0", ...store.args, "--log-level", "silent", "--resend-limit-per-hour", "0"],
      { USERPOOL_RESEND_LIMIT_PER_HOUR: "2", USERPOOL_CONFIRM_LIMIT_PER_HOUR: "3" });
  });
  after(async () => {
    if (srv && srv.child.exitCode === null) {
      const exited = new Promise((r) => srv.child.once("exit", r));
      srv.child.kill("SIGTERM");
      await exited;
    }
    await store?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("the banner announces the flag's unlimited resends and the environment's confirm limit", () => {
    assert.match(srv.output(), /^ {2}limits: {2}resend unlimited \(USERPOOL_RESEND_LIMIT_PER_HOUR=0\), confirm 3\/hour per user$/m);
  });

  test("and the server behaves so: more than 2 resends succeed, the 4th confirm attempt is refused", async () => {
    const client = sdkClient(srv.url);
    try {
      const t = { client } as unknown as TestServer;
      const poolId = await createPool(t);
      const { clientId } = await createClient(t, poolId);
      await signUp(t, clientId, "cli", { email: "cli@example.com" });
      for (let i = 0; i < 4; i++) await client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "cli" }));
      // Wait for the newest code to be delivered.
      let messages: InboxMessage[] = [];
      for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
        const res = await fetch(`${srv.url}/_dev/inbox/messages?${new URLSearchParams({ poolId, username: "cli" })}`);
        messages = ((await res.json()) as { messages: InboxMessage[] }).messages;
        if (messages.filter((m) => m.status === "sent").length >= 5) break;
      }
      assert.equal(messages.length, 5, "sign-up + 4 resends");
      const code = messages[0].code!;
      assert.match(code, /^\d{6}$/);
      const confirm = (c: string) => client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "cli", ConfirmationCode: c }));
      for (let i = 0; i < 3; i++) await rejectsWith(confirm(wrongFor(code)), "CodeMismatchException", MISMATCH);
      await rejectsWith(confirm(code), "LimitExceededException", LIMIT);
    } finally {
      client.destroy();
    }
  });
});
