-- AttributesRequireVerificationBeforeUpdate (issue 12): a changed email or phone number is held here until the user
-- verifies it with the code sent to the new value; until then the old value stays in force. One row per user and
-- attribute; a later change replaces it. Codes themselves live in `codes` (purpose VERIFY_EMAIL / VERIFY_PHONE_NUMBER
-- or FORGOT_PASSWORD beside SIGN_UP).
CREATE TABLE pending_attributes (
  pool_id TEXT NOT NULL,
  username_key TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (pool_id, username_key, name)
);
