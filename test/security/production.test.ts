// test-stores: sqlite, postgres
/**
 * Production mode: refuses to start without credentials and a configured server secret, then requires SigV4,
 * serves no /_dev, never generates the secret and never logs a code.
 */
import { CreateUserPoolClientCommand, CreateUserPoolCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ConfigError, parseServerSecret, productionRequirements, resolveConfig } from "../../src/config.js";
import type { OutboxMessage } from "../../src/store/types.js";
import { sdkClient } from "../helpers/server.js";
import { processStore } from "../helpers/store.js";
import { cleanEnv, CLI, spawnServer } from "../helpers/cli.js";
import { assertAwsError, call } from "./helpers.js";

describe("production mode configuration", () => {
  test("lists every missing requirement, and accepts hex or base64 secrets of at least 32 bytes", () => {
    assert.throws(() => resolveConfig({ mode: "production" }), (e: any) => {
      assert.ok(e instanceof ConfigError);
      assert.match(e.message, /credentials for the IAM-authorised operations/);
      assert.match(e.message, /a server secret/);
      return true;
    });
    const secret = randomBytes(32);
    const base = { mode: "production" as const, accessKeyId: "AKIAPROD", secretAccessKey: "s" };
    assert.deepEqual(productionRequirements(resolveConfig({ ...base, serverSecret: secret.toString("hex") })), []);
    assert.deepEqual(parseServerSecret(secret.toString("hex")), secret);
    assert.deepEqual(parseServerSecret(secret.toString("base64")), secret);
    assert.deepEqual(parseServerSecret(secret.toString("base64url")), secret);
    assert.throws(() => resolveConfig({ ...base, serverSecret: randomBytes(31).toString("hex") }), /at least 32 bytes/);
    assert.throws(() => resolveConfig({ ...base, serverSecret: "not a secret!" }), /hex or base64/);
    assert.throws(() => resolveConfig({ ...base, secretFile: "/nonexistent/secret.key" }), /a server secret/);
    assert.throws(() => resolveConfig({ mode: "production", serverSecret: secret.toString("hex") }), /credentials/);
  });

  test("says where the mode came from: the default, or USERPOOL_MODE", async () => {
    const dev = await spawnServer(["-p", "0", "-d", mkdtempSync(join(tmpdir(), "userpool-mode-"))], {});
    dev.child.kill("SIGTERM");
    assert.match(dev.output(), /\(dev mode: the default; --mode production for a deployment\)/);
    const prod = await spawnServer(["-p", "0", "-d", mkdtempSync(join(tmpdir(), "userpool-mode-"))], {
      USERPOOL_MODE: "production", USERPOOL_ACCESS_KEY_ID: "AKIAMODE", USERPOOL_SECRET_ACCESS_KEY: "s", USERPOOL_SERVER_SECRET: randomBytes(32).toString("hex"),
    });
    prod.child.kill("SIGTERM");
    assert.match(prod.output(), /\(production mode: set by USERPOOL_MODE\)/);
  });

  test("the CLI refuses to start, says why and exits non-zero", () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-prod-"));
    const r = spawnSync(process.execPath, [...CLI, "--mode", "production", "-p", "0", "-d", dir], { env: cleanEnv(), encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /production mode refuses to start; it needs:/);
    assert.match(r.stderr, /--credentials-file/);
    assert.match(r.stderr, /--server-secret/);
    assert.equal(existsSync(join(dir, "secret.key")), false, "no secret was generated");
  });
});

describe("a production server", () => {
  const creds = { accessKeyId: "AKIAPRODUCTION000001", secretAccessKey: randomBytes(30).toString("base64") };
  const secret = randomBytes(32).toString("base64");
  let dir: string;
  let store: Awaited<ReturnType<typeof processStore>>;
  let srv: Awaited<ReturnType<typeof spawnServer>>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "userpool-prod-"));
    const file = join(dir, "credentials");
    writeFileSync(file, `# production keys\n${creds.accessKeyId}:${creds.secretAccessKey}\n`, { mode: 0o600 });
    store = await processStore(join(dir, "data"));
    srv = await spawnServer(
      ["--mode", "production", "-p", "0", ...store.args, "--credentials-file", file, "--log-level", "trace",
        "--smtp-url", "smtp://127.0.0.1:9", "--delivery-base-delay-ms", "400", "--delivery-max-attempts", "2"],
      { USERPOOL_SERVER_SECRET: secret },
    );
  });
  after(async () => {
    await srv?.kill("SIGTERM");
    await store?.drop();
  });

  test("says at start which mode it runs in and why", () => {
    assert.match(srv.output(), /production mode: SigV4 required for IAM operations \(1 key\), \/_dev off, codes never logged/);
    assert.match(srv.output(), /ip limit: 100\/10s per client IP/);
    assert.match(srv.output(), /listening on http:\/\/\S+ \(production mode: set by --mode\)/);
  });

  test("requires SigV4, serves no /_dev, generates no secret, and never logs a code", async () => {
    assertAwsError(await call(srv.url, "ListUserPools", { MaxResults: 1 }), "MissingAuthenticationTokenException");
    assert.equal((await fetch(`${srv.url}/_dev/inbox/messages`)).status, 404);
    assert.equal((await fetch(`${srv.url}/_dev/inbox`)).status, 404);
    assert.equal(existsSync(join(dir, "data", "secret.key")), false);

    const c = sdkClient(srv.url, creds);
    const pool = await c.send(new CreateUserPoolCommand({ PoolName: "prod", AutoVerifiedAttributes: ["email"] }));
    const client = await c.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: "app" }));
    await c.send(new SignUpCommand({
      ClientId: client.UserPoolClient!.ClientId!, Username: "prod-user", Password: "Passw0rd!",
      UserAttributes: [{ Name: "email", Value: "prod-user@example.com" }],
    }));
    c.destroy();
    // The code is in the outbox (it is the message's text), so we know what to look for in the output.
    // It is kept until the message has failed (two failed attempts: nothing listens on port 9), then erased.
    const db = await store.open();
    let row: OutboxMessage | undefined;
    let code: string | undefined;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      [row] = await db.listMessages({ username: "prod-user" });
      code ??= row?.code ?? undefined;
      if (row?.status === "failed") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await db.close();
    assert.match(code ?? "", /^\d{6}$/, "the code was in the outbox while the message was pending");
    assert.deepEqual(row && [row.status, row.attempts, row.code, row.body], ["failed", 2, null, ""], "failed (out of tries), its code and text erased");
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(srv.output().includes("outbox"), "trace logs were written");
    assert.doesNotMatch(srv.output(), new RegExp(`(?<!\\d)${code}(?!\\d)`), "the code never appears in the output");
  });
});
