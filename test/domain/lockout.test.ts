// test-stores: sqlite, postgres
/**
 * The temporary lockout after repeated wrong passwords (src/domain/lockout.ts): the lock's length, and Cognito's
 * behaviour through the real SDK against a real server: after five failures "Password attempts exceeded" (even for
 * the right password), 1 s doubling, attempts during a lock not counted, reset by a successful sign-in or 15 quiet
 * minutes, per user, and off only when configured off.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ConfigError, resolveConfig } from "../../src/config.js";
import { lockDurationMs } from "../../src/domain/lockout.js";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { confirmedUser, passwordSignIn } from "../helpers/sign-in.js";

const WRONG = "Wr0ng-password";
const DEFAULTS = { lockoutAfterFailures: 5, lockoutMaxSeconds: 900 };

describe("lockDurationMs", () => {
  test("none before the fifth failure, 1 s at it, doubling, capped at the maximum", () => {
    assert.deepEqual([1, 2, 3, 4].map((n) => lockDurationMs(n, DEFAULTS)), [0, 0, 0, 0]);
    assert.deepEqual([5, 6, 7, 8, 14].map((n) => lockDurationMs(n, DEFAULTS)), [1000, 2000, 4000, 8000, 512_000]);
    assert.equal(lockDurationMs(15, DEFAULTS), 900_000);
    assert.equal(lockDurationMs(500, DEFAULTS), 900_000);
    assert.equal(lockDurationMs(3, { lockoutAfterFailures: 3, lockoutMaxSeconds: 900 }), 1000);
    assert.equal(lockDurationMs(50, { lockoutAfterFailures: 0, lockoutMaxSeconds: 900 }), 0);
  });

  test("the settings are whole numbers; 0 failures turns the lockout off, a maximum below 1 s is refused", () => {
    assert.equal(resolveConfig({}).lockoutAfterFailures, 5);
    assert.equal(resolveConfig({}).lockoutMaxSeconds, 900);
    assert.equal(resolveConfig({ lockoutAfterFailures: 0 }).lockoutAfterFailures, 0);
    assert.throws(() => resolveConfig({ lockoutAfterFailures: -1 }), ConfigError);
    assert.throws(() => resolveConfig({ lockoutAfterFailures: 2.5 }), ConfigError);
    assert.throws(() => resolveConfig({ lockoutMaxSeconds: 0 }), ConfigError);
  });
});

describe("lockout through InitiateAuth", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    for (const u of ["lou", "max", "ned", "quinn"]) await confirmedUser(s, poolId, clientId, u);
  });
  after(() => s.close());
  const attempt = (username: string, password: string) => passwordSignIn(s.client, clientId, username, password);
  const wrong = (username: string) => rejectsWith(attempt(username, WRONG), "NotAuthorizedException", "Incorrect username or password.");
  const locked = (username: string, password = PASSWORD) => rejectsWith(attempt(username, password), "NotAuthorizedException", "Password attempts exceeded");

  test("five failures lock for 1 s, then 2 s; the right password during a lock is refused too and not counted", async () => {
    for (let i = 0; i < 5; i++) await wrong("lou");
    await locked("lou");
    await locked("lou", WRONG);
    // Another user is not affected.
    assert.ok((await attempt("max", PASSWORD)).AccessToken);
    s.clock.advance(1001);
    await wrong("lou"); // the sixth failure: 2 s
    await locked("lou");
    s.clock.advance(1500);
    await locked("lou");
    s.clock.advance(600);
    assert.ok((await attempt("lou", PASSWORD)).AccessToken);
    // A successful sign-in starts the count again: four failures are free, the fifth locks for 1 s.
    for (let i = 0; i < 4; i++) await wrong("lou");
    assert.ok((await attempt("lou", PASSWORD)).AccessToken);
    for (let i = 0; i < 5; i++) await wrong("lou");
    await locked("lou");
    s.clock.advance(1001);
    assert.ok((await attempt("lou", PASSWORD)).AccessToken);
  });

  test("fifteen quiet minutes after a lock start the count again", async () => {
    for (let i = 0; i < 5; i++) await wrong("ned");
    await locked("ned");
    s.clock.advance(15 * 60_000 + 1001);
    await wrong("ned"); // counted as the first again: no lock follows
    assert.ok((await attempt("ned", PASSWORD)).AccessToken);
  });

  test("with PreventUserExistenceErrors ENABLED, a name that is no user's is locked out like a real user", async () => {
    const { clientId: hidden } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    for (const name of ["max", "nobody-at-all"]) {
      for (let i = 0; i < 5; i++) {
        await rejectsWith(passwordSignIn(s.client, hidden, name, WRONG), "NotAuthorizedException", "Incorrect username or password.");
      }
      await rejectsWith(passwordSignIn(s.client, hidden, name, WRONG), "NotAuthorizedException", "Password attempts exceeded");
    }
    s.clock.advance(1001);
    assert.ok((await passwordSignIn(s.client, hidden, "max")).AccessToken);
  });

  test("concurrent wrong passwords are all counted (the count lives in the store)", async () => {
    const r = await Promise.allSettled(Array.from({ length: 8 }, () => attempt("quinn", WRONG)));
    assert.ok(r.every((x) => x.status === "rejected"));
    // At least five were counted, so the user is locked now.
    await locked("quinn");
  });
});

describe("lockout configured off", () => {
  let s: TestServer;
  after(() => s?.close());
  test("--lockout-after-failures 0: any number of wrong passwords, then the right one signs in", async () => {
    s = await startTestServer({ lockoutAfterFailures: 0 });
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await confirmedUser(s, poolId, clientId, "otto");
    for (let i = 0; i < 8; i++) await rejectsWith(passwordSignIn(s.client, clientId, "otto", WRONG), "NotAuthorizedException", "Incorrect username or password.");
    assert.ok((await passwordSignIn(s.client, clientId, "otto")).AccessToken);
  });
});
