// test-stores: sqlite, postgres
/**
 * src/domain/lookup.ts on a real store: the pool and client a request names (with Cognito's not-found messages)
 * and the user its "Username" means: the username, the sub, or an email/phone the pool lets stand for it.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { ResourceNotFoundException } from "../../src/generated/cognito-idp.js";
import { loadClient, loadPool, loadPoolClient, resolveUser } from "../../src/domain/lookup.js";
import { buildPoolDoc, keyOf } from "../../src/domain/pool.js";
import type { ClientRecord, PoolRecord, Store, UserRecord } from "../../src/store/types.js";
import { passDatabase, type PassDatabase } from "../helpers/store.js";

const T0 = 1_767_225_600_000;

const poolRecord = (id: string, input: Record<string, unknown> = {}): PoolRecord => ({
  id, name: id, doc: buildPoolDoc({ PoolName: id, ...input }, id, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${id}`),
  signingKey: { kid: `k-${id}` }, createdAt: T0, updatedAt: T0,
});

const clientRecord = (id: string, poolId: string): ClientRecord => ({
  id, poolId, name: id, secret: null, doc: { ClientId: id, UserPoolId: poolId }, createdAt: T0, updatedAt: T0,
});

/** A user as SignUp writes it: the keys follow the pool's case sensitivity. */
const userRecord = (pool: PoolRecord, username: string, attributes: Record<string, string> = {}): UserRecord => ({
  poolId: pool.id, usernameKey: keyOf(pool.doc, username), username, sub: randomUUID(), status: "UNCONFIRMED", enabled: true,
  passwordHash: null, attributes, emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null,
  phone: attributes.phone_number ?? null, createdAt: T0, updatedAt: T0,
});

/** Asserts that `p` rejects with ResourceNotFoundException and exactly this message. */
const notFound = (p: Promise<unknown>, message: string) =>
  assert.rejects(p, (e: unknown) => e instanceof ResourceNotFoundException && e.statusCode === 400 && e.message === message);

let db: PassDatabase;
let store: Store;
before(async () => {
  db = await passDatabase();
  store = await db.open();
});
after(() => db.drop());

describe("loadPool, loadClient, loadPoolClient", () => {
  const a = poolRecord("us-east-1_LookupAaa");
  const b = poolRecord("us-east-1_LookupBbb");
  before(async () => {
    await store.insertPool(a);
    await store.insertPool(b);
    await store.insertClient(clientRecord("clientofpoolaaaaaaaaaaaaaa", a.id));
    await store.insertClient(clientRecord("clientofpoolbbbbbbbbbbbbbb", b.id));
  });

  test("a client comes with its own pool", async () => {
    const { client, pool } = await loadClient(store, "clientofpoolaaaaaaaaaaaaaa");
    assert.equal(client.id, "clientofpoolaaaaaaaaaaaaaa");
    assert.equal(pool.id, a.id);
    assert.deepEqual(pool.doc, a.doc);
    assert.equal((await loadClient(store, "clientofpoolbbbbbbbbbbbbbb")).pool.id, b.id);
  });

  test("an unknown client or pool is ResourceNotFoundException with Cognito's message", async () => {
    await notFound(loadClient(store, "nosuchclientxxxxxxxxxxxxxx"), "User pool client nosuchclientxxxxxxxxxxxxxx does not exist.");
    await notFound(loadPool(store, "us-east-1_Nosuchpoo"), "User pool us-east-1_Nosuchpoo does not exist.");
    assert.equal((await loadPool(store, b.id)).id, b.id);
  });

  test("a deleted pool's client is gone with it", async () => {
    const c = poolRecord("us-east-1_LookupCcc");
    await store.insertPool(c);
    await store.insertClient(clientRecord("clientofpoolcccccccccccccc", c.id));
    assert.equal((await loadClient(store, "clientofpoolcccccccccccccc")).pool.id, c.id);
    await store.deletePool(c.id);
    await notFound(loadClient(store, "clientofpoolcccccccccccccc"), "User pool client clientofpoolcccccccccccccc does not exist.");
  });

  test("a pool and client named together must belong together (the IAM operations)", async () => {
    assert.equal((await loadPoolClient(store, a.id, "clientofpoolaaaaaaaaaaaaaa")).id, "clientofpoolaaaaaaaaaaaaaa");
    await notFound(loadPoolClient(store, a.id, "clientofpoolbbbbbbbbbbbbbb"), "User pool client clientofpoolbbbbbbbbbbbbbb does not exist.");
    await notFound(loadPoolClient(store, a.id, "nosuchclientxxxxxxxxxxxxxx"), "User pool client nosuchclientxxxxxxxxxxxxxx does not exist.");
    // The pool is checked first: an unknown pool is reported as such, whatever the client.
    await notFound(loadPoolClient(store, "us-east-1_Nosuchpoo", "clientofpoolaaaaaaaaaaaaaa"), "User pool us-east-1_Nosuchpoo does not exist.");
  });
});

