/** The CustomMessage trigger's event, as Cognito builds it; a pure function. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { buildPoolDoc } from "../../src/domain/pool.js";
import { customMessageEvent } from "../../src/triggers/custom-message.js";

const pool = (input: Record<string, unknown> = {}) => buildPoolDoc({ PoolName: "p", ...input }, "us-east-1_abc", "arn");

test("the CustomMessage event marks unverified addresses and carries the status", () => {
  const e = customMessageEvent({
    pool: { id: "us-east-1_abc", name: "p", doc: {}, signingKey: {}, createdAt: 0, updatedAt: 0 }, source: "CustomMessage_ResendCode",
    username: "u", sub: "s-1", status: "UNCONFIRMED", attributes: { phone_number: "+15555550100", phone_number_verified: "true" },
    clientId: "c", medium: "SMS", linkMode: false,
  }, "eu-west-1");
  assert.equal(e.region, "eu-west-1");
  assert.deepEqual(e.request.userAttributes, { sub: "s-1", phone_number: "+15555550100", phone_number_verified: "true", "cognito:user_status": "UNCONFIRMED" });
});
