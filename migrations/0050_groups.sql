-- User pool groups (CreateGroup …) and their members (AdminAddUserToGroup …). A group is named uniquely in its pool
-- (exactly: names are compared as given). Members point at their user and group: deleting either (or the pool)
-- removes the membership. The repositories also delete memberships explicitly, so that the rule holds whatever a
-- database does with the constraints; on PostgreSQL the foreign keys lock the user and group rows a membership is
-- added for, so a concurrent AdminDeleteUser or DeleteGroup cannot leave a membership behind.
CREATE TABLE pool_groups (
  pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  -- JSON-encoded (a JSON string): a description may hold any text, NUL included, which PostgreSQL's TEXT refuses.
  description TEXT,
  role_arn TEXT,
  precedence BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, name)
);

CREATE TABLE group_members (
  pool_id TEXT NOT NULL,
  group_name TEXT NOT NULL,
  username_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, group_name, username_key),
  FOREIGN KEY (pool_id, group_name) REFERENCES pool_groups(pool_id, name) ON DELETE CASCADE,
  FOREIGN KEY (pool_id, username_key) REFERENCES users(pool_id, username_key) ON DELETE CASCADE
);
-- AdminListGroupsForUser and the tokens' cognito:groups: a user's groups.
CREATE INDEX group_members_user ON group_members(pool_id, username_key, group_name);
