// test-stores: sqlite, postgres
/**
 * PreventUserExistenceErrors=ENABLED: a name that is no user's gets the same answers, the same limits and the same
 * database writes as a real user — and nothing is delivered.
 */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { simulatedUserKey } from "../../src/domain/existence.js";
import type { CodeResend, Repos, Store } from "../../src/store/types.js";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const WRITES = new Set(["hit", "putCode", "enqueue", "writeDecoy", "insertUser", "updateUser", "transitionStatus", "consumeCode",
  "issueCodeMessage", "resendCode", "confirmWithCode"]);

/**
 * Calls `spies[method](...args)` before each named repository method, whether a transaction calls it or it is called
 * on the store itself (a single call atomic by itself, issue 16); the rest pass through.
 */
function spyOnTransactions(store: Store, spies: Record<string, (...args: any[]) => void>) {
  const tx = store.tx.bind(store);
  for (const [name, spy] of Object.entries(spies)) {
    const own = (store as any)[name].bind(store);
    Object.assign(store, { [name]: (...a: unknown[]) => { spy(...a); return own(...a); } });
  }
  Object.assign(store, {
    tx: <T>(fn: (r: Repos) => Promise<T>) => tx((r) => fn(new Proxy(r, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (typeof v !== "function") return v;
        const spy = spies[String(prop)];
        return spy ? (...a: unknown[]) => { spy(...a); return v.apply(target, a); } : v.bind(target);
      },
    }))),
  });
}

type Write = { op: string; key?: string; decoy?: boolean; decoyKey?: string; limit?: string };
function described(op: string, args: any[]): Write {
  if (op === "putCode") return { op, key: args[0].usernameKey };
  if (op === "hit") return { op, key: `${args[1]}/${args[2]}` };
  if (op === "issueCodeMessage") return { op, key: args[0].code.usernameKey, decoy: args[0].decoySlot !== undefined, limit: JSON.stringify(args[0].limit) };
  if (op === "resendCode") return { op, key: args[0].code.usernameKey, decoy: args[0].decoy !== undefined, decoyKey: args[0].decoy?.code.usernameKey, limit: JSON.stringify(args[0].limit) };
  if (op === "confirmWithCode") return { op, key: args[0].usernameKey, limit: JSON.stringify(args[0].limit) };
  return { op };
}

describe("PreventUserExistenceErrors=ENABLED does the same work for unknown users", () => {
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  let writes: Write[] = [];
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" }));
    await signUp(s, clientId, "kim", { email: "kim@example.com" });
    // Record every write made through the store, inside transactions or not.
    const store = s.server.deps.store;
    const record = <T extends object>(r: T): T => new Proxy(r, {
      get(target, prop) {
        const v = Reflect.get(target, prop);
        if (typeof v !== "function") return v;
        return (...args: any[]) => {
          if (WRITES.has(String(prop))) writes.push(described(String(prop), args));
          return v.apply(target, args);
        };
      },
    });
    const tx = store.tx.bind(store);
    Object.assign(store, { tx: <T>(fn: (r: Repos) => Promise<T>) => tx((r) => fn(record(r))) });
    // The single calls outside a transaction (issue 16: the request path of resend and confirm).
    for (const name of ["hit", "issueCodeMessage", "resendCode", "confirmWithCode"] as const) {
      const own = (store[name] as (...a: any[]) => Promise<unknown>).bind(store);
      Object.assign(store, { [name]: (...a: any[]) => { writes.push(described(name, a)); return own(...a); } });
    }
  });
  after(() => s.close());

  const resend = (Username: string) => s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username }));
  const confirm = (Username: string, ConfirmationCode: string) => s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode }));
  const outcome = (p: Promise<unknown>) => p.then((r: any) => ({ ok: Object.keys(r).filter((k) => k !== "$metadata") }), (e) => ({ error: e.name, message: e.message }));
  /** A write as the tests compare it: a decoy written where a real message would be is the same work. */
  const shape = () => writes.map((w) => (w.op === "writeDecoy" ? "enqueue" : w.op === "issueCodeMessage" || w.op === "resendCode" ? `${w.op} ${w.limit}` : w.op));

  test("resend: same writes (counter, code row, message row); the unknown user's message goes to the decoy table", async () => {
    writes = [];
    const known = await resend("kim");
    const knownWrites = shape();
    // One call, the same for both: it reads the user and writes counter, code row and message row (one statement on
    // PostgreSQL); the decoy is composed and given either way, and written only for a name that is no enabled user's.
    assert.deepEqual(writes.map((w) => [w.op, w.decoy]), [["resendCode", true]]);
    writes = [];
    const unknown = await resend("ghost");
    assert.deepEqual(shape(), knownWrites);
    assert.deepEqual(writes.map((w) => [w.op, w.decoy]), [["resendCode", true]]);
    const simKey = simulatedUserKey(s.server.deps.codeKey, poolId, "ghost");
    assert.ok(simKey.startsWith(" "), "a key no username can be");
    assert.equal(writes[0].decoyKey, simKey);
    assert.ok(await s.server.deps.store.getCode(poolId, simKey, "SIGN_UP"), "the simulated code row was written");
    assert.equal(await s.server.deps.store.getCode(poolId, "ghost", "SIGN_UP"), undefined);
    assert.deepEqual(Object.keys(known.CodeDeliveryDetails!).sort(), Object.keys(unknown.CodeDeliveryDetails!).sort());
    assert.equal(unknown.CodeDeliveryDetails!.DeliveryMedium, "EMAIL");
    assert.match(unknown.CodeDeliveryDetails!.Destination!, /^g\*\*\*@[a-z]\*\*\*$/);
    assert.deepEqual((await resend("ghost")).CodeDeliveryDetails, unknown.CodeDeliveryDetails, "the same name always gets the same answer");
    await resend("kim"); // both have now used two of their five resends
  });

  test("resend: the per-user limit trips on the same attempt for both, and nothing reaches an unknown user", async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await outcome(resend("kim")));
      unknown.push(await outcome(resend("ghost")));
    }
    assert.deepEqual(unknown, known);
    assert.deepEqual((known.at(-1) as any).error, "LimitExceededException");
    const messages = await s.inbox({ poolId });
    assert.ok(messages.length >= 6, `kim's messages: ${messages.length}`);
    assert.ok(messages.every((m) => m.username === "kim"), "nothing was queued for ghost");
    assert.ok(!s.printed.some((l) => l.includes("ghost")), "no code printed for ghost");
  });

  test("confirm: the same attempt limit and the same writes; CodeMismatch until it trips, then LimitExceeded", async () => {
    writes = [];
    await outcome(confirm("kim", "000000"));
    const knownWrites = shape();
    assert.deepEqual(knownWrites, ["confirmWithCode"]);
    writes = [];
    await outcome(confirm("nobody", "000000"));
    assert.deepEqual(shape(), knownWrites);
    assert.equal(writes[0].key, simulatedUserKey(s.server.deps.codeKey, poolId, "nobody"));
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await outcome(confirm("kim", String(100000 + i))));
      unknown.push(await outcome(confirm("nobody", String(100000 + i))));
    }
    assert.deepEqual(unknown, known);
    assert.deepEqual(known.slice(0, 14).map((o: any) => o.error), Array(14).fill("CodeMismatchException"));
    assert.equal((known.at(-1) as any).error, "LimitExceededException");
  });
});

