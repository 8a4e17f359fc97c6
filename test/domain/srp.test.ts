/**
 * Cognito's SRP-6a, server side (src/domain/srp.ts), checked against amazon-cognito-identity-js's own
 * AuthenticationHelper (the client half Cognito's users run), not only against our client half; and its cost
 * beside one scrypt check.
 */
import * as identityJs from "amazon-cognito-identity-js";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { cryptoRandom } from "../../src/domain/clock.js";
import { hashPassword, verifyPassword } from "../../src/domain/passwords.js";
import {
  claimSignature, clientKey, g, k, makeVerifier, modPow, modPowEngine, modPowN, N, padHex, poolNameOf, sameSignature, serverChallenge, serverKey, srpTimestamp,
} from "../../src/domain/srp.js";

const POOL = "us-east-1_Ab12Cd34E";
// The library's own SRP client half: AuthenticationHelper (exported, untyped) and the BigInteger it takes.
const Helper: any = (identityJs as any).AuthenticationHelper;
const bigModule = createRequire(import.meta.url)("amazon-cognito-identity-js/lib/BigInteger.js");
const Big: any = bigModule.default ?? bigModule;

/** The library's key for (username, password) against our B and salt, and its A. */
function libraryKey(username: string, password: string, saltHex: string, BHex: string): Promise<{ A: string; key: Buffer }> {
  const h = new Helper(poolNameOf(POOL));
  return new Promise((resolve, reject) => h.getLargeAValue((e: any, A: any) => {
    if (e) return reject(e);
    h.getPasswordAuthenticationKey(username, password, new Big(BHex, 16), new Big(saltHex, 16), (e2: any, key: any) =>
      (e2 ? reject(e2) : resolve({ A: A.toString(16), key: Buffer.from(key) })));
  }));
}

describe("SRP-6a as Cognito runs it", () => {
  test("the group and k are RFC 5054's 3072-bit group with g = 2, and padHex is Java's two's-complement hex", () => {
    assert.equal(N.toString(2).length, 3072);
    assert.equal(g, 2n);
    assert.equal(padHex(0x7fn), "7f");
    assert.equal(padHex(0x80n), "0080");
    assert.equal(padHex(0xabcn), "0abc");
    assert.equal(k, BigInt("0x" + new Helper("x").k.toString(16)));
  });

  test("modPowN (OpenSSL) agrees with the BigInt square-and-multiply, including the bases OpenSSL refuses", () => {
    // Node's RFC 3526 group object, not a createDiffieHellman(N, 2) (which Node 24 checks for seconds when it is built).
    assert.equal(modPowEngine, "named group");
    const random = Array.from({ length: 16 }, () => BigInt("0x" + randomBytes(384).toString("hex")));
    for (const base of [0n, 1n, 2n, N - 1n, N + 5n, ...random]) {
      const e = BigInt("0x" + randomBytes(32).toString("hex"));
      assert.equal(modPowN(base, e), modPow(base, e, N));
    }
  });

  test("the server's key equals amazon-cognito-identity-js's key for the right password, and not for a wrong one", async () => {
    for (const username of ["alice", "1b2c3d4e-0000-4000-8000-000000000001", "Ünïcode"]) {
      const v = makeVerifier(POOL, username, "Passw0rd!", randomBytes(16));
      const ch = serverChallenge(v.verifier, randomBytes(32));
      const right = await libraryKey(username, "Passw0rd!", v.salt, ch.B);
      assert.deepEqual(serverKey(v.verifier, ch.b, ch.B, right.A), right.key);
      const ch2 = serverChallenge(v.verifier, randomBytes(32));
      const wrong = await libraryKey(username, "Passw0rd?", v.salt, ch2.B);
      assert.notDeepEqual(serverKey(v.verifier, ch2.b, ch2.B, wrong.A), wrong.key);
    }
  });

  test("a salt with leading zero bytes is read back as the clients read it", async () => {
    const salt = Buffer.concat([Buffer.alloc(2), randomBytes(14)]);
    const v = makeVerifier(POOL, "zed", "Passw0rd!", salt);
    const ch = serverChallenge(v.verifier, randomBytes(32));
    const lib = await libraryKey("zed", "Passw0rd!", v.salt, ch.B);
    assert.deepEqual(serverKey(v.verifier, ch.b, ch.B, lib.A), lib.key);
  });

  test("A ≡ 0 (mod N) or garbage gives no key; the claim signature is bound to the pool, user, secret block and time", () => {
    const v = makeVerifier(POOL, "alice", "Passw0rd!", randomBytes(16));
    const ch = serverChallenge(v.verifier, randomBytes(32));
    assert.equal(serverKey(v.verifier, ch.b, ch.B, "0"), undefined);
    assert.equal(serverKey(v.verifier, ch.b, ch.B, N.toString(16)), undefined);
    assert.equal(serverKey(v.verifier, ch.b, ch.B, "not hex"), undefined);
    const c = clientKey(POOL, "alice", "Passw0rd!", v.salt, ch.B, randomBytes(128));
    const key = serverKey(v.verifier, ch.b, ch.B, c.A)!;
    assert.deepEqual(key, c.key);
    const block = randomBytes(64);
    const ts = srpTimestamp(new Date(Date.UTC(2026, 8, 9, 8, 5, 3)));
    assert.equal(ts, "Wed Sep 9 08:05:03 UTC 2026");
    const sig = claimSignature(key, POOL, "alice", block, ts);
    assert.ok(sameSignature(sig, claimSignature(c.key, POOL, "alice", block, ts)));
    assert.ok(!sameSignature(sig, claimSignature(key, POOL, "alicf", block, ts)));
    assert.ok(!sameSignature(sig, claimSignature(key, "us-east-1_Other", "alice", block, ts)));
    assert.ok(!sameSignature(sig, claimSignature(key, POOL, "alice", randomBytes(64), ts)));
    assert.ok(!sameSignature(sig, ""));
  });

  test("the server's side of one SRP sign-in costs less CPU than one scrypt check", async () => {
    const v = makeVerifier(POOL, "alice", "Passw0rd!", randomBytes(16));
    const A = clientKey(POOL, "alice", "Passw0rd!", v.salt, serverChallenge(v.verifier, randomBytes(32)).B, randomBytes(128)).A;
    const hash = await hashPassword("Passw0rd!", cryptoRandom);
    const rounds = 10;
    let t = process.cpuUsage();
    for (let i = 0; i < rounds; i++) {
      const ch = serverChallenge(v.verifier, randomBytes(32));
      serverKey(v.verifier, ch.b, ch.B, A);
    }
    const used = process.cpuUsage(t);
    const srp = (used.user + used.system) / rounds;
    t = process.cpuUsage();
    for (let i = 0; i < rounds; i++) await verifyPassword("Passw0rd!", hash);
    const cpu = process.cpuUsage(t);
    const scrypt = (cpu.user + cpu.system) / rounds;
    console.log(`SRP server side ${(srp / 1000).toFixed(1)} ms CPU per sign-in, scrypt check ${(scrypt / 1000).toFixed(1)} ms, ratio ${(srp / scrypt).toFixed(2)}`);
    assert.ok(srp < scrypt, `SRP ${srp} µs vs scrypt ${scrypt} µs`);
  });
});
