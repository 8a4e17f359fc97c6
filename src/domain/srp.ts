/**
 * Cognito's SRP-6a (USER_SRP_AUTH), server side. The group is the 3072-bit MODP group of RFC 3526 (RFC 5054's
 * 3072-bit group) with g = 2; H is SHA-256 over the bytes of even-length hex (`padHex`, Java's two's-complement
 * encoding, as Cognito's clients do); k = H(N | g); x = H(salt | H(poolName | userIdForSrp | ":" | password));
 * v = g^x. The client sends A, we answer B = k·v + g^b; both derive S, and the 16-byte key
 * HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key" 0x01). The client proves the key with
 * HMAC-SHA256(key, poolName | userIdForSrp | secretBlock | timestamp).
 *
 * Pure: no store, no clock (the caller passes the time), randomness passed in.
 */
import { createDiffieHellman, createHash, createHmac, DiffieHellman, getDiffieHellman, timingSafeEqual } from "node:crypto";

const N_HEX =
  "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
  "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
  "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
  "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
  "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
  "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
  "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
  "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

export const N = BigInt("0x" + N_HEX);
export const g = 2n;

/** Even-length hex of a non-negative integer, with "00" in front when the top bit is set (Java's toByteArray). */
export function padHex(n: bigint): string {
  let h = n.toString(16);
  if (h.length % 2) h = "0" + h;
  return /^[89a-f]/.test(h) ? "00" + h : h;
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest();
/** H over the bytes a hex string spells, as a 64-digit hex string. */
const hashHex = (hex: string) => sha256(Buffer.from(hex, "hex")).toString("hex");
const toBig = (hex: string) => BigInt("0x" + hex);

export const k = toBig(hashHex(padHex(N) + padHex(g)));

/** base^exp mod m, square-and-multiply over BigInt. */
export function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let result = 1n;
  let b = base % m;
  if (b < 0n) b += m;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    e >>= 1n;
    if (e > 0n) b = (b * b) % m;
  }
  return result;
}

/**
 * publicKey^privateKey mod N through OpenSSL: a Diffie-Hellman object over N, about five times faster than BigInt.
 * The object is Node's own copy of RFC 3526's 3072-bit group (`getDiffieHellman("modp15")`, whose prime is N and
 * generator 2), handed the exponent through DiffieHellman's setPrivateKey, which a group object lacks only in its
 * JavaScript wrapper. Not `createDiffieHellman(N, 2)`: that checks the prime when it is built, and on Node 24 the
 * check is OpenSSL's full primality test of N and (N-1)/2, about 3 s of CPU (the event loop blocked, at start-up or
 * at the first SRP sign-in) where a named group is not checked. A known answer (2^3) checks the group object when
 * this module loads; should a Node version refuse it, the checked object is built on first use instead.
 * One shared object: the calls are synchronous, so nothing interleaves.
 */
function openSslModPow(): { engine: "named group" | "checked prime"; run: (exp: Buffer, base: Buffer) => Buffer } {
  const setPrivateKey: (this: DiffieHellman, key: Buffer) => void = DiffieHellman.prototype.setPrivateKey;
  try {
    const group = getDiffieHellman("modp15") as unknown as DiffieHellman;
    const withGroup = (exp: Buffer, base: Buffer) => { setPrivateKey.call(group, exp); return group.computeSecret(base); };
    if (group.getPrime("hex").toUpperCase() === N_HEX && toBig(withGroup(Buffer.from([3]), Buffer.from([2])).toString("hex")) === 8n) {
      return { engine: "named group", run: withGroup };
    }
  } catch { /* this Node's group object takes no private key: the checked object below */ }
  let dh: DiffieHellman | undefined;
  return {
    engine: "checked prime",
    run: (exp, base) => {
      dh ??= createDiffieHellman(Buffer.from(N_HEX, "hex"), Buffer.from([2]));
      dh.setPrivateKey(exp);
      return dh.computeSecret(base);
    },
  };
}
const openSsl = openSslModPow();
/** Which OpenSSL object modPowN uses on this runtime (the tests expect the named group). */
export const modPowEngine = openSsl.engine;

/** base^exp mod N. OpenSSL refuses bases outside [2, N-2]; those (only ever sent by a broken or hostile client) take the BigInt path. */
export function modPowN(base: bigint, exp: bigint): bigint {
  const b = ((base % N) + N) % N;
  if (b < 2n || b > N - 2n || exp <= 0n) return modPow(b, exp, N);
  return toBig(openSsl.run(Buffer.from(padHex(exp), "hex"), Buffer.from(padHex(b), "hex")).toString("hex"));
}

