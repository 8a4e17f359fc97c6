// Bulk users for `npm run bench`, written through userpool's own SQLite store (its repositories, in large
// transactions) while the server is stopped, not through SignUp: N resend users (UNCONFIRMED, with an email), confirm
// users (UNCONFIRMED with a known code) and auth users (CONFIRMED, with a known password and its SRP verifier).
import Database from "better-sqlite3";
import { closeSync, fsyncSync, openSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const PASSWORD = "Passw0rd!";
export const CONFIRM_CODE = "123456";
export const userName = (prefix, i) => `${prefix}${String(i).padStart(7, "0")}`;

/** The sub of seeded user `i` of a kind: distinct, UUID-shaped, deterministic, and scattered in the index like v4 UUIDs. */
export const seededSub = (kind, i) => {
  const h = (Math.imul(i + 1, 2654435761) >>> 0).toString(16).padStart(8, "0");
  const d = String(i).padStart(7, "0");
  return `${h}-${kind}${d.slice(0, 3)}-4${d.slice(3, 6)}-8${d.slice(6)}00-${String(i).padStart(12, "0")}`;
};

/**
 * @param {object} o
 * @param {string} o.dataDir userpool's data dir (holds userpool.db and secret.key)
 * @param {string} o.poolId
 * @param {{resend: number, confirm: number, auth: number}} o.counts
 * @param {(key: Buffer, poolId: string, usernameKey: string, purpose: string, code: string) => string} o.codeHmac userpool's own
 * @param {string} o.passwordHash one scrypt hash of PASSWORD, shared by every auth user
 * @param {(o: {file: string}) => import("../../src/store/types.ts").Store} o.openSqliteStore userpool's own store (dist/)
 * @param {(username: string) => {salt: string, verifier: string}} [o.verifierFor] the SRP verifier of PASSWORD for an
 * auth user (userpool's makeVerifier), written beside the hash as setPassword does; without it auth users have none
 */
export async function seedUsers({ dataDir, poolId, counts, codeHmac, passwordHash, openSqliteStore, verifierFor }) {
  const key = Buffer.from(readFileSync(join(dataDir, "secret.key"), "utf8").trim(), "hex");
  const file = join(dataDir, "userpool.db");
  const store = openSqliteStore({ file });
  const now = Date.now();
  const started = performance.now();
  const BATCH = 50_000; // users per transaction
  const add = async (prefix, kind, n, status, withCode) => {
    for (let from = 0; from < n; from += BATCH) {
      await store.tx(async (t) => {
        for (let i = from; i < Math.min(n, from + BATCH); i++) {
          const name = userName(prefix, i);
          const email = `${name}@example.com`;
          await t.insertUser({
            poolId, usernameKey: name, username: name, sub: seededSub(kind, i), status, enabled: true, passwordHash,
            attributes: status === "CONFIRMED" ? { email, email_verified: "true" } : { email }, emailKey: email, phone: null,
            createdAt: now, updatedAt: now,
          });
          if (status === "CONFIRMED" && verifierFor) {
            const { salt, verifier } = verifierFor(name);
            await t.setPasswordVerifier(poolId, name, passwordHash, salt, verifier);
          }
          if (withCode) {
            await t.putCode({
              poolId, usernameKey: name, purpose: "SIGN_UP", codeHmac: codeHmac(key, poolId, name, "SIGN_UP", CONFIRM_CODE),
              attribute: "email", expiresAt: now + 86_400_000, createdAt: now,
            });
          }
        }
      });
    }
  };
  await add("user", "a", counts.resend, "UNCONFIRMED", false);
  await add("conf", "b", counts.confirm, "UNCONFIRMED", true);
  await add("auth", "c", counts.auth, "CONFIRMED", false);
  await store.close();
  // Everything into the database file, and the file to disk now, so that neither a checkpoint nor the kernel's
  // write-back of it lands inside a measurement.
  const db = new Database(file);
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const fd = openSync(file, "r+");
  try { fsyncSync(fd); } finally { closeSync(fd); }
  return { seconds: (performance.now() - started) / 1000 };
}
