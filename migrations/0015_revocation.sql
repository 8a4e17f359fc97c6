-- Sign-out and revocation (issue 11). Every sign-in starts an ORIGIN: the `origin_jti` claim that its access and ID
-- tokens carry, and that every token refreshed from its refresh token carries too. Revoking the origin (RevokeToken,
-- GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser, DeleteUser) refuses its refresh tokens and every access
-- token issued from them, on every instance, because the check reads this table. `auth_time` and `event_id` are the
-- sign-in's, kept for the tokens refreshed from it.
CREATE TABLE token_origins (
  origin_jti TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  event_id TEXT NOT NULL,
  auth_time BIGINT NOT NULL,
  revoked_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX token_origins_user ON token_origins(pool_id, username_key);

-- A refresh token belongs to an origin; with refresh-token rotation it is `replaced_at` once rotated out (it then
-- works only for the client's RetryGracePeriodSeconds). Rows from before this migration have no origin.
ALTER TABLE refresh_tokens ADD COLUMN origin_jti TEXT;
ALTER TABLE refresh_tokens ADD COLUMN replaced_at BIGINT;

-- The temporary lockout after repeated wrong passwords (src/domain/lockout.ts), per user, shared by every instance.
CREATE TABLE sign_in_failures (
  pool_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_at BIGINT NOT NULL,
  locked_until BIGINT,
  PRIMARY KEY (pool_id, username_key)
);
