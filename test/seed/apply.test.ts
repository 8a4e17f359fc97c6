// test-stores: sqlite, postgres
/**
 * Applying a seed file on the store directly (src/seed/apply.ts): two instances that start together with the same
 * file (a shared database) both succeed and make each thing once.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { cryptoRandom, systemClock } from "../../src/domain/clock.js";
import { applySeed, exportSeed, parseSeed, SeedError } from "../../src/seed/index.js";
import { passDatabase, type PassDatabase } from "../helpers/store.js";

let db: PassDatabase | undefined;
after(() => db?.drop());

const FILE = JSON.stringify({
  UserPools: [{
    Id: "us-east-1_together", PoolName: "together",
    Clients: [{ ClientId: "together", ClientName: "web" }],
    Groups: [{ GroupName: "admins" }],
    Users: [{ Username: "alice", Password: "Passw0rd!", Groups: ["admins"] }, { Username: "bob" }],
  }],
});

test("two instances applying the same file at once both succeed, and each pool, client, group and user exists once", async () => {
  db = await passDatabase();
  const [a, b] = [await db.open(), await db.open()];
  const deps = (store: typeof a) => ({ store, clock: systemClock, random: cryptoRandom, config: { mode: "dev" as const, accountId: "000000000000", passwordHashCost: 4 } });
  const [ra, rb] = await Promise.all([applySeed(deps(a), parseSeed(FILE)), applySeed(deps(b), parseSeed(FILE))]);
  assert.equal(ra.length, 5);
  assert.equal(rb.length, 5);
  const created = [...ra, ...rb].filter((l) => /: created/.test(l));
  assert.ok(created.length >= 5, `everything was created by one of them: ${created.join("; ")}`);
  const seed = await exportSeed(a);
  assert.equal(seed.UserPools.length, 1);
  const [pool] = seed.UserPools;
  assert.deepEqual(pool.Clients!.map((c) => c.ClientId), ["together"]);
  assert.deepEqual(pool.Groups, [{ GroupName: "admins" }]);
  assert.deepEqual(pool.Users!.map((u) => [u.Username, u.Status, u.Groups]), [["alice", "CONFIRMED", ["admins"]], ["bob", "CONFIRMED", undefined]]);
  const alice = await a.getUser("us-east-1_together", "alice");
  assert.match(alice!.passwordHash!, /./, "alice has a password");
  assert.equal((await a.getUser("us-east-1_together", "bob"))!.passwordHash, null, "a user without Password has none");
});

test("two instances whose passes interleave to conflict twice (on the pool, then on the client) both succeed", async () => {
  // The order forced here: both plan (nothing exists); A makes the pool, B's pool conflicts; B plans again (the pool,
  // no client yet) before A makes the client, then B's client conflicts too. With one retry B failed on the second
  // conflict (CI, 2026-12-07: `UNIQUE constraint failed: clients.id`).
  const file = parseSeed(JSON.stringify({ UserPools: [{ Id: "us-east-1_twice", PoolName: "twice", Clients: [{ ClientId: "twice", ClientName: "web" }] }] }));
  const [a, b] = [await db!.open(), await db!.open()];
  const signal = () => { let open!: () => void; const p = new Promise<void>((r) => (open = r)); return { p, open }; };
  const aPool = signal(), aClient = signal(), bPlannedAgain = signal();
  let bClientReads = 0;
  const storeA = { ...a,
    insertPool: async (p: Parameters<typeof a.insertPool>[0]) => { await a.insertPool(p); aPool.open(); },
    insertClient: async (c: Parameters<typeof a.insertClient>[0]) => { await bPlannedAgain.p; await a.insertClient(c); aClient.open(); },
  };
  const storeB = { ...b,
    insertPool: async (p: Parameters<typeof b.insertPool>[0]) => { await aPool.p; return b.insertPool(p); },
    getClient: async (id: string) => { const c = await b.getClient(id); if (++bClientReads === 2) bPlannedAgain.open(); return c; },
    insertClient: async (c: Parameters<typeof b.insertClient>[0]) => { await aClient.p; return b.insertClient(c); },
  };
  const deps = (store: typeof a) => ({ store, clock: systemClock, random: cryptoRandom, config: { mode: "dev" as const, accountId: "000000000000", passwordHashCost: 4 } });
  const [ra, rb] = await Promise.all([applySeed(deps(storeA), file), applySeed(deps(storeB), file)]);
  assert.deepEqual(ra, ["pool us-east-1_twice (twice): created", "client twice (web): created"]);
  assert.deepEqual(rb, ["pool us-east-1_twice (twice): unchanged", "client twice (web): unchanged"]);
  assert.equal(bClientReads, 3, "B planned three times: two conflicts, then the pass that found both");
});

test("production mode: a pool may not auto-verify a medium without a channel, as with CreateUserPool; nothing is written", async () => {
  const store = await db!.open();
  const file = parseSeed(JSON.stringify({ UserPools: [{ Id: "us-east-1_prod", PoolName: "prod", AutoVerifiedAttributes: ["email"] }] }));
  const deps = { store, clock: systemClock, random: cryptoRandom, config: { mode: "production" as const, accountId: "000000000000", passwordHashCost: 14 } };
  await assert.rejects(applySeed(deps, file), (e: unknown) => {
    assert.ok(e instanceof SeedError);
    assert.match(e.message, /^UserPools\[0\]\.AutoVerifiedAttributes: .*--smtp-url/);
    return true;
  });
  assert.equal(await store.getPool("us-east-1_prod"), undefined);
  await applySeed({ ...deps, config: { ...deps.config, smtpUrl: "smtp://localhost:2525" } }, file);
  assert.equal((await store.getPool("us-east-1_prod"))!.name, "prod");
});
