/**
 * Setting a password: the scrypt hash and the SRP verifier are always written together (USER_PASSWORD_AUTH checks
 * the one, USER_SRP_AUTH the other). Every place that sets a password goes through here: SignUp (on insert),
 * AdminCreateUser, AdminSetUserPassword, the NEW_PASSWORD_REQUIRED answer, ChangePassword and ConfirmForgotPassword.
 */
import type { PasswordWrite, Repos, UserRecord, UserStatus } from "../store/types.js";
import type { Random } from "./clock.js";
import { hashCostOf, hashPassword, type PasswordPolicy } from "./passwords.js";
import { makeVerifier } from "./srp.js";

/**
 * The hash (scrypt at N = 2^`cost`, the configured --password-hash-cost) and the verifier of `password` for
 * `username` (the USER_ID_FOR_SRP) in pool `poolId`.
 */
export async function passwordWrite(poolId: string, username: string, password: string, random: Random, cost: number): Promise<Omit<PasswordWrite, "passwordExpiresAt" | "status">> {
  const passwordHash = await hashPassword(password, random, cost);
  const { salt, verifier } = makeVerifier(poolId, username, password, random.bytes(16));
  return { passwordHash, srpSalt: salt, srpVerifier: verifier };
}

/**
 * Sets `user`'s password (hash and verifier); `status` moves the user (CONFIRMED for a permanent password,
 * FORCE_CHANGE_PASSWORD for a temporary one), `expiresAt` ends a temporary password. Updates `user` in place so
 * that a later `updateUser(user)` keeps the new hash.
 */
export async function setPassword(repos: Repos, user: UserRecord, password: string, random: Random, cost: number, now: number,
  opts: { status?: UserStatus; expiresAt?: number | null } = {}): Promise<boolean> {
  return writePassword(repos, user, await passwordWrite(user.poolId, user.username, password, random, cost), now, opts);
}

/** `setPassword` with the hash and verifier computed beforehand (outside a transaction: scrypt takes a while). */
export async function writePassword(repos: Repos, user: UserRecord, w: Omit<PasswordWrite, "passwordExpiresAt" | "status">, now: number,
  opts: { status?: UserStatus; expiresAt?: number | null } = {}): Promise<boolean> {
  const ok = await repos.setPassword(user.poolId, user.usernameKey, { ...w, passwordExpiresAt: opts.expiresAt ?? null, status: opts.status }, now);
  user.passwordHash = w.passwordHash;
  if (opts.status) user.status = opts.status;
  user.updatedAt = now;
  return ok;
}

/** When a temporary password set now stops working: the pool's TemporaryPasswordValidityDays (default 7) later. */
export const temporaryPasswordExpiry = (pool: Record<string, any>, now: number) =>
  now + Number(pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? 7) * 86_400_000;

/**
 * A password set before verifiers existed gets one at the user's next successful password sign-in (the plaintext
 * is known only then). Nothing changes when the user already has one, or the password changed meanwhile.
 */
export async function upgradeVerifier(repos: Repos, user: UserRecord, password: string, random: Random): Promise<void> {
  const saved = await repos.getPasswordVerifier(user.poolId, user.usernameKey);
  if (!saved || saved.srpVerifier || !user.passwordHash) return;
  const { salt, verifier } = makeVerifier(user.poolId, user.username, password, random.bytes(16));
  await repos.setPasswordVerifier(user.poolId, user.usernameKey, user.passwordHash, salt, verifier);
}

/**
 * A hash weaker than the configured cost (made in dev mode, or before the cost was raised) is replaced at the next
 * successful password sign-in, while the password is at hand; only if it is still the one just checked.
 */
export async function upgradeHash(repos: Repos, user: UserRecord, password: string, random: Random, cost: number): Promise<void> {
  if (!user.passwordHash || hashCostOf(user.passwordHash) >= cost) return;
  const stronger = await hashPassword(password, random, cost);
  if (await repos.replacePasswordHash(user.poolId, user.usernameKey, user.passwordHash, stronger)) user.passwordHash = stronger;
}

const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const SYMBOLS = "^$*.[]{}()?!@#%&/,><:;|_~=+-";

/**
 * A temporary password for AdminCreateUser when none is given: the policy's length (at least 8), with one of each
 * character class whatever the policy asks (so it passes any policy), in random order.
 */
export function generateTemporaryPassword(policy: PasswordPolicy, random: Random): string {
  const length = Math.max(policy.MinimumLength ?? 8, 8);
  const chars = [random.chars(1, UPPER), random.chars(1, LOWER), random.chars(1, DIGITS), random.chars(1, SYMBOLS),
    ...random.chars(length - 4, UPPER + LOWER + DIGITS)];
  const order = random.bytes(chars.length * 4);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = order.readUInt32BE(i * 4) % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}
