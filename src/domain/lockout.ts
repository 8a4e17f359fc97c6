/**
 * Cognito's temporary lockout after repeated wrong passwords, counted in the store so that it holds across
 * instances. After `lockoutAfterFailures` (5) failed password checks the user is locked for 1 s; every further
 * failure after a lock has run out doubles it (2^(n-5) s), up to `lockoutMaxSeconds` (900 s, Cognito's "about 15
 * minutes"). While locked, every sign-in with a password, right or wrong, is `NotAuthorizedException: Password
 * attempts exceeded`, and such attempts are not counted. The count starts again after a successful sign-in, or after
 * 15 quiet minutes since the last failure or the end of the last lock.
 *
 * Every flow that checks a password calls `checkPassword`.
 */
import { NotAuthorizedException } from "../generated/cognito-idp.js";
import type { Repos } from "../store/types.js";
import type { Clock } from "./clock.js";

export const PASSWORD_ATTEMPTS_EXCEEDED = "Password attempts exceeded";
/** Quiet time after which the failure count starts again. */
export const QUIET_RESET_MS = 15 * 60 * 1000;

/** The settings (`--lockout-after-failures`, `--lockout-max-seconds`); 0 failures = no lockout, said at start-up. */
export interface LockoutSettings {
  lockoutAfterFailures: number;
  lockoutMaxSeconds: number;
}

export type LockoutStore = Pick<Repos, "getSignInFailures" | "recordSignInFailure" | "lockSignIn" | "clearSignInFailures">;

/** How long the lock after the `failures`-th failure lasts: none below the threshold, 1 s at it, then doubling, capped. */
export function lockDurationMs(failures: number, s: LockoutSettings): number {
  if (s.lockoutAfterFailures === 0 || failures < s.lockoutAfterFailures) return 0;
  return Math.min(s.lockoutMaxSeconds * 1000, 1000 * 2 ** Math.min(failures - s.lockoutAfterFailures, 40));
}

/**
 * Checks a user's password under the lockout: throws `NotAuthorizedException: Password attempts exceeded` while the
 * user is locked (without calling `verify`); otherwise runs `verify` (the scrypt check, or SRP's signature check) and
 * counts a failure or clears the count. Returns what `verify` returned: the caller answers a wrong password as its
 * flow does.
 */
export async function checkPassword(
  { store, clock, config }: { store: LockoutStore; clock: Clock; config: LockoutSettings },
  user: { poolId: string; usernameKey: string },
  verify: () => Promise<boolean>,
): Promise<boolean> {
  if (config.lockoutAfterFailures === 0) return verify();
  const state = await store.getSignInFailures(user.poolId, user.usernameKey);
  if (state?.lockedUntil != null && clock.now() < state.lockedUntil) throw new NotAuthorizedException(PASSWORD_ATTEMPTS_EXCEEDED);
  if (await verify()) {
    if (state) await store.clearSignInFailures(user.poolId, user.usernameKey);
    return true;
  }
  const now = clock.now();
  const failures = await store.recordSignInFailure(user.poolId, user.usernameKey, now, now - QUIET_RESET_MS);
  const lockMs = lockDurationMs(failures, config);
  if (lockMs > 0) await store.lockSignIn(user.poolId, user.usernameKey, now + lockMs);
  return false;
}
