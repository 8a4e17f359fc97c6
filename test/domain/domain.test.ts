import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { codeHmac, sameHmac } from "../../src/domain/codes.js";
import { cryptoRandom } from "../../src/domain/clock.js";
import { maskEmail, maskPhone } from "../../src/domain/mask.js";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../../src/domain/passwords.js";
import { secretHash } from "../../src/domain/secret-hash.js";

test("SecretHash matches the published vectors (UTF-8, not latin-1)", () => {
  assert.equal(secretHash("s3cr3t", "user@example.com", "abc123"), "Edob2lRWUSBknC1VkFgNFOQDqQOnDkBwpgNXsXUFChQ=");
  assert.equal(secretHash("s3cr3t", "José", "abc123"), "FolgofqgojtASUz0Zxp/4ViAh8bvdIqgORSYEq5w7ZU=");
});

test("destinations are masked like Cognito: no TLD, last four digits", () => {
  assert.equal(maskEmail("jane@example.com"), "j***@e***");
  assert.equal(maskEmail("Émile@école.fr"), "É***@é***");
  assert.equal(maskPhone("+15555551234"), "+*******1234");
  assert.equal(maskPhone("+447700900123"), "+********0123");
});

test("codes are 6 digits, HMACs bind pool, user and purpose", () => {
  for (let i = 0; i < 200; i++) assert.match(cryptoRandom.code(), /^\d{6}$/);
  const key = Buffer.alloc(32, 7);
  const h = codeHmac(key, "p", "u", "SIGN_UP", "123456");
  assert.ok(sameHmac(h, codeHmac(key, "p", "u", "SIGN_UP", "123456")));
  assert.ok(!sameHmac(h, codeHmac(key, "p", "v", "SIGN_UP", "123456")));
  assert.ok(!sameHmac(h, codeHmac(key, "p", "u", "SIGN_UP", "123457")));
  assert.ok(!sameHmac(h, createHmac("sha256", Buffer.alloc(32, 8)).update("p\u0000u\u0000SIGN_UP\u0000123456").digest("base64")));
});

test("passwords: scrypt round trip and policy messages", async () => {
  const stored = await hashPassword("Passw0rd!", cryptoRandom);
  assert.match(stored, /^scrypt\$16384\$8\$1\$/);
  assert.ok(!stored.includes("Passw0rd!"));
  assert.equal(await verifyPassword("Passw0rd!", stored), true);
  assert.equal(await verifyPassword("passw0rd!", stored), false);
  assert.equal(await verifyPassword("x", null), false);
  assert.throws(() => checkPasswordPolicy("abc", { MinimumLength: 8 }), /Password not long enough/);
  assert.doesNotThrow(() => checkPasswordPolicy("abcdefgh", { MinimumLength: 8 }));
});
