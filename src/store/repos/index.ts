/**
 * The repositories, one file each, written once in SQL that SQLite (>= 3.35) and PostgreSQL both run. Adapters
 * supply an executor for `?`-placeholder SQL; the few places where the dialects differ branch on `dialect`.
 */
import type { Repos } from "../types.js";
import { authRepo } from "./auth.js";
import { clientRepo } from "./clients.js";
import { codeRepo } from "./codes.js";
import { counterRepo } from "./counters.js";
import { decoyRepo } from "./decoys.js";
import { domainRepo } from "./domains.js";
import { lockoutRepo } from "./lockout.js";
import { groupRepo } from "./groups.js";
import { hostedRepo } from "./hosted.js";
import { issueRepo } from "./issue.js";
import { outboxRepo } from "./outbox.js";
import { pendingAttributeRepo } from "./pending-attributes.js";
import { poolRepo } from "./pools.js";
import { resourceServerRepo } from "./resource-servers.js";
import type { Dialect, SqlExecutor } from "./shared.js";
import { tokenOriginRepo } from "./token-origins.js";
import { tokenRepo } from "./tokens.js";
import { userRepo } from "./users.js";

export type { SqlExecutor } from "./shared.js";

/**
 * The repositories over one executor, as one plain object (the adapters wrap some of its methods in place).
 * `inTransaction`: the executor runs inside a transaction (PostgreSQL's address locks are only taken there; outside
 * one they would end with their own statement and guard nothing).
 */
export function createRepos(db: SqlExecutor, dialect: Dialect, inTransaction = false): Repos {
  const repos = {
    ...poolRepo(db), ...clientRepo(db), ...userRepo(db, dialect, inTransaction), ...codeRepo(db),
    ...counterRepo(db), ...decoyRepo(db, dialect), ...tokenRepo(db), ...tokenOriginRepo(db), ...lockoutRepo(db), ...outboxRepo(db, dialect),
    ...authRepo(db), ...pendingAttributeRepo(db), ...groupRepo(db, dialect), ...hostedRepo(db), ...domainRepo(db),
    ...resourceServerRepo(db),
  };
  return { ...repos, ...issueRepo(db, dialect, repos) };
}
