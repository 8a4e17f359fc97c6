-- The hosted UI and the authorization-code flow (issue 14, part 1).
--
-- A hosted sign-in session: what the session cookie of the hosted pages names (by the SHA-256 of its random value),
-- so that a second /oauth2/authorize of the same pool skips the login form until /logout or expires_at. auth_time is
-- when the user signed in (the tokens' auth_time).
CREATE TABLE hosted_sessions (
  id_hash TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  auth_time BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX hosted_sessions_expires ON hosted_sessions(expires_at);

-- Authorization codes (/oauth2/authorize → /oauth2/token), by the SHA-256 of the code: bound to the client and the
-- redirect URI, single-use (taking one deletes it), valid 5 minutes. `scope` is the granted scopes, space-separated;
-- `code_challenge` the PKCE S256 challenge (NULL: none was given).
CREATE TABLE authorization_codes (
  code_hash TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  redirect_uri TEXT NOT NULL,
  username_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  nonce TEXT,
  code_challenge TEXT,
  auth_time BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX authorization_codes_expires ON authorization_codes(expires_at);

-- The scopes a sign-in was granted through the OAuth endpoints, so that its refreshed tokens keep them (NULL: a sign-in
-- through the API, whose access tokens carry aws.cognito.signin.user.admin).
ALTER TABLE token_origins ADD COLUMN scope TEXT;