describe("PreventUserExistenceErrors=ENABLED: the work after the answer", () => {
  test("the outbox worker records the decoy's attempt as it records a real message's, and sends nothing", async () => {
    const s = await startTestServer();
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
      await signUp(s, clientId, "lee", { email: "lee@example.com" });
      // What the worker writes after each answer (its transactions go through store.tx).
      const after: string[] = [];
      spyOnTransactions(s.server.deps.store, {
        recordAttempts: (list: unknown[]) => after.push(`recordAttempts:${list.length}`),
        recordDecoyAttempts: (list: unknown[]) => after.push(`recordDecoyAttempts:${list.length}`),
      });
      const resend = (Username: string) => s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username }));
      const settled = async (n: number) => {
        for (let i = 0; i < 200 && after.length < n; i++) await new Promise((r) => setTimeout(r, 10));
        return after.splice(0);
      };
      await settled(1); // the sign-up's message
      await resend("lee");
      assert.deepEqual(await settled(1), ["recordAttempts:1"]);
      await resend("ghost");
      assert.deepEqual(await settled(1), ["recordDecoyAttempts:1"]);
      const messages = await s.inbox({ poolId }, 2);
      assert.ok(messages.every((m) => m.username === "lee" && m.status === "sent"), JSON.stringify(messages.map((m) => [m.username, m.status])));
      assert.ok(!s.printed.some((l) => l.includes("ghost")), "no code printed for ghost");
    } finally {
      await s.close();
    }
  });
});

test("CONFIRM_WITH_LINK: an unknown user's decoy is composed like the real message, link and all", async () => {
  const s = await startTestServer();
  try {
    const poolId = await createPool(s, { VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_LINK" } });
    const { clientId } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    await signUp(s, clientId, "lia", { email: "lia@example.com" });
    const bodies: Record<string, string> = {};
    let calls = 0;
    spyOnTransactions(s.server.deps.store, {
      // The first call's real message (lia's), the second's decoy (nobody's).
      resendCode: (q: CodeResend) => { if (calls++) bodies.decoy = q.decoy!.message.body; else bodies.real = q.candidates[0].message.body; },
    });
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "lia" }));
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "nobody" }));
    const shape = (body: string) => body.replace(/user_name=[^&]+&confirmation_code=\d{6}/, "user_name=…&confirmation_code=…");
    assert.match(bodies.real, /\/confirmUser\?client_id=/);
    assert.equal(shape(bodies.decoy), shape(bodies.real));
  } finally {
    await s.close();
  }
});
