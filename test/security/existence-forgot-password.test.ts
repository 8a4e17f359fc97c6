// test-stores: sqlite, postgres
/**
 * PreventUserExistenceErrors=ENABLED for ForgotPassword and ConfirmForgotPassword: a name that is no user's gets the
 * same answers, the same limits and the same database writes as a real user — and nothing is delivered.
 */
import { ConfirmForgotPasswordCommand, ForgotPasswordCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { simulatedUserKey } from "../../src/domain/existence.js";
import type { Repos } from "../../src/store/types.js";
import { createClient, createPool } from "../helpers/fixtures.js";
import { confirmedUser } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const WRITES = new Set(["hit", "putCode", "enqueue", "writeDecoy", "updateUser", "consumeCode"]);

describe("ForgotPassword with PreventUserExistenceErrors=ENABLED", () => {
  let s: TestServer, poolId: string, clientId: string;
  let writes: string[] = [];
  before(async () => {
    s = await startTestServer({ forgotPasswordLimitPerHour: 3, confirmForgotPasswordLimitPerHour: 4 });
    poolId = await createPool(s);
    const { clientId: plain } = await createClient(s, poolId);
    ({ clientId } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" }));
    await confirmedUser(s, poolId, plain, "kim", { email: "kim@example.com" });
    const store = s.server.deps.store;
    const record = (r: Repos): Repos => new Proxy(r, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (typeof v !== "function") return v;
        return (...args: unknown[]) => { if (WRITES.has(String(prop))) writes.push(String(prop)); return v.apply(target, args); };
      },
    });
    const tx = store.tx.bind(store);
    const hit = store.hit.bind(store);
    Object.assign(store, {
      tx: <T>(fn: (r: Repos) => Promise<T>) => tx((r) => fn(record(r))),
      hit: (...a: Parameters<typeof hit>) => { writes.push("hit"); return hit(...a); },
    });
  });
  after(() => s.close());

  const forgot = (Username: string) => s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username }));
  const confirm = (Username: string, ConfirmationCode: string) =>
    s.client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username, ConfirmationCode, Password: "N3w-Passw0rd" }));
  const outcome = (p: Promise<unknown>) => p.then((r: any) => ({ ok: Object.keys(r).filter((k) => k !== "$metadata") }), (e) => ({ error: e.name, message: e.message }));

  test("the same writes (counter, code row, message row); the unknown user's message goes to the decoy table", async () => {
    writes = [];
    const known = await forgot("kim");
    assert.deepEqual(writes, ["hit", "putCode", "enqueue"]);
    writes = [];
    const unknown = await forgot("ghost");
    assert.deepEqual(writes, ["hit", "putCode", "writeDecoy"]);
    const key = simulatedUserKey(s.server.deps.codeKey, poolId, "ghost");
    assert.ok(await s.server.deps.store.getCode(poolId, key, "FORGOT_PASSWORD"), "the simulated code row was written");
    assert.deepEqual(Object.keys(unknown.CodeDeliveryDetails!).sort(), Object.keys(known.CodeDeliveryDetails!).sort());
    assert.deepEqual((await forgot("ghost")).CodeDeliveryDetails, unknown.CodeDeliveryDetails, "the same name always gets the same answer");
    await forgot("kim"); // both have now used two of their three codes
  });

  test("the per-user limits trip on the same attempt for both; nothing reaches an unknown user", async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await outcome(forgot("kim")));
      unknown.push(await outcome(forgot("ghost")));
    }
    assert.deepEqual(unknown, known);
    assert.deepEqual(known.map((o: any) => o.error), [undefined, "LimitExceededException", "LimitExceededException"]);
    const attempts = async (name: string) => { const out = []; for (let i = 0; i < 5; i++) out.push(await outcome(confirm(name, String(200000 + i)))); return out; };
    const a = await attempts("kim");
    assert.deepEqual(await attempts("nobody"), a);
    assert.deepEqual(a.map((o: any) => o.error), [...Array(4).fill("CodeMismatchException"), "LimitExceededException"]);
    // A weak new password answers the same for both (checked after the attempt is counted).
    s.clock.advance(61 * 60 * 1000);
    const weak = (name: string) => outcome(s.client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: name, ConfirmationCode: "123456", Password: "weak" })));
    assert.deepEqual(await weak("nobody"), await weak("kim"));
    assert.equal(((await weak("kim")) as any).error, "InvalidPasswordException");
    assert.ok((await s.inbox({ poolId })).every((m) => m.username === "kim"), "nothing was queued for ghost");
    assert.ok(!s.printed.some((l) => l.includes("ghost")), "no code printed for ghost");
  });
});
