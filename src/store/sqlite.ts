/**
 * The embedded default store: better-sqlite3 in WAL mode. One connection, one writer.
 *
 * Writes go through GROUP COMMIT: every transaction (`store.tx`) and every write statement outside one is queued;
 * once per turn of the event loop the queued jobs run, in arrival order, inside ONE `BEGIN IMMEDIATE .. COMMIT`.
 * A failing transaction rolls back alone: one that wrote nothing has nothing to undo; one that wrote makes the
 * group run again without it, each transaction then in its own SAVEPOINT (see `runGroup`). Nobody is answered
 * before the shared COMMIT has returned: a success is never reported for work that is not committed. With
 * `synchronous = NORMAL` in WAL mode a committed transaction survives a crash of the process (not necessarily of
 * the OS). Grouping writes each touched page to the WAL once per group instead of once per transaction, which is
 * what makes many concurrent small transactions cheap.
 *
 * Reads outside a transaction run at once when no group is running (they see only committed data); while a group
 * runs (a transaction awaiting something), they queue behind it like writes.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Worker } from "node:worker_threads";
import { loadMigrations } from "./migrate.js";
import { createRepos, type SqlExecutor } from "./repos/index.js";
import { ConfigCache } from "./config-cache.js";
import type { Repos, Store } from "./types.js";

export interface SqliteOptions {
  /** Path of the database file, or ":memory:". */
  file: string;
  /** Most jobs (transactions and statements) committed together; default 256. 1 turns group commit off. */
  maxGroup?: number;
  /**
   * For a file, the WAL is checkpointed from a worker thread once the store is busy: the checkpoint's page copies
   * and fsyncs then stop pausing the event loop inside a COMMIT. Started after `checkpointAfterGroups` committed
   * groups (default 200), so short-lived stores (tests, CLI) never start it.
   */
  checkpointAfterGroups?: number;
  /**
   * `normal` (default): synchronous=NORMAL, a commit survives a crash of the process; the WAL is fsynced at
   * checkpoints. `full`: synchronous=FULL, each COMMIT (one per group) fsyncs the WAL, so a commit also survives a
   * crash of the machine.
   */
  synchronous?: "normal" | "full";
}

type Job = {
  /** A transaction's body (run again if another job of its group has to be taken out) or one statement (atomic by itself). */
  tx?: (s: Repos) => Promise<unknown>;
  stmt?: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};

/** The SQLite store, and the durability its connection runs with (read back from SQLite). */
export type SqliteStore = Store & { readonly synchronous: "normal" | "full" };

