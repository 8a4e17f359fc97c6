/** The store conformance suite on PostgreSQL: a fresh schema on the test cluster per test (test/helpers/postgres.ts). */
import { after } from "node:test";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store } from "../../src/store/types.js";
import { createSchema, stopOwnCluster, type TestDatabase } from "../helpers/postgres.js";
import { conformance } from "./conformance.js";

const dbs = new Map<Store, TestDatabase>();
after(() => stopOwnCluster());

conformance("postgres", {
  async open() {
    const db = await createSchema("store");
    const store = await openPostgresStore({ url: db.url });
    dbs.set(store, db);
    return store;
  },
  async dispose(store) {
    await store.close();
    await dbs.get(store)!.drop();
    dbs.delete(store);
  },
});
