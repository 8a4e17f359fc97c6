// test-stores: sqlite, postgres
/** The forgot-password mail through a real SMTP conversation, written with the pool's template; its code resets the password. */
import { ConfirmForgotPasswordCommand, ForgotPasswordCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool } from "../helpers/fixtures.js";
import { confirmedUser } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { codeIn, startSmtpSink, type SmtpSink } from "./helpers.js";

describe("ForgotPassword over SMTP", () => {
  let sink: SmtpSink;
  let s: TestServer;
  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ smtpUrl: sink.url, emailFrom: "Acme Accounts <accounts@acme.test>", deliveryBaseDelayMs: 50 });
  });
  after(async () => { await s.close(); await sink.stop(); });

  test("the reset mail carries the pool's template and a working code", async () => {
    const poolId = await createPool(s, {
      VerificationMessageTemplate: { EmailSubject: "Acme: your code", EmailMessage: "<p>Hello {username}, your Acme code is <b>{####}</b>.</p>" },
    });
    const { clientId } = await createClient(s, poolId);
    await confirmedUser(s, poolId, clientId, "zoe", { email: "zoe@example.com" });
    const before = sink.mails.length;
    const out = await s.client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: "zoe" }));
    assert.equal(out.CodeDeliveryDetails?.Destination, "z***@e***");
    const mail = (await sink.waitFor(before + 1)).at(-1)!;
    assert.deepEqual(mail.to, ["zoe@example.com"]);
    assert.equal(mail.subject, "Acme: your code");
    assert.equal(mail.from, '"Acme Accounts" <accounts@acme.test>');
    const code = codeIn(mail.text)!;
    assert.equal(mail.text.trim(), `Hello zoe, your Acme code is ${code}.`);
    assert.match(mail.html, new RegExp(`<p>Hello zoe, your Acme code is <b>${code}</b>\\.</p>`));
    const [inboxed] = (await s.inbox({ poolId, username: "zoe" }, 2)).filter((m) => m.purpose === "FORGOT_PASSWORD");
    assert.equal(inboxed.code, code);
    await s.client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: "zoe", ConfirmationCode: code, Password: "Sm7p-Reset!" }));
    const auth = await s.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "zoe", PASSWORD: "Sm7p-Reset!" },
    }));
    assert.ok(auth.AuthenticationResult?.AccessToken);
  });
});
