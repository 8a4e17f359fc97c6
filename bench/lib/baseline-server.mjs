#!/usr/bin/env node
// The ceiling for `npm run bench`: a bare node:http server doing the least a correct ResendConfirmationCode answer
// needs: read the body, parse the JSON, look the user up in a Map, answer the Cognito response shape.
//
//   node bench/lib/baseline-server.mjs --users 1000 [--sqlite <file>]
//
// With --sqlite it also makes one durable SQLite write per request (better-sqlite3, WAL, synchronous=NORMAL, one
// autocommit statement, answered after it returns), to show what durability alone costs. With --postgres URL it makes
// one durable PostgreSQL INSERT per request instead (`pg`, a pool of --pool connections like userpool's, a named
// prepared statement in autocommit, synchronous_commit as the cluster has it: on), answered after it returns: the
// PostgreSQL ceiling (baseline+postgres).
//
// With --userpool-db FILE (a copy of userpool's seeded SQLite file) it is the **floor**: the same bare server making
// exactly the writes userpool's SQLite store makes for one resend, on userpool's own schema, and nothing else userpool
// does (no validation, routing, pool/client look-ups, templates, promises per request). Per request, inside a group
// transaction shared with the other requests of the same turn of the event loop (BEGIN IMMEDIATE … COMMIT, answered
// after the COMMIT, as userpool's group commit): the user read, the code HMAC and its upsert, the look-up of the
// user's undelivered messages (superseded if any), the outbox row with a time-ordered id. Then, as userpool's worker
// does on the next turn: the dev console line, and the delivery record (the attempt row and the outbox row marked
// sent) in the next group. The WAL is checkpointed from a worker thread, as userpool's store does under load. The
// statements are userpool's (src/store/repos/{users,codes,outbox}.ts, read from a statement trace); the bench checks
// after its runs that the floor's rows look like userpool's (`checkFloorRows` in bench/run.mjs).
// With --userpool-postgres URL (a database userpool migrated and the bench seeded) it is the PostgreSQL floor: per
// request the one statement userpool's PostgreSQL store sends for a resend (`userpool_resend_code`, with the same
// arguments: the composed message as JSON), answered once it returns; then, as userpool's worker does, the console line
// and the delivery records of what arrived within 10 ms in one statement (src/store/repos/{issue,outbox}.ts).
//
// Prints `listening <port>` on stdout once it accepts connections.
import { createHmac, randomInt, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { users: { type: "string", default: "1000" }, sqlite: { type: "string" }, "userpool-db": { type: "string" }, "userpool-postgres": { type: "string" }, postgres: { type: "string" }, pool: { type: "string", default: "10" }, port: { type: "string", default: "0" } } });
const users = new Map();
const n = Number(values.users);
for (let i = 0; i < n; i++) {
  const name = `user${String(i).padStart(7, "0")}`;
  users.set(name, { email: `${name}@example.com` });
}

let write;
/** Runs before the process exits on SIGTERM (the floor: records what it delivered). */
let beforeExit = async () => {};
if (values.sqlite) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(values.sqlite);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE IF NOT EXISTS codes (username TEXT PRIMARY KEY, code TEXT NOT NULL, created_at INTEGER NOT NULL)");
  const upsert = db.prepare("INSERT INTO codes (username, code, created_at) VALUES (?, ?, ?) " +
    "ON CONFLICT (username) DO UPDATE SET code = excluded.code, created_at = excluded.created_at");
  write = (username) => upsert.run(username, String(Math.floor(Math.random() * 1e6)).padStart(6, "0"), Date.now());
}

if (values.postgres) {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString: values.postgres, max: Number(values.pool), application_name: "baseline+postgres" });
  pool.on("error", () => undefined);
  await pool.query("CREATE TABLE IF NOT EXISTS baseline_codes (id BIGSERIAL PRIMARY KEY, username TEXT NOT NULL, code TEXT NOT NULL, created_at BIGINT NOT NULL)");
  write = (username) => pool.query({ name: "baseline_insert", text: "INSERT INTO baseline_codes (username, code, created_at) VALUES ($1, $2, $3)",
    values: [username, String(Math.floor(Math.random() * 1e6)).padStart(6, "0"), Date.now()] });
}

