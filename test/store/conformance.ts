/**
 * The store conformance suite: every repository of the `Store` interface, called directly, with the same
 * expectations for every adapter. `sqlite.test.ts` and `postgres.test.ts` run it on a real database each.
 * The concurrency cases fire many calls at once; on PostgreSQL they run on up to ten pooled connections, so they
 * check that limits, codes, usernames and outbox claims are atomic in the database, not in the process.
 */
import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import type { AuthorizationCode, AuthSession, ClientRecord, CodeIssue, CodeRecord, CodeResend, DomainRecord, GroupRecord, OutboxMessage, PoolRecord, ResourceServerRecord, Store, TokenOrigin, UserFilter, UserRecord } from "../../src/store/types.js";

export interface StoreFactory {
  /** A store on an empty, migrated database. */
  open(): Promise<Store>;
  /** Closes the store and removes its database. */
  dispose(store: Store): Promise<void>;
}

const T0 = 1_767_225_600_000; // 2026-01-01, an epoch-ms value beyond 32 bits

export const pool = (id: string, over: Partial<PoolRecord> = {}): PoolRecord => ({
  id, name: `pool ${id}`, doc: { Id: id, Policies: { PasswordPolicy: { MinimumLength: 8 } } }, signingKey: { kid: `k-${id}`, kty: "RSA" },
  createdAt: T0, updatedAt: T0, ...over,
});
export const client = (id: string, poolId: string, over: Partial<ClientRecord> = {}): ClientRecord => ({
  id, poolId, name: `client ${id}`, secret: null, doc: { ClientId: id, ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] },
  createdAt: T0, updatedAt: T0, ...over,
});
let subs = 0;
export const user = (poolId: string, username: string, over: Partial<UserRecord> = {}): UserRecord => ({
  poolId, usernameKey: username.toLowerCase(), username, sub: `00000000-0000-4000-8000-${String(++subs).padStart(12, "0")}`,
  status: "UNCONFIRMED", enabled: true, passwordHash: "scrypt$x", attributes: { email: `${username}@example.com` },
  emailKey: `${username}@example.com`.toLowerCase(), phone: null, createdAt: T0, updatedAt: T0, ...over,
});
export const group = (poolId: string, name: string, over: Partial<GroupRecord> = {}): GroupRecord => ({
  poolId, name, description: null, roleArn: null, precedence: null, createdAt: T0, updatedAt: T0, ...over,
});
export const code = (poolId: string, usernameKey: string, codeHmac: string, over: Partial<CodeRecord> = {}): CodeRecord => ({
  poolId, usernameKey, purpose: "SIGN_UP", codeHmac, attribute: "email", expiresAt: T0 + 86_400_000, createdAt: T0, ...over,
});
export const message = (id: string, over: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id, poolId: "us-east-1_P", username: "alice", channel: "EMAIL", destination: "alice@example.com", subject: "Your code",
  body: "Your code is 123456", html: null, code: "123456", purpose: "SIGN_UP", meta: null, status: "queued", attempts: 0,
  nextAttemptAt: T0, leaseUntil: null, lastError: null, createdAt: T0, updatedAt: T0, expiresAt: null, supersedeKey: null, ...over,
});

/** How many messages the store holds per status (summed over its per-medium counts). */
async function byStatus(s: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of await s.outboxCounts()) out[r.status] = (out[r.status] ?? 0) + r.count;
  return out;
}

/** Settles all promises; returns how many fulfilled with `true`-ish values and the rejections. */
async function settle<T>(ps: Promise<T>[]) {
  const rs = await Promise.allSettled(ps);
  return {
    values: rs.flatMap((r) => (r.status === "fulfilled" ? [r.value] : [])),
    errors: rs.flatMap((r) => (r.status === "rejected" ? [r.reason] : [])),
  };
}

