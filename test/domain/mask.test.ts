/** Destination masking (src/domain/mask.ts) as Cognito shows it in CodeDeliveryDetails. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { maskDestination, maskEmail, maskPhone } from "../../src/domain/mask.js";

test("destinations are masked like Cognito: no TLD, last four digits", () => {
  assert.equal(maskEmail("jane@example.com"), "j***@e***");
  assert.equal(maskEmail("Émile@école.fr"), "É***@é***");
  assert.equal(maskPhone("+15555551234"), "+*******1234");
  assert.equal(maskPhone("+447700900123"), "+********0123");
  assert.equal(maskDestination("EMAIL", "jane@example.com"), "j***@e***");
  assert.equal(maskDestination("SMS", "+15555551234"), "+*******1234");
});
