/** User pools. */
import type { PoolRecord, PoolRepo } from "../types.js";
import { json, page, type Row, type SqlExecutor } from "./shared.js";

const toPool = (r: Row): PoolRecord => ({
  id: r.id, name: r.name, doc: JSON.parse(r.doc), signingKey: JSON.parse(r.signing_key),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

export function poolRepo(db: SqlExecutor): PoolRepo {
  return {
    async insertPool(p) {
      await db.run("INSERT INTO pools (id, name, doc, signing_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        [p.id, p.name, json(p.doc), json(p.signingKey), p.createdAt, p.updatedAt]);
    },
    async getPool(id) {
      const r = await db.get("SELECT * FROM pools WHERE id = ?", [id]);
      return r && toPool(r);
    },
    async listPools(limit, after) {
      const rows = await db.all("SELECT * FROM pools WHERE id > ? ORDER BY id LIMIT ?", [after ?? "", limit + 1]);
      return page(rows, limit, toPool, (r) => r.id);
    },
    async updatePool(p) {
      await db.run("UPDATE pools SET name = ?, doc = ?, updated_at = ? WHERE id = ?", [p.name, json(p.doc), p.updatedAt, p.id]);
    },
    async deletePool(id) {
      for (const table of ["codes", "pending_attributes", "counters", "refresh_tokens", "token_origins", "sign_in_failures", "hosted_sessions", "authorization_codes", "users", "clients"]) {
        await db.run(`DELETE FROM ${table} WHERE pool_id = ?`, [id]);
      }
      await db.run("DELETE FROM group_members WHERE pool_id = ?", [id]);
      await db.run("DELETE FROM pool_groups WHERE pool_id = ?", [id]);
      await db.run("DELETE FROM user_pool_domains WHERE pool_id = ?", [id]);
      await db.run("DELETE FROM resource_servers WHERE pool_id = ?", [id]);
      return (await db.run("DELETE FROM pools WHERE id = ?", [id])).changes === 1;
    },
  };
}
