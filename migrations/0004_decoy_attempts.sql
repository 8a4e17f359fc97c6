-- PreventUserExistenceErrors=ENABLED, continued: after a real resend is answered, the outbox worker delivers its
-- message and records the attempt (a delivery_attempts row, the outbox row moved to `sent`); that work lands while
-- the next request is being served. A simulated resend's decoy row gets the same treatment from the worker, without
-- any channel: its attempt is written here and its outbox_decoy row moved on. Columns and indexes mirror
-- delivery_attempts, so the write costs the same; `slot` (the decoy's slot, 0-255) keeps it bounded: each write
-- replaces the row in its slot. Nothing reads this table. See docs/security.md.
CREATE TABLE delivery_attempts_decoy (
  slot INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  outcome TEXT NOT NULL,
  error TEXT
);
CREATE INDEX delivery_attempts_decoy_message ON delivery_attempts_decoy(message_id);
-- delivery_attempts is keyed by `id` (an index of its own beside the table): so is the decoy, through this index.
CREATE INDEX delivery_attempts_decoy_id ON delivery_attempts_decoy(id);
