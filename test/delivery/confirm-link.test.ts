// test-stores: sqlite, postgres
/** CONFIRM_WITH_LINK: the mail carries a /confirmUser link to this server, and following it confirms the user. */
import { AdminGetUserCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startSmtpSink, type SmtpSink } from "./helpers.js";

const linkIn = (html: string) => /href="([^"]+\/confirmUser\?[^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");

describe("CONFIRM_WITH_LINK", () => {
  let sink: SmtpSink;
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  let secretClientId: string;
  let secret: string;
  before(async () => {
    sink = await startSmtpSink();
    s = await startTestServer({ smtpUrl: sink.url, resendLimitPerHour: 0 });
    poolId = await createPool(s, {
      VerificationMessageTemplate: {
        DefaultEmailOption: "CONFIRM_WITH_LINK", EmailSubjectByLink: "Confirm your Acme account",
        EmailMessageByLink: "Welcome {username}! {##Click here to confirm##} (valid 24 hours)",
      },
    });
    ({ clientId } = await createClient(s, poolId));
    const withSecret = await createClient(s, poolId, { GenerateSecret: true });
    secretClientId = withSecret.clientId;
    secret = withSecret.secret!;
  });
  after(async () => { await s.close(); await sink.stop(); });

  const status = async (username: string) => {
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    return [u.UserStatus, u.UserAttributes?.find((a) => a.Name === "email_verified")?.Value];
  };

  test("the link in the mail confirms the user and verifies the email", async () => {
    await signUp(s, clientId, "lena", { email: "lena@example.com" });
    const [mail] = await sink.waitFor(1);
    assert.equal(mail.subject, "Confirm your Acme account");
    const link = linkIn(mail.html)!;
    assert.ok(link, `a confirm link in ${mail.html}`);
    const url = new URL(link);
    assert.equal(url.origin, new URL(s.url).origin, "the link points at this server");
    assert.equal(url.pathname, "/confirmUser");
    assert.equal(url.searchParams.get("client_id"), clientId);
    assert.equal(url.searchParams.get("user_name"), "lena");
    assert.match(url.searchParams.get("confirmation_code")!, /^\d{6}$/);
    assert.match(mail.html, />Click here to confirm<\/a>/);
    assert.equal(mail.text.trim(), `Welcome lena! Click here to confirm <${link}> (valid 24 hours)`);
    assert.deepEqual(await status("lena"), ["UNCONFIRMED", undefined]);

    const res = await fetch(link);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type")!, /^text\/html/);
    assert.match(await res.text(), /Your registration has been confirmed!/);
    assert.deepEqual(await status("lena"), ["CONFIRMED", "true"]);

    const again = await fetch(link);
    assert.equal(again.status, 400);
    const page = await again.text();
    assert.match(page, /Confirmation failed/);
    assert.match(page, /NotAuthorizedException: User cannot confirm because user status is not UNCONFIRMED\./);
  });

  test("a superseded or wrong code, a damaged link: a page that says why, the user stays unconfirmed", async () => {
    await signUp(s, clientId, "max", { email: "max@example.com" });
    const first = linkIn((await sink.waitFor(2))[1].html)!;
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "max" }));
    const second = linkIn((await sink.waitFor(3))[2].html)!;
    assert.notEqual(first, second);

    const stale = await fetch(first);
    assert.equal(stale.status, 400);
    assert.match(await stale.text(), /CodeMismatchException: Invalid verification code provided, please try again\./);

    const incomplete = await fetch(`${s.url}/confirmUser?client_id=${clientId}&user_name=max`);
    assert.equal(incomplete.status, 400);
    assert.match(await incomplete.text(), /link is incomplete/);

    const unknownClient = await fetch(second.replace(clientId, "a".repeat(26)));
    assert.equal(unknownClient.status, 400);
    assert.match(await unknownClient.text(), /ResourceNotFoundException/);
    assert.deepEqual(await status("max"), ["UNCONFIRMED", undefined]);

    const ok = await fetch(second);
    assert.equal(ok.status, 200);
    assert.deepEqual(await status("max"), ["CONFIRMED", "true"]);
  });

  test("a client with a secret: the server supplies the SecretHash for its own link", async () => {
    // SignUp needs the SecretHash from the app; the link does not.
    await signUp(s, secretClientId, "nia", { email: "nia@example.com" }, secret);
    const link = linkIn((await sink.waitFor(4))[3].html)!;
    assert.equal(new URL(link).searchParams.get("client_id"), secretClientId);
    const res = await fetch(link);
    assert.equal(res.status, 200, await res.text());
    assert.deepEqual(await status("nia"), ["CONFIRMED", "true"]);
  });

  test("the link shown in the dev inbox page confirms the user too", async () => {
    await signUp(s, clientId, "nina", { email: "nina@example.com" });
    await s.inbox({ poolId, username: "nina" }, 1);
    const page = await (await fetch(`${s.url}/_dev/inbox?fragment=1&to=nina%40example.com`)).text();
    // The href as a browser reads it: character references decoded, `&gt` even without its semicolon.
    const href = /href="([^"]+\/confirmUser\?[^"]+)"/.exec(page)?.[1];
    assert.ok(href, `a confirm link in ${page}`);
    const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
    const link = href.replace(/&(amp|lt|gt|quot|#39);?/g, (_, e: string) => entities[e]);
    assert.match(new URL(link).searchParams.get("confirmation_code")!, /^\d{6}$/, `the code in ${link} is just the code`);
    const res = await fetch(link);
    assert.match(await res.text(), /Your registration has been confirmed!/);
    assert.deepEqual(await status("nina"), ["CONFIRMED", "true"]);
  });
});
