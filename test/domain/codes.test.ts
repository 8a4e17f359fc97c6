/** Confirmation codes (src/domain/codes.ts, cryptoRandom in clock.ts): six digits, stored as HMACs bound to their use. */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { codeHmac, sameHmac } from "../../src/domain/codes.js";
import { cryptoRandom } from "../../src/domain/clock.js";

test("codes are 6 digits, HMACs bind pool, user and purpose", () => {
  for (let i = 0; i < 200; i++) assert.match(cryptoRandom.code(), /^\d{6}$/);
  const key = Buffer.alloc(32, 7);
  const h = codeHmac(key, "p", "u", "SIGN_UP", "123456");
  assert.ok(sameHmac(h, codeHmac(key, "p", "u", "SIGN_UP", "123456")));
  assert.ok(!sameHmac(h, codeHmac(key, "p", "v", "SIGN_UP", "123456")));
  assert.ok(!sameHmac(h, codeHmac(key, "p", "u", "SIGN_UP", "123457")));
  assert.ok(!sameHmac(h, createHmac("sha256", Buffer.alloc(32, 8)).update("p\u0000u\u0000SIGN_UP\u0000123456").digest("base64")));
});