/** userpool's time-ordered ids (src/domain/ids.ts): random ids would scatter the primary-key B-tree writes. */
const timeOrderedId = (now) => {
  const t = (now % 2 ** 48).toString(16).padStart(12, "0");
  return `${t.slice(0, 8)}-${t.slice(8)}-7${randomUUID().slice(15)}`;
};
const CODE_SECRET = Buffer.alloc(32, 7);
/** A new code, its HMAC, and the message userpool composes for it (the dev templates' text and HTML). */
function composed(pool, username) {
  const code = String(randomInt(1_000_000)).padStart(6, "0");
  const text = `Your verification code is ${code}. `;
  return {
    code, text, hmac: createHmac("sha256", CODE_SECRET).update(`${pool}\0${username}\0${code}`).digest("base64"),
    html: `<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n<p>${text}</p>\n</body></html>\n`,
  };
}

/** The PostgreSQL floor's writes (see the header): `write(username)` resolves once the function call has returned. */
async function userpoolPostgresWrites(url) {
  const { default: pg } = await import("pg");
  const db = new pg.Pool({ connectionString: url, max: Number(values.pool), application_name: "floor" });
  db.on("error", () => undefined);
  const pool = (await db.query("SELECT id FROM pools")).rows[0].id;
  const resend = "SELECT * FROM userpool_resend_code($1, $2, $3, $4, $5, $6, $7, $8::bigint, $9::bigint, $10::bigint, $11, $12, $13::bigint, $14, " +
    "$15, $16, $17, $18, $19::integer)";
  const record = "WITH attempts AS (INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) " +
    "SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[])) " +
    "UPDATE outbox SET status = CASE WHEN outbox.status = 'superseded' AND v.status <> 'sent' THEN 'superseded' ELSE v.status END, " +
    "attempts = outbox.attempts + 1, next_attempt_at = v.next_at, lease_until = NULL, last_error = v.error, updated_at = v.at, " +
    "code = CASE WHEN v.erase THEN NULL ELSE outbox.code END, body = CASE WHEN v.erase THEN '' ELSE outbox.body END, " +
    "html = CASE WHEN v.erase THEN NULL ELSE outbox.html END " +
    "FROM unnest($7::text[], $8::text[], $9::bigint[], $10::text[], $11::bigint[], $12::boolean[]) AS v(id, status, next_at, error, at, erase) " +
    "WHERE outbox.id = v.id";
  let delivered = [], timer;
  const recording = new Set();
  const recordDelivered = () => {
    clearTimeout(timer);
    timer = undefined;
    const list = delivered;
    delivered = [];
    if (!list.length) return;
    const at = Date.now(), n = list.length, col = (v) => list.map(() => v);
    const done = db.query({ name: "floor_record", text: record, values: [list.map(() => timeOrderedId(at)), list, col(at), col("inbox"), col("success"), col(null),
      list, col("sent"), col(at), col(null), col(at), col(false)] })
      .catch((err) => process.stderr.write(`recording ${n} deliveries failed: ${err.message}\n`))
      .finally(() => recording.delete(done));
    recording.add(done);
  };
  let calls = 0; // resend calls not yet returned: requests a client may have left, whose messages still get delivered
  beforeExit = async () => {
    while (calls || delivered.length || recording.size) {
      recordDelivered();
      await new Promise((r) => setTimeout(r, 5));
    }
    await db.end();
  };
  return async (username) => {
    const now = Date.now();
    const c = composed(pool, username);
    const supersedeKey = `${pool} ${username} SIGN_UP`;
    const id = timeOrderedId(now);
    const message = JSON.stringify({
      id, pool_id: pool, username, channel: "EMAIL", destination: "", subject: "Your verification code", body: c.text, html: c.html, code: c.code,
      purpose: "RESEND_CODE", meta: null, status: "processing", attempts: 0, next_attempt_at: now, lease_until: now + 30_000, last_error: null,
      created_at: now, updated_at: now, expires_at: now + 86_400_000, supersede_key: supersedeKey,
    });
    calls++;
    let r;
    try {
      r = (await db.query({ name: "floor_resend", text: resend, values: [pool, username, "UNCONFIRMED", '["email"]', `[${message}]`, "SIGN_UP",
        "resend", 0, now, 3_600_000, "SIGN_UP", c.hmac, now + 86_400_000, false, null, null, null, null, null] })).rows[0];
      if (r.r !== "issued") throw new Error(`userpool_resend_code answered ${r.r}`);
    } catch (err) {
      calls--;
      throw err;
    }
    // The worker's turn: the console line, then the record with whatever else arrived within 10 ms.
    setImmediate(() => {
      process.stdout.write(`code ${c.code} for ${username} (${r.destination})\n`);
      delivered.push(id);
      calls--;
      timer ??= setTimeout(recordDelivered, 10);
    });
  };
}

