-- The outbox's due index, split by the two states a claim looks for, each holding only the messages in that state.
-- outbox_due indexed every message by (status, next_attempt_at): every status change moved its entry (two index
-- writes) and delivered messages, the vast majority, stayed in it; a claim's expired-lease branch read the table row
-- of every in-flight message to check its lease. Now a queued message is in outbox_queued (by due time), a claimed
-- one in outbox_processing (by lease expiry), and a sent or abandoned one in neither: a delivery is one index insert
-- (queued or claimed) and one delete, and a claim reads only what it takes. Partial indexes run on SQLite (>= 3.8)
-- and PostgreSQL alike.
DROP INDEX outbox_due;
CREATE INDEX outbox_queued ON outbox(next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_processing ON outbox(lease_until) WHERE status = 'processing';

-- The decoy table (PreventUserExistenceErrors, migration 0003) mirrors the outbox's indexes so that a decoy write
-- costs what a real one does: the same change, and an index on `id` like the outbox's primary key.
DROP INDEX outbox_decoy_due;
CREATE INDEX outbox_decoy_queued ON outbox_decoy(next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_decoy_processing ON outbox_decoy(lease_until) WHERE status = 'processing';
CREATE INDEX outbox_decoy_id ON outbox_decoy(id);
