/**
 * The PostgreSQL store, for several userpool instances behind one load balancer: the same repositories as SQLite
 * (repos/), run through a `pg` connection pool. Statements outside a transaction use any pooled connection;
 * `tx()` holds one connection from BEGIN to COMMIT. The isolation level is PostgreSQL's default, READ COMMITTED:
 * the repositories make every contended change a single conditional statement (upsert, `DELETE … WHERE`,
 * `UPDATE … WHERE status = ?`, `FOR UPDATE SKIP LOCKED`), so none of them reads a value and writes it back later.
 */
import { createHmac } from "node:crypto";
import pg from "pg";
import { loadMigrations } from "./migrate.js";
import { createRepos, type SqlExecutor } from "./repos/index.js";
import { ConfigCache } from "./config-cache.js";
import type { Repos, Store } from "./types.js";

export interface PostgresOptions {
  /** A libpq-style URL: `postgres://user:password@host:5432/database?sslmode=require`. */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /**
   * The server secret that keys code HMACs. Only a fingerprint of it is stored: the first instance records it, and an
   * instance with a different secret refuses to start, because it could not check the codes the others issued.
   */
  serverSecret?: Buffer;
  /** Where errors of idle pooled connections go (a dropped connection is replaced on next use). */
  onError?: (err: Error) => void;
}

/** `pg_advisory_lock` key that serialises migrations across instances: "userpool" in ASCII. */
const MIGRATION_LOCK = "8463800222054117228";
/** Transient failures of a transaction that PostgreSQL asks the client to retry. */
const RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected
const MAX_TX_TRIES = 4;

/** BIGINT (int8) columns carry epoch milliseconds and counts, all far below 2^53: read them as numbers. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (v: string) => Number(v);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
} as pg.CustomTypesConfig;

/**
 * A statement as sent: `?` placeholders turned into `$1, $2, …` (outside string literals), and a name, so that each
 * pooled connection parses and plans it once (a prepared statement) instead of on every call. Converted once per
 * distinct statement.
 */
interface Prepared { text: string; name: string }
const converted = new Map<string, Prepared>();
let preparedSeq = 0;
function statement(sql: string): Prepared {
  let s = converted.get(sql);
  if (s === undefined) {
    let n = 0;
    let quoted = false;
    let text = "";
    for (const ch of sql) {
      if (ch === "'") quoted = !quoted;
      text += ch === "?" && !quoted ? `$${++n}` : ch;
    }
    s = { text, name: `userpool_${++preparedSeq}` };
    converted.set(sql, s);
  }
  return s;
}

/**
 * A prepared `SELECT *` fails with "cached plan must not change result type" once a newer instance's migration has
 * changed the table (a rolling upgrade). The statement then gets a new name, so the next call prepares it afresh:
 * a statement outside a transaction is retried at once, a transaction is run again (PostgreSQL aborted it).
 */
const isStalePlan = (e: unknown) => (e as { code?: string }).code === "0A000" && /cached plan must not change result type/.test(String((e as Error).message));

type Queryable = pg.Pool | pg.PoolClient;

function executor(db: Queryable, inTransaction: boolean): SqlExecutor {
  const query = async (sql: string, params: unknown[] = []): Promise<pg.QueryResult> => {
    const s = statement(sql);
    try {
      return await db.query({ name: s.name, text: s.text, values: params });
    } catch (e) {
      if (!isStalePlan(e)) throw e;
      converted.set(sql, { text: s.text, name: `userpool_${++preparedSeq}` });
      if (inTransaction) throw e;
      return query(sql, params);
    }
  };
  return {
    all: async (sql, p) => (await query(sql, p)).rows,
    get: async (sql, p) => (await query(sql, p)).rows[0],
    run: async (sql, p) => ({ changes: (await query(sql, p)).rowCount ?? 0 }),
  };
}

function createPool(opts: PostgresOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, types, application_name: "userpool" });
  // Without a listener, an idle connection that the server drops would crash the process.
  pool.on("error", (err) => opts.onError?.(err));
  return pool;
}

/**
 * Brings the database's schema up to date. Every instance runs this at start; the advisory lock makes a second
 * instance wait while the first migrates, and then find nothing left to do. Returns the names it applied.
 */
export async function migratePostgres(pool: pg.Pool, secretFingerprint?: string): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      await client.query("CREATE TABLE IF NOT EXISTS userpool_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)");
      const done = new Set((await client.query("SELECT version FROM schema_migrations")).rows.map((r) => Number(r.version)));
      for (const m of loadMigrations("postgres")) {
        if (done.has(m.version)) continue;
        await client.query("BEGIN");
        try {
          await client.query(m.sql);
          await client.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, Date.now()]);
          await client.query("COMMIT");
        } catch (e) {
          await client.query("ROLLBACK");
          throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
        }
        applied.push(m.name);
      }
      if (secretFingerprint) await checkSecret(client, secretFingerprint);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return applied;
}

/** An HMAC of a constant under the secret: equal for equal secrets, and no help in guessing a 256-bit one. */
const fingerprintOf = (secret: Buffer) => createHmac("sha256", secret).update("userpool server secret fingerprint").digest("hex");

async function checkSecret(client: pg.PoolClient, fingerprint: string) {
  await client.query("INSERT INTO userpool_settings (name, value) VALUES ('secret_fingerprint', $1) ON CONFLICT DO NOTHING", [fingerprint]);
  const { rows } = await client.query("SELECT value FROM userpool_settings WHERE name = 'secret_fingerprint'");
  if (rows[0]?.value !== fingerprint) {
    throw new Error("this instance's server secret differs from the one this database is used with; every instance must use " +
      "the same secret (--secret-file / USERPOOL_SECRET_FILE), or codes issued by one instance fail on another");
  }
}

