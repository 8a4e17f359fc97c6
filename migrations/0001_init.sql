-- Core schema. Timestamps are epoch milliseconds; JSON documents are TEXT.
CREATE TABLE pools (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  doc TEXT NOT NULL,
  signing_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  secret TEXT,
  doc TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX clients_pool ON clients(pool_id, id);

CREATE TABLE users (
  pool_id TEXT NOT NULL REFERENCES pools(id) ON DELETE CASCADE,
  username_key TEXT NOT NULL,
  username TEXT NOT NULL,
  sub TEXT NOT NULL,
  status TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  password_hash TEXT,
  attributes TEXT NOT NULL,
  email_key TEXT,
  phone TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, username_key)
);
CREATE UNIQUE INDEX users_sub ON users(pool_id, sub);
CREATE INDEX users_email ON users(pool_id, email_key);
CREATE INDEX users_phone ON users(pool_id, phone);

-- One live code per user and purpose: a new code replaces (supersedes) the old row.
CREATE TABLE codes (
  pool_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  purpose TEXT NOT NULL,
  code_hmac TEXT NOT NULL,
  attribute TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, username_key, purpose)
);

-- Fixed-window counters for per-user limits (resend, confirm attempts).
CREATE TABLE counters (
  pool_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  kind TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (pool_id, subject, kind)
);

CREATE TABLE refresh_tokens (
  token_hash TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  client_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

-- The transactional outbox: written in the same transaction as the state change that causes it.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  pool_id TEXT NOT NULL,
  username TEXT NOT NULL,
  channel TEXT NOT NULL,
  destination TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  html TEXT,
  code TEXT,
  purpose TEXT NOT NULL,
  meta TEXT,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_created ON outbox(created_at);

CREATE TABLE delivery_attempts (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  outcome TEXT NOT NULL,
  error TEXT
);
CREATE INDEX delivery_attempts_message ON delivery_attempts(message_id);