/** The floor's writes (see the header): `write(username)` resolves once the request's group has committed. */
async function userpoolWrites(file) {
  const { default: Database } = await import("better-sqlite3");
  const { Worker } = await import("node:worker_threads");
  const { createRequire } = await import("node:module");
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("temp_store = MEMORY");
  db.pragma("wal_autocheckpoint = 10000");
  const checkpointer = new Worker(`const { workerData } = require("node:worker_threads"); const db = new (require(workerData.module))(workerData.file);
    setInterval(() => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} }, 100);`,
  { eval: true, workerData: { file, module: createRequire(import.meta.url).resolve("better-sqlite3") } });
  checkpointer.unref();
  const pool = db.prepare("SELECT id FROM pools").get().id;
  const q = {
    begin: db.prepare("BEGIN IMMEDIATE"),
    commit: db.prepare("COMMIT"),
    user: db.prepare("SELECT * FROM users WHERE pool_id = ? AND username_key = ?"),
    code: db.prepare("INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at) VALUES (?, ?, 'SIGN_UP', ?, 'email', ?, ?) " +
      "ON CONFLICT (pool_id, username_key, purpose) DO UPDATE SET code_hmac = excluded.code_hmac, attribute = excluded.attribute, expires_at = excluded.expires_at, created_at = excluded.created_at"),
    undelivered: db.prepare("SELECT id FROM outbox WHERE supersede_key = ? AND status IN ('queued', 'processing')"),
    supersede: db.prepare("UPDATE outbox SET status = 'superseded', lease_until = NULL, updated_at = ? WHERE id = ? AND status IN ('queued', 'processing')"),
    message: db.prepare("INSERT INTO outbox (id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, attempts, " +
      "next_attempt_at, lease_until, last_error, created_at, updated_at, expires_at, supersede_key) " +
      "VALUES (?, ?, ?, 'EMAIL', ?, 'Your verification code', ?, ?, ?, 'RESEND_CODE', NULL, 'processing', 0, ?, ?, NULL, ?, ?, ?, ?)"),
    attempt: db.prepare("INSERT INTO delivery_attempts (id, message_id, at, channel, outcome, error) VALUES (?, ?, ?, 'inbox', 'success', NULL)"),
    // userpool's statement with its outcome ('sent') written in: a message superseded while it was being sent is sent.
    sent: db.prepare("UPDATE outbox SET status = CASE WHEN status = 'superseded' AND 'sent' <> 'sent' THEN 'superseded' ELSE 'sent' END, attempts = attempts + 1, " +
      "next_attempt_at = ?, lease_until = NULL, last_error = NULL, updated_at = ? WHERE id = ?"),
  };
  let jobs = [], delivered = [], scheduled = false, turns = 0;
  const schedule = () => {
    if (!scheduled) { scheduled = true; setImmediate(group); }
  };
  function group() {
    scheduled = false;
    const mine = jobs, records = delivered;
    jobs = []; delivered = [];
    const now = Date.now();
    const sent = [];
    q.begin.run();
    try {
      for (const messageId of records) {
        q.attempt.run(timeOrderedId(now), messageId, now);
        q.sent.run(now, now, messageId);
      }
      for (const j of mine) {
        const user = q.user.get(pool, j.username);
        const email = JSON.parse(user.attributes).email;
        const c = composed(pool, j.username);
        q.code.run(pool, j.username, c.hmac, now + 86_400_000, now);
        const supersedeKey = `${pool} ${j.username} SIGN_UP`;
        for (const old of q.undelivered.all(supersedeKey)) q.supersede.run(now, old.id);
        const messageId = timeOrderedId(now);
        q.message.run(messageId, pool, j.username, email, c.text, c.html, c.code, now, now + 30_000, now, now, now + 86_400_000, supersedeKey);
        sent.push({ messageId, code: c.code, username: j.username, email });
      }
      q.commit.run();
    } catch (err) {
      if (db.inTransaction) db.exec("ROLLBACK");
      for (const j of mine) j.reject(err);
      return;
    }
    for (const j of mine) j.resolve();
    if (!sent.length) return;
    // The worker's turn: the console line, then the record in the next group.
    turns++;
    setImmediate(() => {
      turns--;
      for (const m of sent) {
        process.stdout.write(`code ${m.code} for ${m.username} (${m.email})\n`);
        delivered.push(m.messageId);
      }
      schedule();
    });
  }
  beforeExit = async () => { // requests a client may have left still get their messages delivered and recorded
    while (scheduled || turns || jobs.length || delivered.length) await new Promise((r) => setTimeout(r, 5));
    db.close();
  };
  return (username) => new Promise((resolve, reject) => {
    jobs.push({ username, resolve, reject });
    schedule();
  });
}