/** Runs the migrations and returns the names applied, for `userpool migrate`. */
export async function migratePostgresUrl(url: string): Promise<string[]> {
  const pool = createPool({ url });
  try { return await migratePostgres(pool); } finally { await pool.end(); }
}

export async function openPostgresStore(opts: PostgresOptions): Promise<Store> {
  const pool = createPool(opts);
  try {
    await migratePostgres(pool, opts.serverSecret && fingerprintOf(opts.serverSecret));
  } catch (e) {
    await pool.end();
    throw e;
  }

  const listener: ConfigListener = new ConfigListener(opts.url, () => cache.forget(), (err) => opts.onError?.(err));
  const cache = new ConfigCache(() => listener.listening);
  await listener.start();

  async function tx<T>(fn: (s: Repos) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken: Error | undefined;
      const written = { config: false };
      try {
        await client.query("BEGIN");
        const db = executor(client, true);
        const result = await fn(cache.watchWrites(createRepos(db, "postgres", true), () => { written.config = true; }, () => db.run(NOTIFY)));
        await client.query("COMMIT");
        return result;
      } catch (e) {
        try { await client.query("ROLLBACK"); } catch (r) { broken = r as Error; }
        const code = (e as { code?: string }).code;
        if (!((code && RETRYABLE.has(code)) || isStalePlan(e)) || attempt >= MAX_TX_TRIES) throw e;
        // Deadlock, serialization failure or a stale prepared statement: PostgreSQL rolled everything back; run the
        // whole function again.
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      } finally {
        client.release(broken);
        // Committed or rolled back: what other requests cached while it ran may be outdated either way.
        if (written.config) cache.forget();
      }
    }
  }

  const db = executor(pool, false);
  const repos = cache.watchWrites(createRepos(db, "postgres"), () => undefined, () => db.run(NOTIFY));
  return {
    ...repos,
    ...cache.reads(repos),
    // Outside a transaction each statement may run on a different connection, so the methods that write more
    // than one statement get a transaction of their own (SQLite's single connection gives them that for free).
    // One statement each (repos/outbox.ts, repos/decoys.ts): atomic by itself, one round trip, no transaction.
    recordAttempt: (a, next) => repos.recordAttempts([{ attempt: a, next }]),
    // The request-path functions (repos/issue.ts) are transactions of their own: run again, like `tx`, when
    // PostgreSQL picks them as a deadlock's victim (a transaction that locks a code before its user, say).
    issueCodeMessage: retried((i) => repos.issueCodeMessage(i)),
    resendCode: retried((q) => repos.resendCode(q)),
    confirmWithCode: retried((k) => repos.confirmWithCode(k)),
    deletePool: (id) => tx((s) => s.deletePool(id)),
    deleteUser: (poolId, key) => tx((s) => s.deleteUser(poolId, key)),
    clearFinished: () => tx((s) => s.clearFinished()),
    dialect: "postgres",
    tx,
    async close() {
      await listener.stop();
      await pool.end();
    },
  };
}

/** Runs a one-statement call again (up to MAX_TX_TRIES) when PostgreSQL rolled it back as retryable. */
function retried<A, R>(f: (a: A) => Promise<R>): (a: A) => Promise<R> {
  return async (a) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await f(a);
      } catch (e) {
        if (!RETRYABLE.has((e as { code?: string }).code ?? "") || attempt >= MAX_TX_TRIES) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  };
}

/** The channel on which instances announce that a pool or app client changed. */
const CONFIG_CHANNEL = "userpool_config";
const NOTIFY = `SELECT pg_notify('${CONFIG_CHANNEL}', '')`;

/**
 * Keeps an instance's pool/client cache (config-cache.ts) true across instances. Every write to a pool or client
 * also runs `pg_notify('userpool_config')` (in its transaction, so it is delivered when that commits); every instance
 * LISTENs on a connection of its own and empties its cache on each notification. The cache fills only while that
 * connection is up: without it every read goes to the database until it is back (retried every second). Another
 * instance sees a change once the notification arrives, milliseconds after the commit.
 */
class ConfigListener {
  listening = false;
  private stopped = false;
  private client?: pg.Client;
  private retry?: NodeJS.Timeout;

  constructor(private readonly url: string, private readonly onChange: () => void, private readonly onError: (err: Error) => void) {}

  async start(): Promise<void> {
    await this.listen().catch((err: Error) => { this.onError(err); this.reconnectLater(); });
  }

  private async listen() {
    const c = new pg.Client({ connectionString: this.url, application_name: "userpool-listen" });
    c.on("error", (err) => this.lost(c, err));
    c.on("end", () => this.lost(c));
    c.on("notification", () => this.onChange());
    await c.connect();
    if (this.stopped) { await c.end(); return; }
    await c.query(`LISTEN ${CONFIG_CHANNEL}`);
    this.client = c;
    this.onChange(); // whatever was read while not listening may have missed a change
    this.listening = true;
  }

  private lost(c: pg.Client, err?: Error) {
    if (this.client !== c) return;
    this.client = undefined;
    this.listening = false;
    this.onChange();
    if (this.stopped) return;
    if (err) this.onError(err);
    this.reconnectLater();
  }

  private reconnectLater() {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.listen().catch((err: Error) => { this.onError(err); this.reconnectLater(); });
    }, 1000);
    this.retry.unref();
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.retry);
    this.listening = false;
    const c = this.client;
    this.client = undefined;
    await c?.end().catch(() => undefined);
  }
}