export function conformance(name: string, factory: StoreFactory) {
  describe(`store conformance: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async () => {
      const s = await factory.open();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((s) => factory.dispose(s)));
    });

    it("reports its dialect", async () => {
      const s = await fresh();
      assert.equal(s.dialect, name);
    });

    describe("pools", () => {
      it("round-trips a pool with its JSON documents and epoch-ms times as numbers", async () => {
        const s = await fresh();
        const p = pool("us-east-1_AAA", { createdAt: T0 + 1, updatedAt: T0 + 2 });
        await s.insertPool(p);
        assert.deepEqual(await s.getPool(p.id), p);
        assert.equal(await s.getPool("us-east-1_nope"), undefined);
      });

      it("rejects a second pool with the same id", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_AAA"));
        await assert.rejects(s.insertPool(pool("us-east-1_AAA")));
      });

      it("lists pools in id order, a page at a time", async () => {
        const s = await fresh();
        for (const id of ["us-east-1_C", "us-east-1_A", "us-east-1_D", "us-east-1_B", "us-east-1_E"]) await s.insertPool(pool(id));
        const p1 = await s.listPools(2);
        assert.deepEqual(p1.items.map((p) => p.id), ["us-east-1_A", "us-east-1_B"]);
        assert.equal(p1.next, "us-east-1_B");
        const p2 = await s.listPools(2, p1.next!);
        assert.deepEqual(p2.items.map((p) => p.id), ["us-east-1_C", "us-east-1_D"]);
        const p3 = await s.listPools(2, p2.next!);
        assert.deepEqual(p3.items.map((p) => p.id), ["us-east-1_E"]);
        assert.equal(p3.next, null);
        assert.deepEqual((await s.listPools(5)).next, null);
      });

      it("updates name, document and update time (not creation time or key)", async () => {
        const s = await fresh();
        const p = pool("us-east-1_AAA");
        await s.insertPool(p);
        await s.updatePool({ ...p, name: "renamed", doc: { Id: p.id, MfaConfiguration: "OFF" }, updatedAt: T0 + 5, createdAt: 1, signingKey: { kid: "other" } });
        assert.deepEqual(await s.getPool(p.id), { ...p, name: "renamed", doc: { Id: p.id, MfaConfiguration: "OFF" }, updatedAt: T0 + 5 });
      });

      it("deletes a pool with its clients, users, codes, counters, refresh tokens, token origins and sign-in failures, and nothing of other pools", async () => {
        const s = await fresh();
        for (const id of ["us-east-1_X", "us-east-1_Y"]) {
          await s.insertPool(pool(id));
          await s.insertClient(client(`c-${id}`, id));
          await s.insertUser(user(id, "alice"));
          await s.putCode(code(id, "alice", "h"));
          await s.hit(id, "alice", "resend", T0, 3_600_000);
          await s.insertRefreshToken({ tokenHash: `t-${id}`, poolId: id, clientId: `c-${id}`, usernameKey: "alice", expiresAt: T0 + 1, createdAt: T0, originJti: `o-${id}` });
          await s.insertTokenOrigin({ originJti: `o-${id}`, poolId: id, clientId: `c-${id}`, usernameKey: "alice", eventId: "e", authTime: T0, revokedAt: null, createdAt: T0 });
          await s.recordSignInFailure(id, "alice", T0, T0 - 1);
        }
        assert.equal(await s.deletePool("us-east-1_X"), true);
        assert.equal(await s.deletePool("us-east-1_X"), false);
        assert.equal(await s.getPool("us-east-1_X"), undefined);
        assert.equal(await s.getClient("c-us-east-1_X"), undefined);
        assert.equal(await s.getUser("us-east-1_X", "alice"), undefined);
        assert.equal(await s.getCode("us-east-1_X", "alice", "SIGN_UP"), undefined);
        assert.equal(await s.getRefreshToken("t-us-east-1_X"), undefined);
        assert.equal(await s.getTokenOrigin("o-us-east-1_X"), undefined);
        assert.equal(await s.getSignInFailures("us-east-1_X", "alice"), undefined);
        // The counter went too: a new hit starts again at 1.
        assert.equal(await s.hit("us-east-1_X", "alice", "resend", T0, 3_600_000), 1);
        // The other pool is untouched.
        assert.ok(await s.getPool("us-east-1_Y"));
        assert.ok(await s.getClient("c-us-east-1_Y"));
        assert.ok(await s.getUser("us-east-1_Y", "alice"));
        assert.ok(await s.getCode("us-east-1_Y", "alice", "SIGN_UP"));
        assert.ok(await s.getRefreshToken("t-us-east-1_Y"));
        assert.ok(await s.getTokenOrigin("o-us-east-1_Y"));
        assert.ok(await s.getSignInFailures("us-east-1_Y", "alice"));
        assert.equal(await s.hit("us-east-1_Y", "alice", "resend", T0, 3_600_000), 2);
      });
    });

    describe("clients", () => {
      it("round-trips, lists per pool in pages, updates and deletes", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        const c = client("c1", "us-east-1_A", { secret: "s3cr3t" });
        await s.insertClient(c);
        await s.insertClient(client("c3", "us-east-1_A"));
        await s.insertClient(client("c2", "us-east-1_A"));
        await s.insertClient(client("c0", "us-east-1_B"));
        assert.deepEqual(await s.getClient("c1"), c);
        const p1 = await s.listClients("us-east-1_A", 2);
        assert.deepEqual(p1.items.map((x) => x.id), ["c1", "c2"]);
        assert.equal(p1.next, "c2");
        const p2 = await s.listClients("us-east-1_A", 2, p1.next!);
        assert.deepEqual(p2.items.map((x) => x.id), ["c3"]);
        assert.equal(p2.next, null);
        await s.updateClient({ ...c, name: "renamed", doc: { ClientId: "c1" }, updatedAt: T0 + 9, secret: "ignored" });
        assert.deepEqual(await s.getClient("c1"), { ...c, name: "renamed", doc: { ClientId: "c1" }, updatedAt: T0 + 9 });
        assert.equal(await s.setClientSecret("c1", "new-secret", T0 + 10), true);
        assert.deepEqual(await s.getClient("c1"), { ...c, name: "renamed", doc: { ClientId: "c1" }, secret: "new-secret", updatedAt: T0 + 10 });
        assert.equal(await s.setClientSecret("c1", null, T0 + 11), true);
        assert.equal((await s.getClient("c1"))!.secret, null);
        assert.equal(await s.setClientSecret("nope", "x", T0), false);
        assert.equal(await s.deleteClient("c1"), true);
        assert.equal(await s.deleteClient("c1"), false);
        assert.equal(await s.getClient("c1"), undefined);
      });
    });

    describe("users", () => {
      it("round-trips a user, by username key and by sub", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const u = user("us-east-1_A", "Alice", { attributes: { email: "Alice@Example.com", name: "Ålice ✓" }, phone: "+15550100", enabled: false });
        assert.equal(await s.insertUser(u), true);
        assert.deepEqual(await s.getUser("us-east-1_A", "alice"), u);
        assert.deepEqual(await s.getUserBySub("us-east-1_A", u.sub), u);
        assert.equal(await s.getUser("us-east-1_A", "Alice"), undefined);
        assert.equal(await s.getUserBySub("us-east-1_B", u.sub), undefined);
      });

      it("refuses a taken username key (and a taken sub) without changing anything", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const u = user("us-east-1_A", "alice");
        assert.equal(await s.insertUser(u), true);
        assert.equal(await s.insertUser({ ...user("us-east-1_A", "alice"), passwordHash: "other" }), false);
        assert.equal(await s.insertUser({ ...user("us-east-1_A", "bob"), sub: u.sub }), false);
        assert.deepEqual(await s.getUser("us-east-1_A", "alice"), u);
        assert.equal(await s.getUser("us-east-1_A", "bob"), undefined);
        assert.equal(await s.countUsers("us-east-1_A"), 1);
      });

      it("finds users by email key and by phone, oldest first, within one pool", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        await s.insertUser(user("us-east-1_A", "b", { emailKey: "x@e.com", phone: "+1555", createdAt: T0 + 2 }));
        await s.insertUser(user("us-east-1_A", "a", { emailKey: "x@e.com", phone: "+1555", createdAt: T0 + 1 }));
        await s.insertUser(user("us-east-1_A", "c", { emailKey: "y@e.com", phone: "+1666" }));
        await s.insertUser(user("us-east-1_B", "d", { emailKey: "x@e.com", phone: "+1555" }));
        assert.deepEqual((await s.findUsersByEmail("us-east-1_A", "x@e.com")).map((u) => u.username), ["a", "b"]);
        assert.deepEqual((await s.findUsersByPhone("us-east-1_A", "+1555")).map((u) => u.username), ["a", "b"]);
        assert.deepEqual(await s.findUsersByEmail("us-east-1_A", "z@e.com"), []);
      });

      it("updates a user's mutable fields", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const u = user("us-east-1_A", "alice");
        await s.insertUser(u);
        const changed: UserRecord = {
          ...u, status: "CONFIRMED", enabled: false, passwordHash: null, attributes: { email: "n@e.com", email_verified: "true" },
          emailKey: "n@e.com", phone: "+1777", updatedAt: T0 + 100,
        };
        await s.updateUser(changed);
        assert.deepEqual(await s.getUser("us-east-1_A", "alice"), changed);
      });

      it("replaces a password hash only while it is still the one expected, leaving the rest of the user", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const u = { ...user("us-east-1_A", "alice"), passwordHash: "scrypt$256$8$1$old" };
        await s.insertUser(u);
        assert.equal(await s.replacePasswordHash("us-east-1_A", "alice", "scrypt$256$8$1$other", "scrypt$16384$8$1$new"), false);
        assert.equal(await s.replacePasswordHash("us-east-1_A", "bob", "scrypt$256$8$1$old", "scrypt$16384$8$1$new"), false);
        assert.equal(await s.replacePasswordHash("us-east-1_A", "alice", "scrypt$256$8$1$old", "scrypt$16384$8$1$new"), true);
        assert.deepEqual(await s.getUser("us-east-1_A", "alice"), { ...u, passwordHash: "scrypt$16384$8$1$new" });
        assert.equal(await s.replacePasswordHash("us-east-1_A", "alice", "scrypt$256$8$1$old", "scrypt$16384$8$1$again"), false);
      });

      it("moves a status only from the expected one", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice"));
        const attrs = { email: "alice@example.com", email_verified: "true" };
        assert.equal(await s.transitionStatus("us-east-1_A", "alice", "CONFIRMED", "RESET_REQUIRED", attrs, T0 + 1), false);
        assert.equal(await s.transitionStatus("us-east-1_A", "alice", "UNCONFIRMED", "CONFIRMED", attrs, T0 + 2), true);
        assert.equal(await s.transitionStatus("us-east-1_A", "alice", "UNCONFIRMED", "CONFIRMED", attrs, T0 + 3), false);
        const u = await s.getUser("us-east-1_A", "alice");
        assert.equal(u?.status, "CONFIRMED");
        assert.deepEqual(u?.attributes, attrs);
        assert.equal(u?.updatedAt, T0 + 2);
        assert.equal(await s.transitionStatus("us-east-1_A", "nobody", "UNCONFIRMED", "CONFIRMED", attrs, T0), false);
      });

      it("deletes a user with its codes and failed sign-ins", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice"));
        await s.insertUser(user("us-east-1_A", "bob"));
        await s.putCode(code("us-east-1_A", "alice", "h1"));
        await s.putCode(code("us-east-1_A", "bob", "h2"));
        await s.recordSignInFailure("us-east-1_A", "alice", T0, T0 - 1);
        await s.recordSignInFailure("us-east-1_A", "bob", T0, T0 - 1);
        assert.equal(await s.deleteUser("us-east-1_A", "alice"), true);
        assert.equal(await s.deleteUser("us-east-1_A", "alice"), false);
        assert.equal(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), undefined);
        assert.ok(await s.getCode("us-east-1_A", "bob", "SIGN_UP"));
        assert.equal(await s.getSignInFailures("us-east-1_A", "alice"), undefined);
        assert.ok(await s.getSignInFailures("us-east-1_A", "bob"));
        assert.equal(await s.countUsers("us-east-1_A"), 1);
        // The username is free again.
        assert.equal(await s.insertUser(user("us-east-1_A", "alice")), true);
      });

      it("lists users by username key, in pages, and counts them", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        for (const n of ["dave", "bob", "erin", "alice", "carol"]) await s.insertUser(user("us-east-1_A", n));
        await s.insertUser(user("us-east-1_B", "zed"));
        const names: string[] = [];
        let after: string | undefined;
        let pages = 0;
        do {
          const page = await s.listUsers("us-east-1_A", { limit: 2, after });
          names.push(...page.items.map((u) => u.username));
          after = page.next ?? undefined;
          pages++;
        } while (after);
        assert.deepEqual(names, ["alice", "bob", "carol", "dave", "erin"]);
        assert.equal(pages, 3);
        assert.equal(await s.countUsers("us-east-1_A"), 5);
        assert.equal(await s.countUsers("us-east-1_B"), 1);
        assert.equal(await s.countUsers("us-east-1_C"), 0);
      });

      it("filters users by exact value and by prefix, on columns and on other attributes", async () => {
        const s = await fresh();
        const P = "us-east-1_A";
        await s.insertPool(pool(P));
        await s.insertUser(user(P, "anna", { attributes: { email: "anna@x.com", given_name: "Änne" }, emailKey: "anna@x.com", phone: "+15550001", status: "CONFIRMED" }));
        await s.insertUser(user(P, "annabel", { attributes: { email: "bel@y.com", given_name: "Bel" }, emailKey: "bel@y.com", phone: "+15550002", enabled: false }));
        await s.insertUser(user(P, "bob", { attributes: { email: "bob@x.com", given_name: "Änders" }, emailKey: "bob@x.com", phone: "+16660003" }));
        const q = async (filter: UserFilter) => (await s.listUsers(P, { limit: 60, filter })).items.map((u) => u.username);
        assert.deepEqual(await q({ field: "username", op: "=", value: "anna" }), ["anna"]);
        assert.deepEqual(await q({ field: "username", op: "^=", value: "anna" }), ["anna", "annabel"]);
        assert.deepEqual(await q({ field: "emailKey", op: "=", value: "bob@x.com" }), ["bob"]);
        assert.deepEqual(await q({ field: "phone", op: "^=", value: "+1555" }), ["anna", "annabel"]);
        assert.deepEqual(await q({ field: "status", op: "=", value: "CONFIRMED" }), ["anna"]);
        assert.deepEqual(await q({ field: "enabled", value: true }), ["anna", "bob"]);
        assert.deepEqual(await q({ field: "enabled", value: false }), ["annabel"]);
        // Prefixes count characters, not bytes or UTF-16 units.
        assert.deepEqual(await q({ field: "attribute", name: "given_name", op: "^=", value: "Än" }), ["anna", "bob"]);
        assert.deepEqual(await q({ field: "attribute", name: "given_name", op: "=", value: "Bel" }), ["annabel"]);
        const sub = (await s.getUser(P, "bob"))!.sub;
        assert.deepEqual(await q({ field: "sub", op: "=", value: sub }), ["bob"]);
        // Paging through a filter.
        const first = await s.listUsers(P, { limit: 1, filter: { field: "username", op: "^=", value: "ann" } });
        assert.deepEqual(first.items.map((u) => u.username), ["anna"]);
        const second = await s.listUsers(P, { limit: 1, after: first.next!, filter: { field: "username", op: "^=", value: "ann" } });
        assert.deepEqual(second.items.map((u) => u.username), ["annabel"]);
        assert.equal(second.next, null);
      });

      it("matches prefixes of non-ASCII usernames by characters", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "ümit"));
        await s.insertUser(user("us-east-1_A", "😀smile"));
        await s.insertUser(user("us-east-1_A", "umit"));
        const q = async (value: string) =>
          (await s.listUsers("us-east-1_A", { limit: 10, filter: { field: "username", op: "^=", value } })).items.map((u) => u.username);
        assert.deepEqual(await q("üm"), ["ümit"]);
        assert.deepEqual(await q("😀s"), ["😀smile"]);
      });
    });

    describe("domains", () => {
      const domain = (name: string, poolId: string, over: Partial<DomainRecord> = {}): DomainRecord => ({
        domain: name, poolId, custom: false, config: null, managedLoginVersion: 1, createdAt: T0, updatedAt: T0, ...over,
      });
      it("keeps a domain unique on the server and one of each kind per pool; updates and deletes it", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        const prefix = domain("auth-a", "us-east-1_A");
        const custom = domain("auth.example.com", "us-east-1_A", { custom: true, config: { CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/x" } });
        assert.equal(await s.insertDomain(prefix), "inserted");
        assert.equal(await s.insertDomain(custom), "inserted", "a prefix and a custom domain together");
        assert.equal(await s.insertDomain(domain("auth-a", "us-east-1_B")), "taken", "another pool's domain");
        assert.equal(await s.insertDomain(domain("auth-a2", "us-east-1_A")), "pool-has-one");
        assert.equal(await s.insertDomain(domain("auth.example.com", "us-east-1_A", { custom: true })), "taken");
        assert.deepEqual(await s.getDomain("auth.example.com"), custom);
        assert.equal(await s.getDomain("nope"), undefined);
        assert.deepEqual((await s.domainsOfPool("us-east-1_A")).map((d) => d.domain), ["auth-a", "auth.example.com"]);
        assert.deepEqual(await s.domainsOfPool("us-east-1_B"), []);
        const next = { ...custom, config: { CertificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/y" }, managedLoginVersion: 2, updatedAt: T0 + 1 };
        assert.equal(await s.updateDomain(next), true);
        assert.deepEqual(await s.getDomain("auth.example.com"), next);
        assert.equal(await s.updateDomain({ ...next, poolId: "us-east-1_B" }), false, "only the owning pool's");
        assert.equal(await s.deleteDomain("us-east-1_B", "auth-a"), false);
        assert.equal(await s.deleteDomain("us-east-1_A", "auth-a"), true);
        assert.equal(await s.insertDomain(domain("auth-a", "us-east-1_B")), "inserted", "a deleted domain is free again");
        assert.equal(await s.deletePool("us-east-1_A"), true);
        assert.equal(await s.getDomain("auth.example.com"), undefined, "deleting the pool frees its domains");
      });
    });

    describe("resource servers", () => {
      const rs = (poolId: string, identifier: string, over: Partial<ResourceServerRecord> = {}): ResourceServerRecord => ({
        poolId, identifier, name: `server ${identifier}`, scopes: [], createdAt: T0, updatedAt: T0, ...over,
      });
      it("round-trips a resource server with its scopes, unique by identifier per pool; updates and deletes it", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        const r = rs("us-east-1_A", "https://api.example.com", { scopes: [{ ScopeName: "read", ScopeDescription: "Read ✓ \"all\"" }] });
        assert.equal(await s.insertResourceServer(r), true);
        assert.equal(await s.insertResourceServer({ ...r, name: "other" }), false);
        assert.equal(await s.insertResourceServer(rs("us-east-1_B", "https://api.example.com")), true, "identifiers are unique per pool");
        assert.deepEqual(await s.getResourceServer("us-east-1_A", "https://api.example.com"), r);
        assert.equal(await s.getResourceServer("us-east-1_A", "https://API.example.com"), undefined, "compared exactly");
        const next = { ...r, name: "renamed", scopes: [], updatedAt: T0 + 1 };
        assert.equal(await s.updateResourceServer(next), true);
        assert.deepEqual(await s.getResourceServer("us-east-1_A", "https://api.example.com"), next);
        assert.equal(await s.updateResourceServer(rs("us-east-1_A", "nope")), false);
        assert.equal(await s.countResourceServers("us-east-1_A"), 1);
        assert.equal(await s.deleteResourceServer("us-east-1_A", "https://api.example.com"), true);
        assert.equal(await s.deleteResourceServer("us-east-1_A", "https://api.example.com"), false);
        assert.equal(await s.countResourceServers("us-east-1_A"), 0);
        assert.equal(await s.deletePool("us-east-1_B"), true);
        assert.equal(await s.getResourceServer("us-east-1_B", "https://api.example.com"), undefined);
      });

      it("lists a pool's resource servers by identifier in pages", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        for (const n of ["c", "a", "e", "b", "d"]) await s.insertResourceServer(rs("us-east-1_A", n));
        await s.insertResourceServer(rs("us-east-1_B", "x"));
        const p1 = await s.listResourceServers("us-east-1_A", 2);
        assert.deepEqual(p1.items.map((r) => r.identifier), ["a", "b"]);
        const p2 = await s.listResourceServers("us-east-1_A", 2, p1.next!);
        assert.deepEqual(p2.items.map((r) => r.identifier), ["c", "d"]);
        const p3 = await s.listResourceServers("us-east-1_A", 2, p2.next!);
        assert.deepEqual(p3.items.map((r) => r.identifier), ["e"]);
        assert.equal(p3.next, null);
      });
    });

    describe("groups", () => {
      it("round-trips a group (nulls and a precedence beyond 32 bits kept); a second of the same name is refused", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        const g = group("us-east-1_A", "Admins", { description: "the admins ✓ \u0000 \ud800 \"quoted\"", roleArn: "arn:aws:iam::123456789012:role/admin", precedence: 2 ** 40 });
        assert.equal(await s.insertGroup(g), true);
        assert.equal(await s.insertGroup({ ...g, description: "other" }), false);
        assert.equal(await s.insertGroup(group("us-east-1_B", "Admins")), true, "names are unique per pool");
        assert.equal(await s.insertGroup(group("us-east-1_A", "admins")), true, "names are compared exactly");
        assert.deepEqual(await s.getGroup("us-east-1_A", "Admins"), g);
        assert.deepEqual(await s.getGroup("us-east-1_B", "Admins"), group("us-east-1_B", "Admins"));
        assert.equal(await s.getGroup("us-east-1_A", "nope"), undefined);
        const next = { ...g, description: null, roleArn: null, precedence: 0, updatedAt: T0 + 5 };
        assert.equal(await s.updateGroup(next), true);
        assert.deepEqual(await s.getGroup("us-east-1_A", "Admins"), next);
        assert.equal(await s.updateGroup(group("us-east-1_A", "nope")), false);
      });

      it("lists a pool's groups by name in pages", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertPool(pool("us-east-1_B"));
        for (const n of ["c", "a", "e", "b", "d"]) await s.insertGroup(group("us-east-1_A", n));
        await s.insertGroup(group("us-east-1_B", "x"));
        const p1 = await s.listGroups("us-east-1_A", 2);
        assert.deepEqual(p1.items.map((g) => g.name), ["a", "b"]);
        const p2 = await s.listGroups("us-east-1_A", 2, p1.next!);
        assert.deepEqual(p2.items.map((g) => g.name), ["c", "d"]);
        const p3 = await s.listGroups("us-east-1_A", 2, p2.next!);
        assert.deepEqual(p3.items.map((g) => g.name), ["e"]);
        assert.equal(p3.next, null);
      });

      it("adds members once, lists them both ways in pages, and removes them", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        for (const n of ["amy", "bob", "cat"]) await s.insertUser(user("us-east-1_A", n));
        for (const n of ["g1", "g2", "g3"]) await s.insertGroup(group("us-east-1_A", n, { precedence: 3 }));
        for (const n of ["cat", "amy", "bob"]) assert.equal(await s.addUserToGroup("us-east-1_A", "g1", n, T0), "member");
        assert.equal(await s.addUserToGroup("us-east-1_A", "g1", "amy", T0 + 1), "member", "already a member: no change");
        assert.equal(await s.addUserToGroup("us-east-1_A", "nope", "amy", T0), "no-group");
        assert.equal(await s.addUserToGroup("us-east-1_A", "g1", "nobody", T0), "no-user");
        assert.equal(await s.addUserToGroup("us-east-1_B", "g1", "amy", T0), "no-group", "another pool's group of that name is no group");
        await s.addUserToGroup("us-east-1_A", "g3", "amy", T0);
        await s.addUserToGroup("us-east-1_A", "g2", "amy", T0);
        const u1 = await s.listUsersInGroup("us-east-1_A", "g1", 2);
        assert.deepEqual(u1.items.map((u) => u.username), ["amy", "bob"]);
        assert.deepEqual(u1.items[0], await s.getUser("us-east-1_A", "amy"), "members are whole user records");
        const u2 = await s.listUsersInGroup("us-east-1_A", "g1", 2, u1.next!);
        assert.deepEqual(u2.items.map((u) => u.username), ["cat"]);
        assert.equal(u2.next, null);
        const g1 = await s.listGroupsForUser("us-east-1_A", "amy", 2);
        assert.deepEqual(g1.items, [group("us-east-1_A", "g1", { precedence: 3 }), group("us-east-1_A", "g2", { precedence: 3 })]);
        assert.deepEqual((await s.listGroupsForUser("us-east-1_A", "amy", 2, g1.next!)).items.map((g) => g.name), ["g3"]);
        assert.deepEqual((await s.groupsOfUser("us-east-1_A", "amy")).map((g) => g.name), ["g1", "g2", "g3"]);
        assert.deepEqual(await s.groupsOfUser("us-east-1_A", "nobody"), []);
        assert.equal(await s.removeUserFromGroup("us-east-1_A", "g2", "amy"), true);
        assert.equal(await s.removeUserFromGroup("us-east-1_A", "g2", "amy"), false);
        assert.deepEqual((await s.groupsOfUser("us-east-1_A", "amy")).map((g) => g.name), ["g1", "g3"]);
      });

      it("deleting a user, a group or a pool removes its memberships; a new user or group of the same name has none", async () => {
        const s = await fresh();
        for (const p of ["us-east-1_A", "us-east-1_B"]) {
          await s.insertPool(pool(p));
          for (const n of ["amy", "bob"]) await s.insertUser(user(p, n));
          for (const n of ["g1", "g2"]) {
            await s.insertGroup(group(p, n));
            for (const u of ["amy", "bob"]) await s.addUserToGroup(p, n, u, T0);
          }
        }
        assert.equal(await s.deleteUser("us-east-1_A", "amy"), true);
        assert.deepEqual((await s.listUsersInGroup("us-east-1_A", "g1", 10)).items.map((u) => u.username), ["bob"]);
        await s.insertUser(user("us-east-1_A", "amy"));
        assert.deepEqual(await s.groupsOfUser("us-east-1_A", "amy"), []);

        assert.equal(await s.deleteGroup("us-east-1_A", "g1"), true);
        assert.equal(await s.deleteGroup("us-east-1_A", "g1"), false);
        assert.deepEqual((await s.groupsOfUser("us-east-1_A", "bob")).map((g) => g.name), ["g2"]);
        await s.insertGroup(group("us-east-1_A", "g1"));
        assert.deepEqual((await s.listUsersInGroup("us-east-1_A", "g1", 10)).items, []);

        assert.equal(await s.deletePool("us-east-1_A"), true);
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "bob"));
        assert.equal(await s.getGroup("us-east-1_A", "g2"), undefined);
        assert.deepEqual(await s.groupsOfUser("us-east-1_A", "bob"), []);
        assert.deepEqual((await s.groupsOfUser("us-east-1_B", "bob")).map((g) => g.name), ["g1", "g2"], "other pools keep theirs");
      });

      it("deletes a user or group and its memberships in one transaction (rolled back together)", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "amy"));
        await s.insertGroup(group("us-east-1_A", "g1"));
        await s.addUserToGroup("us-east-1_A", "g1", "amy", T0);
        await assert.rejects(s.tx(async (tx) => {
          await tx.deleteUser("us-east-1_A", "amy");
          await tx.deleteGroup("us-east-1_A", "g1");
          throw new Error("rollback");
        }), /rollback/);
        assert.deepEqual((await s.groupsOfUser("us-east-1_A", "amy")).map((g) => g.name), ["g1"]);
      });
    });

    describe("codes", () => {
      it("stores one code per user and purpose; a new one supersedes the old", async () => {
        const s = await fresh();
        await s.putCode(code("us-east-1_A", "alice", "h1"));
        assert.deepEqual(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), code("us-east-1_A", "alice", "h1"));
        const newer = code("us-east-1_A", "alice", "h2", { attribute: "phone_number", expiresAt: T0 + 5, createdAt: T0 + 1 });
        await s.putCode(newer);
        assert.deepEqual(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), newer);
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "SIGN_UP", "h1"), false, "the superseded code is dead");
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "SIGN_UP", "h2"), true);
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "SIGN_UP", "h2"), false, "a code is used once");
        assert.equal(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), undefined);
      });

      it("keeps codes of other users and pools apart", async () => {
        const s = await fresh();
        await s.putCode(code("us-east-1_A", "alice", "h"));
        await s.putCode(code("us-east-1_B", "alice", "h"));
        await s.putCode(code("us-east-1_A", "bob", "h"));
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "SIGN_UP", "h"), true);
        assert.ok(await s.getCode("us-east-1_B", "alice", "SIGN_UP"));
        assert.ok(await s.getCode("us-east-1_A", "bob", "SIGN_UP"));
      });
    });

    describe("codes in one call (issue 16: IssueRepo)", () => {
      const W = 3_600_000;
      const limit = (perHour: number) => ({ kind: "resend", perHour, windowMs: W });
      const issue = (u: UserRecord, hmac: string, id: string, over: Partial<CodeIssue> = {}): CodeIssue => ({
        expect: { status: u.status, attributes: u.attributes },
        code: code(u.poolId, u.usernameKey, hmac, { createdAt: T0 + 1 }),
        message: message(id, { poolId: u.poolId, username: u.username, supersedeKey: `${u.poolId} ${u.username} SIGN_UP` }),
        ...over,
      });
      const setUp = async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const alice = user("us-east-1_A", "alice");
        await s.insertUser(alice);
        return { s, alice };
      };

      it("reads a user with their code of one purpose, or without when there is none", async () => {
        const { s, alice } = await setUp();
        assert.deepEqual(await s.getUserWithCode("us-east-1_A", "alice", "SIGN_UP"), { user: alice, code: undefined });
        await s.putCode(code("us-east-1_A", "alice", "h1"));
        await s.putCode(code("us-east-1_A", "alice", "f1", { purpose: "FORGOT_PASSWORD" }));
        assert.deepEqual(await s.getUserWithCode("us-east-1_A", "alice", "SIGN_UP"), { user: alice, code: code("us-east-1_A", "alice", "h1") });
        assert.equal(await s.getUserWithCode("us-east-1_A", "bob", "SIGN_UP"), undefined);
      });

      it("issues: the code replaced, the older undelivered message superseded, the new one queued; a decoy goes to its slot only", async () => {
        const { s, alice } = await setUp();
        assert.equal(await s.issueCodeMessage(issue(alice, "h1", "m1")), "issued");
        assert.equal(await s.issueCodeMessage(issue(alice, "h2", "m2")), "issued");
        assert.equal((await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac, "h2");
        assert.equal((await s.getMessage("m1"))?.status, "superseded");
        assert.equal((await s.getMessage("m2"))?.status, "queued");
        assert.deepEqual(await s.getMessage("m2"), message("m2", { poolId: "us-east-1_A", username: "alice", supersedeKey: "us-east-1_A alice SIGN_UP" }));
        // A simulated user: no row, no expectation; the message only in the decoy table.
        const ghost = { ...issue(user("us-east-1_A", " simulated x"), "g1", "d1"), expect: undefined, decoySlot: 9 };
        assert.equal(await s.issueCodeMessage(ghost), "issued");
        assert.equal((await s.getCode("us-east-1_A", " simulated x", "SIGN_UP"))?.codeHmac, "g1");
        assert.equal(await s.getMessage("d1"), undefined);
        assert.deepEqual((await s.listMessages({})).map((m) => m.id).sort(), ["m1", "m2"]);
      });

      it("writes nothing when the user is no longer as read (status, enabled, attributes)", async () => {
        const { s, alice } = await setUp();
        await s.updateUser({ ...alice, attributes: { email: "new@example.com" }, updatedAt: T0 + 1 });
        assert.equal(await s.issueCodeMessage({ ...issue(alice, "h1", "m1"), limit: limit(5) }), "changed");
        await s.setUserEnabled("us-east-1_A", "alice", false, T0 + 2);
        const now = (await s.getUser("us-east-1_A", "alice"))!;
        assert.equal(await s.issueCodeMessage(issue(now, "h1", "m1")), "changed", "disabled");
        assert.equal(await s.issueCodeMessage({ ...issue(now, "h1", "m1"), expect: { status: "CONFIRMED", attributes: now.attributes } }), "changed");
        assert.equal(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), undefined);
        assert.deepEqual(await s.listMessages({}), []);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + 3, W), 1, "not counted either");
      });

      it("counts the limit: past it, nothing but the count is written", async () => {
        const { s, alice } = await setUp();
        for (let i = 0; i < 2; i++) assert.equal(await s.issueCodeMessage({ ...issue(alice, `h${i}`, `m${i}`), limit: limit(2) }), "issued");
        assert.equal(await s.issueCodeMessage({ ...issue(alice, "h9", "m9"), limit: limit(2) }), "limited");
        assert.equal((await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac, "h1");
        assert.equal(await s.getMessage("m9"), undefined);
        assert.equal(await s.issueCodeMessage({ ...issue(alice, "h3", "m3"), limit: limit(0) }), "issued", "0: no limit");
      });

      it("12 issues at once for one user: exactly the limit's worth issued, and one message left queued (the newest code's)", async () => {
        const { s, alice } = await setUp();
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
          s.issueCodeMessage({ ...issue(alice, `h${i}`, `m${String(i).padStart(2, "0")}`), limit: limit(5) })));
        assert.equal(results.filter((r) => r === "issued").length, 5);
        assert.equal(results.filter((r) => r === "limited").length, 7);
        const queued = await s.listMessages({ status: ["queued"] });
        assert.equal(queued.length, 1, JSON.stringify(await s.outboxCounts()));
        const newest = await s.getCode("us-east-1_A", "alice", "SIGN_UP");
        assert.equal(`h${Number(queued[0].id.slice(1))}`, newest?.codeHmac, "the queued message carries the code that works");
      });

      it("confirms: counts first, always; consumes the code and moves the user only with `consume`, once", async () => {
        const { s, alice } = await setUp();
        await s.putCode(code("us-east-1_A", "alice", "h1"));
        const check = { poolId: "us-east-1_A", usernameKey: "alice", purpose: "SIGN_UP" as const, now: T0 + 5, limit: { kind: "confirm", perHour: 3, windowMs: W } };
        const consume = { codeHmac: "h1", from: "UNCONFIRMED" as const, attributes: alice.attributes, to: "CONFIRMED" as const,
          newAttributes: { ...alice.attributes, email_verified: "true" } };
        assert.equal(await s.confirmWithCode(check), "counted");
        assert.equal(await s.confirmWithCode({ ...check, consume: { ...consume, codeHmac: "other" } }), "changed", "not the stored code");
        assert.ok(await s.getCode("us-east-1_A", "alice", "SIGN_UP"));
        assert.equal(await s.confirmWithCode({ ...check, consume }), "confirmed");
        const after = (await s.getUser("us-east-1_A", "alice"))!;
        assert.deepEqual([after.status, after.attributes, after.updatedAt], ["CONFIRMED", consume.newAttributes, T0 + 5]);
        assert.equal(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), undefined);
        assert.equal(await s.confirmWithCode({ ...check, consume }), "limited", "the fourth attempt in the hour");
        assert.equal(await s.hit("us-east-1_A", "alice", "confirm", T0 + 6, W), 5, "every attempt counted, the limited one too");
      });

      it("10 confirmations of one code at once: exactly one confirms", async () => {
        const { s, alice } = await setUp();
        await s.putCode(code("us-east-1_A", "alice", "h1"));
        const consume = { codeHmac: "h1", from: "UNCONFIRMED" as const, attributes: alice.attributes, to: "CONFIRMED" as const, newAttributes: { ...alice.attributes, email_verified: "true" } };
        const results = await Promise.all(Array.from({ length: 10 }, () =>
          s.confirmWithCode({ poolId: "us-east-1_A", usernameKey: "alice", purpose: "SIGN_UP", now: T0 + 5, consume })));
        assert.deepEqual(results.filter((r) => r === "confirmed").length, 1);
        assert.deepEqual(results.filter((r) => r === "changed").length, 9);
      });

      // ResendConfirmationCode's store call that reads the user itself (one round trip on PostgreSQL).
      const resend = (key: string, hmac: string, id: string, over: Partial<CodeResend> = {}): CodeResend => ({
        status: "UNCONFIRMED",
        candidates: [
          { attribute: "phone_number", message: message(`${id}-sms`, { poolId: "us-east-1_A", username: key, channel: "SMS", destination: "", purpose: "RESEND_CODE" }) },
          { attribute: "email", message: message(id, { poolId: "us-east-1_A", username: key, destination: "", purpose: "RESEND_CODE" }) },
        ],
        supersedeGroup: "SIGN_UP",
        code: code("us-east-1_A", key, hmac, { createdAt: T0 + 1, attribute: "phone_number" }),
        ...over,
      });
      const decoy = (hmac: string, id: string, slot = 7) => ({
        code: code("us-east-1_A", " simulated g", hmac, { createdAt: T0 + 1 }),
        message: message(id, { poolId: "us-east-1_A", username: "ghost", destination: "g@x.invalid", code: null, supersedeKey: "us-east-1_A ghost SIGN_UP" }),
        slot,
      });

      it("resendCode reads the user itself: the first candidate they have, to their address, under their stored username", async () => {
        const { s } = await setUp();
        await s.insertUser(user("us-east-1_A", "Bob", { attributes: { email: "bob@example.com", phone_number: "+15550100" } }));
        assert.deepEqual(await s.resendCode(resend("alice", "h1", "m1")),
          { r: "issued", attribute: "email", destination: "alice@example.com", username: "alice" }, "alice has no phone: the email candidate");
        assert.deepEqual(await s.getMessage("m1"), message("m1", {
          poolId: "us-east-1_A", username: "alice", destination: "alice@example.com", purpose: "RESEND_CODE", supersedeKey: "us-east-1_A alice SIGN_UP",
        }));
        assert.deepEqual(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), code("us-east-1_A", "alice", "h1", { createdAt: T0 + 1, attribute: "email" }));
        assert.equal(await s.getMessage("m1-sms"), undefined);
        // A case-insensitive pool's request may name "bob" for the stored "Bob": the row carries the stored name.
        assert.deepEqual(await s.resendCode(resend("bob", "h2", "m2")),
          { r: "issued", attribute: "phone_number", destination: "+15550100", username: "Bob" });
        const sms = (await s.getMessage("m2-sms"))!;
        assert.deepEqual([sms.channel, sms.destination, sms.username, sms.supersedeKey], ["SMS", "+15550100", "Bob", "us-east-1_A Bob SIGN_UP"]);
        assert.equal((await s.getCode("us-east-1_A", "bob", "SIGN_UP"))?.attribute, "phone_number");
        // The next resend supersedes it.
        assert.equal((await s.resendCode(resend("bob", "h3", "m3"))).r, "issued");
        assert.equal((await s.getMessage("m2-sms"))?.status, "superseded");
        assert.equal((await s.getMessage("m3-sms"))?.status, "queued");
      });

      it("resendCode writes nothing for an absent, disabled or confirmed user, or one without a candidate's attribute", async () => {
        const { s } = await setUp();
        await s.insertUser(user("us-east-1_A", "off", { enabled: false }));
        await s.insertUser(user("us-east-1_A", "done", { status: "CONFIRMED" }));
        await s.insertUser(user("us-east-1_A", "mute", { attributes: { email: "" } }));
        const lim = { limit: limit(5) };
        assert.deepEqual(await s.resendCode(resend("nobody", "h", "m1", lim)), { r: "absent" });
        assert.deepEqual(await s.resendCode(resend("off", "h", "m2", lim)), { r: "disabled" });
        assert.deepEqual(await s.resendCode(resend("done", "h", "m3", lim)), { r: "status" });
        assert.deepEqual(await s.resendCode(resend("mute", "h", "m4", lim)), { r: "no-target" });
        assert.deepEqual(await s.resendCode(resend("alice", "h", "m5", { ...lim, candidates: resend("alice", "h", "m5").candidates.slice(0, 1) })),
          { r: "no-target" }, "alice has an email, but only the phone was a candidate");
        assert.deepEqual(await s.listMessages({}), []);
        for (const k of ["nobody", "off", "done", "mute", "alice"]) {
          assert.equal(await s.getCode("us-east-1_A", k, "SIGN_UP"), undefined);
          assert.equal(await s.hit("us-east-1_A", k, "resend", T0 + 2, W), 1, `${k}: not counted either`);
        }
      });

      it("resendCode with a decoy: an absent or disabled user's simulated code and decoy written, counted under the simulated key", async () => {
        const { s } = await setUp();
        await s.insertUser(user("us-east-1_A", "off", { enabled: false }));
        const out = await s.resendCode(resend("nobody", "h1", "m1", { decoy: decoy("g1", "d1"), limit: limit(2) }));
        assert.deepEqual(out, { r: "simulated", attribute: "email", destination: "g@x.invalid", username: "ghost" });
        assert.equal((await s.getCode("us-east-1_A", " simulated g", "SIGN_UP"))?.codeHmac, "g1");
        assert.equal((await s.resendCode(resend("off", "h2", "m2", { decoy: decoy("g2", "d2"), limit: limit(2) }))).r, "simulated");
        assert.deepEqual(await s.resendCode(resend("off", "h3", "m3", { decoy: decoy("g3", "d3"), limit: limit(2) })), { r: "limited" });
        assert.equal((await s.getCode("us-east-1_A", " simulated g", "SIGN_UP"))?.codeHmac, "g2");
        assert.deepEqual(await s.listMessages({}), [], "nothing in the outbox");
        assert.equal(await s.getCode("us-east-1_A", "nobody", "SIGN_UP"), undefined);
        // A real user with a decoy given: the real code.
        assert.equal((await s.resendCode(resend("alice", "h4", "m4", { decoy: decoy("g4", "d4") }))).r, "issued");
        assert.equal((await s.getMessage("m4"))?.destination, "alice@example.com");
      });

      it("resendCode counts the limit; 12 at once for one user: the limit's worth issued, one message left queued (the newest code's)", async () => {
        const { s } = await setUp();
        for (let i = 0; i < 2; i++) assert.equal((await s.resendCode(resend("alice", `h${i}`, `m${i}`, { limit: limit(2) }))).r, "issued");
        assert.deepEqual(await s.resendCode(resend("alice", "h9", "m9", { limit: limit(2) })), { r: "limited" });
        assert.equal((await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac, "h1");
        assert.equal(await s.getMessage("m9"), undefined);
        const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
          s.resendCode(resend("alice", `k${i}`, `n${String(i).padStart(2, "0")}`, { limit: limit(7) }))));
        // Three counted so far (the limited one too): the 4th to the 7th are issued.
        assert.equal(results.filter((r) => r.r === "issued").length, 4);
        assert.equal(results.filter((r) => r.r === "limited").length, 8);
        const queued = await s.listMessages({ status: ["queued"] });
        assert.equal(queued.length, 1, JSON.stringify(await s.outboxCounts()));
        assert.equal(`k${Number(queued[0].id.slice(1))}`, (await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac);
      });
    });

    describe("codes of every purpose and pending attributes (issue 12)", () => {
      it("keeps a user's sign-up, password-reset and per-attribute codes apart", async () => {
        const s = await fresh();
        await s.putCode(code("us-east-1_A", "alice", "s"));
        await s.putCode(code("us-east-1_A", "alice", "f", { purpose: "FORGOT_PASSWORD", expiresAt: T0 + 3_600_000 }));
        await s.putCode(code("us-east-1_A", "alice", "e", { purpose: "VERIFY_EMAIL" }));
        await s.putCode(code("us-east-1_A", "alice", "p", { purpose: "VERIFY_PHONE_NUMBER", attribute: "phone_number" }));
        assert.equal((await s.getCode("us-east-1_A", "alice", "FORGOT_PASSWORD"))?.expiresAt, T0 + 3_600_000);
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "VERIFY_EMAIL", "p"), false, "another purpose's code does not fit");
        assert.equal(await s.consumeCode("us-east-1_A", "alice", "VERIFY_EMAIL", "e"), true);
        assert.equal((await s.getCode("us-east-1_A", "alice", "VERIFY_PHONE_NUMBER"))?.codeHmac, "p");
        assert.equal((await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac, "s");
        assert.equal((await s.getCode("us-east-1_A", "alice", "FORGOT_PASSWORD"))?.codeHmac, "f");
      });

      it("holds one pending value per user and attribute, replaced by a later one, gone with the user or pool", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice"));
        await s.insertUser(user("us-east-1_A", "bob"));
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "alice"), {});
        await s.putPendingAttribute("us-east-1_A", "alice", "email", "new@example.com", T0);
        await s.putPendingAttribute("us-east-1_A", "alice", "email", "newer@example.com", T0 + 1);
        await s.putPendingAttribute("us-east-1_A", "alice", "phone_number", "+15555550100", T0);
        await s.putPendingAttribute("us-east-1_A", "bob", "email", "bob2@example.com", T0);
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "alice"), { email: "newer@example.com", phone_number: "+15555550100" });
        assert.equal(await s.deletePendingAttribute("us-east-1_A", "alice", "phone_number"), true);
        assert.equal(await s.deletePendingAttribute("us-east-1_A", "alice", "phone_number"), false);
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "alice"), { email: "newer@example.com" });
        await s.deleteUser("us-east-1_A", "alice");
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "alice"), {});
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "bob"), { email: "bob2@example.com" });
        await s.deletePool("us-east-1_A");
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "bob"), {});
      });

      it("rolls a pending value back with its transaction", async () => {
        const s = await fresh();
        await assert.rejects(s.tx(async (tx) => {
          await tx.putPendingAttribute("us-east-1_A", "alice", "email", "x@example.com", T0);
          throw new Error("boom");
        }), /boom/);
        assert.deepEqual(await s.getPendingAttributes("us-east-1_A", "alice"), {});
      });
    });

    describe("counters", () => {
      it("counts hits in a fixed window and starts a new window once it is over", async () => {
        const s = await fresh();
        const W = 3_600_000;
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0, W), 1);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + 10, W), 2);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + W - 1, W), 3);
        // Other subjects, kinds and pools count on their own.
        assert.equal(await s.hit("us-east-1_A", "bob", "resend", T0, W), 1);
        assert.equal(await s.hit("us-east-1_A", "alice", "confirm", T0, W), 1);
        assert.equal(await s.hit("us-east-1_B", "alice", "resend", T0, W), 1);
        // The window opened at T0 ends at T0 + W: the next hit opens a new one.
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + W, W), 1);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + W + 5, W), 2);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0 + 2 * W - 1, W), 3);
      });
    });

    describe("counter clean-up and decoys", () => {
      it("prunes a pool's counters whose window started at or before a time", async () => {
        const s = await fresh();
        const W = 3_600_000;
        await s.hit("us-east-1_A", "1.2.3.4", "ip", T0, W);
        await s.hit("us-east-1_A", "5.6.7.8", "ip", T0 + 10, W);
        await s.hit("us-east-1_B", "1.2.3.4", "ip", T0, W);
        assert.equal(await s.pruneCounters("us-east-1_A", T0), 1);
        assert.equal(await s.hit("us-east-1_A", "1.2.3.4", "ip", T0 + 20, W), 1, "pruned: counting starts again");
        assert.equal(await s.hit("us-east-1_A", "5.6.7.8", "ip", T0 + 20, W), 2);
        assert.equal(await s.hit("us-east-1_B", "1.2.3.4", "ip", T0 + 20, W), 2, "other pools keep theirs");
      });

      it("writes decoy messages into bounded slots that the outbox never sees", async () => {
        const s = await fresh();
        await s.writeDecoy(7, message("d1"));
        await s.writeDecoy(7, message("d2", { username: "other" }));
        await s.writeDecoy(255, message("d3"));
        assert.deepEqual(await s.listMessages({}), []);
        assert.deepEqual(await s.claimDue(T0 + 1, 10, 1000), []);
        assert.deepEqual(await byStatus(s), {});
      });

      it("records decoy attempts in bounded slots, never in the outbox or its attempts", async () => {
        const s = await fresh();
        await s.writeDecoy(7, message("d1", { status: "processing", leaseUntil: T0 + 1000 }));
        await s.tx((t) => t.recordDecoyAttempts([
          { slot: 7, attempt: { id: "x1", messageId: "d1", at: T0 + 5, channel: "decoy", outcome: "success", error: null } },
          { slot: 7, attempt: { id: "x2", messageId: "d1", at: T0 + 6, channel: "decoy", outcome: "success", error: null } },
          { slot: 255, attempt: { id: "x3", messageId: "gone", at: T0 + 7, channel: "decoy", outcome: "success", error: null } },
        ]));
        await s.recordDecoyAttempts([{ slot: 7, attempt: { id: "x4", messageId: "d1", at: T0 + 8, channel: "decoy", outcome: "success", error: null } }]);
        assert.deepEqual(await s.listMessages({}), []);
        assert.deepEqual(await s.listAttempts("d1"), []);
        assert.deepEqual(await s.claimDue(T0 + 5000, 10, 1000), []);
        assert.deepEqual(await byStatus(s), {});
      });
    });

    describe("refresh tokens", () => {
      it("round-trips a refresh token", async () => {
        const s = await fresh();
        await s.insertRefreshToken({ tokenHash: "abc", poolId: "us-east-1_A", clientId: "c1", usernameKey: "alice", expiresAt: T0 + 30 * 86_400_000, createdAt: T0, originJti: "o0" });
        assert.deepEqual(await s.getRefreshToken("abc"), {
          poolId: "us-east-1_A", clientId: "c1", usernameKey: "alice", expiresAt: T0 + 30 * 86_400_000, originJti: "o0", replacedAt: null,
        });
        assert.equal(await s.getRefreshToken("zzz"), undefined);
      });

      it("keeps a refresh token's origin, and rotates it out exactly once", async () => {
        const s = await fresh();
        await s.insertRefreshToken({ tokenHash: "r1", poolId: "us-east-1_A", clientId: "c1", usernameKey: "alice", expiresAt: T0 + 1000, createdAt: T0, originJti: "o1" });
        assert.equal((await s.getRefreshToken("r1"))!.originJti, "o1");
        const r = await settle(Array.from({ length: 8 }, () => s.replaceRefreshToken("r1", T0 + 5)));
        assert.deepEqual(r.errors, []);
        assert.equal(r.values.filter(Boolean).length, 1);
        assert.equal((await s.getRefreshToken("r1"))!.replacedAt, T0 + 5);
        assert.equal(await s.replaceRefreshToken("nope", T0 + 5), false);
      });
    });

    describe("token origins", () => {
      const origin = (originJti: string, usernameKey = "alice", over: Partial<TokenOrigin> = {}): TokenOrigin => ({
        originJti, poolId: "us-east-1_A", clientId: "c1", usernameKey, eventId: `e-${originJti}`, authTime: T0, revokedAt: null, createdAt: T0, ...over,
      });

      it("round-trips an origin with epoch-ms times as numbers", async () => {
        const s = await fresh();
        await s.insertTokenOrigin(origin("o1"));
        assert.deepEqual(await s.getTokenOrigin("o1"), origin("o1"));
        assert.equal(await s.getTokenOrigin("o2"), undefined);
      });

      it("revokes one origin once; a user's revocation takes all of theirs and no one else's", async () => {
        const s = await fresh();
        for (const o of [origin("a1"), origin("a2", "alice", { clientId: "c2" }), origin("b1", "bob"), origin("x1", "alice", { poolId: "us-east-1_X" })]) await s.insertTokenOrigin(o);
        assert.equal(await s.revokeTokenOrigin("a1", T0 + 1), true);
        assert.equal(await s.revokeTokenOrigin("a1", T0 + 2), false);
        assert.equal(await s.revokeTokenOrigin("missing", T0 + 2), false);
        assert.equal((await s.getTokenOrigin("a1"))!.revokedAt, T0 + 1);
        assert.equal(await s.revokeUserTokenOrigins("us-east-1_A", "alice", T0 + 3), 1);
        assert.equal((await s.getTokenOrigin("a1"))!.revokedAt, T0 + 1);
        assert.equal((await s.getTokenOrigin("a2"))!.revokedAt, T0 + 3);
        assert.equal((await s.getTokenOrigin("b1"))!.revokedAt, null);
        assert.equal((await s.getTokenOrigin("x1"))!.revokedAt, null);
      });
    });

    describe("hosted sessions and authorization codes (issue 14)", () => {
      const code = (codeHash: string, over: Partial<AuthorizationCode> = {}): AuthorizationCode => ({
        codeHash, poolId: "us-east-1_A", clientId: "c1", redirectUri: "https://app.example/cb", usernameKey: "alice", scope: "openid email",
        nonce: "n1", codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", authTime: T0, expiresAt: T0 + 300_000, createdAt: T0, ...over,
      });

      it("an origin keeps the scopes it was granted; an API sign-in's has none", async () => {
        const s = await fresh();
        const base = { poolId: "us-east-1_A", clientId: "c1", usernameKey: "alice", eventId: "e", authTime: T0, revokedAt: null, createdAt: T0 };
        await s.insertTokenOrigin({ originJti: "oauth", ...base, scope: "openid profile" });
        await s.insertTokenOrigin({ originJti: "api", ...base });
        assert.equal((await s.getTokenOrigin("oauth"))!.scope, "openid profile");
        assert.equal("scope" in (await s.getTokenOrigin("api"))!, false);
      });

      it("round-trips a session, ends it once, and drops expired ones when another is stored", async () => {
        const s = await fresh();
        const session = { idHash: "h1", poolId: "us-east-1_A", usernameKey: "alice", authTime: T0, expiresAt: T0 + 3_600_000, createdAt: T0 };
        await s.insertHostedSession(session);
        assert.deepEqual(await s.getHostedSession("h1"), session);
        assert.equal(await s.getHostedSession("h2"), undefined);
        await s.insertHostedSession({ ...session, idHash: "h2", createdAt: T0 + 3_600_001, expiresAt: T0 + 7_200_000 });
        assert.equal(await s.getHostedSession("h1"), undefined, "expired: dropped");
        assert.equal(await s.deleteHostedSession("h2"), true);
        assert.equal(await s.deleteHostedSession("h2"), false);
      });

      it("takes a code exactly once, also under concurrency; a code without PKCE or nonce keeps nulls", async () => {
        const s = await fresh();
        await s.insertAuthorizationCode(code("c1"));
        await s.insertAuthorizationCode(code("c2", { nonce: null, codeChallenge: null }));
        const takes = await Promise.all(Array.from({ length: 8 }, () => s.takeAuthorizationCode("c1")));
        assert.equal(takes.filter(Boolean).length, 1);
        assert.deepEqual(takes.find(Boolean), code("c1"));
        assert.deepEqual(await s.takeAuthorizationCode("c2"), code("c2", { nonce: null, codeChallenge: null }));
        assert.equal(await s.takeAuthorizationCode("c2"), undefined);
      });

      it("deleting a pool deletes its sessions and codes", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertAuthorizationCode(code("c1"));
        await s.insertHostedSession({ idHash: "h1", poolId: "us-east-1_A", usernameKey: "alice", authTime: T0, expiresAt: T0 + 1, createdAt: T0 });
        assert.equal(await s.deletePool("us-east-1_A"), true);
        assert.equal(await s.takeAuthorizationCode("c1"), undefined);
        assert.equal(await s.getHostedSession("h1"), undefined);
      });
    });

    describe("sign-in failures (lockout)", () => {
      it("counts failures atomically under concurrency", async () => {
        const s = await fresh();
        const r = await settle(Array.from({ length: 20 }, (_, i) => s.recordSignInFailure("us-east-1_A", "alice", T0 + i, T0 - 900_000)));
        assert.deepEqual(r.errors, []);
        assert.deepEqual([...r.values].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
        assert.equal((await s.getSignInFailures("us-east-1_A", "alice"))!.failures, 20);
        assert.equal(await s.getSignInFailures("us-east-1_A", "bob"), undefined);
      });

      it("keeps the longer lock, restarts the count after a quiet period, and clears", async () => {
        const s = await fresh();
        for (let i = 0; i < 5; i++) await s.recordSignInFailure("us-east-1_A", "alice", T0 + i, T0 - 1);
        await s.lockSignIn("us-east-1_A", "alice", T0 + 10_000);
        await s.lockSignIn("us-east-1_A", "alice", T0 + 5_000);
        assert.deepEqual(await s.getSignInFailures("us-east-1_A", "alice"), { failures: 5, lastFailureAt: T0 + 4, lockedUntil: T0 + 10_000 });
        // Quiet since the end of the lock counts, not since the last failure.
        assert.equal(await s.recordSignInFailure("us-east-1_A", "alice", T0 + 20_000, T0 + 9_999), 6);
        assert.equal(await s.recordSignInFailure("us-east-1_A", "alice", T0 + 40_000, T0 + 20_000), 1);
        assert.deepEqual(await s.getSignInFailures("us-east-1_A", "alice"), { failures: 1, lastFailureAt: T0 + 40_000, lockedUntil: null });
        await s.clearSignInFailures("us-east-1_A", "alice");
        assert.equal(await s.getSignInFailures("us-east-1_A", "alice"), undefined);
      });
    });

    describe("enabled flag", () => {
      it("sets only the enabled flag", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice"));
        assert.equal(await s.setUserEnabled("us-east-1_A", "alice", false, T0 + 7), true);
        const u = (await s.getUser("us-east-1_A", "alice"))!;
        assert.equal(u.enabled, false);
        assert.equal(u.updatedAt, T0 + 7);
        assert.equal(u.status, "UNCONFIRMED");
        assert.equal(await s.setUserEnabled("us-east-1_A", "nobody", false, T0 + 7), false);
      });
    });

    describe("passwords and challenge sessions (issue 11)", () => {
      const session = (idHash: string, over: Partial<AuthSession> = {}): AuthSession => ({
        idHash, poolId: "us-east-1_A", clientId: "c1", usernameKey: "alice", challenge: "PASSWORD_VERIFIER",
        state: { b: "ab", B: "cd", decoy: false }, expiresAt: T0 + 180_000, createdAt: T0, ...over,
      });

      it("writes hash, verifier, expiry and status together; a user without a verifier reads null", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice", { status: "CONFIRMED" }));
        assert.deepEqual(await s.getPasswordVerifier("us-east-1_A", "alice"), { srpSalt: null, srpVerifier: null, passwordExpiresAt: null });
        assert.equal(await s.getPasswordVerifier("us-east-1_A", "nobody"), undefined);
        assert.equal(await s.setPassword("us-east-1_A", "alice", { passwordHash: "scrypt$new", srpSalt: "5a", srpVerifier: "7b", passwordExpiresAt: T0 + 5 }, T0 + 1), true);
        assert.deepEqual(await s.getPasswordVerifier("us-east-1_A", "alice"), { srpSalt: "5a", srpVerifier: "7b", passwordExpiresAt: T0 + 5 });
        let u = await s.getUser("us-east-1_A", "alice");
        assert.equal(u!.passwordHash, "scrypt$new");
        assert.equal(u!.status, "CONFIRMED");
        assert.equal(u!.updatedAt, T0 + 1);
        await s.setPassword("us-east-1_A", "alice", { passwordHash: "scrypt$tmp", srpSalt: "5c", srpVerifier: "7d", passwordExpiresAt: null, status: "FORCE_CHANGE_PASSWORD" }, T0 + 2);
        u = await s.getUser("us-east-1_A", "alice");
        assert.equal(u!.status, "FORCE_CHANGE_PASSWORD");
        assert.equal((await s.getPasswordVerifier("us-east-1_A", "alice"))!.passwordExpiresAt, null);
        assert.equal(await s.setPassword("us-east-1_A", "nobody", { passwordHash: "x", srpSalt: "1", srpVerifier: "2", passwordExpiresAt: null }, T0), false);
      });

      it("gives an older password its verifier only while the hash is still the one checked", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice", { passwordHash: "scrypt$old" }));
        assert.equal(await s.setPasswordVerifier("us-east-1_A", "alice", "scrypt$stale", "11", "22"), false);
        assert.equal((await s.getPasswordVerifier("us-east-1_A", "alice"))!.srpVerifier, null);
        assert.equal(await s.setPasswordVerifier("us-east-1_A", "alice", "scrypt$old", "11", "22"), true);
        assert.deepEqual(await s.getPasswordVerifier("us-east-1_A", "alice"), { srpSalt: "11", srpVerifier: "22", passwordExpiresAt: null });
      });

      it("stores a session, reads it without using it, takes it once; expired ones are dropped on the next insert", async () => {
        const s = await fresh();
        await s.insertAuthSession(session("h1"));
        assert.deepEqual(await s.getAuthSession("h1"), session("h1"));
        assert.deepEqual(await s.takeAuthSession("h1"), session("h1"));
        assert.equal(await s.takeAuthSession("h1"), undefined);
        assert.equal(await s.getAuthSession("h1"), undefined);
        await s.insertAuthSession(session("old", { expiresAt: T0 + 10 }));
        await s.insertAuthSession(session("new", { createdAt: T0 + 11, expiresAt: T0 + 200_000 }));
        assert.equal(await s.getAuthSession("old"), undefined);
        assert.ok(await s.getAuthSession("new"));
      });

      it("hands a session to exactly one of 10 simultaneous takers", async () => {
        const s = await fresh();
        await s.insertAuthSession(session("race"));
        const got = await Promise.all(Array.from({ length: 10 }, () => s.takeAuthSession("race")));
        assert.equal(got.filter(Boolean).length, 1);
      });
    });

    describe("outbox", () => {
      it("round-trips a message, with its optional fields and meta document", async () => {
        const s = await fresh();
        const m = message("m1", { meta: { trigger: "CustomMessage_SignUp", n: 1 }, html: "<p>hi</p>", subject: null, code: null });
        await s.enqueue(m);
        assert.deepEqual(await s.getMessage("m1"), m);
        assert.equal(await s.getMessage("nope"), undefined);
      });

      it("claims due messages oldest-due first, up to the limit, with a lease", async () => {
        const s = await fresh();
        await s.enqueue(message("late", { nextAttemptAt: T0 + 3 }));
        await s.enqueue(message("first", { nextAttemptAt: T0 + 1 }));
        await s.enqueue(message("second", { nextAttemptAt: T0 + 2 }));
        await s.enqueue(message("future", { nextAttemptAt: T0 + 1000 }));
        const claimed = await s.claimDue(T0 + 10, 2, 5000);
        assert.deepEqual(claimed.map((m) => m.id), ["first", "second"]);
        for (const m of claimed) {
          assert.equal(m.status, "processing");
          assert.equal(m.leaseUntil, T0 + 5010);
          assert.equal(m.updatedAt, T0 + 10);
        }
        assert.deepEqual((await s.claimDue(T0 + 10, 10, 5000)).map((m) => m.id), ["late"]);
        assert.deepEqual(await s.claimDue(T0 + 10, 10, 5000), [], "claimed messages are not claimed again while leased");
        assert.deepEqual((await s.claimDue(T0 + 1000, 10, 5000)).map((m) => m.id), ["future"]);
      });

      it("gives a message whose lease ran out to the next claimer", async () => {
        const s = await fresh();
        await s.enqueue(message("m1"));
        assert.equal((await s.claimDue(T0, 10, 1000)).length, 1);
        assert.deepEqual(await s.claimDue(T0 + 999, 10, 1000), []);
        assert.deepEqual(await s.claimDue(T0 + 1000, 10, 1000), [], "the lease holds up to its last millisecond");
        const again = await s.claimDue(T0 + 1001, 10, 1000);
        assert.deepEqual(again.map((m) => m.id), ["m1"]);
        assert.equal(again[0].leaseUntil, T0 + 2001);
      });

      it("records attempts and moves a message to sent, back to queued, or abandoned", async () => {
        const s = await fresh();
        for (const id of ["ok", "retry", "dead"]) await s.enqueue(message(id));
        await s.claimDue(T0, 10, 1000);
        await s.recordAttempt({ id: "a1", messageId: "ok", at: T0 + 5, channel: "inbox", outcome: "success", error: null }, { status: "sent" });
        await s.recordAttempt({ id: "a2", messageId: "retry", at: T0 + 6, channel: "smtp", outcome: "failure", error: "421 busy" }, { status: "queued", retryAt: T0 + 2000 });
        await s.recordAttempt({ id: "a3", messageId: "dead", at: T0 + 7, channel: "smtp", outcome: "failure", error: "550 no" }, { status: "failed" });
        const ok = (await s.getMessage("ok"))!;
        assert.deepEqual([ok.status, ok.attempts, ok.leaseUntil, ok.lastError, ok.updatedAt], ["sent", 1, null, null, T0 + 5]);
        const retry = (await s.getMessage("retry"))!;
        assert.deepEqual([retry.status, retry.attempts, retry.nextAttemptAt, retry.lastError], ["queued", 1, T0 + 2000, "421 busy"]);
        const dead = (await s.getMessage("dead"))!;
        assert.deepEqual([dead.status, dead.attempts, dead.lastError], ["failed", 1, "550 no"]);
        assert.deepEqual(await s.listAttempts("retry"), [{ id: "a2", messageId: "retry", at: T0 + 6, channel: "smtp", outcome: "failure", error: "421 busy" }]);
        // The retry is due again only at its retry time.
        assert.deepEqual(await s.claimDue(T0 + 1999, 10, 1000), []);
        assert.deepEqual((await s.claimDue(T0 + 2000, 10, 1000)).map((m) => [m.id, m.attempts]), [["retry", 1]]);
        await s.recordAttempt({ id: "a4", messageId: "retry", at: T0 + 2001, channel: "smtp", outcome: "success", error: null }, { status: "sent" });
        assert.deepEqual((await s.listAttempts("retry")).map((a) => [a.id, a.outcome]), [["a2", "failure"], ["a4", "success"]]);
        assert.deepEqual(await byStatus(s), { sent: 2, failed: 1 });
      });

      it("records a batch of attempts at once, each as recordAttempt would", async () => {
        const s = await fresh();
        for (const id of ["ok", "retry", "dead"]) await s.enqueue(message(id));
        await s.claimDue(T0, 10, 1000);
        await s.tx((t) => t.recordAttempts([
          { attempt: { id: "b1", messageId: "ok", at: T0 + 5, channel: "inbox", outcome: "success", error: null }, next: { status: "sent" } },
          { attempt: { id: "b2", messageId: "retry", at: T0 + 6, channel: "smtp", outcome: "failure", error: "421 busy" }, next: { status: "queued", retryAt: T0 + 2000 } },
          { attempt: { id: "b3", messageId: "dead", at: T0 + 7, channel: "smtp", outcome: "failure", error: null }, next: { status: "failed" } },
        ]));
        await s.recordAttempts([]);
        const state = async (id: string) => {
          const m = (await s.getMessage(id))!;
          return [m.status, m.attempts, m.nextAttemptAt, m.leaseUntil, m.lastError, m.updatedAt];
        };
        assert.deepEqual(await state("ok"), ["sent", 1, T0 + 5, null, null, T0 + 5]);
        assert.deepEqual(await state("retry"), ["queued", 1, T0 + 2000, null, "421 busy", T0 + 6]);
        assert.deepEqual(await state("dead"), ["failed", 1, T0 + 7, null, null, T0 + 7]);
        assert.deepEqual(await s.listAttempts("retry"), [{ id: "b2", messageId: "retry", at: T0 + 6, channel: "smtp", outcome: "failure", error: "421 busy" }]);
        assert.deepEqual(await s.listAttempts("dead"), [{ id: "b3", messageId: "dead", at: T0 + 7, channel: "smtp", outcome: "failure", error: null }]);
        assert.deepEqual((await s.claimDue(T0 + 2000, 10, 1000)).map((m) => m.id), ["retry"]);
        // Outside a transaction too (on PostgreSQL it takes one of its own).
        await s.recordAttempts([{ attempt: { id: "b4", messageId: "retry", at: T0 + 2001, channel: "smtp", outcome: "success", error: null }, next: { status: "sent" } }]);
        assert.deepEqual(await byStatus(s), { sent: 2, failed: 1 });
      });

      it("erases a finished message's code and text when asked (production), alone or in a batch", async () => {
        const s = await fresh();
        for (const id of ["one", "b1", "b2", "keep"]) await s.enqueue(message(id, { html: "<p>123456</p>" }));
        await s.claimDue(T0, 10, 1000);
        const attempt = (id: string, messageId: string) => ({ id, messageId, at: T0 + 5, channel: "smtp", outcome: "success" as const, error: null });
        await s.tx((t) => t.recordAttempts([{ attempt: attempt("a1", "one"), next: { status: "sent", erase: true } }]));
        await s.tx((t) => t.recordAttempts([
          { attempt: attempt("a2", "b1"), next: { status: "sent", erase: true } },
          { attempt: { ...attempt("a3", "b2"), outcome: "failure" }, next: { status: "failed", erase: true } },
          { attempt: attempt("a4", "keep"), next: { status: "sent" } },
        ]));
        for (const id of ["one", "b1", "b2"]) {
          const m = (await s.getMessage(id))!;
          assert.deepEqual([m.code, m.body, m.html, m.subject, m.destination], [null, "", null, "Your code", "alice@example.com"], id);
        }
        const kept = (await s.getMessage("keep"))!;
        assert.deepEqual([kept.status, kept.code, kept.body, kept.html], ["sent", "123456", "Your code is 123456", "<p>123456</p>"]);
      });

      it("holds a message queued already claimed (status processing, with a lease) until the lease runs out", async () => {
        const s = await fresh();
        await s.enqueue(message("mine", { status: "processing", leaseUntil: T0 + 1000 }));
        await s.enqueue(message("queued"));
        assert.deepEqual((await s.claimDue(T0 + 10, 10, 60_000)).map((m) => m.id), ["queued"]);
        assert.deepEqual(await s.claimDue(T0 + 1000, 10, 1000), [], "the lease holds up to its last millisecond");
        await s.extendLeases(["mine"], T0 + 5000);
        assert.deepEqual(await s.claimDue(T0 + 1001, 10, 1000), [], "a renewed lease holds");
        assert.deepEqual((await s.claimDue(T0 + 5001, 10, 1000)).map((m) => m.id), ["mine"]);
        assert.equal(await s.releaseClaims(), 2);
        assert.deepEqual(await byStatus(s), { queued: 2 });
      });

      it("lists messages newest first, filtered by pool, username and destination", async () => {
        const s = await fresh();
        await s.enqueue(message("m1", { createdAt: T0 + 1, poolId: "us-east-1_A", username: "alice", destination: "a@x.com" }));
        await s.enqueue(message("m2", { createdAt: T0 + 2, poolId: "us-east-1_A", username: "bob", destination: "b@x.com" }));
        await s.enqueue(message("m3", { createdAt: T0 + 3, poolId: "us-east-1_B", username: "alice", destination: "a@x.com" }));
        await s.enqueue(message("m4", { createdAt: T0 + 3, poolId: "us-east-1_A", username: "alice", destination: "+1555" }));
        const ids = async (f: Parameters<Store["listMessages"]>[0]) => (await s.listMessages(f)).map((m) => m.id);
        assert.deepEqual(await ids({}), ["m4", "m3", "m2", "m1"]);
        assert.deepEqual(await ids({ poolId: "us-east-1_A" }), ["m4", "m2", "m1"]);
        assert.deepEqual(await ids({ poolId: "us-east-1_A", username: "alice" }), ["m4", "m1"]);
        assert.deepEqual(await ids({ to: "a@x.com" }), ["m3", "m1"]);
        assert.deepEqual(await ids({ limit: 2 }), ["m4", "m3"]);
        assert.deepEqual(await byStatus(s), { queued: 4 });
      });

      it("clears delivered and abandoned messages with their attempts, keeping the rest", async () => {
        const s = await fresh();
        for (const id of ["sent", "dead", "waiting", "busy"]) await s.enqueue(message(id));
        await s.claimDue(T0, 10, 60_000);
        await s.recordAttempt({ id: "a1", messageId: "sent", at: T0, channel: "inbox", outcome: "success", error: null }, { status: "sent" });
        await s.recordAttempt({ id: "a2", messageId: "dead", at: T0, channel: "inbox", outcome: "failure", error: "x" }, { status: "failed" });
        await s.recordAttempt({ id: "a3", messageId: "waiting", at: T0, channel: "inbox", outcome: "failure", error: "x" }, { status: "queued", retryAt: T0 + 1 });
        assert.equal(await s.clearFinished(), 2);
        assert.deepEqual((await s.listMessages({})).map((m) => m.id).sort(), ["busy", "waiting"]);
        assert.deepEqual(await s.listAttempts("sent"), []);
        assert.deepEqual(await s.listAttempts("dead"), []);
        assert.equal((await s.listAttempts("waiting")).length, 1);
        assert.deepEqual(await byStatus(s), { processing: 1, queued: 1 });
      });
    });

    describe("outbox: supersede, expiry, backlog, requeue, retention", () => {
      const K = "us-east-1_P alice SIGN_UP";
      const status = async (s: Store, id: string) => (await s.getMessage(id))?.status;

      it("a newer message with the same supersede key marks the undelivered ones superseded, and only those", async () => {
        const s = await fresh();
        await s.enqueue(message("done", { supersedeKey: K, createdAt: T0 }));
        await s.claimDue(T0, 10, 1000);
        await s.recordAttempt({ id: "a0", messageId: "done", at: T0 + 1, channel: "smtp", outcome: "success", error: null }, { status: "sent" });
        // Written already claimed (the hand-over), so in flight: it is superseded all the same.
        await s.enqueue(message("inflight", { supersedeKey: K, status: "processing", leaseUntil: T0 + 60_000, expiresAt: T0 + 86_400_000, createdAt: T0 + 3 }));
        await s.enqueue(message("other", { supersedeKey: "us-east-1_P bob SIGN_UP", createdAt: T0 + 4 }));
        await s.enqueue(message("plain", { createdAt: T0 + 5 }));
        await s.tx((t) => t.enqueue(message("new", { supersedeKey: K, createdAt: T0 + 10 }), { eraseSuperseded: true, now: T0 + 10 }));
        const gone = (await s.getMessage("inflight"))!;
        assert.deepEqual([gone.status, gone.leaseUntil, gone.code, gone.body, gone.updatedAt, gone.expiresAt], ["superseded", null, null, "", T0 + 10, T0 + 86_400_000]);
        assert.deepEqual(await byStatus(s), { sent: 1, superseded: 1, queued: 3 });
        // A queued one too; without erasing, its text stays (dev mode shows it in the inbox).
        await s.enqueue(message("newest", { supersedeKey: K, createdAt: T0 + 20 }));
        const prev = (await s.getMessage("new"))!;
        assert.deepEqual([prev.status, prev.code, prev.updatedAt, prev.supersedeKey], ["superseded", "123456", T0 + 20, K]);
        assert.deepEqual([await status(s, "done"), await status(s, "other"), await status(s, "plain"), await status(s, "newest")], ["sent", "queued", "queued", "queued"]);
        // Superseded messages are never claimed; the try of one already in flight is recorded, and it stays
        // superseded unless that try delivered it.
        assert.deepEqual((await s.claimDue(T0 + 120_000, 10, 1000)).map((m) => m.id).sort(), ["newest", "other", "plain"]);
        await s.recordAttempt({ id: "a1", messageId: "inflight", at: T0 + 11, channel: "smtp", outcome: "failure", error: "down" }, { status: "queued", retryAt: T0 + 1000 });
        assert.deepEqual([await status(s, "inflight"), (await s.getMessage("inflight"))!.attempts], ["superseded", 1]);
        await s.tx((t) => t.recordAttempts([
          { attempt: { id: "a2", messageId: "new", at: T0 + 12, channel: "smtp", outcome: "success", error: null }, next: { status: "sent" } },
          { attempt: { id: "a3", messageId: "inflight", at: T0 + 12, channel: "smtp", outcome: "failure", error: "550" }, next: { status: "failed" } },
        ]));
        assert.deepEqual([await status(s, "new"), await status(s, "inflight")], ["sent", "superseded"]);
      });

      it("expires claimed messages that were never tried, without an attempt", async () => {
        const s = await fresh();
        for (const id of ["x1", "x2", "keep"]) await s.enqueue(message(id, { expiresAt: T0 + 5 }));
        await s.claimDue(T0, 10, 1000);
        await s.tx((t) => t.expireUnsent(["x1", "x2"], T0 + 10, true));
        await s.expireUnsent([], T0 + 10);
        assert.deepEqual(await byStatus(s), { expired: 2, processing: 1 });
        const x1 = (await s.getMessage("x1"))!;
        assert.deepEqual([x1.attempts, x1.code, x1.body, x1.leaseUntil, x1.updatedAt], [0, null, "", null, T0 + 10]);
        assert.deepEqual(await s.listAttempts("x1"), []);
      });

      it("reads the backlog (queued and processing) by medium and status, with its oldest message", async () => {
        const s = await fresh();
        assert.deepEqual(await s.outboxBacklog(), []);
        await s.enqueue(message("e1", { createdAt: T0 + 5 }));
        await s.enqueue(message("e2", { createdAt: T0 + 2 }));
        await s.enqueue(message("e3", { createdAt: T0 + 1, status: "processing", leaseUntil: T0 + 1000 }));
        await s.enqueue(message("s1", { channel: "SMS", destination: "+15555550100", createdAt: T0 + 7 }));
        await s.enqueue(message("done", { createdAt: T0, status: "sent" }));
        await s.enqueue(message("gone", { createdAt: T0, status: "superseded" }));
        const rows = (await s.outboxBacklog()).sort((x, y) => (x.channel + x.status).localeCompare(y.channel + y.status));
        assert.deepEqual(rows, [
          { channel: "EMAIL", status: "processing", count: 1, oldest: T0 + 1 },
          { channel: "EMAIL", status: "queued", count: 2, oldest: T0 + 2 },
          { channel: "SMS", status: "queued", count: 1, oldest: T0 + 7 },
        ]);
        await s.claimDue(T0 + 10, 10, 1000);
        assert.deepEqual((await s.outboxBacklog()).map((r) => [r.channel, r.status, r.count]).sort(), [["EMAIL", "processing", 3], ["SMS", "processing", 1]]);
      });

      it("lists by status (failed includes the older abandoned) and requeues failed messages that have not expired", async () => {
        const s = await fresh();
        await s.enqueue(message("f1", { status: "failed", attempts: 3, lastError: "550 no" }));
        await s.enqueue(message("ab", { status: "abandoned", attempts: 5 }));
        await s.enqueue(message("gone", { status: "failed", expiresAt: T0 + 10 }));
        await s.enqueue(message("q"));
        await s.enqueue(message("ok", { status: "sent" }));
        assert.deepEqual((await s.listMessages({ status: ["failed"] })).map((m) => m.id).sort(), ["ab", "f1", "gone"]);
        assert.deepEqual((await s.listMessages({ status: ["queued", "sent"] })).map((m) => m.id).sort(), ["ok", "q"]);
        assert.deepEqual(await s.requeueMessages({ id: "q" }, T0 + 100), [], "only given-up messages are requeued");
        assert.deepEqual(await s.requeueMessages({ id: "f1" }, T0 + 100), ["f1"]);
        const f1 = (await s.getMessage("f1"))!;
        assert.deepEqual([f1.status, f1.attempts, f1.nextAttemptAt, f1.lastError], ["queued", 0, T0 + 100, "550 no"]);
        assert.deepEqual(await s.requeueMessages({ allFailed: true }, T0 + 100), ["ab"], "the expired one stays");
        assert.deepEqual(await byStatus(s), { queued: 3, failed: 1, sent: 1 });
        assert.deepEqual((await s.claimDue(T0 + 100, 10, 1000)).map((m) => m.id).sort(), ["ab", "f1", "q"]);
      });

      it("retention deletes old sent, superseded and expired messages with their attempts, in batches, and nothing else", async () => {
        const s = await fresh();
        const states = ["sent", "superseded", "expired", "failed", "abandoned", "queued", "processing"] as const;
        let n = 0;
        for (const st of states) {
          for (const age of ["old", "new"]) {
            const id = `${st}-${age}`;
            await s.enqueue(message(id, { status: st, createdAt: age === "old" ? T0 + n++ : T0 + 10_000, leaseUntil: st === "processing" ? T0 + 99_999 : null }));
          }
        }
        await s.enqueue(message("extra-sent", { status: "sent", createdAt: T0 + 50 }));
        // Attempts for a message retention deletes and for one it keeps.
        await s.enqueue(message("tried", { createdAt: T0 + 60 }));
        await s.claimDue(T0 + 60, 100, 1000);
        await s.recordAttempt({ id: "t1", messageId: "tried", at: T0 + 61, channel: "smtp", outcome: "success", error: null }, { status: "sent" });
        await s.enqueue(message("kept", { createdAt: T0 + 70 }));
        await s.claimDue(T0 + 70, 100, 1000);
        await s.recordAttempt({ id: "k1", messageId: "kept", at: T0 + 71, channel: "smtp", outcome: "failure", error: "x" }, { status: "queued", retryAt: T0 + 99 });

        assert.equal(await s.pruneOutbox(T0 + 5_000, 2), 2, "a batch is at most the limit");
        assert.equal(await s.tx((t) => t.pruneOutbox(T0 + 5_000, 2)), 2);
        assert.equal(await s.pruneOutbox(T0 + 5_000, 2), 1);
        assert.equal(await s.pruneOutbox(T0 + 5_000, 2), 0);
        const left = (await s.listMessages({ limit: 100 })).map((m) => m.id).sort();
        assert.deepEqual(left, ["abandoned-new", "abandoned-old", "expired-new", "failed-new", "failed-old", "kept", "processing-new", "processing-old",
          "queued-new", "queued-old", "sent-new", "superseded-new"]);
        assert.deepEqual(await s.listAttempts("tried"), []);
        assert.equal((await s.listAttempts("kept")).length, 1);
      });
    });

    describe("claims", () => {
      it("extends the leases of claimed messages only", async () => {
        const s = await fresh();
        for (const id of ["a", "b", "q"]) await s.enqueue(message(id, { nextAttemptAt: id === "q" ? T0 + 100 : T0 }));
        await s.claimDue(T0, 10, 1000);
        await s.extendLeases(["a", "q", "missing"], T0 + 9000);
        await s.extendLeases([], T0 + 99_000);
        assert.equal((await s.getMessage("a"))!.leaseUntil, T0 + 9000);
        assert.equal((await s.getMessage("b"))!.leaseUntil, T0 + 1000);
        assert.deepEqual([(await s.getMessage("q"))!.status, (await s.getMessage("q"))!.leaseUntil], ["queued", null]);
        // The extended claim holds past its first lease; the other one lapses.
        assert.deepEqual((await s.claimDue(T0 + 1001, 10, 1000)).map((m) => m.id).sort(), ["b", "q"]);
      });

      it("releases every claim back to the queue (single-instance start-up)", async () => {
        const s = await fresh();
        for (const id of ["a", "b", "c"]) await s.enqueue(message(id));
        await s.claimDue(T0, 2, 60_000);
        assert.equal(await s.releaseClaims(), 2);
        assert.deepEqual(await byStatus(s), { queued: 3 });
        assert.equal((await s.getMessage("a"))!.leaseUntil, null);
        assert.equal((await s.claimDue(T0, 10, 60_000)).length, 3);
      });

      it("counts messages per channel and status", async () => {
        const s = await fresh();
        await s.enqueue(message("e1"));
        await s.enqueue(message("e2", { nextAttemptAt: T0 + 1 }));
        await s.enqueue(message("s1", { channel: "SMS", destination: "+1555", nextAttemptAt: T0 + 1 }));
        await s.claimDue(T0, 1, 1000);
        const counts = (await s.outboxCounts()).sort((x, y) => `${x.channel}${x.status}`.localeCompare(`${y.channel}${y.status}`));
        assert.deepEqual(counts, [
          { channel: "EMAIL", status: "processing", count: 1 }, { channel: "EMAIL", status: "queued", count: 1 }, { channel: "SMS", status: "queued", count: 1 },
        ]);
      });
    });

    describe("transactions", () => {
      it("commits everything the function wrote and returns its result", async () => {
        const s = await fresh();
        const r = await s.tx(async (t) => {
          await t.insertPool(pool("us-east-1_A"));
          await t.insertUser(user("us-east-1_A", "alice"));
          await t.enqueue(message("m1"));
          assert.ok(await t.getUser("us-east-1_A", "alice"), "a transaction reads its own writes");
          return 42;
        });
        assert.equal(r, 42);
        assert.ok(await s.getUser("us-east-1_A", "alice"));
        assert.ok(await s.getMessage("m1"));
      });

      it("rolls everything back when the function throws", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await assert.rejects(s.tx(async (t) => {
          await t.insertUser(user("us-east-1_A", "alice"));
          await t.putCode(code("us-east-1_A", "alice", "h"));
          await t.hit("us-east-1_A", "alice", "resend", T0, 3_600_000);
          await t.enqueue(message("m1"));
          throw new Error("boom");
        }), /boom/);
        assert.equal(await s.getUser("us-east-1_A", "alice"), undefined);
        assert.equal(await s.getCode("us-east-1_A", "alice", "SIGN_UP"), undefined);
        assert.equal(await s.getMessage("m1"), undefined);
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0, 3_600_000), 1);
        // The store is usable afterwards.
        assert.equal(await s.insertUser(user("us-east-1_A", "alice")), true);
      });

      it("keeps uncommitted writes invisible outside the transaction", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        let release!: () => void;
        const gate = new Promise<void>((r) => { release = r; });
        let inserted!: () => void;
        const wasInserted = new Promise<void>((r) => { inserted = r; });
        const t = s.tx(async (tx) => {
          await tx.insertUser(user("us-east-1_A", "alice"));
          inserted();
          await gate;
        });
        await wasInserted;
        const outside = s.getUser("us-east-1_A", "alice");
        if (s.dialect === "sqlite") {
          // SQLite's one connection: the read waits its turn behind the open transaction.
          const state = await Promise.race([outside.then(() => "answered"), new Promise((r) => setTimeout(() => r("waiting"), 100))]);
          assert.equal(state, "waiting");
        } else {
          // PostgreSQL answers at once, from what was committed.
          assert.equal(await outside, undefined);
        }
        release();
        await t;
        assert.ok(await s.getUser("us-east-1_A", "alice"));
      });
    });

    describe("atomic under concurrency", () => {
      it("counts 20 simultaneous hits as 1..20, each exactly once", async () => {
        const s = await fresh();
        const counts = await Promise.all(Array.from({ length: 20 }, () => s.hit("us-east-1_A", "alice", "resend", T0, 3_600_000)));
        assert.deepEqual([...counts].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      });

      it("lets exactly 5 of 20 simultaneous limited transactions through (the resend limit)", async () => {
        const s = await fresh();
        const r = await settle(Array.from({ length: 20 }, (_, i) => s.tx(async (t) => {
          const n = await t.hit("us-east-1_A", "alice", "resend", T0, 3_600_000);
          if (n > 5) throw new Error("limit");
          await t.enqueue(message(`m${i}`));
          return n;
        })));
        assert.equal(r.values.length, 5);
        assert.equal(r.errors.length, 15);
        assert.ok(r.errors.every((e) => e.message === "limit"), String(r.errors.find((e) => e.message !== "limit")));
        assert.equal((await s.listMessages({})).length, 5);
        // The refused attempts rolled back their hits: the window holds 5, the next hit is the 6th.
        assert.equal(await s.hit("us-east-1_A", "alice", "resend", T0, 3_600_000), 6);
      });

      it("adds members while their group and a user are deleted: every call answers, no membership outlives them", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const P = "us-east-1_A";
        for (let round = 0; round < 5; round++) {
          await s.insertGroup(group(P, "g"));
          for (let i = 0; i < 8; i++) await s.insertUser(user(P, `u${i}`));
          await s.addUserToGroup(P, "g", "u0", T0);
          // As AdminAddUserToGroup does: look the group and user up, then add (the store checks again under a lock).
          const adds = Array.from({ length: 8 }, (_, i) => s.tx(async (t) => {
            if (!(await t.getGroup(P, "g")) || !(await t.getUser(P, `u${i}`))) return "gone";
            return t.addUserToGroup(P, "g", `u${i}`, T0);
          }));
          const r = await settle<unknown>([...adds, s.tx((t) => t.deleteUser(P, "u3")), s.tx((t) => t.deleteGroup(P, "g"))]);
          assert.deepEqual(r.errors, []);
          assert.equal(await s.getGroup(P, "g"), undefined);
          for (let i = 0; i < 8; i++) assert.deepEqual(await s.groupsOfUser(P, `u${i}`), []);
          for (let i = 0; i < 8; i++) await s.deleteUser(P, `u${i}`);
        }
      });

      it("lets exactly one of 10 simultaneous inserts of one username win", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        const r = await settle(Array.from({ length: 10 }, () => s.tx((t) => t.insertUser(user("us-east-1_A", "alice")))));
        assert.deepEqual(r.errors, []);
        assert.equal(r.values.filter(Boolean).length, 1);
        assert.equal(await s.countUsers("us-east-1_A"), 1);
      });

      it("consumes a code exactly once among 10 simultaneous consumers", async () => {
        const s = await fresh();
        await s.putCode(code("us-east-1_A", "alice", "h"));
        const r = await settle(Array.from({ length: 10 }, () => s.tx(async (t) => {
          const c = await t.getCode("us-east-1_A", "alice", "SIGN_UP");
          if (!c) return false;
          return t.consumeCode("us-east-1_A", "alice", "SIGN_UP", c.codeHmac);
        })));
        assert.deepEqual(r.errors, []);
        assert.equal(r.values.filter(Boolean).length, 1);
      });

      it("does not consume a code that a concurrent resend superseded", async () => {
        const s = await fresh();
        await s.putCode(code("us-east-1_A", "alice", "old"));
        let release!: () => void;
        const gate = new Promise<void>((r) => { release = r; });
        let superseded!: () => void;
        const wasSuperseded = new Promise<void>((r) => { superseded = r; });
        const resend = s.tx(async (t) => {
          await t.putCode(code("us-east-1_A", "alice", "new"));
          superseded();
          await gate;
        });
        await wasSuperseded;
        // The confirmation read the old code and now consumes it while the resend is still open.
        const consume = s.consumeCode("us-east-1_A", "alice", "SIGN_UP", "old");
        await new Promise((r) => setTimeout(r, 50));
        release();
        await resend;
        assert.equal(await consume, false);
        assert.equal((await s.getCode("us-east-1_A", "alice", "SIGN_UP"))?.codeHmac, "new");
      });

      for (const [by, attrs] of [["email", { emailKey: "same@example.com" }], ["phone", { phone: "+15550100" }]] as const) {
        it(`keeps check-then-insert by ${by} unique: a lookup in a transaction holds the ${by} until commit`, async () => {
          const s = await fresh();
          await s.insertPool(pool("us-east-1_A"));
          // SignUp in an email/phone-as-username pool: look the address up, and insert only if nobody has it.
          const r = await settle(Array.from({ length: 8 }, (_, i) => s.tx(async (t) => {
            const holders = by === "email" ? await t.findUsersByEmail("us-east-1_A", "same@example.com") : await t.findUsersByPhone("us-east-1_A", "+15550100");
            if (holders.length) return false;
            await new Promise((r) => setTimeout(r, 20)); // the gap in which a concurrent transaction could slip in
            return t.insertUser(user("us-east-1_A", `u${i}`, attrs));
          })));
          assert.deepEqual(r.errors, []);
          assert.equal(r.values.filter(Boolean).length, 1);
          assert.equal(await s.countUsers("us-east-1_A"), 1);
        });
      }

      it("moves a status once among 10 simultaneous transitions", async () => {
        const s = await fresh();
        await s.insertPool(pool("us-east-1_A"));
        await s.insertUser(user("us-east-1_A", "alice"));
        const r = await settle(Array.from({ length: 10 }, (_, i) =>
          s.transitionStatus("us-east-1_A", "alice", "UNCONFIRMED", "CONFIRMED", { n: String(i) }, T0 + i)));
        assert.equal(r.values.filter(Boolean).length, 1);
      });

      it("hands each due message to exactly one of several simultaneous claimers", async () => {
        const s = await fresh();
        await s.tx(async (t) => { for (let i = 0; i < 300; i++) await t.enqueue(message(`m${String(i).padStart(3, "0")}`, { nextAttemptAt: T0 + i })); });
        const seen = new Map<string, number>();
        const claimer = async () => {
          for (;;) {
            const batch = await s.claimDue(T0 + 1000, 25, 60_000);
            if (batch.length === 0) return;
            for (const m of batch) seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
          }
        };
        await Promise.all(Array.from({ length: 6 }, claimer));
        assert.equal(seen.size, 300);
        assert.deepEqual([...seen.values()].filter((n) => n !== 1), [], "a message was claimed twice");
        assert.deepEqual(await byStatus(s), { processing: 300 });
      });
    });
  });
}
