// The client half of USER_SRP_AUTH for `npm run bench`'s sign-in scenario: real proofs, as amazon-cognito-identity-js
// computes them, built on userpool's own SRP module (dist/domain/srp.js: N, g, k, padHex, the OpenSSL modPowN,
// claimSignature, srpTimestamp). Why not its `clientKey` or the library's AuthenticationHelper as they are: both do
// their two 3072-bit exponentiations in plain BigInt arithmetic, about 65 ms (clientKey) and 600 ms
// (AuthenticationHelper) per sign-in on the bench machine, so at c=16 on 2 cores the load generator, not the server,
// would set the pace. This file is the same math with modPowN; `checkAgainst` proves it equals `clientKey` (same A,
// same key) before any measurement, and a completed sign-in proves it against the server.
import { createHash, createHmac, randomBytes } from "node:crypto";

/** @param {typeof import("../../src/domain/srp.ts")} srp userpool's compiled SRP module */
export function srpClient(srp) {
  const { N, g, k, padHex, modPowN, poolNameOf, claimSignature, srpTimestamp } = srp;
  const toBig = (hex) => BigInt("0x" + hex);
  const hashHex = (hex) => createHash("sha256").update(Buffer.from(hex, "hex")).digest("hex");

  /** A = g^a mod N for a fresh 128-byte a (as the libraries draw it). */
  function start(aBytes = randomBytes(128)) {
    const a = toBig(aBytes.toString("hex")) % N;
    return { a, A: modPowN(g, a).toString(16) };
  }

  /** The 16-byte key from the server's B and salt: S = (B − k·g^x)^(a + u·x), HKDF "Caldera Derived Key". */
  function key({ a, A }, poolId, userIdForSrp, password, saltHex, BHex) {
    const B = toBig(BHex);
    const u = toBig(hashHex(padHex(toBig(A)) + padHex(B)));
    const inner = createHash("sha256").update(`${poolNameOf(poolId)}${userIdForSrp}:${password}`, "utf8").digest("hex");
    const x = toBig(hashHex(padHex(toBig(saltHex)) + inner));
    const base = (((B - k * modPowN(g, x)) % N) + N) % N;
    const S = modPowN(base, a + u * x);
    const prk = createHmac("sha256", Buffer.from(padHex(u), "hex")).update(Buffer.from(padHex(S), "hex")).digest();
    return createHmac("sha256", prk).update(Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])])).digest().subarray(0, 16);
  }

  /** The PASSWORD_VERIFIER answer (ChallengeResponses) to InitiateAuth's ChallengeParameters. */
  function respond(state, poolId, password, params, now = new Date()) {
    const userId = params.USER_ID_FOR_SRP;
    const timestamp = srpTimestamp(now);
    const signature = claimSignature(key(state, poolId, userId, password, params.SALT, params.SRP_B), poolId, userId,
      Buffer.from(params.SECRET_BLOCK, "base64"), timestamp);
    return { USERNAME: params.USERNAME, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }

  /** Throws unless this client and userpool's BigInt `clientKey` give the same A and key for the same a. */
  function checkAgainst(poolId = "us-east-1_Bench1234") {
    const v = srp.makeVerifier(poolId, "auth0000000", "Passw0rd!", randomBytes(16));
    const { B } = srp.serverChallenge(v.verifier, randomBytes(32));
    const aBytes = randomBytes(128);
    const ours = start(aBytes);
    const ref = srp.clientKey(poolId, "auth0000000", "Passw0rd!", v.salt, B, aBytes);
    if (ours.A !== ref.A || !key(ours, poolId, "auth0000000", "Passw0rd!", v.salt, B).equals(ref.key)) {
      throw new Error("bench/lib/srp-client.mjs disagrees with src/domain/srp.ts clientKey");
    }
  }

  return { start, key, respond, checkAgainst };
}
