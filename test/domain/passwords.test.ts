/** Passwords (src/domain/passwords.ts): scrypt hashes that never hold the password, and the pool's policy. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cryptoRandom } from "../../src/domain/clock.js";
import { checkPasswordPolicy, hashPassword, verifyPassword } from "../../src/domain/passwords.js";

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
