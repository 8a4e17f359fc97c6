// SQLite only: the SQLite store itself (the PostgreSQL one has test/store/postgres.test.ts).
/** The store conformance suite on SQLite: a fresh database file in a temporary directory per test. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { conformance } from "./conformance.js";

const dirs = new Map<Store, string>();

conformance("sqlite", {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "userpool-store-"));
    const store = openSqliteStore({ file: join(dir, "userpool.db") });
    dirs.set(store, dir);
    return store;
  },
  async dispose(store) {
    await store.close();
    rmSync(dirs.get(store)!, { recursive: true, force: true });
    dirs.delete(store);
  },
});
