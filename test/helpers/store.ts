/**
 * The store of the current `npm test` pass, for the suites that run on both stores (first line
 * `// test-stores: sqlite, postgres`) without going through startTestServer: repositories called directly, and
 * `userpool` processes started by the test. `USERPOOL_TEST_STORE=postgres` (the second pass) means PostgreSQL.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { createSchema, databaseForDataDir } from "./postgres.js";

export const TEST_STORE: "sqlite" | "postgres" = process.env.USERPOOL_TEST_STORE === "postgres" ? "postgres" : "sqlite";

export interface PassDatabase {
  /** A store on the database (migrated on first open); each call opens another one, as another instance would. */
  open(): Promise<Store>;
  /** Closes the stores opened here and removes the database. */
  drop(): Promise<void>;
}

/** An empty database of this pass's kind: a SQLite file in a temporary directory, or a fresh PostgreSQL schema. */
export async function passDatabase(): Promise<PassDatabase> {
  const opened: Store[] = [];
  const closeAll = async () => { for (const s of opened.splice(0)) await s.close(); };
  if (TEST_STORE === "postgres") {
    const db = await createSchema("store");
    const { openPostgresStore } = await import("../../src/store/postgres.js");
    return {
      async open() { const s = await openPostgresStore({ url: db.url }); opened.push(s); return s; },
      async drop() { await closeAll(); await db.drop(); },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "userpool-store-"));
  return {
    async open() { const s = openSqliteStore({ file: join(dir, "userpool.db") }); opened.push(s); return s; },
    async drop() { await closeAll(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/**
 * The store arguments of a `userpool` process started by a test: `--data-dir <dataDir>` and, in the PostgreSQL pass,
 * `--database-url` of the data dir's database (the same one for a restart on that dir, as with startTestServer).
 * `open()` reads what the process wrote, through a store of its own; `drop()` removes the PostgreSQL database once
 * the process has ended (the data dir is the caller's).
 */
export async function processStore(dataDir: string): Promise<{ args: string[]; open(): Promise<Store>; drop(): Promise<void> }> {
  if (TEST_STORE === "postgres") {
    mkdirSync(dataDir, { recursive: true }); // the database's URL is kept in the data dir
    const db = await databaseForDataDir(dataDir);
    const { openPostgresStore } = await import("../../src/store/postgres.js");
    return { args: ["--data-dir", dataDir, "--database-url", db.url], open: () => openPostgresStore({ url: db.url, poolSize: 1 }), drop: db.drop };
  }
  return { args: ["--data-dir", dataDir], open: async () => openSqliteStore({ file: join(dataDir, "userpool.db") }), drop: async () => undefined };
}
