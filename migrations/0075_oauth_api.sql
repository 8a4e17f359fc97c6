-- Domains (CreateUserPoolDomain) and resource servers (CreateResourceServer).
-- A domain is unique across the server, as a Cognito domain is unique in its region: a prefix (`auth`) or a
-- custom domain's full name (`auth.example.com`), lower-cased. A pool has at most one of each kind (`custom` 0 or 1).
CREATE TABLE user_pool_domains (
  domain TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  custom INTEGER NOT NULL,
  -- CustomDomainConfig (JSON) of a custom domain; null for a prefix.
  config TEXT,
  managed_login_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (pool_id, custom)
);

-- A pool's resource servers by identifier (compared exactly); scopes are a JSON list of {ScopeName, ScopeDescription}.
CREATE TABLE resource_servers (
  pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  identifier TEXT NOT NULL,
  name TEXT NOT NULL,
  scopes TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, identifier)
);
