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
// Prints `listening <port>` on stdout once it accepts connections.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { users: { type: "string", default: "1000" }, sqlite: { type: "string" }, postgres: { type: "string" }, pool: { type: "string", default: "10" }, port: { type: "string", default: "0" } } });
const users = new Map();
const n = Number(values.users);
for (let i = 0; i < n; i++) {
  const name = `user${String(i).padStart(7, "0")}`;
  users.set(name, { email: `${name}@example.com` });
}

let write;
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
process.on("SIGTERM", () => server.close(() => process.exit(0)));