describe("resolveUser", () => {
  /** The username `resolveUser` finds for `name`, or undefined. */
  const resolved = async (pool: PoolRecord, name: string) => (await resolveUser(store, pool, name))?.username;
  const withUsers = async (pool: PoolRecord, users: UserRecord[]) => {
    await store.insertPool(pool);
    for (const u of users) assert.ok(await store.insertUser(u), u.username);
  };

  test("by username; a case-sensitive pool (the default) tells Jane from jane", async () => {
    const pool = poolRecord("us-east-1_CaseSensi");
    await withUsers(pool, [userRecord(pool, "Jane"), userRecord(pool, "jane")]);
    assert.equal(await resolved(pool, "Jane"), "Jane");
    assert.equal(await resolved(pool, "jane"), "jane");
    assert.equal(await resolved(pool, "JANE"), undefined);
    assert.equal(await resolved(pool, "nobody"), undefined);
  });

  test("a case-insensitive pool finds the user whatever the case, and keeps the username as signed up", async () => {
    const pool = poolRecord("us-east-1_CaseInsen", { UsernameConfiguration: { CaseSensitive: false } });
    await withUsers(pool, [userRecord(pool, "MixedCase")]);
    for (const name of ["MixedCase", "mixedcase", "MIXEDCASE"]) assert.equal(await resolved(pool, name), "MixedCase", name);
  });

  test("by sub, in any case, in every pool; only within the pool", async () => {
    const pool = poolRecord("us-east-1_BySubAaaa");
    const other = poolRecord("us-east-1_BySubBbbb");
    const kim = userRecord(pool, "kim");
    await withUsers(pool, [kim]);
    await withUsers(other, []);
    assert.equal(await resolved(pool, kim.sub), "kim");
    assert.equal(await resolved(pool, kim.sub.toUpperCase()), "kim");
    assert.equal(await resolved(other, kim.sub), undefined);
    assert.equal(await resolved(pool, randomUUID()), undefined);
  });

  test("a name in the username form wins over another user's sub", async () => {
    const pool = poolRecord("us-east-1_SubVsName");
    const sam = userRecord(pool, "sam");
    await withUsers(pool, [sam, userRecord(pool, sam.sub)]);
    const found = await resolveUser(store, pool, sam.sub);
    assert.equal(found?.username, sam.sub, "the user named like the sub, not sam");
    assert.notEqual(found?.sub, sam.sub);
  });

  test("email as username (UsernameAttributes): the email finds the user, verified or not; case per the pool", async () => {
    const sensitive = poolRecord("us-east-1_EmailUser", { UsernameAttributes: ["email"] });
    // SignUp in such a pool makes the username a UUID (the sub) and keeps the address as an attribute.
    const una = userRecord(sensitive, randomUUID(), { email: "una@example.com", email_verified: "false" });
    una.sub = una.username;
    await withUsers(sensitive, [una]);
    assert.equal(await resolved(sensitive, "una@example.com"), una.sub);
    assert.equal(await resolved(sensitive, una.sub), una.sub);
    assert.equal(await resolved(sensitive, "Una@Example.com"), undefined, "a case-sensitive pool compares the address as given");
    assert.equal(await resolved(sensitive, "+15555550100"), undefined, "a phone number is not a username here");

    const insensitive = poolRecord("us-east-1_EmailUsrCi", { UsernameAttributes: ["email"], UsernameConfiguration: { CaseSensitive: false } });
    const vic = userRecord(insensitive, randomUUID(), { email: "Vic@Example.com" });
    await withUsers(insensitive, [vic]);
    for (const name of ["vic@example.com", "VIC@EXAMPLE.COM", "Vic@Example.com"]) assert.equal(await resolved(insensitive, name), vic.username, name);
  });

  test("phone number as username (UsernameAttributes): the number finds the user, verified or not", async () => {
    const pool = poolRecord("us-east-1_PhoneUser", { UsernameAttributes: ["phone_number"] });
    const pia = userRecord(pool, randomUUID(), { phone_number: "+15555550101", email: "pia@example.com" });
    await withUsers(pool, [pia]);
    assert.equal(await resolved(pool, "+15555550101"), pia.username);
    assert.equal(await resolved(pool, "+15555550199"), undefined);
    assert.equal(await resolved(pool, "pia@example.com"), undefined, "email is not a username in this pool");
  });

  test("aliases (AliasAttributes): only a verified email or phone number stands for the user", async () => {
    const pool = poolRecord("us-east-1_AliasPool", { AliasAttributes: ["email", "phone_number"] });
    const ann = userRecord(pool, "ann", { email: "shared@example.com", email_verified: "false", phone_number: "+15555550102", phone_number_verified: "false" });
    const bob = userRecord(pool, "bob", { email: "shared@example.com", email_verified: "true", phone_number: "+15555550103", phone_number_verified: "true" });
    const cat = userRecord(pool, "cat", { email: "cat@example.com", email_verified: "false" });
    await withUsers(pool, [ann, bob, cat]);
    assert.equal(await resolved(pool, "shared@example.com"), "bob", "the user who verified the address, not the first with it");
    assert.equal(await resolved(pool, "+15555550103"), "bob");
    assert.equal(await resolved(pool, "+15555550102"), undefined, "ann's number is not verified");
    assert.equal(await resolved(pool, "cat@example.com"), undefined, "an UNCONFIRMED user's email is no alias yet");
    assert.equal(await resolved(pool, "cat"), "cat", "the username always works");
    assert.equal(await resolved(pool, ann.sub), "ann", "and so does the sub");
  });

  test("an email alias is case-insensitive only in a case-insensitive pool", async () => {
    const sensitive = poolRecord("us-east-1_AliasCase1", { AliasAttributes: ["email"] });
    const insensitive = poolRecord("us-east-1_AliasCase2", { AliasAttributes: ["email"], UsernameConfiguration: { CaseSensitive: false } });
    await withUsers(sensitive, [userRecord(sensitive, "dee", { email: "Dee@Example.com", email_verified: "true" })]);
    await withUsers(insensitive, [userRecord(insensitive, "eve", { email: "Eve@Example.com", email_verified: "true" })]);
    assert.equal(await resolved(sensitive, "Dee@Example.com"), "dee");
    assert.equal(await resolved(sensitive, "dee@example.com"), undefined);
    assert.equal(await resolved(insensitive, "eve@example.com"), "eve");
    assert.equal(await resolved(insensitive, "EVE@EXAMPLE.COM"), "eve");
  });

  test("without UsernameAttributes or AliasAttributes an address finds nobody, verified or not", async () => {
    const pool = poolRecord("us-east-1_PlainPool");
    await withUsers(pool, [userRecord(pool, "fay", { email: "fay@example.com", email_verified: "true", phone_number: "+15555550104", phone_number_verified: "true" })]);
    assert.equal(await resolved(pool, "fay@example.com"), undefined);
    assert.equal(await resolved(pool, "+15555550104"), undefined);
    assert.equal(await resolved(pool, "fay"), "fay");
  });

  test("only the pool's own users: the same name in another pool is another user", async () => {
    const a = poolRecord("us-east-1_TwoPoolsA", { AliasAttributes: ["email"] });
    const b = poolRecord("us-east-1_TwoPoolsB", { AliasAttributes: ["email"] });
    const inA = userRecord(a, "gus", { email: "gus@example.com", email_verified: "true" });
    await withUsers(a, [inA]);
    await withUsers(b, []);
    assert.equal((await resolveUser(store, a, "gus"))?.sub, inA.sub);
    assert.equal(await resolved(b, "gus"), undefined);
    assert.equal(await resolved(b, "gus@example.com"), undefined);
  });
});
