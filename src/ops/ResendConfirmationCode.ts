/**
 * ResendConfirmationCode (public): a new code for an UNCONFIRMED user, superseding the old one, to the
 * auto-verified attribute (phone before email); at most `resendLimitPerHour` per user. Three paths, one answer: one
 * store call that reads the user itself, a read then one guarded store call, or a transaction (see below).
 */
import {
  InvalidParameterException, LimitExceededException, NotAuthorizedException, UserNotFoundException,
  type CodeDeliveryDetailsType, type ResendConfirmationCodeRequest, type ResendConfirmationCodeResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import {
  composeResend, deliveryDetails, deliveryTarget, issueCodeAtOnce, issueSignUpCode, targetFor, type MessageOptions,
} from "../domain/confirmation.js";
import { composeDecoy, simulateDeliveryAtOnce, simulateResend } from "../domain/existence.js";
import { LIMIT_MESSAGE } from "../domain/limits.js";
import { loadClient, otherLookups, resolveUser } from "../domain/lookup.js";
import { autoVerified } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { confirmsWithLink } from "../messages/templates.js";
import type { PoolRecord } from "../store/types.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import type { Deps, Handler } from "./deps.js";

const NO_AUTO_VERIFICATION = "Cannot resend codes. Auto verification not turned on.";
const NOT_FOUND = "Username/client id combination not found.";
const DISABLED = "User is disabled.";
const CONFIRMED = "User is already confirmed.";
const NO_TARGET = "User has no attribute matching desired auto verified attributes.";

type ResendDeps = Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "withOutbox" | "log">;

/**
 * The resend in one store call (`WithOutbox.resend`): the code composed for each attribute it may go to, and under
 * PreventUserExistenceErrors the decoy too (the same code), before the store reads the user and writes what applies.
 * Known and unknown names compose the same and make the same call (docs/security.md).
 */
async function resendAtOnce(deps: ResendDeps, pool: PoolRecord, name: string, hide: boolean, opts: MessageOptions): Promise<CodeDeliveryDetailsType> {
  const code = deps.random.code();
  const decoy = hide ? composeDecoy(deps, pool, name, "RESEND_CODE", autoVerified(pool.doc), opts, code) : undefined;
  const r = await deps.withOutbox.resend({ ...composeResend(deps, pool, name, opts, code), status: "UNCONFIRMED", decoy });
  switch (r.r) {
    case "issued": return deliveryDetails(targetFor(r.attribute, r.destination));
    case "simulated": return decoy!.details;
    case "limited": throw new LimitExceededException(LIMIT_MESSAGE);
    case "absent": throw new UserNotFoundException(NOT_FOUND);
    case "disabled": throw new NotAuthorizedException(DISABLED);
    case "status": throw new InvalidParameterException(CONFIRMED);
    case "no-target": throw new InvalidParameterException(NO_TARGET);
  }
}

export default function ResendConfirmationCode(
  deps: ResendDeps,
): Handler<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> {
  return async function resendConfirmationCode(input) {
    const { store, config } = deps;
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const hide = preventsUserExistenceErrors(client);
    const opts = { clientId: input.ClientId, publicUrl: config.publicUrl }; // the message a real resend composes, link and all
    // Where a read outside a transaction and then one store call is the cheaper way (`withOutbox.atOnce`:
    // PostgreSQL), and under PreventUserExistenceErrors (below): one store call that reads the user itself, one round
    // trip on PostgreSQL (docs/postgres.md). It serves wherever nothing about the user is needed before composing: no
    // CustomMessage trigger (it is called with the user's attributes) and a name that can only be a username key (no
    // sub, alias or email-as-username lookup; decided by the name's shape and the pool, never by who exists). On
    // SQLite, without PreventUserExistenceErrors, the transaction below measured cheaper (242-255 against 265-274 µs of
    // CPU per resend at c=64, 2026-12-07).
    if ((deps.withOutbox.atOnce || hide) && !customMessageArn(pool) && !otherLookups(pool, input.Username).length) {
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException(NO_AUTO_VERIFICATION);
      return { CodeDeliveryDetails: await resendAtOnce(deps, pool, input.Username, hide, opts) };
    }
    // The CustomMessage trigger is an HTTP call: made before the transaction, for a user who can get a code.
    // (Without a trigger there is nothing to prepare: skip the extra user lookup, the hot path's costliest read.)
    const pre = customMessageArn(pool) ? await resolveUser(store, pool, input.Username) : undefined;
    const preTarget = pre && pre.enabled && pre.status === "UNCONFIRMED" ? deliveryTarget(pool, pre.attributes) : undefined;
    const custom = pre && preTarget && await runCustomMessage(deps, {
      pool, source: "CustomMessage_ResendCode", username: pre.username, sub: pre.sub, status: pre.status, attributes: pre.attributes,
      clientId: input.ClientId, clientMetadata: input.ClientMetadata, medium: preTarget.medium, linkMode: confirmsWithLink(pool.doc),
    });
    // Otherwise, in two round trips on PostgreSQL: the user read here, then the code, the count and the message in one
    // store call that writes only while the user is still as read. A user changed in between (undefined): decided again
    // in a transaction below. On SQLite the transaction alone is cheaper (`withOutbox.atOnce`), except under
    // PreventUserExistenceErrors: there the at-once paths of a real and of an unknown user were measured to within 3 %
    // of each other, where with the transaction the real one is the cheaper by enough to let the delivery work it
    // leaves behind show in the next request (unknown/known 1.05 at c=1, docs/performance.md).
    const fast = async (): Promise<CodeDeliveryDetailsType | undefined> => {
      const user = pre ?? (await resolveUser(store, pool, input.Username));
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException(NO_AUTO_VERIFICATION);
      if (!user || !user.enabled) {
        // PreventUserExistenceErrors=ENABLED: the same reads, composition and one write, into the decoy table.
        if (hide) return simulateDeliveryAtOnce(deps.withOutbox.issue, deps, pool, input.Username, "RESEND_CODE", autoVerified(pool.doc), opts);
        if (!user) throw new UserNotFoundException(NOT_FOUND);
        throw new NotAuthorizedException(DISABLED);
      }
      if (user.status !== "UNCONFIRMED") throw new InvalidParameterException(CONFIRMED);
      const target = deliveryTarget(pool, user.attributes);
      if (!target) throw new InvalidParameterException(NO_TARGET);
      return issueCodeAtOnce(deps.withOutbox.issue, deps, pool, user, target, "RESEND_CODE",
        { ...opts, custom: target.medium === preTarget?.medium ? custom : undefined });
    };
    const details = (deps.withOutbox.atOnce || hide ? await fast() : undefined) ?? await deps.withOutbox(async (tx, out): Promise<CodeDeliveryDetailsType> => {
      const user = await resolveUser(tx, pool, input.Username);
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException(NO_AUTO_VERIFICATION);
      if (!user || !user.enabled) {
        // PreventUserExistenceErrors=ENABLED: an unknown or disabled user gets a delivery that looks real.
        // Same work as a real resend (limit, code, HMAC, writes); nothing is delivered. See docs/security.md.
        if (hide) return simulateResend(tx, out, deps, pool, input.Username, opts);
        if (!user) throw new UserNotFoundException(NOT_FOUND);
        throw new NotAuthorizedException(DISABLED);
      }
      if (user.status !== "UNCONFIRMED") throw new InvalidParameterException(CONFIRMED);
      const target = deliveryTarget(pool, user.attributes);
      if (!target) throw new InvalidParameterException(NO_TARGET);
      // The per-user resend limit is counted by issueSignUpCode (RESEND_CODE).
      return issueSignUpCode(tx, out, deps, pool, user, target, "ResendCode", {
        ...opts, custom: target.medium === preTarget?.medium ? custom : undefined,
      });
    });
    return { CodeDeliveryDetails: details };
  };
}
