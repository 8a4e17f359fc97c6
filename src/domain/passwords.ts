/** Passwords: scrypt on the libuv thread pool, and Cognito's password-policy messages. */
import { scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { InvalidPasswordException } from "../generated/cognito-idp.js";
import type { Random } from "./clock.js";

export const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

export const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCb(password, salt, keylen, opts, (e, k) => (e ? reject(e) : resolve(k))));

export async function hashPassword(password: string, random: Random): Promise<string> {
  const salt = random.bytes(16);
  const key = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt") return false;
  const want = Buffer.from(hash, "base64");
  const got = await scrypt(password, Buffer.from(salt, "base64"), want.length, { N: Number(n), r: Number(r), p: Number(p) });
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
