/**
 * ChangePassword (access token): the signed-in user replaces their password, proving the previous one; at most
 * `changePasswordLimitPerHour` attempts per user. The new password must satisfy the pool's policy.
 */
import {
  NotAuthorizedException, UserNotFoundException, type ChangePasswordRequest, type ChangePasswordResponse,
} from "../generated/cognito-idp.js";
import { countAttempt } from "../domain/limits.js";
import { checkPassword } from "../domain/lockout.js";
import { checkPasswordPolicy, verifyPassword } from "../domain/passwords.js";
import { keyOf, passwordPolicy } from "../domain/pool.js";
import { passwordWrite, writePassword } from "../domain/set-password.js";
import type { Deps, Handler } from "./deps.js";

const WRONG = "Incorrect username or password.";

export default function ChangePassword(
  deps: Pick<Deps, "store" | "tokens" | "clock" | "random" | "config">,
): Handler<ChangePasswordRequest, ChangePasswordResponse> {
  const { store, tokens, clock, random, config } = deps;
  return async function changePassword(input) {
    const { pool, username } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    const user = await store.getUser(pool.id, keyOf(pool.doc, username));
    if (!user) throw new UserNotFoundException("User does not exist.");
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    // Counted in its own statement, before the check, so a wrong guess counts.
    await countAttempt(store, pool.id, user.usernameKey, "change-password", config.changePasswordLimitPerHour, clock.now());
    // A wrong previous password counts in the sign-in lockout, as Cognito counts it.
    if (!(await checkPassword(deps, user, () => verifyPassword(input.PreviousPassword ?? "", user.passwordHash)))) {
      throw new NotAuthorizedException(WRONG);
    }
    checkPasswordPolicy(input.ProposedPassword, passwordPolicy(pool.doc));
    const password = await passwordWrite(pool.id, user.username, input.ProposedPassword, random, config.passwordHashCost);
    await store.tx(async (tx) => {
      const current = await tx.getUser(pool.id, user.usernameKey);
      if (!current) throw new UserNotFoundException("User does not exist.");
      await writePassword(tx, current, password, clock.now());
    });
    return {};
  };
}
