// test-stores: sqlite, postgres
/** The worker keeps its claim on a message while a slow channel is still sending it. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";
import { eventually } from "../helpers/wait.js";
import { startWebhookServer } from "./helpers.js";

test("a send slower than the lease is not claimed by anyone else, and happens once", async () => {
  const hook = await startWebhookServer();
  hook.respond = () => new Promise((r) => setTimeout(() => r(200), 1500));
  const s = await startTestServer({ smsWebhookUrl: hook.url, smsWebhookSecret: "k", outboxLeaseMs: 300 });
  try {
    const poolId = await createPool(s, { AutoVerifiedAttributes: ["phone_number"] });
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "slow", { phone_number: "+15555550142" });
    await eventually("the webhook call", () => hook.calls.length > 0, 5000);
    await new Promise((r) => setTimeout(r, 800));
    const store = s.server.deps.store;
    assert.deepEqual(await store.claimDue(s.clock.now(), 10, 300), [], "the lease was renewed while sending");
    const [m] = await store.listMessages({ poolId });
    assert.equal(m.status, "processing");
    assert.ok(m.leaseUntil! > s.clock.now());

    await eventually("sent", async () => (await store.getMessage(m.id))?.status === "sent", 5000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(hook.calls.length, 1);
    assert.equal((await store.listAttempts(m.id)).length, 1);
  } finally {
    await s.close();
    await hook.close();
  }
});
