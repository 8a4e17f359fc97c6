/** Resource servers and their custom scopes, by identifier within a pool. */
import type { ResourceServerRecord, ResourceServerRepo } from "../types.js";
import { json, page, type Row, type SqlExecutor } from "./shared.js";

const toResourceServer = (r: Row): ResourceServerRecord => ({
  poolId: r.pool_id, identifier: r.identifier, name: r.name, scopes: JSON.parse(r.scopes),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

export function resourceServerRepo(db: SqlExecutor): ResourceServerRepo {
  return {
    async insertResourceServer(s) {
      const r = await db.run("INSERT INTO resource_servers (pool_id, identifier, name, scopes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) " +
        "ON CONFLICT DO NOTHING", [s.poolId, s.identifier, s.name, json(s.scopes), s.createdAt, s.updatedAt]);
      return r.changes === 1;
    },
    async getResourceServer(poolId, identifier) {
      const r = await db.get("SELECT * FROM resource_servers WHERE pool_id = ? AND identifier = ?", [poolId, identifier]);
      return r && toResourceServer(r);
    },
    async listResourceServers(poolId, limit, after) {
      const rows = await db.all("SELECT * FROM resource_servers WHERE pool_id = ? AND identifier > ? ORDER BY identifier LIMIT ?",
        [poolId, after ?? "", limit + 1]);
      return page(rows, limit, toResourceServer, (r) => r.identifier);
    },
    async countResourceServers(poolId) {
      const r = await db.get("SELECT COUNT(*) AS n FROM resource_servers WHERE pool_id = ?", [poolId]);
      return Number(r?.n ?? 0);
    },
    async updateResourceServer(s) {
      const r = await db.run("UPDATE resource_servers SET name = ?, scopes = ?, updated_at = ? WHERE pool_id = ? AND identifier = ?",
        [s.name, json(s.scopes), s.updatedAt, s.poolId, s.identifier]);
      return r.changes === 1;
    },
    async deleteResourceServer(poolId, identifier) {
      return (await db.run("DELETE FROM resource_servers WHERE pool_id = ? AND identifier = ?", [poolId, identifier])).changes === 1;
    },
  };
}
