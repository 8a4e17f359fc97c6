// Bulk users for `npm run bench`, written straight into userpool's SQLite file (after its migrations ran), not
// through SignUp: N resend users (UNCONFIRMED, with an email), confirm users (UNCONFIRMED with a known code) and
// auth users (CONFIRMED, with a known password).
import Database from "better-sqlite3";
import { closeSync, fsyncSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const PASSWORD = "Passw0rd!";
export const CONFIRM_CODE = "123456";
export const userName = (prefix, i) => `${prefix}${String(i).padStart(7, "0")}`;

/**
 * @param {object} o
 * @param {string} o.dataDir userpool's data dir (holds userpool.db and secret.key)
 * @param {string} o.poolId
 * @param {{resend: number, confirm: number, auth: number}} o.counts
 * @param {(key: Buffer, poolId: string, usernameKey: string, purpose: string, code: string) => string} o.codeHmac userpool's own
 * @param {string} o.passwordHash one scrypt hash of PASSWORD, shared by every auth user
 */
export function seedUsers({ dataDir, poolId, counts, codeHmac, passwordHash }) {
  const key = Buffer.from(readFileSync(join(dataDir, "secret.key"), "utf8").trim(), "hex");
  const db = new Database(join(dataDir, "userpool.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("cache_size = -262144"); // 256 MiB while seeding, so the random-order sub index stays in memory
  const insertUser = db.prepare(
    "INSERT INTO users (pool_id, username_key, username, sub, status, enabled, password_hash, attributes, email_key, phone, created_at, updated_at) " +
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, NULL, ?, ?)");
  const insertCode = db.prepare(
    "INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at) VALUES (?, ?, 'SIGN_UP', ?, 'email', ?, ?)");
  const now = Date.now();
  const sub = (kind, i) => {
    // Distinct, UUID-shaped and deterministic (random order in the index, like real v4 UUIDs).
    const h = (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, "0");
    return `${h}-${kind}${String(i).padStart(7, "0").slice(0, 3)}-4${String(i).padStart(7, "0").slice(3, 6)}-8${String(i).padStart(7, "0").slice(6)}00-${String(i).padStart(12, "0")}`;
  };
  const started = performance.now();
  const add = (prefix, kind, n, status, hash, extra) => {
    for (let i = 0; i < n; i++) {
      const name = userName(prefix, i);
      const email = `${name}@example.com`;
      const attributes = status === "CONFIRMED" ? `{"email":"${email}","email_verified":"true"}` : `{"email":"${email}"}`;
      insertUser.run(poolId, name, name, sub(kind, i), status, hash, attributes, email, now, now);
      extra?.(name);
    }
  };
  db.transaction(() => {
    add("user", "a", counts.resend, "UNCONFIRMED", passwordHash);
    add("conf", "b", counts.confirm, "UNCONFIRMED", passwordHash,
      (name) => insertCode.run(poolId, name, codeHmac(key, poolId, name, "SIGN_UP", CONFIRM_CODE), now + 86_400_000, now));
    add("auth", "c", counts.auth, "CONFIRMED", passwordHash);
  }).immediate();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  // Flush the seeded file to disk now, so the kernel's write-back of it does not land inside a measurement.
  const fd = openSync(join(dataDir, "userpool.db"), "r+");
  try { fsyncSync(fd); } finally { closeSync(fd); }
  return { seconds: (performance.now() - started) / 1000 };
}
