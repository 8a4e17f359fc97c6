/** Message composition, retry delays and delivery configuration: pure functions, no server. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ConfigError, configFromEnv, DEFAULTS, resolveConfig } from "../../src/config.js";
import { customMessageEvent } from "../../src/delivery/custom-message.js";
import { retryDelay } from "../../src/delivery/outbox-worker.js";
import { composeVerification, htmlToText } from "../../src/delivery/templates.js";
import { redactUrl } from "../../src/log.js";
import { buildPoolDoc } from "../../src/domain/pool.js";

const pool = (input: Record<string, unknown> = {}) => buildPoolDoc({ PoolName: "p", ...input }, "us-east-1_abc", "arn");

describe("composeVerification", () => {
  test("Cognito's defaults: subject, email and SMS text", () => {
    const email = composeVerification({ pool: pool(), medium: "EMAIL", code: "012345", username: "u" });
    assert.equal(email.subject, "Your verification code");
    assert.equal(email.body, "Your verification code is 012345. ");
    assert.match(email.html!, /<p>Your verification code is 012345\. <\/p>/);
    const sms = composeVerification({ pool: pool(), medium: "SMS", code: "012345", username: "u" });
    assert.deepEqual(sms, { subject: null, body: "Your verification code is 012345. ", html: null });
  });

  test("legacy fields count when VerificationMessageTemplate is absent", () => {
    const p = pool({ EmailVerificationMessage: "Legacy {####}", EmailVerificationSubject: "Legacy subject", SmsVerificationMessage: "SMS {####}" });
    assert.deepEqual(composeVerification({ pool: p, medium: "EMAIL", code: "111111", username: "u" }).body, "Legacy 111111");
    assert.deepEqual(composeVerification({ pool: p, medium: "EMAIL", code: "111111", username: "u" }).subject, "Legacy subject");
    assert.deepEqual(composeVerification({ pool: p, medium: "SMS", code: "111111", username: "u" }).body, "SMS 111111");
  });

  test("a username that looks like a placeholder is not expanded, and is escaped in HTML", () => {
    const p = pool({ VerificationMessageTemplate: { EmailMessage: "Hi {username}, code {####}" } });
    const m = composeVerification({ pool: p, medium: "EMAIL", code: "222222", username: "<b>{####}</b>" });
    assert.equal(m.body, "Hi <b>{####}</b>, code 222222");
    assert.match(m.html!, /Hi &lt;b&gt;\{####\}&lt;\/b&gt;, code 222222/);
  });

  test("an HTML template is sent as HTML, with a plain-text rendering", () => {
    const p = pool({ VerificationMessageTemplate: { EmailMessage: "<p>Your code: <b>{####}</b></p><p>Thanks &amp; bye</p>" } });
    const m = composeVerification({ pool: p, medium: "EMAIL", code: "333333", username: "u" });
    assert.equal(m.body, "Your code: 333333\nThanks & bye");
    assert.match(m.html!, /<b>333333<\/b>/);
    assert.equal(htmlToText('<a href="https://x.test/?a=1&amp;b=2">go</a>'), "go <https://x.test/?a=1&b=2>");
  });

  test("CONFIRM_WITH_LINK: the default link message, and the code template without a client id", () => {
    const p = pool({ VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_LINK" } });
    const m = composeVerification({ pool: p, medium: "EMAIL", code: "444444", username: "a b", link: { publicUrl: "https://id.example.com/", clientId: "c1" } });
    const url = "https://id.example.com/confirmUser?client_id=c1&user_name=a+b&confirmation_code=444444";
    assert.equal(m.subject, "Your verification link");
    assert.equal(m.body, `Please click the link below to verify your email address. Verify Email <${url}> `);
    assert.match(m.html!, new RegExp(`<a href="${url.replace(/[?+.]/g, "\\$&").replace(/&/g, "&amp;")}">Verify Email</a>`));
    const noLink = composeVerification({ pool: p, medium: "EMAIL", code: "444444", username: "u" });
    assert.equal(noLink.body, "Your verification code is 444444. ");
    const sms = composeVerification({ pool: p, medium: "SMS", code: "444444", username: "u", link: { publicUrl: "https://x", clientId: "c" } });
    assert.equal(sms.body, "Your verification code is 444444. ");
  });

  test("CustomMessage texts replace the templates and get the same substitutions", () => {
    const m = composeVerification({
      pool: pool(), medium: "EMAIL", code: "555555", username: "zoe", custom: { emailMessage: "{username}: {####}", emailSubject: "S" },
    });
    assert.equal(m.body, "zoe: 555555");
    assert.equal(m.subject, "S");
  });
});

test("retry delays double from the base, stop at the cap, and jitter by at most 10 %", () => {
  assert.equal(retryDelay(1, 1000, 60_000, 0.5), 1000);
  assert.equal(retryDelay(2, 1000, 60_000, 0.5), 2000);
  assert.equal(retryDelay(5, 1000, 60_000, 0.5), 16_000);
  assert.equal(retryDelay(30, 1000, 60_000, 0.5), 60_000);
  assert.equal(retryDelay(1, 1000, 60_000, 0), 900);
  assert.equal(retryDelay(1, 1000, 60_000, 1), 1100);
});

test("delivery configuration: defaults, environment, validation", () => {
  assert.equal(DEFAULTS.deliveryMaxAttempts, 5);
  assert.equal(DEFAULTS.deliveryBaseDelayMs, 1000);
  assert.equal(DEFAULTS.emailFrom, "no-reply@verificationemail.com");
  assert.equal(DEFAULTS.triggerTimeoutMs, 5000);
  assert.equal(DEFAULTS.triggerAttempts, 3, "Cognito: three attempts");
  const env = configFromEnv({
    USERPOOL_SMTP_URL: "smtps://u:p@mail.test:465", USERPOOL_EMAIL_FROM: "a@b.test", USERPOOL_SMS_WEBHOOK_URL: "https://sms.test/hook",
    USERPOOL_SMS_WEBHOOK_SECRET: "k", USERPOOL_DELIVERY_MAX_ATTEMPTS: "7", USERPOOL_DELIVERY_BASE_DELAY_MS: "250", USERPOOL_TRIGGER_ATTEMPTS: "1",
    USERPOOL_TRIGGERS: "arn:aws:lambda:us-east-1:123456789012:function:a=http://127.0.0.1:9/a?x=1, arn:aws:lambda:us-east-1:123456789012:function:b=http://127.0.0.1:9/b",
  });
  const c = resolveConfig(env);
  assert.equal(c.smtpUrl, "smtps://u:p@mail.test:465");
  assert.equal(c.emailFrom, "a@b.test");
  assert.equal(c.deliveryMaxAttempts, 7);
  assert.equal(c.deliveryBaseDelayMs, 250);
  assert.equal(c.triggerAttempts, 1);
  assert.deepEqual(c.triggers, {
    "arn:aws:lambda:us-east-1:123456789012:function:a": "http://127.0.0.1:9/a?x=1",
    "arn:aws:lambda:us-east-1:123456789012:function:b": "http://127.0.0.1:9/b",
  });
  assert.throws(() => resolveConfig({ smtpUrl: "http://mail.test" }), ConfigError);
  assert.throws(() => resolveConfig({ smsWebhookUrl: "ftp://x" }), ConfigError);
  assert.throws(() => resolveConfig({ deliveryMaxAttempts: 0 }), ConfigError);
  assert.throws(() => resolveConfig({ triggerAttempts: 0 }), ConfigError);
  assert.throws(() => resolveConfig({ triggers: { "not-an-arn": "http://x" } }), /not a Lambda function ARN/);
  assert.throws(() => configFromEnv({ USERPOOL_TRIGGERS: "no-equals-sign" }), ConfigError);
  assert.equal(redactUrl("smtp://user:secret@mail.test:587"), "smtp://user:***@mail.test:587");
  assert.equal(redactUrl("postgres://app@db.test/userpool?password=hunter2&sslmode=require"), "postgres://app@db.test/userpool?password=***&sslmode=***");
});

test("the CustomMessage event marks unverified addresses and carries the status", () => {
  const e = customMessageEvent({
    pool: { id: "us-east-1_abc", name: "p", doc: {}, signingKey: {}, createdAt: 0, updatedAt: 0 }, source: "CustomMessage_ResendCode",
    username: "u", sub: "s-1", status: "UNCONFIRMED", attributes: { phone_number: "+15555550100", phone_number_verified: "true" },
    clientId: "c", medium: "SMS", linkMode: false,
  }, "eu-west-1");
  assert.equal(e.region, "eu-west-1");
  assert.deepEqual(e.request.userAttributes, { sub: "s-1", phone_number: "+15555550100", phone_number_verified: "true", "cognito:user_status": "UNCONFIRMED" });
});
