/** Generated temporary passwords (AdminCreateUser without TemporaryPassword) pass the pool's policy, whatever it asks. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { cryptoRandom } from "../../src/domain/clock.js";
import { checkPasswordPolicy } from "../../src/domain/passwords.js";
import { generateTemporaryPassword, passwordWrite, temporaryPasswordExpiry } from "../../src/domain/set-password.js";
import { makeVerifier } from "../../src/domain/srp.js";

test("a generated temporary password meets the strictest policy and the policy's length", () => {
  const strict = { MinimumLength: 20, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const p = generateTemporaryPassword(strict, cryptoRandom);
    assert.equal(p.length, 20);
    checkPasswordPolicy(p, strict);
    seen.add(p);
  }
  assert.equal(seen.size, 200);
  assert.equal(generateTemporaryPassword({ MinimumLength: 6 }, cryptoRandom).length, 8);
});

test("passwordWrite gives a verifier for the pool, the user id for SRP and the password; expiry follows the policy", async () => {
  const w = await passwordWrite("us-east-1_Pool1", "amy", "Passw0rd!", cryptoRandom, 8);
  assert.match(w.passwordHash, /^scrypt\$256\$/, "hashed at the cost given (N = 2^8)");
  assert.equal(w.srpVerifier, makeVerifier("us-east-1_Pool1", "amy", "Passw0rd!", Buffer.from(w.srpSalt.padStart(32, "0"), "hex")).verifier);
  assert.notEqual(w.srpVerifier, makeVerifier("us-east-1_Pool2", "amy", "Passw0rd!", Buffer.from(w.srpSalt.padStart(32, "0"), "hex")).verifier);
  assert.equal(temporaryPasswordExpiry({}, 0), 7 * 86_400_000);
  assert.equal(temporaryPasswordExpiry({ Policies: { PasswordPolicy: { TemporaryPasswordValidityDays: 2 } } }, 10), 10 + 2 * 86_400_000);
});
