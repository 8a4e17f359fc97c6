/**
 * The embedded default store: better-sqlite3 in WAL mode. One connection, one writer: every call and every
 * transaction runs through a FIFO queue, so a transaction's awaits never let another request's statements in.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { loadMigrations } from "./migrate.js";
import { createRepos, type SqlExecutor } from "./sql-repos.js";
import type { Repos, Store } from "./types.js";

export interface SqliteOptions {
  /** Path of the database file, or ":memory:". */
  file: string;
}

export function openSqliteStore(opts: SqliteOptions): Store {
  if (opts.file !== ":memory:") mkdirSync(dirname(opts.file), { recursive: true });
  const db = new Database(opts.file);
  db.pragma("journal_mode = WAL");
  // NORMAL in WAL mode: a committed transaction survives a crash of the process (not necessarily of the OS).
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);

  const cache = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) { s = db.prepare(sql); cache.set(sql, s); }
    return s;
  };
  const direct: SqlExecutor = {
    all: (sql, p = []) => stmt(sql).all(...p) as Record<string, any>[],
    get: (sql, p = []) => stmt(sql).get(...p) as Record<string, any> | undefined,
    run: (sql, p = []) => {
      const s = stmt(sql);
      return s.reader ? { changes: s.all(...p).length } : { changes: s.run(...p).changes };
    },
  };

  // The queue: `tail` settles when the last queued job has finished.
  let tail: Promise<unknown> = Promise.resolve();
  let busy = false;
  const enqueue = <T>(job: () => Promise<T> | T): Promise<T> => {
    const run = async () => { busy = true; try { return await job(); } finally { busy = false; } };
    const p = tail.then(run, run);
    tail = p.catch(() => undefined);
    return p;
  };
  // Outside a transaction, a statement runs at once when nothing is queued (the common case), else waits its turn.
  const queued: SqlExecutor = {
    all: (sql, p) => (busy ? enqueue(() => direct.all(sql, p)) : direct.all(sql, p)),
    get: (sql, p) => (busy ? enqueue(() => direct.get(sql, p)) : direct.get(sql, p)),
    run: (sql, p) => (busy ? enqueue(() => direct.run(sql, p)) : direct.run(sql, p)),
  };
  const txRepos = createRepos(direct, "sqlite");
  const repos = createRepos(queued, "sqlite");

  return {
    ...repos,
    dialect: "sqlite",
    tx<T>(fn: (s: Repos) => Promise<T>): Promise<T> {
      return enqueue(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(txRepos);
          db.exec("COMMIT");
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw e;
        }
      });
    },
    async close() {
      await tail;
      db.close();
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
