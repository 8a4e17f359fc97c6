/**
 * Where a confirmation code goes (src/domain/confirmation.ts): the auto-verified attribute the user has, phone
 * before email, and the masked CodeDeliveryDetails the response shows. Pure functions, no store.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { deliveryDetails, deliveryTarget } from "../../src/domain/confirmation.js";
import { buildPoolDoc } from "../../src/domain/pool.js";
import type { PoolRecord } from "../../src/store/types.js";

const pool = (autoVerified?: string[]): PoolRecord => ({
  id: "us-east-1_Confirmat", name: "p", signingKey: {}, createdAt: 0, updatedAt: 0,
  doc: buildPoolDoc({ PoolName: "p", ...(autoVerified ? { AutoVerifiedAttributes: autoVerified } : {}) }, "us-east-1_Confirmat", "arn"),
});

const both = { email: "jane@example.com", phone_number: "+15555551234" };

test("phone beats email when both are auto-verified and the user has both", () => {
  for (const order of [["email", "phone_number"], ["phone_number", "email"]]) {
    assert.deepEqual(deliveryTarget(pool(order), both), { medium: "SMS", attribute: "phone_number", to: "+15555551234" }, order.join(","));
  }
});

test("with both auto-verified, the attribute the user has is used", () => {
  const p = pool(["email", "phone_number"]);
  assert.deepEqual(deliveryTarget(p, { email: "jane@example.com" }), { medium: "EMAIL", attribute: "email", to: "jane@example.com" });
  assert.deepEqual(deliveryTarget(p, { phone_number: "+15555551234" }), { medium: "SMS", attribute: "phone_number", to: "+15555551234" });
  assert.equal(deliveryTarget(p, { name: "Jane" }), undefined);
  assert.equal(deliveryTarget(p, { email: "", phone_number: "" }), undefined, "an empty value is no destination");
});

test("only auto-verified attributes: a phone number is ignored in an email-only pool, and the other way round", () => {
  assert.deepEqual(deliveryTarget(pool(["email"]), both), { medium: "EMAIL", attribute: "email", to: "jane@example.com" });
  assert.deepEqual(deliveryTarget(pool(["phone_number"]), both), { medium: "SMS", attribute: "phone_number", to: "+15555551234" });
  assert.equal(deliveryTarget(pool(["email"]), { phone_number: "+15555551234" }), undefined);
  assert.equal(deliveryTarget(pool(["phone_number"]), { email: "jane@example.com" }), undefined);
});

test("a pool that auto-verifies nothing sends no code", () => {
  assert.equal(deliveryTarget(pool(), both), undefined);
  assert.equal(deliveryTarget(pool([]), both), undefined);
});

test("the destination is sent unmasked; the response shows it masked like Cognito", () => {
  const email = deliveryTarget(pool(["email"]), { email: "jane.doe@example.co.uk" })!;
  assert.equal(email.to, "jane.doe@example.co.uk");
  assert.deepEqual(deliveryDetails(email), { Destination: "j***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
  const sms = deliveryTarget(pool(["phone_number"]), { phone_number: "+447700900123" })!;
  assert.equal(sms.to, "+447700900123");
  assert.deepEqual(deliveryDetails(sms), { Destination: "+********0123", DeliveryMedium: "SMS", AttributeName: "phone_number" });
});