/** The part of a pool id after "_": what the clients call the pool name. */
export const poolNameOf = (poolId: string) => poolId.split("_")[1] ?? "";

export interface Verifier {
  /** The salt as the clients read it back: hex of a positive integer. */
  salt: string;
  /** v = g^x mod N, hex. */
  verifier: string;
}

/** x = H(padHex(salt) | H(poolName | userIdForSrp | ":" | password)). */
function computeX(saltHex: string, poolName: string, userIdForSrp: string, password: string): bigint {
  const inner = sha256(Buffer.from(`${poolName}${userIdForSrp}:${password}`, "utf8")).toString("hex");
  return toBig(hashHex(padHex(toBig(saltHex)) + inner));
}

/** The verifier stored when a password is set: it depends on the pool, the user id for SRP, the password and a salt. */
export function makeVerifier(poolId: string, userIdForSrp: string, password: string, saltBytes: Buffer): Verifier {
  const salt = toBig(saltBytes.toString("hex") || "0").toString(16);
  const x = computeX(salt, poolNameOf(poolId), userIdForSrp, password);
  return { salt, verifier: modPowN(g, x).toString(16) };
}

/** The server's first step: b random, B = k·v + g^b mod N. `b` stays on the server (in the challenge session). */
export function serverChallenge(verifierHex: string, bBytes: Buffer): { b: string; B: string } {
  const v = toBig(verifierHex);
  let b = toBig(bBytes.toString("hex")) % N;
  if (b === 0n) b = 1n;
  const B = (k * v + modPowN(g, b)) % N;
  return { b: b.toString(16), B: B.toString(16) };
}

/** The shared 16-byte key, or undefined when A is unusable (A mod N = 0, or u = 0): that answer is a wrong password. */
export function serverKey(verifierHex: string, bHex: string, BHex: string, AHex: string): Buffer | undefined {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(AHex)) return undefined;
  const A = toBig(AHex);
  if (A % N === 0n) return undefined;
  const B = toBig(BHex);
  const u = toBig(hashHex(padHex(A) + padHex(B)));
  if (u === 0n) return undefined;
  const v = toBig(verifierHex);
  const S = modPowN((A * modPowN(v, u)) % N, toBig(bHex));
  return hkdf(Buffer.from(padHex(S), "hex"), Buffer.from(padHex(u), "hex"));
}

function hkdf(ikm: Buffer, salt: Buffer): Buffer {
  const prk = createHmac("sha256", salt).update(ikm).digest();
  const info = Buffer.concat([Buffer.from("Caldera Derived Key", "utf8"), Buffer.from([1])]);
  return createHmac("sha256", prk).update(info).digest().subarray(0, 16);
}

/** HMAC-SHA256(key, poolName | userIdForSrp | secretBlock | timestamp), base64: what PASSWORD_CLAIM_SIGNATURE carries. */
export function claimSignature(key: Buffer, poolId: string, userIdForSrp: string, secretBlock: Buffer, timestamp: string): string {
  return createHmac("sha256", key)
    .update(Buffer.concat([Buffer.from(poolNameOf(poolId), "utf8"), Buffer.from(userIdForSrp, "utf8"), secretBlock, Buffer.from(timestamp, "utf8")]))
    .digest("base64");
}

/** Constant-time comparison of two base64 signatures. */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, "base64");
  const y = Buffer.from(b, "base64");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * The client side, for tests and the bench only (the proofs use the real client libraries): A = g^a, and the
 * key from B and the password.
 */
export function clientKey(poolId: string, userIdForSrp: string, password: string, saltHex: string, BHex: string, aBytes: Buffer): { A: string; key: Buffer } {
  const a = toBig(aBytes.toString("hex")) % N;
  const A = modPow(g, a, N);
  const B = toBig(BHex);
  const u = toBig(hashHex(padHex(A) + padHex(B)));
  const x = computeX(saltHex, poolNameOf(poolId), userIdForSrp, password);
  const base = (((B - k * modPow(g, x, N)) % N) + N) % N;
  const S = modPow(base, a + u * x, N);
  return { A: A.toString(16), key: hkdf(Buffer.from(padHex(S), "hex"), Buffer.from(padHex(u), "hex")) };
}

/** Cognito's TIMESTAMP format: "Tue Sep 9 08:05:03 UTC 2025" (day of month not padded). */
export function srpTimestamp(d: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
