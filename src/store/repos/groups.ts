/** User pool groups and their members. */
import type { GroupRecord, GroupRepo } from "../types.js";
import { json, page, type Dialect, type Row, type SqlExecutor } from "./shared.js";
import { toUser } from "./users.js";

const toGroup = (r: Row): GroupRecord => ({
  poolId: r.pool_id, name: r.name, description: r.description === null ? null : JSON.parse(r.description), roleArn: r.role_arn,
  precedence: r.precedence === null ? null : Number(r.precedence),
  createdAt: Number(r.created_at), updatedAt: Number(r.updated_at),
});

export function groupRepo(db: SqlExecutor, dialect: Dialect): GroupRepo {
  // PostgreSQL (READ COMMITTED): adding a member first takes a key-share lock on the group and the user rows, so a
  // DeleteGroup or AdminDeleteUser running at the same time either waits for the new membership to commit (and then
  // removes it with its row) or has removed the row first (and the lock finds nothing: the group or user is gone).
  // Without it, the membership's foreign key would fail mid-request. SQLite runs one transaction at a time.
  const lock = dialect === "postgres" ? " FOR KEY SHARE" : "";
  return {
    async insertGroup(g) {
      const r = await db.run("INSERT INTO pool_groups (pool_id, name, description, role_arn, precedence, created_at, updated_at) " +
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [g.poolId, g.name, json(g.description), g.roleArn, g.precedence, g.createdAt, g.updatedAt]);
      return r.changes === 1;
    },
    async getGroup(poolId, name) {
      const r = await db.get("SELECT * FROM pool_groups WHERE pool_id = ? AND name = ?", [poolId, name]);
      return r && toGroup(r);
    },
    async updateGroup(g) {
      const r = await db.run("UPDATE pool_groups SET description = ?, role_arn = ?, precedence = ?, updated_at = ? WHERE pool_id = ? AND name = ?",
        [json(g.description), g.roleArn, g.precedence, g.updatedAt, g.poolId, g.name]);
      return r.changes === 1;
    },
    async deleteGroup(poolId, name) {
      await db.run("DELETE FROM group_members WHERE pool_id = ? AND group_name = ?", [poolId, name]);
      return (await db.run("DELETE FROM pool_groups WHERE pool_id = ? AND name = ?", [poolId, name])).changes === 1;
    },
    async listGroups(poolId, limit, after) {
      const rows = await db.all("SELECT * FROM pool_groups WHERE pool_id = ? AND name > ? ORDER BY name LIMIT ?", [poolId, after ?? "", limit + 1]);
      return page(rows, limit, toGroup, (r) => r.name);
    },
    async addUserToGroup(poolId, groupName, usernameKey, now) {
      if (!(await db.get(`SELECT 1 AS x FROM pool_groups WHERE pool_id = ? AND name = ?${lock}`, [poolId, groupName]))) return "no-group";
      if (!(await db.get(`SELECT 1 AS x FROM users WHERE pool_id = ? AND username_key = ?${lock}`, [poolId, usernameKey]))) return "no-user";
      await db.run("INSERT INTO group_members (pool_id, group_name, username_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [poolId, groupName, usernameKey, now]);
      return "member";
    },
    async removeUserFromGroup(poolId, groupName, usernameKey) {
      const r = await db.run("DELETE FROM group_members WHERE pool_id = ? AND group_name = ? AND username_key = ?", [poolId, groupName, usernameKey]);
      return r.changes === 1;
    },
    async listGroupsForUser(poolId, usernameKey, limit, after) {
      const rows = await db.all("SELECT g.* FROM group_members m JOIN pool_groups g ON g.pool_id = m.pool_id AND g.name = m.group_name " +
        "WHERE m.pool_id = ? AND m.username_key = ? AND m.group_name > ? ORDER BY m.group_name LIMIT ?", [poolId, usernameKey, after ?? "", limit + 1]);
      return page(rows, limit, toGroup, (r) => r.name);
    },
    async groupsOfUser(poolId, usernameKey) {
      const rows = await db.all("SELECT g.* FROM group_members m JOIN pool_groups g ON g.pool_id = m.pool_id AND g.name = m.group_name " +
        "WHERE m.pool_id = ? AND m.username_key = ? ORDER BY m.group_name", [poolId, usernameKey]);
      return rows.map(toGroup);
    },
    async listUsersInGroup(poolId, groupName, limit, after) {
      const rows = await db.all("SELECT u.* FROM group_members m JOIN users u ON u.pool_id = m.pool_id AND u.username_key = m.username_key " +
        "WHERE m.pool_id = ? AND m.group_name = ? AND m.username_key > ? ORDER BY m.username_key LIMIT ?", [poolId, groupName, after ?? "", limit + 1]);
      return page(rows, limit, toUser, (r) => r.username_key);
    },
  };
}
