/**
 * ConfirmSignUp (public): checks the newest code (constant time), consumes it atomically, confirms the user and
 * marks the attribute it was delivered to as verified. Every attempt is counted before the check.
 */
import {
  AliasExistsException, CodeMismatchException, ExpiredCodeException, NotAuthorizedException, UserNotFoundException,
  type ConfirmSignUpRequest, type ConfirmSignUpResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { codeHmac, sameHmac } from "../domain/codes.js";
import { countAttempt } from "../domain/limits.js";
import { simulateConfirm } from "../domain/existence.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { aliasAttributes, keyOf } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { runPostConfirmation } from "../triggers/lifecycle.js";
import type { Deps, Handler } from "./deps.js";

const MISMATCH = "Invalid verification code provided, please try again.";
const NOT_UNCONFIRMED = "User cannot confirm because user status is not UNCONFIRMED.";

export default function ConfirmSignUp(deps: Pick<Deps, "store" | "clock" | "codeKey" | "config" | "log">): Handler<ConfirmSignUpRequest, ConfirmSignUpResponse> {
  const { store, clock, codeKey, config } = deps;
  return async function confirmSignUp(input) {
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const found = await resolveUser(store, pool, input.Username);
    if (!found) {
      if (preventsUserExistenceErrors(client)) {
        // The same limit, reads and comparison as for a real user, so neither timing nor the 16th attempt tells.
        await simulateConfirm(store, { codeKey, clock }, pool, input.Username, input.ConfirmationCode, config.confirmLimitPerHour);
        throw new CodeMismatchException(MISMATCH);
      }
      throw new UserNotFoundException("Username/client id combination not found.");
    }
    const now = clock.now();
    // Counted in its own statement, so a failed guess still counts (and a rollback below cannot undo it).
    await countAttempt(store, pool.id, found.usernameKey, "confirm", config.confirmLimitPerHour, now);
    const confirmed = await store.tx(async (tx) => {
      const user = await tx.getUser(pool.id, found.usernameKey);
      if (!user) throw new UserNotFoundException("Username/client id combination not found.");
      if (user.status !== "UNCONFIRMED") throw new NotAuthorizedException(NOT_UNCONFIRMED);
      const code = await tx.getCode(pool.id, user.usernameKey, "SIGN_UP");
      const given = codeHmac(codeKey, pool.id, user.usernameKey, "SIGN_UP", input.ConfirmationCode);
      if (!code || !sameHmac(code.codeHmac, given)) throw new CodeMismatchException(MISMATCH);
      if (code.expiresAt < now) throw new ExpiredCodeException("Invalid code provided, please request a code again.");
      if (!(await tx.consumeCode(pool.id, user.usernameKey, "SIGN_UP", code.codeHmac))) throw new CodeMismatchException(MISMATCH);

      // An alias (email/phone) may belong to one confirmed user only; ForceAliasCreation moves it to this one.
      if (aliasAttributes(pool.doc).includes(code.attribute)) {
        const value = user.attributes[code.attribute];
        const holders = code.attribute === "email"
          ? await tx.findUsersByEmail(pool.id, keyOf(pool.doc, value)) : await tx.findUsersByPhone(pool.id, value);
        for (const other of holders.filter((u) => u.usernameKey !== user.usernameKey && u.attributes[`${code.attribute}_verified`] === "true")) {
          if (!input.ForceAliasCreation) throw new AliasExistsException(`An account with the ${code.attribute} already exists.`);
          await tx.updateUser({ ...other, attributes: { ...other.attributes, [`${code.attribute}_verified`]: "false" }, updatedAt: now });
        }
      }
      const attributes = { ...user.attributes, [`${code.attribute}_verified`]: "true" };
      if (!(await tx.transitionStatus(pool.id, user.usernameKey, "UNCONFIRMED", "CONFIRMED", attributes, now))) {
        throw new NotAuthorizedException(NOT_UNCONFIRMED);
      }
      return { ...user, attributes, status: "CONFIRMED" as const };
    });
    // After the commit, as in Cognito: the user stays confirmed when the trigger fails (the caller hears its error).
    await runPostConfirmation(deps, {
      pool, source: "PostConfirmation_ConfirmSignUp", user: confirmed, clientId: client.id, clientMetadata: input.ClientMetadata,
    });
    return {};
  };
}
