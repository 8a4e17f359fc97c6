/**
 * AdminResetUserPassword (IAM): the user's password stops working (status RESET_REQUIRED; every sign-in answers
 * PasswordResetRequiredException) and, when the pool verifies phones or email and the user has such a verified
 * attribute, a password-reset code is sent (CustomMessage_ForgotPassword). ConfirmForgotPassword finishes it.
 */
import {
  NotAuthorizedException, UserNotFoundException, type AdminResetUserPasswordRequest, type AdminResetUserPasswordResponse,
} from "../generated/cognito-idp.js";
import { adminResetTarget, issueCode } from "../domain/confirmation.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import { NO_CLIENT } from "../triggers/invoke.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminResetUserPassword(
  deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "withOutbox" | "log">,
): Handler<AdminResetUserPasswordRequest, AdminResetUserPasswordResponse> {
  return async function adminResetUserPassword(input) {
    const { store, clock } = deps;
    const pool = await loadPool(store, input.UserPoolId);
    // The CustomMessage trigger is an HTTP call: made before the transaction.
    const pre = customMessageArn(pool) ? await resolveUser(store, pool, input.Username) : undefined;
    const preTarget = pre && pre.enabled ? adminResetTarget(pool, pre.attributes) : undefined;
    const custom = pre && preTarget && await runCustomMessage(deps, {
      pool, source: "CustomMessage_ForgotPassword", username: pre.username, sub: pre.sub, status: pre.status, attributes: pre.attributes,
      clientId: NO_CLIENT, clientMetadata: input.ClientMetadata, medium: preTarget.medium, linkMode: false,
    });
    await deps.withOutbox(async (tx, out) => {
      const user = await resolveUser(tx, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
      const target = adminResetTarget(pool, user.attributes);
      if (target) {
        await issueCode(tx, out, deps, pool, user, target, "ADMIN_RESET", { custom: target.medium === preTarget?.medium ? custom : undefined });
      }
      // After the limit check inside issueCode: a refused reset changes nothing.
      await tx.updateUser({ ...user, status: "RESET_REQUIRED", updatedAt: clock.now() });
    });
    return {};
  };
}
