/**
 * Issue 17's scenario as an operator met it, in real time: the relay is down for a whole minute while a user signs
 * up and asks for 20 resends. On the default store only (a minute of waiting; outage.test.ts proves the same rules
 * with shortened delays on both stores).
 */
import { ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";
import { eventually } from "../helpers/wait.js";
import { codeIn, metric, outboxStatuses as statuses, startSmtpSink } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("relay down 60 s, a sign-up and 20 resends: after it returns only the newest code is delivered, once, and it works", async () => {
  const sink = await startSmtpSink({ starttls: false });
  // The default schedule (1 s doubling) with the cap shortened to 4 s, so the return is noticed within seconds.
  const s = await startTestServer({ smtpUrl: sink.url, deliveryMaxDelayMs: 4000, resendLimitPerHour: 0 });
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await sink.stop();
    const down = Date.now();
    await signUp(s, clientId, "ulla", { email: "ulla@example.com" });
    for (let i = 0; i < 20; i++) await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "ulla" }));
    const all = await s.server.deps.store.listMessages({ poolId, username: "ulla" });
    assert.equal(all.length, 21);
    const newest = all[0];

    await sleep(55_000 - (Date.now() - down));
    // An alert can see the stuck relay: one message waits, and it has waited for most of a minute.
    const waiting = await metric(s, 'userpool_outbox_messages{medium="EMAIL",channel="smtp",status="queued"}',
      'userpool_outbox_messages{medium="EMAIL",channel="smtp",status="processing"}');
    assert.equal(waiting, 1, "the backlog is the newest message alone");
    assert.ok(await metric(s, 'userpool_outbox_oldest_queued_age_seconds{medium="EMAIL",channel="smtp"}') > 45);
    const during = await statuses(s, poolId, "ulla");
    assert.equal(during.superseded, 20, JSON.stringify(during));
    assert.equal((during.queued ?? 0) + (during.processing ?? 0), 1, JSON.stringify(during));
    assert.ok((await s.server.deps.store.getMessage(newest.id))!.attempts >= 5, "tried more often than the old schedule's 5 tries");

    await sleep(60_000 - (Date.now() - down));
    assert.equal(sink.mails.length, 0, "nothing got through while the relay was down");
    await sink.start();
    const [mail] = await sink.waitFor(1, 15_000);
    assert.equal(codeIn(mail.text), newest.code, "the newest code");
    await eventually("sent", async () => (await s.server.deps.store.getMessage(newest.id))?.status === "sent", 5000);
    await sleep(1500);
    assert.equal(sink.mails.length, 1, "one message, not 21");
    assert.deepEqual(await statuses(s, poolId, "ulla"), { superseded: 20, sent: 1 }, "nothing abandoned, failed or expired");
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "ulla", ConfirmationCode: codeIn(mail.text)! }));
  } finally {
    await s.close();
    await sink.stop();
  }
});
