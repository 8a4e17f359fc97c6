-- PreventUserExistenceErrors=ENABLED: the answer for a user that does not exist must cost what a real delivery
-- costs. A real resend writes a code row and an outbox row; a simulated one writes its code row (under a key no real
-- user can have) and this table's row instead of an outbox row, so nothing is ever delivered. The columns and
-- indexes mirror the outbox, so the write costs the same; `slot` (a hash of the name, 0-255) keeps it bounded:
-- each write replaces the row in its slot. Nothing reads this table. See docs/security.md.
CREATE TABLE outbox_decoy (
  slot INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
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
CREATE INDEX outbox_decoy_due ON outbox_decoy(status, next_attempt_at);
CREATE INDEX outbox_decoy_created ON outbox_decoy(created_at);
