// SQLite only: group commit is the SQLite store's, and the test reads the database file directly.
/**
 * Group commit in the SQLite store: transactions queued in one turn of the event loop share one COMMIT, without a
 * savepoint each; one that fails rolls back alone (the group runs again without it, once, if it had written); nobody is answered before the shared COMMIT; and the cached
 * pools and clients never outlive a write to them.
 */
import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, it } from "node:test";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";
import { client, message, pool, user } from "./conformance.js";

describe("sqlite group commit", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => { for (const c of cleanup.splice(0)) await c(); });
  const fresh = (maxGroup?: number) => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-group-"));
    const file = join(dir, "userpool.db");
    const store = openSqliteStore({ file, maxGroup });
    cleanup.push(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });
    return { store, file };
  };
  /** What another connection sees: only committed data. */
  const committedUsers = (file: string) => {
    const db = new Database(file, { readonly: true });
    try { return (db.prepare("SELECT username FROM users ORDER BY username").all() as { username: string }[]).map((r) => r.username); } finally { db.close(); }
  };

  it("commits many simultaneous transactions, and a failing one in the middle or first rolls back alone", async () => {
    const { store, file } = fresh();
    await store.insertPool(pool("us-east-1_G"));
    const fail = new Set([0, 7, 19]);
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => store.tx(async (tx) => {
      await tx.insertUser(user("us-east-1_G", `u${String(i).padStart(2, "0")}`));
      await tx.enqueue(message(`m${i}`));
      if (fail.has(i)) throw new Error(`boom ${i}`);
      return i;
    })));
    for (const [i, r] of results.entries()) {
      if (fail.has(i)) assert.equal(r.status === "rejected" && (r.reason as Error).message, `boom ${i}`);
      else assert.deepEqual(r, { status: "fulfilled", value: i });
    }
    const want = Array.from({ length: 20 }, (_, i) => i).filter((i) => !fail.has(i));
    assert.deepEqual(committedUsers(file), want.map((i) => `u${String(i).padStart(2, "0")}`));
    assert.deepEqual((await store.listMessages({ limit: 100 })).map((m) => m.id).sort(), want.map((i) => `m${i}`).sort());
  });

  it("runs a group again only for a failure after writes, at most once, and never for one before any write", async () => {
    const { store, file } = fresh();
    await store.insertPool(pool("us-east-1_R"));
    const runs = new Map<number, number>();
    const batch = (failAfterWrite: Set<number>, failOnRead: Set<number>, from: number) =>
      Promise.allSettled(Array.from({ length: 10 }, (_, k) => store.tx(async (tx) => {
        const i = from + k;
        runs.set(i, (runs.get(i) ?? 0) + 1);
        if (failOnRead.has(i)) { await tx.getUser("us-east-1_R", "nobody"); throw new Error(`read ${i}`); }
        await tx.insertUser(user("us-east-1_R", `r${String(i).padStart(2, "0")}`));
        if (failAfterWrite.has(i)) throw new Error(`write ${i}`);
        return i;
      })));
    // Failures before any write: every transaction ran once.
    const a = await batch(new Set(), new Set([2, 5]), 0);
    assert.deepEqual(a.map((r) => r.status), a.map((_, k) => ([2, 5].includes(k) ? "rejected" : "fulfilled")));
    assert.deepEqual([...runs.values()], Array(10).fill(1));
    // Three failures after writes in one group: the others ran at most twice (one re-run, with savepoints).
    runs.clear();
    const b = await batch(new Set([13, 15, 18]), new Set(), 10);
    assert.deepEqual(b.map((r) => r.status), b.map((_, k) => ([3, 5, 8].includes(k) ? "rejected" : "fulfilled")));
    assert.ok([...runs.values()].every((n) => n <= 2), JSON.stringify([...runs]));
    assert.equal(runs.get(11), 2, "a transaction before the failure ran again");
    const want = [0, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 14, 16, 17, 19].map((i) => `r${String(i).padStart(2, "0")}`);
    assert.deepEqual(committedUsers(file), want);
  });

  it("a message or decoy with a supersede key marks only the undelivered ones of that key superseded (looked up, then updated by id)", async () => {
    const { store, file } = fresh();
    const K = "us-east-1_S alice SIGN_UP";
    await store.enqueue(message("sent", { supersedeKey: K, status: "sent" }));
    await store.enqueue(message("queued", { supersedeKey: K }));
    await store.enqueue(message("other", { supersedeKey: "us-east-1_S bob SIGN_UP" }));
    await store.tx((t) => t.enqueue(message("new", { supersedeKey: K, createdAt: 5 })));
    await store.writeDecoy(1, message("d-sent", { supersedeKey: K, status: "sent" }));
    await store.writeDecoy(2, message("d-inflight", { supersedeKey: K, status: "processing", leaseUntil: 10 }));
    await store.writeDecoy(3, message("d-new", { supersedeKey: K, createdAt: 5 }));
    const db = new Database(file, { readonly: true });
    try {
      const status = (table: string) => Object.fromEntries((db.prepare(`SELECT id, status FROM ${table}`).all() as { id: string; status: string }[]).map((r) => [r.id, r.status]));
      assert.deepEqual(status("outbox"), { sent: "sent", queued: "superseded", other: "queued", new: "queued" });
      assert.deepEqual(status("outbox_decoy"), { "d-sent": "sent", "d-inflight": "superseded", "d-new": "queued" });
    } finally { db.close(); }
  });

  it("answers a transaction only once its work is committed (visible to another connection)", async () => {
    const { store, file } = fresh();
    await store.insertPool(pool("us-east-1_G"));
    const seen: string[][] = [];
    await Promise.all(Array.from({ length: 5 }, (_, i) =>
      store.tx(async (tx) => { await tx.insertUser(user("us-east-1_G", `c${i}`)); }).then(() => { seen.push(committedUsers(file)); })));
    for (const s of seen) assert.equal(s.length, 5, "every answer came after the shared COMMIT");
  });

  it("a write outside a transaction resolves after it is committed, and a read sees it", async () => {
    const { store, file } = fresh();
    await store.insertPool(pool("us-east-1_G"));
    const inserted = store.insertUser(user("us-east-1_G", "solo"));
    assert.deepEqual(committedUsers(file), [], "not yet committed when the call returns");
    assert.equal(await inserted, true);
    assert.deepEqual(committedUsers(file), ["solo"]);
    assert.equal((await store.getUser("us-east-1_G", "solo"))?.username, "solo");
  });

  it("works the same with group commit off (maxGroup 1)", async () => {
    const { store, file } = fresh(1);
    await store.insertPool(pool("us-east-1_G"));
    const results = await Promise.allSettled([0, 1, 2].map((i) => store.tx(async (tx) => {
      await tx.insertUser(user("us-east-1_G", `g${i}`));
      if (i === 1) throw new Error("no");
    })));
    assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected", "fulfilled"]);
    assert.deepEqual(committedUsers(file), ["g0", "g2"]);
  });

  it("never serves a cached pool or client older than the last committed write", async () => {
    const { store } = fresh();
    await store.insertPool(pool("us-east-1_C"));
    await store.insertClient(client("c1", "us-east-1_C"));
    assert.equal((await store.getPool("us-east-1_C"))?.name, "pool us-east-1_C");
    assert.equal((await store.getClient("c1"))?.name, "client c1");
    await store.updatePool({ ...pool("us-east-1_C"), name: "renamed" });
    await store.updateClient({ ...client("c1", "us-east-1_C"), name: "renamed client" });
    assert.equal((await store.getPool("us-east-1_C"))?.name, "renamed");
    assert.equal((await store.getClient("c1"))?.name, "renamed client");
    // A rolled-back update leaves the committed record in place.
    await assert.rejects(store.tx(async (tx) => { await tx.updatePool({ ...pool("us-east-1_C"), name: "never" }); throw new Error("undo"); }));
    assert.equal((await store.getPool("us-east-1_C"))?.name, "renamed");
    // A committed update inside a transaction is seen at once.
    await store.tx(async (tx) => { await tx.updatePool({ ...pool("us-east-1_C"), name: "via tx" }); });
    assert.equal((await store.getPool("us-east-1_C"))?.name, "via tx");
    await store.deleteClient("c1");
    assert.equal(await store.getClient("c1"), undefined);
    assert.equal(await store.deletePool("us-east-1_C"), true);
    assert.equal(await store.getPool("us-east-1_C"), undefined);
  });

  it("checkpoints from a worker thread without losing or blocking writes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-group-"));
    const file = join(dir, "userpool.db");
    const store = openSqliteStore({ file, checkpointAfterGroups: 1 });
    await store.insertPool(pool("us-east-1_W"));
    for (let round = 0; round < 20; round++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => store.tx(async (tx) => {
        await tx.insertUser(user("us-east-1_W", `w${round}-${i}`));
      })));
      await new Promise((r) => setTimeout(r, 10));
    }
    await store.close();
    assert.equal(committedUsers(file).length, 200);
    rmSync(dir, { recursive: true, force: true });
  });

  it("close waits for queued work", async () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-group-"));
    const file = join(dir, "userpool.db");
    const store: Store = openSqliteStore({ file });
    await store.insertPool(pool("us-east-1_Q"));
    const pending = Array.from({ length: 10 }, (_, i) => store.insertUser(user("us-east-1_Q", `q${i}`)));
    await store.close();
    assert.equal((await Promise.all(pending)).every(Boolean), true);
    assert.equal(committedUsers(file).length, 10);
    rmSync(dir, { recursive: true, force: true });
  });
});
