/**
 * ConfirmForgotPassword (public): checks the newest password-reset code (one hour; constant time; every attempt
 * counted first), sets the new password (the pool's policy applies) and leaves the user CONFIRMED.
 */
import {
  CodeMismatchException, ExpiredCodeException, NotAuthorizedException, UserNotFoundException,
  type ConfirmForgotPasswordRequest, type ConfirmForgotPasswordResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { CODE_EXPIRED as EXPIRED, CODE_MISMATCH as MISMATCH, codeHmac, sameHmac } from "../domain/codes.js";
import { simulateConfirm } from "../domain/existence.js";
import { countAttempt } from "../domain/limits.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { checkPasswordPolicy } from "../domain/passwords.js";
import { passwordWrite, writePassword } from "../domain/set-password.js";
import { passwordPolicy } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { runPostConfirmation } from "../triggers/lifecycle.js";
import type { Deps, Handler } from "./deps.js";


export default function ConfirmForgotPassword(
  deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "log">,
): Handler<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse> {
  const { store, clock, random, codeKey, config } = deps;
  return async function confirmForgotPassword(input) {
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const limit = config.confirmForgotPasswordLimitPerHour;
    // The new password is checked against the policy and hashed (scrypt hash and SRP verifier) after the attempt is
    // counted, for a simulated user too (the same answer to a weak password, and the same time).
    const newPassword = (username: string) => {
      checkPasswordPolicy(input.Password, passwordPolicy(pool.doc));
      return passwordWrite(pool.id, username, input.Password, random, config.passwordHashCost);
    };
    const found = await resolveUser(store, pool, input.Username);
    if (!found) {
      if (preventsUserExistenceErrors(client)) {
        await simulateConfirm(store, { codeKey, clock }, pool, input.Username, input.ConfirmationCode, limit, "confirm-forgot-password",
          "FORGOT_PASSWORD", () => newPassword(input.Username));
        throw new CodeMismatchException(MISMATCH);
      }
      throw new UserNotFoundException("Username/client id combination not found.");
    }
    const now = clock.now();
    // Counted in its own statement, so a failed guess still counts (and a rollback below cannot undo it).
    await countAttempt(store, pool.id, found.usernameKey, "confirm-forgot-password", limit, now);
    const password = await newPassword(found.username);
    const reset = await store.tx(async (tx) => {
      const user = await tx.getUser(pool.id, found.usernameKey);
      if (!user) throw new UserNotFoundException("Username/client id combination not found.");
      if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
      const code = await tx.getCode(pool.id, user.usernameKey, "FORGOT_PASSWORD");
      const given = codeHmac(codeKey, pool.id, user.usernameKey, "FORGOT_PASSWORD", input.ConfirmationCode);
      if (!code || !sameHmac(code.codeHmac, given)) throw new CodeMismatchException(MISMATCH);
      if (code.expiresAt < now) throw new ExpiredCodeException(EXPIRED);
      if (!(await tx.consumeCode(pool.id, user.usernameKey, "FORGOT_PASSWORD", code.codeHmac))) throw new CodeMismatchException(MISMATCH);
      // The code reached a verified address; an UNCONFIRMED user who proves it is confirmed, as in Cognito.
      await writePassword(tx, user, password, now, { status: "CONFIRMED", expiresAt: null });
      return { ...user, status: "CONFIRMED" as const };
    });
    await runPostConfirmation(deps, {
      pool, source: "PostConfirmation_ConfirmForgotPassword", user: reset, clientId: client.id, clientMetadata: input.ClientMetadata,
    });
    return {};
  };
}