if (values["userpool-db"]) write = await userpoolWrites(values["userpool-db"]);
if (values["userpool-postgres"]) write = await userpoolPostgresWrites(values["userpool-postgres"]);

const mask = (email) => {
  const at = email.lastIndexOf("@");
  return `${email[0]}***@${email[at + 1]}***`;
};

const fail = (res, status, type, message) => {
  const body = JSON.stringify({ __type: type, message });
  res.writeHead(status, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": Buffer.byteLength(body), "x-amzn-RequestId": randomUUID(), "x-amzn-ErrorType": `${type}:` });
  res.end(body);
};

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    if (req.headers["x-amz-target"] !== "AWSCognitoIdentityProviderService.ResendConfirmationCode") {
      return fail(res, 400, "UnknownOperationException", "Unknown operation");
    }
    let input;
    try { input = JSON.parse(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)); } catch { return fail(res, 400, "SerializationException", "bad JSON"); }
    const user = typeof input?.Username === "string" ? users.get(input.Username) : undefined;
    if (!user) return fail(res, 400, "UserNotFoundException", "Username/client id combination not found.");
    const answer = () => {
      const body = JSON.stringify({ CodeDeliveryDetails: { Destination: mask(user.email), DeliveryMedium: "EMAIL", AttributeName: "email" } });
      res.writeHead(200, { "Content-Type": "application/x-amz-json-1.1", "Content-Length": Buffer.byteLength(body), "x-amzn-RequestId": randomUUID() });
      res.end(body);
    };
    const w = write?.(input.Username);
    if (w instanceof Promise) w.then(answer, (e) => fail(res, 500, "InternalErrorException", String(e.message)));
    else answer();
  });
});
server.keepAliveTimeout = 5000;
server.listen(Number(values.port), "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`));
process.on("SIGTERM", () => server.close(() => beforeExit().finally(() => process.exit(0))));
