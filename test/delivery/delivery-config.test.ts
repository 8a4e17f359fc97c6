/** Retry delays and delivery configuration: pure functions, no server. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, configFromEnv, DEFAULTS, resolveConfig } from "../../src/config.js";
import { retryDelay } from "../../src/delivery/outbox-worker.js";
import { redactUrl } from "../../src/log.js";

test("retry delays double from the base, stop at the cap, and jitter by at most 10 %", () => {
  assert.equal(retryDelay(1, 1000, 60_000, 0.5), 1000);
  assert.equal(retryDelay(2, 1000, 60_000, 0.5), 2000);
  assert.equal(retryDelay(5, 1000, 60_000, 0.5), 16_000);
  assert.equal(retryDelay(30, 1000, 60_000, 0.5), 60_000);
  assert.equal(retryDelay(1, 1000, 60_000, 0), 900);
  assert.equal(retryDelay(1, 1000, 60_000, 1), 1100);
});

test("delivery configuration: defaults, environment, validation", () => {
  assert.equal(DEFAULTS.deliveryMaxAttempts, undefined, "no cap: a code message is tried until its code expires");
  assert.equal(DEFAULTS.outboxRetentionDays, 7);
  assert.equal(DEFAULTS.deliveryBaseDelayMs, 1000);
  assert.equal(DEFAULTS.emailFrom, "no-reply@verificationemail.com");
  assert.equal(DEFAULTS.triggerTimeoutMs, 5000);
  assert.equal(DEFAULTS.triggerAttempts, 3, "Cognito: three attempts");
  const env = configFromEnv({
    USERPOOL_SMTP_URL: "smtps://u:p@mail.test:465", USERPOOL_EMAIL_FROM: "a@b.test", USERPOOL_SMS_WEBHOOK_URL: "https://sms.test/hook",
    USERPOOL_SMS_WEBHOOK_SECRET: "k", USERPOOL_DELIVERY_MAX_ATTEMPTS: "7", USERPOOL_OUTBOX_RETENTION_DAYS: "0.5", USERPOOL_DELIVERY_BASE_DELAY_MS: "250", USERPOOL_TRIGGER_ATTEMPTS: "1",
    USERPOOL_TRIGGERS: "arn:aws:lambda:us-east-1:123456789012:function:a=http://127.0.0.1:9/a?x=1, arn:aws:lambda:us-east-1:123456789012:function:b=http://127.0.0.1:9/b",
  });
  const c = resolveConfig(env);
  assert.equal(c.smtpUrl, "smtps://u:p@mail.test:465");
  assert.equal(c.emailFrom, "a@b.test");
  assert.equal(c.deliveryMaxAttempts, 7);
  assert.equal(c.deliveryBaseDelayMs, 250);
  assert.equal(c.outboxRetentionDays, 0.5);
  assert.equal(c.triggerAttempts, 1);
  assert.deepEqual(c.triggers, {
    "arn:aws:lambda:us-east-1:123456789012:function:a": "http://127.0.0.1:9/a?x=1",
    "arn:aws:lambda:us-east-1:123456789012:function:b": "http://127.0.0.1:9/b",
  });
  assert.throws(() => resolveConfig({ smtpUrl: "http://mail.test" }), ConfigError);
  assert.throws(() => resolveConfig({ smsWebhookUrl: "ftp://x" }), ConfigError);
  assert.throws(() => resolveConfig({ deliveryMaxAttempts: 0 }), ConfigError);
  assert.throws(() => resolveConfig({ outboxRetentionDays: -1 }), ConfigError);
  assert.throws(() => resolveConfig({ outboxRetentionDays: Number.NaN }), ConfigError);
  assert.throws(() => resolveConfig({ triggerAttempts: 0 }), ConfigError);
  assert.throws(() => resolveConfig({ triggers: { "not-an-arn": "http://x" } }), /not a Lambda function ARN/);
  assert.throws(() => configFromEnv({ USERPOOL_TRIGGERS: "no-equals-sign" }), ConfigError);
  assert.equal(redactUrl("smtp://user:secret@mail.test:587"), "smtp://user:***@mail.test:587");
  assert.equal(redactUrl("postgres://app@db.test/userpool?password=hunter2&sslmode=require"), "postgres://app@db.test/userpool?password=***&sslmode=***");
});
