-- USER_SRP_AUTH: the SRP salt and verifier are written with the scrypt hash whenever a password is set
-- (src/domain/srp.ts, src/domain/set-password.ts); NULL for a password set before this migration until the user's
-- next successful password sign-in. password_expires_at: when an admin-set temporary password stops working
-- (AdminCreateUser's TemporaryPasswordValidityDays); NULL for a permanent password.
ALTER TABLE users ADD COLUMN srp_salt TEXT;
ALTER TABLE users ADD COLUMN srp_verifier TEXT;
ALTER TABLE users ADD COLUMN password_expires_at BIGINT;

-- Challenge sessions (the opaque `Session` of a challenge answer), by the SHA-256 of the session string: bound to
-- the pool, client and user, single-use (taking one deletes it), valid until expires_at (the client's
-- AuthSessionValidity). `state` is the challenge's JSON (for PASSWORD_VERIFIER the server's SRP b and B).
CREATE TABLE auth_sessions (
  id_hash TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  challenge TEXT NOT NULL,
  state TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX auth_sessions_expires ON auth_sessions(expires_at);
