/**
 * ConfirmSignUp (public): checks the newest code (constant time), consumes it atomically, confirms the user and
 * marks the attribute it was delivered to as verified. Every attempt is counted before the check.
 *
 * The request path is two store calls (two round trips on PostgreSQL, docs/postgres.md): the user read with their
 * code, then one call that counts the attempt and, when the code was right, consumes it and confirms the user, only
 * while the user is still as read. A pool where the code's attribute is an alias, or a user who changed in between,
 * is decided in a transaction (after the count).
 */
import {
  AliasExistsException, CodeMismatchException, ExpiredCodeException, LimitExceededException, NotAuthorizedException, UserNotFoundException,
  type ConfirmSignUpRequest, type ConfirmSignUpResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { codeHmac, sameHmac } from "../domain/codes.js";
import { HOUR_MS, LIMIT_MESSAGE } from "../domain/limits.js";
import { simulateConfirmAtOnce } from "../domain/existence.js";
import { loadClient, resolveOtherwise } from "../domain/lookup.js";
import { aliasAttributes, keyOf } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import type { PoolRecord, Store, UserRecord } from "../store/types.js";
import { runPostConfirmation } from "../triggers/lifecycle.js";
import type { Deps, Handler } from "./deps.js";

const MISMATCH = "Invalid verification code provided, please try again.";
const NOT_UNCONFIRMED = "User cannot confirm because user status is not UNCONFIRMED.";
const EXPIRED = "Invalid code provided, please request a code again.";

export default function ConfirmSignUp(deps: Pick<Deps, "store" | "clock" | "codeKey" | "config" | "log">): Handler<ConfirmSignUpRequest, ConfirmSignUpResponse> {
  const { store, clock, codeKey, config } = deps;
  return async function confirmSignUp(input) {
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const read = await store.getUserWithCode(pool.id, keyOf(pool.doc, input.Username), "SIGN_UP");
    const found = read?.user ?? await resolveOtherwise(store, pool, input.Username);
    if (!found) {
      if (preventsUserExistenceErrors(client)) {
        // The same limit, comparison and count as for a real user, so neither timing nor the 16th attempt tells.
        await simulateConfirmAtOnce(store, { codeKey, clock }, pool, input.Username, input.ConfirmationCode, config.confirmLimitPerHour);
        throw new CodeMismatchException(MISMATCH);
      }
      throw new UserNotFoundException("Username/client id combination not found.");
    }
    const code = read ? read.code : await store.getCode(pool.id, found.usernameKey, "SIGN_UP");
    const now = clock.now();
    const given = codeHmac(codeKey, pool.id, found.usernameKey, "SIGN_UP", input.ConfirmationCode);
    const right = code !== undefined && sameHmac(code.codeHmac, given);
    const refusal = found.status !== "UNCONFIRMED" ? new NotAuthorizedException(NOT_UNCONFIRMED)
      : !right ? new CodeMismatchException(MISMATCH)
      : code.expiresAt < now ? new ExpiredCodeException(EXPIRED)
      : undefined;
    const alias = code !== undefined && aliasAttributes(pool.doc).includes(code.attribute);
    const check = { poolId: pool.id, usernameKey: found.usernameKey, purpose: "SIGN_UP" as const, now,
      limit: { kind: "confirm", perHour: config.confirmLimitPerHour, windowMs: HOUR_MS } };
    // Counted first, always, and committed whatever follows (a failed guess counts).
    const r = await store.confirmWithCode(refusal || alias ? check : {
      ...check,
      consume: { codeHmac: code!.codeHmac, from: "UNCONFIRMED", attributes: found.attributes, to: "CONFIRMED",
        newAttributes: { ...found.attributes, [`${code!.attribute}_verified`]: "true" } },
    });
    if (r === "limited") throw new LimitExceededException(LIMIT_MESSAGE);
    if (refusal) throw refusal;
    const confirmed = r === "confirmed"
      ? { ...found, status: "CONFIRMED" as const, attributes: { ...found.attributes, [`${code!.attribute}_verified`]: "true" } }
      : await confirmInTransaction(store, pool, found.usernameKey, input.ConfirmationCode, input.ForceAliasCreation, codeKey, now);
    // After the commit, as in Cognito: the user stays confirmed when the trigger fails (the caller hears its error).
    await runPostConfirmation(deps, {
      pool, source: "PostConfirmation_ConfirmSignUp", user: confirmed, clientId: client.id, clientMetadata: input.ClientMetadata,
    });
    return {};
  };
}

/** The check after the count, in one transaction: for an alias attribute, and for a user who changed since the read. */
async function confirmInTransaction(store: Store, pool: PoolRecord, usernameKey: string, confirmationCode: string, forceAlias: boolean | undefined,
  codeKey: Buffer, now: number): Promise<UserRecord> {
  return store.tx(async (tx) => {
    const user = await tx.getUser(pool.id, usernameKey);
    if (!user) throw new UserNotFoundException("Username/client id combination not found.");
    if (user.status !== "UNCONFIRMED") throw new NotAuthorizedException(NOT_UNCONFIRMED);
    const code = await tx.getCode(pool.id, user.usernameKey, "SIGN_UP");
    const given = codeHmac(codeKey, pool.id, user.usernameKey, "SIGN_UP", confirmationCode);
    if (!code || !sameHmac(code.codeHmac, given)) throw new CodeMismatchException(MISMATCH);
    if (code.expiresAt < now) throw new ExpiredCodeException(EXPIRED);
    if (!(await tx.consumeCode(pool.id, user.usernameKey, "SIGN_UP", code.codeHmac))) throw new CodeMismatchException(MISMATCH);

    // An alias (email/phone) may belong to one confirmed user only; ForceAliasCreation moves it to this one.
    if (aliasAttributes(pool.doc).includes(code.attribute)) {
      const value = user.attributes[code.attribute];
      const holders = code.attribute === "email"
        ? await tx.findUsersByEmail(pool.id, keyOf(pool.doc, value)) : await tx.findUsersByPhone(pool.id, value);
      for (const other of holders.filter((u) => u.usernameKey !== user.usernameKey && u.attributes[`${code.attribute}_verified`] === "true")) {
        if (!forceAlias) throw new AliasExistsException(`An account with the ${code.attribute} already exists.`);
        await tx.updateUser({ ...other, attributes: { ...other.attributes, [`${code.attribute}_verified`]: "false" }, updatedAt: now });
      }
    }
    const attributes = { ...user.attributes, [`${code.attribute}_verified`]: "true" };
    if (!(await tx.transitionStatus(pool.id, user.usernameKey, "UNCONFIRMED", "CONFIRMED", attributes, now))) {
      throw new NotAuthorizedException(NOT_UNCONFIRMED);
    }
    return { ...user, attributes, status: "CONFIRMED" as const };
  });
}