export function openSqliteStore(opts: SqliteOptions): SqliteStore {
  if (opts.file !== ":memory:") mkdirSync(dirname(opts.file), { recursive: true });
  const db = new Database(opts.file);
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${opts.synchronous === "full" ? "FULL" : "NORMAL"}`);
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // Savepoint (statement) journals in memory rather than in temporary files.
  db.pragma("temp_store = MEMORY");
  migrate(db);
  const maxGroup = Math.max(1, opts.maxGroup ?? 256);

  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) { s = db.prepare(sql); cache.set(sql, s); }
    return s;
  };
  /** Write statements run so far: a failing transaction that wrote nothing leaves nothing to undo. */
  let writes = 0;
  const counted = (s: Database.Statement) => { if (!s.readonly) writes++; return s; };
  const direct: SqlExecutor = {
    all: (sql, p = []) => counted(stmt(sql)).all(...p) as Record<string, any>[],
    get: (sql, p = []) => counted(stmt(sql)).get(...p) as Record<string, any> | undefined,
    run: (sql, p = []) => {
      const s = counted(stmt(sql));
      return s.reader ? { changes: s.all(...p).length } : { changes: s.run(...p).changes };
    },
  };
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const rollback = db.prepare("ROLLBACK");
  const savepoint = db.prepare("SAVEPOINT tx");
  const release = db.prepare("RELEASE tx");
  const rollbackTo = db.prepare("ROLLBACK TO tx");

  const queue: Job[] = [];
  let scheduled = false;
  /** A group is between BEGIN and the settling of its jobs. */
  let running = false;
  let idle: Promise<void> = Promise.resolve();
  let markIdle: (() => void) | undefined;
  let afterGroup = () => {};

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    if (!markIdle) idle = new Promise((r) => (markIdle = r));
    // setImmediate: after this turn's I/O callbacks, so every request that arrived in this turn joins the group.
    setImmediate(drain);
  };
  const submit = <T>(job: Omit<Job, "resolve" | "reject">): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push({ ...job, resolve: resolve as (v: unknown) => void, reject });
      schedule();
    });

  async function drain() {
    scheduled = false;
    running = true;
    try {
      while (queue.length) await runGroup(queue.splice(0, maxGroup));
    } finally {
      running = false;
      if (queue.length) schedule();
      else { markIdle?.(); markIdle = undefined; }
    }
  }

  let groups = 0;
  let checkpointer: Checkpointer | undefined;
  const wantCheckpointer = opts.file !== ":memory:";
  const checkpointAfter = opts.checkpointAfterGroups ?? 200;

  async function runGroup(group: Job[]) {
    if (wantCheckpointer && !checkpointer && ++groups >= checkpointAfter) {
      checkpointer = startCheckpointer(opts.file, () => { if (db.open) db.pragma("wal_autocheckpoint = 1000"); });
      // The main connection keeps checkpointing as a backstop, only if the WAL grows past ~40 MB.
      db.pragma("wal_autocheckpoint = 10000");
    }
    const failed = new Map<Job, unknown>();
    let done: { job: Job; value: unknown }[] = [];
    // Optimistic first: the group's jobs run one after the other in one transaction with no savepoint between them
    // (a savepoint and its release were two statements per job, and a savepoint copies every page it touches). A job
    // that fails before writing anything (a statement job, which SQLite undoes by itself, or a transaction that threw
    // on a read, as most errors do) leaves nothing to undo. One that fails after writing is the exception: the
    // transaction is rolled back and the group runs again without it, this time each transaction in its own
    // savepoint (`careful`), so one group re-runs its jobs at most once, whatever the number of failures. The
    // transactions are written to be re-run (PostgreSQL retries them too). Measured: see docs/performance.md.
    let careful = false;
    for (let pass = true; pass;) {
      pass = false;
      done = [];
      let open = false;
      const abort = (error: unknown) => {
        // SQLite ended the transaction itself (I/O error, disk full, ...): nothing done so far in it survived.
        for (const d of done.splice(0)) failed.set(d.job, error);
        open = false;
      };
      for (const job of group) {
        if (failed.has(job)) continue;
        if (!open) {
          try { begin.run(); open = true; } catch (e) { failed.set(job, e); continue; }
        }
        if (job.stmt) {
          try { done.push({ job, value: job.stmt() }); } catch (e) { failed.set(job, e); if (!db.inTransaction) abort(e); }
          continue;
        }
        // Careful: each transaction in its own savepoint, except the first of a transaction (if it fails, the whole
        // transaction, holding only its work, is rolled back and the next job begins a new one).
        const guarded = careful && done.length > 0;
        if (guarded) savepoint.run();
        const before = writes;
        try {
          const value = await job.tx!(txRepos);
          if (guarded) release.run();
          done.push({ job, value });
        } catch (e) {
          failed.set(job, e);
          if (!db.inTransaction) abort(e);
          else if (guarded) { rollbackTo.run(); release.run(); }
          else if (done.length === 0) { rollback.run(); open = false; }
          else if (writes !== before) {
            // Its writes cannot be taken out alone: start over without it, carefully.
            rollback.run();
            careful = true;
            pass = true;
            break;
          }
        }
      }
      if (pass) continue;
      if (open) {
        try {
          commit.run();
        } catch (e) {
          if (db.inTransaction) { try { rollback.run(); } catch { /* already rolled back */ } }
          abort(e);
        }
      }
    }
    afterGroup();
    for (const d of done) d.job.resolve(d.value);
    for (const [job, error] of failed) job.reject(error);
  }

  // Outside a transaction: writes join the next group; reads run at once unless a group is running.
  const readNow = (sql: string) => !running && stmt(sql).readonly;
  const queued: SqlExecutor = {
    all: (sql, p) => (readNow(sql) ? direct.all(sql, p) : submit({ stmt: () => direct.all(sql, p) })),
    get: (sql, p) => (readNow(sql) ? direct.get(sql, p) : submit({ stmt: () => direct.get(sql, p) })),
    run: (sql, p) => (readNow(sql) ? direct.run(sql, p) : submit({ stmt: () => direct.run(sql, p) })),
  };
  // The pool/client cache (config-cache.ts): only reads made outside a running group (so of committed data) fill it,
  // and a group that wrote a pool or client empties it again once it has committed or rolled back.
  let configWritten = false;
  const configCache = new ConfigCache(() => !running);
  afterGroup = () => { if (configWritten) { configWritten = false; configCache.forget(); } };
  const noteWrite = () => { configWritten = true; };
  const txRepos = configCache.watchWrites(createRepos(direct, "sqlite"), noteWrite);
  const repos = configCache.watchWrites(createRepos(queued, "sqlite"), noteWrite);

  return {
    ...repos,
    ...configCache.reads(repos),
    // Several statements each: a transaction of their own when called outside one (PostgreSQL runs each as one statement).
    issueCodeMessage: (i) => submit({ tx: (s) => s.issueCodeMessage(i) }),
    resendCode: (q) => submit({ tx: (s) => s.resendCode(q) }),
    confirmWithCode: (k) => submit({ tx: (s) => s.confirmWithCode(k) }),
    dialect: "sqlite",
    synchronous: db.pragma("synchronous", { simple: true }) === 2 ? "full" : "normal",
    tx<T>(fn: (s: Repos) => Promise<T>): Promise<T> {
      return submit<T>({ tx: fn });
    },
    async close() {
      while (queue.length || running || scheduled) await idle;
      await checkpointer?.stop();
      db.close();
    },
  };
}

interface Checkpointer { stop(): Promise<void> }

/**
 * A second connection in a worker thread that runs `wal_checkpoint(PASSIVE)` every `intervalMs`: it copies committed
 * WAL frames into the database file and fsyncs, without blocking the writer, so the writer's COMMITs stay short.
 * (Durability does not depend on it: a transaction is committed once it is in the WAL.)
 */
function startCheckpointer(file: string, onFail: () => void, intervalMs = 100): Checkpointer {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const Database = require(workerData.module);
    const db = new Database(workerData.file);
    let timer = setInterval(() => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch { /* busy: next time */ } }, workerData.intervalMs);
    parentPort.on("message", () => {
      clearInterval(timer);
      try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
      db.close();
      parentPort.postMessage("closed");
    });`;
  const worker = new Worker(source, {
    eval: true, workerData: { file, intervalMs, module: createRequire(import.meta.url).resolve("better-sqlite3") },
    // It only runs one pragma: a small heap keeps its share of the process's memory to a few MB.
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, stackSizeMb: 1 },
  });
  worker.unref();
  let failed = false;
  worker.on("error", () => { failed = true; onFail(); });
  return {
    async stop() {
      if (failed) return;
      await new Promise<void>((resolve) => {
        const done = () => { clearTimeout(t); resolve(); };
        const t = setTimeout(() => { void worker.terminate().then(done, done); }, 2000);
        worker.once("message", () => { void worker.terminate().then(done, done); });
        worker.once("exit", done);
        worker.postMessage("stop");
      });
    },
  };
}

function migrate(db: Database.Database) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
  const done = new Set((db.prepare("SELECT version FROM schema_migrations").all() as { version: number }[]).map((r) => r.version));
  for (const m of loadMigrations("sqlite")) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(m.version, m.name, Date.now());
    }).immediate();
  }
}
