// test-stores: sqlite, postgres
/** Email through a real SMTP conversation: content, STARTTLS and auth, sender settings, outages and rejections. */
import {
  AdminGetUserCommand, ConfirmSignUpCommand, ResendConfirmationCodeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { eventually } from "../helpers/wait.js";
import { codeIn, startSmtpSink, type SmtpSink } from "./helpers.js";

describe("SMTP channel", () => {
  let sink: SmtpSink;
  let s: TestServer;
  before(async () => {
    sink = await startSmtpSink({ auth: { user: "mailer", pass: "s3cret-pass" } });
    s = await startTestServer({ smtpUrl: sink.url, emailFrom: "Acme Accounts <accounts@acme.test>", deliveryBaseDelayMs: 50 });
  });
  after(async () => { await s.close(); await sink.stop(); });

  test("the mail reaches the SMTP server (STARTTLS, login) and its code confirms the user", async () => {
    const poolId = await createPool(s, {
      VerificationMessageTemplate: { EmailSubject: "Welcome to Acme", EmailMessage: "Hello {username},\nyour code is {####}.\n<Acme & co>" },
    });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "jane", { email: "jane@example.com" });
    const [mail] = await sink.waitFor(1);
    assert.deepEqual(mail.to, ["jane@example.com"]);
    assert.equal(mail.subject, "Welcome to Acme");
    assert.equal(mail.from, '"Acme Accounts" <accounts@acme.test>');
    assert.equal(mail.secure, true, "the session upgraded with STARTTLS before sending");
    assert.equal(mail.user, "mailer", "the relay login from the URL was used");
    const code = codeIn(mail.text)!;
    assert.match(code, /^\d{6}$/);
    assert.equal(mail.text.trim(), `Hello jane,\nyour code is ${code}.\n<Acme & co>`);
    assert.match(mail.html, new RegExp(`Hello jane,<br>\\s*your code is ${code}\\.<br>\\s*&lt;Acme &amp; co&gt;`));
    const [inboxed] = await s.inbox({ poolId }, 1);
    assert.match(mail.messageId, new RegExp(`^<${inboxed.id}@acme\\.test>$`), "Message-ID derived from the outbox id");
    assert.ok(s.printed.includes(`code ${code} for jane (jane@example.com)`), "dev mode prints the console line too");

    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "jane", ConfirmationCode: code }));
    const user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "jane" }));
    assert.equal(user.UserStatus, "CONFIRMED");
    assert.equal(user.UserAttributes?.find((a) => a.Name === "email_verified")?.Value, "true");
  });

  test("the pool's EmailConfiguration.From and ReplyToEmailAddress win over --email-from", async () => {
    const poolId = await createPool(s, {
      EmailConfiguration: { EmailSendingAccount: "COGNITO_DEFAULT", From: "Pool Sender <pool@sender.test>", ReplyToEmailAddress: "help@sender.test" },
    });
    const { clientId } = await createClient(s, poolId);
    const before = sink.mails.length;
    await signUp(s, clientId, "ken", { email: "ken@example.com" });
    const mail = (await sink.waitFor(before + 1)).find((m) => m.to[0] === "ken@example.com")!;
    assert.equal(mail.from, '"Pool Sender" <pool@sender.test>');
    assert.equal(mail.replyTo, "help@sender.test");
    assert.equal(mail.subject, "Your verification code");
    assert.match(mail.text, /^Your verification code is \d{6}\. ?$/);
  });
});

describe("SMTP outage", () => {
  test("a resend made while the relay is down arrives once it is back (~10 s later), every attempt recorded", async () => {
    const sink = await startSmtpSink({ starttls: false });
    const s = await startTestServer({ smtpUrl: sink.url, deliveryBaseDelayMs: 1000, deliveryMaxDelayMs: 2000, deliveryMaxAttempts: 12 });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "olga", { email: "olga@example.com" });
      await sink.waitFor(1);

      await sink.stop();
      const down = Date.now();
      await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "olga" }));
      const [resent] = await s.inbox({ poolId, username: "olga" });
      await eventually("failed attempts", async () => (await s.server.deps.store.getMessage(resent.id))!.attempts >= 2, 5000);
      await new Promise((r) => setTimeout(r, 10_000 - (Date.now() - down)));
      assert.equal(sink.mails.length, 1, "nothing got through while the relay was down");
      await sink.start();

      const mails = await sink.waitFor(2, 8000);
      assert.equal(codeIn(mails[1].text), resent.code, "the resent code arrived");
      const message = await eventually("status sent", async () => {
        const m = await s.server.deps.store.getMessage(resent.id);
        return m?.status === "sent" ? m : undefined;
      }, 5000);
      const attempts = await s.server.deps.store.listAttempts(resent.id);
      assert.equal(attempts.length, message.attempts);
      assert.ok(attempts.length >= 5, `expected several attempts, got ${attempts.length}`);
      assert.deepEqual(attempts.map((a) => a.outcome), [...Array(attempts.length - 1).fill("failure"), "success"]);
      assert.ok(attempts.every((a) => a.channel === "smtp"));
      assert.match(attempts[0].error!, /ECONNREFUSED|connect/i);
      const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i].at);
      assert.ok(gaps.every((g) => g >= 850 && g <= 2600), `retry gaps follow the 1 s base and 2 s cap: ${gaps.join(", ")}`);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(sink.mails.length, 2, "sent exactly once after the outage");
    } finally {
      await s.close();
      await sink.stop();
    }
  });

  test("a 550 for the recipient fails the message at once: one try, status failed, visible in the inbox API and /metrics", async () => {
    const sink = await startSmtpSink({ starttls: false });
    sink.rejectRecipients = 550;
    const s = await startTestServer({ smtpUrl: sink.url, deliveryBaseDelayMs: 50, deliveryMaxAttempts: 3 });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "pete", { email: "pete@example.com" });
      const message = await eventually("failed", async () => {
        const [m] = await s.inbox({ poolId, username: "pete" });
        return m?.status === "failed" ? m : undefined;
      }, 8000);
      assert.equal(message.attempts, 1, "not retried: a permanent refusal");
      assert.equal(sink.mails.length, 0);
      const attempts = await s.server.deps.store.listAttempts(message.id);
      assert.equal(attempts.length, 1);
      assert.ok(attempts.every((a) => a.outcome === "failure" && /550/.test(a.error ?? "")), JSON.stringify(attempts));
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(sink.rcptCount, 1, "no try after the refusal");

      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      assert.match(metrics, /^userpool_messages_abandoned_total\{channel="smtp"\} 1$/m);
      assert.doesNotMatch(metrics, /^userpool_messages_failed_total\{channel="smtp"\}/m, "no failed try to retry");
      assert.doesNotMatch(metrics, /^userpool_outbox_messages\{/m, "the gauge counts the backlog only, and it is empty");
    } finally {
      await s.close();
      await sink.stop();
    }
  });
});
