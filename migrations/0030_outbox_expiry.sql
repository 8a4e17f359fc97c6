-- Delivery that outlives an outage (issue 17, docs/delivery.md).
-- expires_at: when the message stops being worth sending (the expiry of the code it carries, or of the temporary
-- password of an invitation); NULL = nothing expires, a plain attempt limit applies.
-- supersede_key: pool + user + purpose group; a newer message with the same key marks the older undelivered ones
-- `superseded` in the transaction that writes it.
ALTER TABLE outbox ADD COLUMN expires_at BIGINT;
ALTER TABLE outbox ADD COLUMN supersede_key TEXT;
-- The backlog (queued and processing messages) only, like outbox_queued / outbox_processing: a message enters it when
-- written and leaves it when delivered. The supersede update finds a user's undelivered messages by its first column;
-- the /metrics gauge counts the backlog by status and medium, and finds the oldest message, from this index alone.
CREATE INDEX outbox_backlog ON outbox(supersede_key, status, channel, created_at) WHERE status IN ('queued', 'processing');

-- The decoy table (PreventUserExistenceErrors) mirrors the outbox, so that a simulated resend's writes (its supersede
-- update included) cost what a real one's do.
ALTER TABLE outbox_decoy ADD COLUMN expires_at BIGINT;
ALTER TABLE outbox_decoy ADD COLUMN supersede_key TEXT;
CREATE INDEX outbox_decoy_backlog ON outbox_decoy(supersede_key, status, channel, created_at) WHERE status IN ('queued', 'processing');
