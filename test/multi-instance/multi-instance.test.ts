// PostgreSQL whatever the pass (databases of its own on the test cluster): not marked, so it runs once, in the first pass.
/**
 * Several userpool processes on one PostgreSQL database, as behind a load balancer: the per-user limits, unique
 * usernames, single-use codes and the outbox must hold across processes, because they are enforced by the
 * database. Every server here is a real child process (`userpool serve --database-url …`), reached over HTTP
 * with the AWS SDK.
 */
import {
  ConfirmSignUpCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, ResendConfirmationCodeCommand, SignUpCommand,
  AdminGetUserCommand, GetUserCommand, InitiateAuthCommand, type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { openPostgresStore } from "../../src/store/postgres.js";
import type { OutboxMessage } from "../../src/store/types.js";
import { createDatabase, type TestDatabase } from "../helpers/postgres.js";
import { sdkClient } from "../helpers/server.js";
import { runCommand, spawnServer, type ServerProcess } from "../helpers/cli.js";
import { PASSWORD } from "../helpers/fixtures.js";
import { eventually } from "../helpers/wait.js";

type Instance = ServerProcess;
/** `userpool serve --port 0 <args>` as an operator would run it, one process per instance. */
const startInstance = (name: string, args: string[]) => spawnServer(["serve", "--port", "0", "--log-level", "warn", ...args], {}, { name });


/** Outcome name of each settled SDK call: "ok" or the exception's name. */
async function outcomes(calls: Promise<unknown>[]): Promise<string[]> {
  return (await Promise.allSettled(calls)).map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as Error).name));
}
const tally = (xs: string[]) => xs.reduce<Record<string, number>>((t, x) => ({ ...t, [x]: (t[x] ?? 0) + 1 }), {});

async function query(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query(sql, params)).rows; } finally { await c.end(); }
}

const bulkMessage = (i: number, now: number): OutboxMessage => {
  const name = `bulk-${String(i).padStart(4, "0")}`;
  return {
    id: `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`, poolId: "us-east-1_bulk", username: name, channel: "EMAIL",
    destination: `${name}@example.com`, subject: "Your verification code", body: "Your confirmation code is 123456", html: null,
    code: "123456", purpose: "SIGN_UP", meta: null, status: "queued", attempts: 0, nextAttemptAt: now, leaseUntil: null,
    lastError: null, createdAt: now, updatedAt: now,
  };
};

