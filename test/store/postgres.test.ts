// PostgreSQL whatever the pass (schemas of its own on the test cluster): not marked, so it runs once, in the first pass.
/** The store conformance suite on PostgreSQL: a fresh schema on the test cluster per test (test/helpers/postgres.ts). */
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import pg from "pg";
import { loadMigrations } from "../../src/store/migrate.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { Store } from "../../src/store/types.js";
import { createSchema, stopOwnCluster, type TestDatabase } from "../helpers/postgres.js";
import { eventually } from "../helpers/wait.js";
import { client, conformance, pool, user } from "./conformance.js";

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

describe("PostgreSQL store: the pool and client cache across instances", () => {
  /** Changes a client's name behind the stores' backs (no notification): only a store that reads the row sees it. */
  const rawRename = async (url: string, id: string, name: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try { await c.query("UPDATE clients SET name = $1 WHERE id = $2", [name, id]); } finally { await c.end(); }
  };
  // Lets the notifications of a store's own writes arrive: a read that a notification overtakes is not cached.
  const settle = () => new Promise((r) => setTimeout(r, 200));

  test("a change made through one instance reaches the other's cache; a lost listener turns the cache off until it is back", async () => {
    const db = await createSchema("cache");
    const [a, b] = await Promise.all([openPostgresStore({ url: db.url }), openPostgresStore({ url: db.url })]);
    try {
      await a.insertPool(pool("us-east-1_C"));
      await a.insertClient(client("c1", "us-east-1_C"));
      await settle();
      assert.equal((await a.getClient("c1"))!.name, "client c1");
      await rawRename(db.url, "c1", "renamed behind its back");
      assert.equal((await a.getClient("c1"))!.name, "client c1", "served from the cache");

      await b.updateClient(client("c1", "us-east-1_C", { name: "renamed by b" }));
      await eventually("a sees b's change", async () => (await a.getClient("c1"))!.name === "renamed by b");
      await b.updatePool(pool("us-east-1_C", { name: "pool renamed by b" }));
      await eventually("a sees b's pool change", async () => (await a.getPool("us-east-1_C"))!.name === "pool renamed by b");
      await b.tx((t) => t.deleteClient("c1"));
      await eventually("a sees the deletion", async () => (await a.getClient("c1")) === undefined);

      // The listening connections are killed: until they are back, every read goes to the database.
      await a.insertClient(client("c2", "us-east-1_C"));
      await settle();
      await a.getClient("c2");
      const admin = new pg.Client({ connectionString: db.url });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'userpool-listen'");
      await rawRename(db.url, "c2", "seen without the listener");
      await eventually("a reads through while not listening", async () => (await a.getClient("c2"))!.name === "seen without the listener", 1000);
      // Back within a second or so; then the cache serves again (a change behind its back goes unseen).
      await eventually("the listener is back", async () => {
        const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'userpool-listen' AND query LIKE 'LISTEN%'");
        return rows[0].n >= 2;
      }, 5000);
      await settle();
      await a.getClient("c2");
      await rawRename(db.url, "c2", "unseen again");
      assert.equal((await a.getClient("c2"))!.name, "seen without the listener", "cached again");
      await b.updateClient(client("c2", "us-east-1_C", { name: "announced" }));
      await eventually("and announced changes arrive again", async () => (await a.getClient("c2"))!.name === "announced");
      await admin.end();
    } finally {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    }
  });
});

describe("PostgreSQL store: prepared statements", () => {
  test("a newer instance's migration changing a table does not break the statements this one prepared", async () => {
    const db = await createSchema("prepared");
    // One connection, so the second call surely runs where the first prepared the statement.
    const s = await openPostgresStore({ url: db.url, poolSize: 1 });
    const admin = new pg.Client({ connectionString: db.url });
    try {
      await s.insertPool(pool("us-east-1_P"));
      await s.insertUser(user("us-east-1_P", "ann"));
      assert.equal((await s.getUser("us-east-1_P", "ann"))?.username, "ann");
      assert.equal((await s.tx((t) => t.getUser("us-east-1_P", "ann")))?.username, "ann");
      await admin.connect();
      // What a later migration might do: `SELECT * FROM users` now returns another column.
      await admin.query("ALTER TABLE users ADD COLUMN added_by_a_newer_version TEXT");
      assert.equal((await s.getUser("us-east-1_P", "ann"))?.username, "ann", "outside a transaction: prepared again");
      await admin.query("ALTER TABLE users ADD COLUMN and_another TEXT");
      let runs = 0;
      assert.equal((await s.tx((t) => { runs++; return t.getUser("us-east-1_P", "ann"); }))?.username, "ann", "in a transaction: run again");
      assert.equal(runs, 2, "the transaction was aborted by the stale plan and run again");
    } finally {
      await admin.end();
      await s.close();
      await db.drop();
    }
  });
});
