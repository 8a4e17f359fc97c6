/** User pool domains: prefix and custom domains, unique on the server, at most one of each kind per pool. */
import type { DomainRecord, DomainRepo } from "../types.js";
import { json, type Row, type SqlExecutor } from "./shared.js";

const toDomain = (r: Row): DomainRecord => ({
  domain: r.domain, poolId: r.pool_id, custom: Number(r.custom) === 1, config: r.config === null ? null : JSON.parse(r.config),
  managedLoginVersion: Number(r.managed_login_version), createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

export function domainRepo(db: SqlExecutor): DomainRepo {
  return {
    async insertDomain(d) {
      // Both unique keys (the domain; the pool and kind) refuse a second row; the reads tell which one did.
      const r = await db.run("INSERT INTO user_pool_domains (domain, pool_id, custom, config, managed_login_version, created_at, updated_at) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [d.domain, d.poolId, d.custom ? 1 : 0, json(d.config), d.managedLoginVersion, d.createdAt, d.updatedAt]);
      if (r.changes === 1) return "inserted";
      if (await db.get("SELECT 1 AS x FROM user_pool_domains WHERE domain = ?", [d.domain])) return "taken";
      return "pool-has-one";
    },
    async getDomain(domain) {
      const r = await db.get("SELECT * FROM user_pool_domains WHERE domain = ?", [domain]);
      return r && toDomain(r);
    },
    async domainsOfPool(poolId) {
      return (await db.all("SELECT * FROM user_pool_domains WHERE pool_id = ? ORDER BY custom", [poolId])).map(toDomain);
    },
    async updateDomain(d) {
      const r = await db.run("UPDATE user_pool_domains SET config = ?, managed_login_version = ?, updated_at = ? WHERE domain = ? AND pool_id = ?",
        [json(d.config), d.managedLoginVersion, d.updatedAt, d.domain, d.poolId]);
      return r.changes === 1;
    },
    async deleteDomain(poolId, domain) {
      return (await db.run("DELETE FROM user_pool_domains WHERE pool_id = ? AND domain = ?", [poolId, domain])).changes === 1;
    },
  };
}