describe("two instances on one PostgreSQL database", () => {
  let db: TestDatabase;
  let dir: string;
  let a: Instance;
  let b: Instance;
  let ca: CognitoIdentityProviderClient;
  let cb: CognitoIdentityProviderClient;
  let clientId: string;
  let poolId: string;

  before(async () => {
    db = await createDatabase("userpool_multi");
    dir = mkdtempSync(join(tmpdir(), "userpool-multi-"));
    // One shared secret file (codes issued by one instance are checked by the other), separate data dirs.
    // One public URL (the load balancer's) for both, so both name the same token issuer.
    const common = ["--database-url", db.url, "--secret-file", join(dir, "secret.key"), "--public-url", "http://userpool.test"];
    // Both start at once on an empty database: the advisory lock must serialise their migrations.
    [a, b] = await Promise.all([
      startInstance("A", [...common, "--data-dir", join(dir, "a")]),
      startInstance("B", [...common, "--data-dir", join(dir, "b")]),
    ]);
    ca = sdkClient(a.url);
    cb = sdkClient(b.url);
    poolId = (await ca.send(new CreateUserPoolCommand({ PoolName: "multi", AutoVerifiedAttributes: ["email"] }))).UserPool!.Id!;
    clientId = (await cb.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "app" }))).UserPoolClient!.ClientId!;
  });

  after(async () => {
    ca?.destroy();
    cb?.destroy();
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const signUp = (c: CognitoIdentityProviderClient, username: string) =>
    c.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${username}@example.com` }] }));
  /** Alternates calls between the two instances. */
  const spread = (n: number, call: (c: CognitoIdentityProviderClient, i: number) => Promise<unknown>) =>
    Array.from({ length: n }, (_, i) => call(i % 2 ? cb : ca, i));

  test("both started at once on the empty database and each migration ran once", async () => {
    const rows = await query(db.url, "SELECT version, count(*)::int AS n FROM schema_migrations GROUP BY version ORDER BY version");
    assert.ok(rows.length >= 1);
    assert.deepEqual(rows.filter((r) => r.n !== 1), []);
    for (const i of [a, b]) assert.equal((await fetch(`${i.url}/health`)).status, 200);
  });

  test("20 concurrent resends for one user over both instances: exactly 5 succeed, 15 hit the limit", async () => {
    await signUp(ca, "carol");
    const r = await outcomes(spread(20, (c) => c.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "carol" }))));
    assert.deepEqual(tally(r), { ok: 5, LimitExceededException: 15 });
  });

  test("10 concurrent sign-ups of one username over both instances: exactly one succeeds", async () => {
    const r = await outcomes(spread(10, (c) => signUp(c, "dave")));
    assert.deepEqual(tally(r), { ok: 1, UsernameExistsException: 9 });
    const users = await query(db.url, "SELECT username FROM users WHERE pool_id = $1 AND username_key = 'dave'", [poolId]);
    assert.equal(users.length, 1);
  });

  test("10 concurrent sign-ups of one email in an email-as-username pool: exactly one succeeds", async () => {
    // The username is a fresh UUID each time, so only the email check can stop the duplicates.
    const byEmail = (await ca.send(new CreateUserPoolCommand({ PoolName: "by-email", UsernameAttributes: ["email"], AutoVerifiedAttributes: ["email"] }))).UserPool!.Id!;
    const app = (await ca.send(new CreateUserPoolClientCommand({ UserPoolId: byEmail, ClientName: "app" }))).UserPoolClient!.ClientId!;
    const r = await outcomes(spread(10, (c) => c.send(new SignUpCommand({ ClientId: app, Username: "gina@example.com", Password: PASSWORD }))));
    assert.deepEqual(tally(r), { ok: 1, UsernameExistsException: 9 });
    const users = await query(db.url, "SELECT count(*)::int AS n FROM users WHERE pool_id = $1", [byEmail]);
    assert.deepEqual(users, [{ n: 1 }]);
  });

  test("a code issued by one instance is accepted by the other", async () => {
    await signUp(ca, "frank");
    const code = await codeFor(a, "frank");
    await cb.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "frank", ConfirmationCode: code }));
    const u = await ca.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "frank" }));
    assert.equal(u.UserStatus, "CONFIRMED");
  });

  test("tokens issued by one instance are accepted by the other", async () => {
    const app = (await ca.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "auth", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }))).UserPoolClient!.ClientId!;
    await signUp(cb, "hank");
    await ca.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "hank", ConfirmationCode: await codeFor(b, "hank") }));
    const auth = await ca.send(new InitiateAuthCommand({ ClientId: app, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "hank", PASSWORD } }));
    const me = await cb.send(new GetUserCommand({ AccessToken: auth.AuthenticationResult!.AccessToken! }));
    assert.equal(me.Username, "hank");
  });

  test("one code confirmed 10 times at once on both instances: exactly one success", async () => {
    await signUp(cb, "erin");
    const code = await codeFor(b, "erin");
    const r = await outcomes(spread(10, (c) => c.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "erin", ConfirmationCode: code }))));
    const t = tally(r);
    assert.equal(t.ok, 1, JSON.stringify(t));
    // The losers either lost the race for the code or came after the winner had confirmed the user.
    assert.equal((t.CodeMismatchException ?? 0) + (t.NotAuthorizedException ?? 0), 9, JSON.stringify(t));
    const u = await cb.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "erin" }));
    assert.equal(u.UserStatus, "CONFIRMED");
  });

  test("1,000 queued messages: both workers deliver, each message exactly once", async () => {
    const store = await openPostgresStore({ url: db.url, poolSize: 2 });
    try {
      const now = Date.now();
      await store.tx(async (t) => { for (let i = 0; i < 1000; i++) await t.enqueue(bulkMessage(i, now)); });
    } finally {
      await store.close();
    }
    // A sign-up on each instance wakes both workers at once (otherwise they look every second).
    await Promise.all([signUp(ca, "wake-a"), signUp(cb, "wake-b")]);
    const sent = () => query(db.url, "SELECT count(*)::int AS n FROM outbox WHERE pool_id = 'us-east-1_bulk' AND status = 'sent'");
    await eventually("1,000 deliveries", async () => (await sent())[0].n === 1000, 60_000);

    const attempts = await query(db.url,
      "SELECT o.id, count(d.id) FILTER (WHERE d.outcome = 'success')::int AS ok, count(d.id) FILTER (WHERE d.outcome <> 'success')::int AS failed " +
      "FROM outbox o LEFT JOIN delivery_attempts d ON d.message_id = o.id WHERE o.pool_id = 'us-east-1_bulk' GROUP BY o.id");
    assert.equal(attempts.length, 1000);
    assert.deepEqual(attempts.filter((r) => r.ok !== 1 || r.failed !== 0), [], "a message was not delivered exactly once");

    // What the channels really did: each instance's dev channel prints one line per delivery.
    const delivered = (i: Instance) => [...i.stdout().matchAll(/ for (bulk-\d{4}) /g)].map((m) => m[1]);
    const byA = delivered(a);
    const byB = delivered(b);
    const all = [...byA, ...byB];
    assert.equal(all.length, 1000, `A delivered ${byA.length}, B ${byB.length}`);
    assert.equal(new Set(all).size, 1000, "a message was delivered twice");
    assert.ok(byA.length > 0 && byB.length > 0, `both workers take part (A ${byA.length}, B ${byB.length})`);
  });
});

/** The code of the user's newest message, read from an instance's dev inbox (both read the same database). */
async function codeFor(i: Instance, username: string): Promise<string> {
  return eventually(`a code for ${username}`, async () => {
    const res = await fetch(`${i.url}/_dev/inbox/messages?username=${username}`);
    const { messages } = (await res.json()) as { messages: { code: string | null }[] };
    return messages[0]?.code ?? undefined;
  }, 30_000);
}

describe("an instance killed while it holds claimed messages", () => {
  test("the other instance delivers them once the lease has run out", async () => {
    const LEASE = 4000;
    const db = await createDatabase("userpool_kill");
    const dir = mkdtempSync(join(tmpdir(), "userpool-kill-"));
    const common = ["--database-url", db.url, "--secret-file", join(dir, "secret.key"), "--outbox-lease-ms", String(LEASE)];
    const lock = new pg.Client({ connectionString: db.url });
    let k: Instance | undefined;
    let l: Instance | undefined;
    try {
      k = await startInstance("K", [...common, "--data-dir", join(dir, "k")]);
      // How K comes to hold claims: while this session holds a SHARE lock on delivery_attempts, K can claim
      // messages and hand them to its channel, but recording the attempt (an INSERT in the same transaction as
      // the status change) waits. That is the window in which a real instance is mid-delivery.
      await lock.connect();
      await lock.query("BEGIN");
      await lock.query("LOCK TABLE delivery_attempts IN SHARE MODE");
      const store = await openPostgresStore({ url: db.url, poolSize: 1 });
      const now = Date.now();
      await store.tx(async (t) => { for (let i = 0; i < 20; i++) await t.enqueue(bulkMessage(i, now)); });
      await store.close();
      // K claims as many as it delivers at once (its worker's concurrency) and leaves the rest queued.
      let seen = -1;
      await eventually("K's claims to settle", async () => {
        const [{ n }] = await query(db.url, "SELECT count(*)::int AS n FROM outbox WHERE status = 'processing'");
        const settled = n > 0 && n === seen;
        seen = n;
        if (!settled) await new Promise((r) => setTimeout(r, 300));
        return settled;
      }, 30_000);
      await k.kill("SIGKILL");
      // A dead instance's connections end with it (PostgreSQL notices the closed socket). Ended here before the lock
      // goes: the worker records a batch in one autocommit statement (issue 16), which, left waiting on the lock,
      // would otherwise still run and commit once the lock went.
      await lock.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'userpool%'");
      await lock.query("ROLLBACK");

      // K's half-done attempts died with its connections: nothing recorded, its claims still stand until their lease
      // (which K renewed while it lived) runs out.
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(await query(db.url, "SELECT count(*)::int AS n FROM delivery_attempts"), [{ n: 0 }]);
      const held = await query(db.url, "SELECT id, lease_until FROM outbox WHERE status = 'processing'");
      assert.equal(held.length, seen);
      const leaseOf = new Map(held.map((r) => [r.id as string, Number(r.lease_until)]));
      assert.ok(Math.min(...leaseOf.values()) > Date.now(), "K's leases are still running");

      l = await startInstance("L", [...common, "--data-dir", join(dir, "l")]);
      await eventually("L to deliver all 20", async () =>
        (await query(db.url, "SELECT count(*)::int AS n FROM outbox WHERE status = 'sent'"))[0].n === 20, 30_000);
      const attempts = await query(db.url, "SELECT message_id, at FROM delivery_attempts WHERE outcome = 'success'");
      assert.equal(attempts.length, 20);
      assert.equal(new Set(attempts.map((r) => r.message_id)).size, 20);
      for (const r of attempts) {
        const lease = leaseOf.get(r.message_id);
        if (lease !== undefined) assert.ok(Number(r.at) > lease, `${r.message_id} was taken over at ${r.at}, before K's lease ran out at ${lease}`);
      }
      assert.equal([...l.stdout().matchAll(/ for bulk-\d{4} /g)].length, 20);
    } finally {
      await lock.end().catch(() => undefined);
      await Promise.all([k?.kill("SIGKILL"), l?.kill()]);
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("userpool migrate", () => {
  test("migrates a PostgreSQL database before any instance starts, and then finds it up to date", async () => {
    const db = await createDatabase("userpool_migrate");
    try {
      const first = await runCommand(["migrate", "--database-url", db.url]);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /applied 0001_init\.sql/);
      assert.doesNotMatch(first.stdout, /userpool-test@/, "the password is not printed");
      const second = await runCommand(["migrate", "--database-url", db.url]);
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /up to date/);
      const tables = await query(db.url, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('users', 'outbox', 'codes')");
      assert.deepEqual(tables, [{ n: 3 }]);
    } finally {
      await db.drop();
    }
  });

  test("migrates the SQLite store of a data dir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-migrate-"));
    try {
      const r = await runCommand(["migrate", "--data-dir", dir]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /userpool\.db: up to date/);
      assert.ok(existsSync(join(dir, "userpool.db")));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("rejects a database url that is not PostgreSQL", async () => {
    const r = await runCommand(["migrate", "--database-url", "mysql://localhost/x"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /database url must start with postgres:\/\//);
  });
});
