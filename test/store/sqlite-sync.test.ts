// SQLite only: the SQLite store's durability setting (synchronous=NORMAL/FULL).
/** The SQLite store's durability setting: normal by default, full on request, from the store up to the command line. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, configFromEnv, resolveConfig } from "../../src/config.js";
import { openSqliteStore, type SqliteStore } from "../../src/store/sqlite.js";
import { pool } from "./conformance.js";
import { startTestServer } from "../helpers/server.js";
import { cleanEnv, CLI, spawnServer } from "../helpers/cli.js";

const dir = () => mkdtempSync(join(tmpdir(), "userpool-sync-"));

test("the connection runs with synchronous=NORMAL by default and FULL when asked; data is kept either way", async () => {
  for (const [asked, got] of [[undefined, "normal"], ["normal", "normal"], ["full", "full"]] as const) {
    const file = join(dir(), "userpool.db");
    const s = openSqliteStore({ file, ...(asked ? { synchronous: asked } : {}) });
    assert.equal(s.synchronous, got, `asked ${asked}`);
    await s.tx((t) => t.insertPool(pool("us-east-1_S")));
    await s.close();
    const again = openSqliteStore({ file });
    assert.ok(await again.getPool("us-east-1_S"));
    await again.close();
  }
});

test("configuration: USERPOOL_SQLITE_SYNC and --sqlite-sync, checked; the server's store uses it; the banner says it", async () => {
  assert.equal(resolveConfig({}).sqliteSync, "normal");
  const production = { mode: "production" as const, accessKeyId: "AKIASYNC", secretAccessKey: "s", serverSecret: "ab".repeat(32) };
  assert.equal(resolveConfig(production).sqliteSync, "full", "production does not trade durability for speed by default");
  assert.equal(resolveConfig({ ...production, sqliteSync: "normal" }).sqliteSync, "normal");
  assert.equal(resolveConfig(configFromEnv({ USERPOOL_SQLITE_SYNC: "full" })).sqliteSync, "full");
  assert.throws(() => resolveConfig({ sqliteSync: "fast" as never }), ConfigError);
  if (process.env.USERPOOL_TEST_STORE !== "postgres") {
    const s = await startTestServer({ sqliteSync: "full" });
    try {
      assert.equal((s.server.deps.store as SqliteStore).synchronous, "full");
    } finally {
      await s.close();
    }
  }
  const refused = spawnSync(process.execPath, [...CLI, "--sqlite-sync", "fast", "-p", "0", "-d", dir()], { env: cleanEnv(), encoding: "utf8", timeout: 30_000 });
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /--sqlite-sync/);
  const srv = await spawnServer(["--sqlite-sync", "full", "-p", "0", "-d", dir()], {});
  srv.child.kill("SIGTERM");
  assert.match(srv.output(), /store: {3}SQLite \S+userpool\.db \(sync full: every commit fsynced\)/);
});
