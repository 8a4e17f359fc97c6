/**
 * VerifyUserAttribute (access token): checks the newest code of an email or phone (24 hours; constant time; every
 * attempt counted first) and marks it verified — putting a value that waited for verification into force. A
 * verified alias another user holds answers AliasExistsException.
 */
import {
  CodeMismatchException, ExpiredCodeException, NotAuthorizedException, UserNotFoundException,
  type VerifyUserAttributeRequest, type VerifyUserAttributeResponse,
} from "../generated/cognito-idp.js";
import { CONTACTS, notVerifiable, refuseTakenAlias, withAttributes, type Contact } from "../domain/attribute-changes.js";
import { CODE_EXPIRED as EXPIRED, CODE_MISMATCH as MISMATCH, codeHmac, sameHmac } from "../domain/codes.js";
import { attributeCodePurpose } from "../domain/confirmation.js";
import { countAttempt } from "../domain/limits.js";
import { keyOf } from "../domain/pool.js";
import type { Deps, Handler } from "./deps.js";

export default function VerifyUserAttribute(
  { store, tokens, clock, codeKey, config }: Pick<Deps, "store" | "tokens" | "clock" | "codeKey" | "config">,
): Handler<VerifyUserAttributeRequest, VerifyUserAttributeResponse> {
  return async function verifyUserAttribute(input) {
    const { pool, username } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    if (!(CONTACTS as string[]).includes(input.AttributeName)) throw notVerifiable(input.AttributeName);
    const attribute = input.AttributeName as Contact;
    const found = await store.getUser(pool.id, keyOf(pool.doc, username));
    if (!found) throw new UserNotFoundException("User does not exist.");
    if (!found.enabled) throw new NotAuthorizedException("User is disabled.");
    const now = clock.now();
    // Counted in its own statement, so a failed guess still counts (and a rollback below cannot undo it).
    await countAttempt(store, pool.id, found.usernameKey, "verify-attribute", config.verifyAttributeLimitPerHour, now);
    const purpose = attributeCodePurpose(attribute);
    await store.tx(async (tx) => {
      const user = await tx.getUser(pool.id, found.usernameKey);
      if (!user) throw new UserNotFoundException("User does not exist.");
      const code = await tx.getCode(pool.id, user.usernameKey, purpose);
      const given = codeHmac(codeKey, pool.id, user.usernameKey, purpose, input.Code);
      if (!code || !sameHmac(code.codeHmac, given)) throw new CodeMismatchException(MISMATCH);
      if (code.expiresAt < now) throw new ExpiredCodeException(EXPIRED);
      if (!(await tx.consumeCode(pool.id, user.usernameKey, purpose, code.codeHmac))) throw new CodeMismatchException(MISMATCH);
      const value = (await tx.getPendingAttributes(pool.id, user.usernameKey))[attribute] ?? user.attributes[attribute];
      if (!value) throw new CodeMismatchException(MISMATCH);
      await refuseTakenAlias(tx, pool, user, attribute, value, true);
      await tx.updateUser(withAttributes(pool, user, { ...user.attributes, [attribute]: value, [`${attribute}_verified`]: "true" }, now));
      await tx.deletePendingAttribute(pool.id, user.usernameKey, attribute);
    });
    return {};
  };
}
