/** The store conformance suite on PostgreSQL: a fresh schema on the test cluster per test (test/helpers/postgres.ts). */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import { loadMigrations } from "../../src/store/migrate.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store } from "../../src/store/types.js";
import { createSchema, stopOwnCluster, type TestDatabase } from "../helpers/postgres.js";
import { conformance, pool } from "./conformance.js";

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

describe("PostgreSQL store: start-up and transactions", () => {
  test("five stores opened at once on an empty database apply each migration once (advisory lock)", async () => {
    const db = await createSchema("migrate");
    try {
      const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStore({ url: db.url, poolSize: 1 })));
      try {
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const { rows } = await c.query("SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version");
        await c.end();
        assert.deepEqual(rows.map((r) => Number(r.version)).sort((a, b) => a - b), loadMigrations("postgres").map((m) => m.version));
        assert.ok(rows.every((r) => r.n === 1));
        await stores[4].insertPool(pool("us-east-1_A"));
        assert.ok(await stores[0].getPool("us-east-1_A"));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    } finally {
      await db.drop();
    }
  });

  test("refuses to start with a server secret other than the one the database is used with", async () => {
    const db = await createSchema("secret");
    try {
      const first = await openPostgresStore({ url: db.url, serverSecret: Buffer.alloc(32, 1) });
      await first.close();
      const same = await openPostgresStore({ url: db.url, serverSecret: Buffer.alloc(32, 1) });
      await same.close();
      await assert.rejects(openPostgresStore({ url: db.url, serverSecret: Buffer.alloc(32, 2) }), /server secret differs/);
    } finally {
      await db.drop();
    }
  });

  test("a transaction that PostgreSQL aborts for a deadlock is run again", async () => {
    const db = await createSchema("deadlock");
    const s = await openPostgresStore({ url: db.url });
    try {
      await s.insertPool(pool("us-east-1_A"));
      await s.insertPool(pool("us-east-1_B"));
      let runs = 0;
      let holding = 0;
      let bothHold!: () => void;
      const both = new Promise<void>((r) => { bothHold = r; });
      // Each locks one pool row, waits until the other holds its row, then wants the other's row: a deadlock.
      const crosswise = (first: string, second: string) => s.tx(async (t) => {
        runs++;
        await t.updatePool(pool(first, { name: `by ${first}` }));
        if (++holding === 2) bothHold();
        await both;
        await t.updatePool(pool(second, { name: `by ${first}` }));
        return first;
      });
      assert.deepEqual(await Promise.all([crosswise("us-east-1_A", "us-east-1_B"), crosswise("us-east-1_B", "us-east-1_A")]), ["us-east-1_A", "us-east-1_B"]);
      assert.equal(runs, 3, "the deadlock victim ran twice");
    } finally {
      await s.close();
      await db.drop();
    }
  });
});
