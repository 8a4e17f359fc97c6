/** App clients. */
import type { ClientRecord, ClientRepo } from "../types.js";
import { json, page, type Row, type SqlExecutor } from "./shared.js";

const toClient = (r: Row): ClientRecord => ({
  id: r.id, poolId: r.pool_id, name: r.name, secret: r.secret, doc: JSON.parse(r.doc),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

export function clientRepo(db: SqlExecutor): ClientRepo {
  return {
    async insertClient(c) {
      await db.run("INSERT INTO clients (id, pool_id, name, secret, doc, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [c.id, c.poolId, c.name, c.secret, json(c.doc), c.createdAt, c.updatedAt]);
    },
    async getClient(id) {
      const r = await db.get("SELECT * FROM clients WHERE id = ?", [id]);
      return r && toClient(r);
    },
    async listClients(poolId, limit, after) {
      const rows = await db.all("SELECT * FROM clients WHERE pool_id = ? AND id > ? ORDER BY id LIMIT ?", [poolId, after ?? "", limit + 1]);
      return page(rows, limit, toClient, (r) => r.id);
    },
    async updateClient(c) {
      await db.run("UPDATE clients SET name = ?, doc = ?, updated_at = ? WHERE id = ?", [c.name, json(c.doc), c.updatedAt, c.id]);
    },
    async setClientSecret(id, secret, now) {
      return (await db.run("UPDATE clients SET secret = ?, updated_at = ? WHERE id = ?", [secret, now, id])).changes === 1;
    },
    async deleteClient(id) {
      return (await db.run("DELETE FROM clients WHERE id = ?", [id])).changes === 1;
    },
  };
}
