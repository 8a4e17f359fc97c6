/** Passwords: scrypt on the libuv thread pool, and Cognito's password-policy messages. */
import { scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { InvalidPasswordException } from "../generated/cognito-idp.js";
import type { Random } from "./clock.js";

export const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

/**
 * The password-hash cost: scrypt's N as a power of two (`--password-hash-cost`). Each hash stores its own N, so a
 * change applies to new hashes, and a weaker stored hash is replaced at the user's next successful sign-in.
 * Production's default (and floor) is 2^14, the cost every hash had before it was a setting; dev mode's is 2^8, a
 * few hundred microseconds, so that test suites signing up hundreds of users stay fast.
 */
export const HASH_COST = { production: 14, dev: 8, min: 4, max: 20 } as const;

/** The N of a stored hash (0 when it is not one of ours). */
export function hashCostOf(stored: string | null): number {
  const [kind, n] = (stored ?? "").split("$");
  return kind === "scrypt" ? Math.log2(Number(n)) || 0 : 0;
}

/** A hash no password matches, at a cost: what an unknown user's sign-in is compared against, so it costs the same. */
export function dummyHash(cost: number): string {
  return `scrypt$${2 ** cost}$${SCRYPT.r}$${SCRYPT.p}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;
}

export const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (e, k) => (e ? reject(e) : resolve(k))));

export async function hashPassword(password: string, random: Random, cost: number = HASH_COST.production): Promise<string> {
  const salt = random.bytes(16);
  const N = 2 ** cost;
  // scrypt needs 128 * N * r bytes; Node's default limit (32 MiB) admits N = 2^15 at r = 8.
  const key = await scrypt(password, salt, SCRYPT.keylen, { N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 256 * N * SCRYPT.r + 1024 * 1024 });
  return `scrypt$${N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt") return false;
  const want = Buffer.from(hash, "base64");
  const N = Number(n);
  const got = await scrypt(password, Buffer.from(salt, "base64"), want.length, { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) + 1024 * 1024 });
  return timingSafeEqual(want, got);
}

export interface PasswordPolicy {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
}

/** The symbols Cognito counts for RequireSymbols (space included). */
const SYMBOLS = new Set("^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ");

export function checkPasswordPolicy(password: string, policy: PasswordPolicy): void {
  const fail = (why: string) => { throw new InvalidPasswordException(`Password did not conform with policy: ${why}`); };
  if ([...password].length < (policy.MinimumLength ?? 8)) fail("Password not long enough");
  if (policy.RequireUppercase && !/\p{Lu}/u.test(password)) fail("Password must have uppercase characters");
  if (policy.RequireLowercase && !/\p{Ll}/u.test(password)) fail("Password must have lowercase characters");
  if (policy.RequireNumbers && !/[0-9]/.test(password)) fail("Password must have numeric characters");
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) fail("Password must have symbol characters");
}
