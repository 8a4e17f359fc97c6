/**
 * ResendConfirmationCode (public): a new code for an UNCONFIRMED user, superseding the old one, to the
 * auto-verified attribute (phone before email); at most `resendLimitPerHour` per user.
 */
import {
  InvalidParameterException, NotAuthorizedException, UserNotFoundException,
  type CodeDeliveryDetailsType, type ResendConfirmationCodeRequest, type ResendConfirmationCodeResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { deliveryTarget, issueCodeAtOnce, issueSignUpCode } from "../domain/confirmation.js";
import { simulateDeliveryAtOnce, simulateResend } from "../domain/existence.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { autoVerified } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { confirmsWithLink } from "../messages/templates.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import type { Deps, Handler } from "./deps.js";

export default function ResendConfirmationCode(
  deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "withOutbox" | "log">,
): Handler<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> {
  return async function resendConfirmationCode(input) {
    const { store, config } = deps;
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const hide = preventsUserExistenceErrors(client);
    // The CustomMessage trigger is an HTTP call: made before the transaction, for a user who can get a code.
    // (Without a trigger there is nothing to prepare: skip the extra user lookup, the hot path's costliest read.)
    const pre = customMessageArn(pool) ? await resolveUser(store, pool, input.Username) : undefined;
    const preTarget = pre && pre.enabled && pre.status === "UNCONFIRMED" ? deliveryTarget(pool, pre.attributes) : undefined;
    const custom = pre && preTarget && await runCustomMessage(deps, {
      pool, source: "CustomMessage_ResendCode", username: pre.username, sub: pre.sub, status: pre.status, attributes: pre.attributes,
      clientId: input.ClientId, clientMetadata: input.ClientMetadata, medium: preTarget.medium, linkMode: confirmsWithLink(pool.doc),
    });
    const opts = { clientId: input.ClientId, publicUrl: config.publicUrl }; // the message a real resend composes, link and all
    // The request path in two round trips on PostgreSQL (docs/postgres.md): the user read here, then the code, the
    // count and the message in one store call that writes only while the user is still as read. A user changed in
    // between (undefined): decided again in a transaction below. On SQLite the transaction alone is cheaper
    // (`withOutbox.atOnce`), except under PreventUserExistenceErrors: there the at-once paths of a real and of an
    // unknown user were measured to within 3 % of each other, where with the transaction the real one is the cheaper
    // by enough to let the delivery work it leaves behind show in the next request (unknown/known 1.05 at c=1,
    // docs/performance.md).
    const fast = async (): Promise<CodeDeliveryDetailsType | undefined> => {
      const user = pre ?? (await resolveUser(store, pool, input.Username));
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException("Cannot resend codes. Auto verification not turned on.");
      if (!user || !user.enabled) {
        // PreventUserExistenceErrors=ENABLED: the same reads, composition and one write, into the decoy table.
        if (hide) return simulateDeliveryAtOnce(deps.withOutbox.issue, deps, pool, input.Username, "RESEND_CODE", autoVerified(pool.doc), opts);
        if (!user) throw new UserNotFoundException("Username/client id combination not found.");
        throw new NotAuthorizedException("User is disabled.");
      }
      if (user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
      const target = deliveryTarget(pool, user.attributes);
      if (!target) throw new InvalidParameterException("User has no attribute matching desired auto verified attributes.");
      return issueCodeAtOnce(deps.withOutbox.issue, deps, pool, user, target, "RESEND_CODE",
        { ...opts, custom: target.medium === preTarget?.medium ? custom : undefined });
    };
    const details = (deps.withOutbox.atOnce || hide ? await fast() : undefined) ?? await deps.withOutbox(async (tx, out): Promise<CodeDeliveryDetailsType> => {
      const user = await resolveUser(tx, pool, input.Username);
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException("Cannot resend codes. Auto verification not turned on.");
      if (!user || !user.enabled) {
        // PreventUserExistenceErrors=ENABLED: an unknown or disabled user gets a delivery that looks real.
        // Same work as a real resend (limit, code, HMAC, writes); nothing is delivered. See docs/security.md.
        if (hide) return simulateResend(tx, out, deps, pool, input.Username, opts);
        if (!user) throw new UserNotFoundException("Username/client id combination not found.");
        throw new NotAuthorizedException("User is disabled.");
      }
      if (user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
      const target = deliveryTarget(pool, user.attributes);
      if (!target) throw new InvalidParameterException("User has no attribute matching desired auto verified attributes.");
      // The per-user resend limit is counted by issueSignUpCode (RESEND_CODE).
      return issueSignUpCode(tx, out, deps, pool, user, target, "ResendCode", {
        ...opts, custom: target.medium === preTarget?.medium ? custom : undefined,
      });
    });
    return { CodeDeliveryDetails: details };
  };
}
