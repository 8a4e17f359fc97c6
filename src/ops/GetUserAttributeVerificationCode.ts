/**
 * GetUserAttributeVerificationCode (access token): (re)sends a code verifying the user's email or phone number — the
 * value waiting for verification if there is one (AttributesRequireVerificationBeforeUpdate), else the current one;
 * a new code supersedes the last; at most `attributeCodeLimitPerHour` per user.
 */
import {
  NotAuthorizedException, UserNotFoundException,
  type GetUserAttributeVerificationCodeRequest, type GetUserAttributeVerificationCodeResponse,
} from "../generated/cognito-idp.js";
import { CONTACTS, noValue, notVerifiable, type Contact } from "../domain/attribute-changes.js";
import { issueCode, targetFor } from "../domain/confirmation.js";
import { keyOf } from "../domain/pool.js";
import { runCustomMessage } from "../triggers/custom-message.js";
import type { Deps, Handler } from "./deps.js";

export default function GetUserAttributeVerificationCode(
  deps: Pick<Deps, "store" | "tokens" | "clock" | "random" | "codeKey" | "config" | "log" | "withOutbox">,
): Handler<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse> {
  return async function getUserAttributeVerificationCode(input) {
    const { store, tokens } = deps;
    const { pool, username, clientId } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    if (!(CONTACTS as string[]).includes(input.AttributeName)) throw notVerifiable(input.AttributeName);
    const attribute = input.AttributeName as Contact;
    const key = keyOf(pool.doc, username);
    const valueOf = async (r: typeof store, user: { attributes: Record<string, string> }) =>
      (await r.getPendingAttributes(pool.id, key))[attribute] ?? user.attributes[attribute];
    const pre = await store.getUser(pool.id, key);
    if (!pre) throw new UserNotFoundException("User does not exist.");
    if (!pre.enabled) throw new NotAuthorizedException("User is disabled.");
    const preValue = await valueOf(store, pre);
    if (!preValue) throw noValue(attribute);
    // The CustomMessage trigger is an HTTP call: made before the transaction.
    const custom = await runCustomMessage(deps, {
      pool, source: "CustomMessage_VerifyUserAttribute", username: pre.username, sub: pre.sub, status: pre.status,
      attributes: pre.attributes, clientId, clientMetadata: input.ClientMetadata, medium: targetFor(attribute, preValue).medium, linkMode: false,
    });
    const details = await deps.withOutbox(async (tx, out) => {
      const user = await tx.getUser(pool.id, key);
      if (!user) throw new UserNotFoundException("User does not exist.");
      const value = (await tx.getPendingAttributes(pool.id, key))[attribute] ?? user.attributes[attribute];
      if (!value) throw noValue(attribute);
      return issueCode(tx, out, deps, pool, user, targetFor(attribute, value), "VERIFY_ATTRIBUTE", { custom });
    });
    return { CodeDeliveryDetails: details };
  };
}
