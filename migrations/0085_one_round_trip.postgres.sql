-- PostgreSQL only (issue 16): the request path of ResendConfirmationCode and ConfirmSignUp as one statement each.
-- Each function is called as a single `SELECT` (autocommit, so it is its own transaction: one round trip instead of
-- BEGIN, four or five statements and COMMIT). Every statement inside runs with a fresh snapshot (READ COMMITTED), so
-- a function that waited for a row lock sees what the other transaction committed. Callers: src/store/repos/issue.ts;
-- SQLite runs the same steps as separate statements in one transaction (docs/postgres.md).

-- Issues a code: the user must still be as the caller read it (status, enabled, attributes: the user row is locked
-- for the rest of the transaction, which also serialises two resends for one user), the per-user limit is counted,
-- the code's HMAC replaces the user's code of that purpose, the undelivered messages of the same supersede key step
-- aside and the message is written: into the outbox, or, for a simulated user (PreventUserExistenceErrors), into its
-- slot of the decoy table. Answers 'issued', 'limited' (nothing but the count written) or 'changed' (nothing written:
-- the caller decides again in a transaction).
CREATE OR REPLACE FUNCTION userpool_issue_code(
  p_pool TEXT, p_user TEXT, p_guard BOOLEAN, p_status TEXT, p_attributes TEXT,
  p_kind TEXT, p_limit BIGINT, p_now BIGINT, p_window BIGINT,
  p_purpose TEXT, p_code_hmac TEXT, p_attribute TEXT, p_expires_at BIGINT,
  p_message TEXT, p_decoy_slot INTEGER, p_erase BOOLEAN
) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  n BIGINT;
  m outbox%ROWTYPE;
BEGIN
  IF p_guard THEN
    PERFORM 1 FROM users WHERE pool_id = p_pool AND username_key = p_user AND status = p_status AND enabled = 1
      AND attributes = p_attributes FOR UPDATE;
    IF NOT FOUND THEN RETURN 'changed'; END IF;
  ELSE
    -- A simulated user: the same probe (a key no user can have, so no row and no lock).
    PERFORM 1 FROM users WHERE pool_id = p_pool AND username_key = p_user FOR UPDATE;
  END IF;
  IF p_limit > 0 THEN
    INSERT INTO counters (pool_id, subject, kind, window_start, count) VALUES (p_pool, p_user, p_kind, p_now, 1)
      ON CONFLICT (pool_id, subject, kind) DO UPDATE SET
        count = CASE WHEN counters.window_start <= p_now - p_window THEN 1 ELSE counters.count + 1 END,
        window_start = CASE WHEN counters.window_start <= p_now - p_window THEN p_now ELSE counters.window_start END
      RETURNING count INTO n;
    IF n > p_limit THEN RETURN 'limited'; END IF;
  END IF;
  INSERT INTO codes (pool_id, username_key, purpose, code_hmac, attribute, expires_at, created_at)
    VALUES (p_pool, p_user, p_purpose, p_code_hmac, p_attribute, p_expires_at, p_now)
    ON CONFLICT (pool_id, username_key, purpose) DO UPDATE SET code_hmac = excluded.code_hmac, attribute = excluded.attribute,
      expires_at = excluded.expires_at, created_at = excluded.created_at;
  m := json_populate_record(NULL::outbox, p_message::json);
  IF p_decoy_slot IS NULL THEN
    IF m.supersede_key IS NOT NULL THEN
      UPDATE outbox SET status = 'superseded', lease_until = NULL, updated_at = p_now,
        code = CASE WHEN p_erase THEN NULL ELSE code END, body = CASE WHEN p_erase THEN '' ELSE body END,
        html = CASE WHEN p_erase THEN NULL ELSE html END
        WHERE supersede_key = m.supersede_key AND status IN ('queued', 'processing');
    END IF;
    INSERT INTO outbox SELECT m.*;
  ELSE
    IF m.supersede_key IS NOT NULL THEN
      UPDATE outbox_decoy SET status = 'superseded', lease_until = NULL, updated_at = p_now,
        code = CASE WHEN p_erase THEN NULL ELSE code END, body = CASE WHEN p_erase THEN '' ELSE body END,
        html = CASE WHEN p_erase THEN NULL ELSE html END
        WHERE supersede_key = m.supersede_key AND status IN ('queued', 'processing');
    END IF;
    INSERT INTO outbox_decoy (slot, id, pool_id, username, channel, destination, subject, body, html, code, purpose, meta, status,
        attempts, next_attempt_at, lease_until, last_error, created_at, updated_at, expires_at, supersede_key)
      VALUES (p_decoy_slot, m.id, m.pool_id, m.username, m.channel, m.destination, m.subject, m.body, m.html, m.code, m.purpose,
        m.meta, m.status, m.attempts, m.next_attempt_at, m.lease_until, m.last_error, m.created_at, m.updated_at, m.expires_at,
        m.supersede_key)
      ON CONFLICT (slot) DO UPDATE SET id = excluded.id, pool_id = excluded.pool_id, username = excluded.username,
        channel = excluded.channel, destination = excluded.destination, subject = excluded.subject, body = excluded.body,
        html = excluded.html, code = excluded.code, purpose = excluded.purpose, meta = excluded.meta, status = excluded.status,
        attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at, lease_until = excluded.lease_until,
        last_error = excluded.last_error, created_at = excluded.created_at, updated_at = excluded.updated_at,
        expires_at = excluded.expires_at, supersede_key = excluded.supersede_key;
  END IF;
  RETURN 'issued';
