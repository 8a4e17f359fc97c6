/** Message composition: Cognito's default texts, pool templates, HTML and CONFIRM_WITH_LINK; pure functions. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildPoolDoc } from "../../src/domain/pool.js";
import { composeVerification, htmlToText } from "../../src/messages/templates.js";

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