END $$;

-- Checks a code: counts the attempt (always, before anything else, so a wrong guess counts), then, when the caller
-- found the code right (compared in constant time in the server) and `p_code_hmac` is set, consumes that code and
-- moves the user from `p_from` (with the attributes the caller read; the row is locked) to `p_to` with
-- `p_new_attributes`. Answers 'limited', 'counted' (nothing to consume), 'confirmed', or 'changed' (the user or code
-- changed since the caller read them: only the count was written, the caller decides again in a transaction).
CREATE OR REPLACE FUNCTION userpool_confirm_code(
  p_pool TEXT, p_user TEXT, p_purpose TEXT, p_kind TEXT, p_limit BIGINT, p_now BIGINT, p_window BIGINT,
  p_code_hmac TEXT, p_from TEXT, p_attributes TEXT, p_to TEXT, p_new_attributes TEXT
) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
  n BIGINT;
BEGIN
  IF p_limit > 0 THEN
    INSERT INTO counters (pool_id, subject, kind, window_start, count) VALUES (p_pool, p_user, p_kind, p_now, 1)
      ON CONFLICT (pool_id, subject, kind) DO UPDATE SET
        count = CASE WHEN counters.window_start <= p_now - p_window THEN 1 ELSE counters.count + 1 END,
        window_start = CASE WHEN counters.window_start <= p_now - p_window THEN p_now ELSE counters.window_start END
      RETURNING count INTO n;
    IF n > p_limit THEN RETURN 'limited'; END IF;
  END IF;
  IF p_code_hmac IS NULL THEN RETURN 'counted'; END IF;
  PERFORM 1 FROM users WHERE pool_id = p_pool AND username_key = p_user AND status = p_from AND attributes = p_attributes FOR UPDATE;
  IF NOT FOUND THEN RETURN 'changed'; END IF;
  DELETE FROM codes WHERE pool_id = p_pool AND username_key = p_user AND purpose = p_purpose AND code_hmac = p_code_hmac;
  IF NOT FOUND THEN RETURN 'changed'; END IF;
  UPDATE users SET status = p_to, attributes = p_new_attributes, updated_at = p_now WHERE pool_id = p_pool AND username_key = p_user;
  RETURN 'confirmed';
END $$;
