/**
 * ForgotPassword (public): a password-reset code (valid one hour, newest only) to the pool's AccountRecoverySetting
 * choice, at most `forgotPasswordLimitPerHour` per user. PreventUserExistenceErrors=ENABLED: an unknown or
 * disabled user gets a simulated delivery, at the cost of a real one.
 */
import {
  NotAuthorizedException, UserNotFoundException, type CodeDeliveryDetailsType, type ForgotPasswordRequest, type ForgotPasswordResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { issueCode, recoveryMedia, recoveryTarget, type Target } from "../domain/confirmation.js";
import { simulateDelivery } from "../domain/existence.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import { userMigrationArn } from "../triggers/user-migration.js";
import { migrateUser } from "../domain/user-migration.js";
import type { Deps, Handler } from "./deps.js";

export const CANNOT_RESET_STATE = "User password cannot be reset in the current state.";

export default function ForgotPassword(
  deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "withOutbox" | "log">,
): Handler<ForgotPasswordRequest, ForgotPasswordResponse> {
  return async function forgotPassword(input) {
    const { store, config } = deps;
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const media = recoveryMedia(pool);
    if (media === "admin_only") recoveryTarget(pool, {}); // throws the admin_only NotAuthorizedException
    const hide = preventsUserExistenceErrors(client);
    // A pool migrating its users: a name that is no user's may be known to the UserMigration trigger, which creates the
    // user (RESET_REQUIRED) before the code is sent (src/domain/user-migration.ts).
    if (userMigrationArn(pool) && !(await resolveUser(store, pool, input.Username))) {
      await migrateUser(deps, pool, client.id, "UserMigration_ForgotPassword", input.Username, { clientMetadata: input.ClientMetadata });
    }
    // The CustomMessage trigger is an HTTP call: made before the transaction, for a user who can get a code.
    const pre = customMessageArn(pool) ? await resolveUser(store, pool, input.Username) : undefined;
    let preTarget: Target | undefined;
    try { preTarget = pre && pre.enabled ? recoveryTarget(pool, pre.attributes) : undefined; } catch { preTarget = undefined; }
    const custom = pre && preTarget && await runCustomMessage(deps, {
      pool, source: "CustomMessage_ForgotPassword", username: pre.username, sub: pre.sub, status: pre.status, attributes: pre.attributes,
      clientId: input.ClientId, clientMetadata: input.ClientMetadata, medium: preTarget.medium, linkMode: false,
    });
    const details = await deps.withOutbox(async (tx, out): Promise<CodeDeliveryDetailsType> => {
      const user = await resolveUser(tx, pool, input.Username);
      if (!user || !user.enabled) {
        // Same work as a real reset (limit, code, HMAC, writes); nothing is delivered. See docs/security.md.
        if (hide) return simulateDelivery(tx, out, deps, pool, input.Username, "FORGOT_PASSWORD", media as string[]);
        if (!user) throw new UserNotFoundException("Username/client id combination not found.");
        throw new NotAuthorizedException("User is disabled.");
      }
      if (user.status === "FORCE_CHANGE_PASSWORD") throw new NotAuthorizedException(CANNOT_RESET_STATE);
      const target = recoveryTarget(pool, user.attributes);
      return issueCode(tx, out, deps, pool, user, target, "FORGOT_PASSWORD", {
        clientId: input.ClientId, // for a custom sender trigger's callerContext (no link: no publicUrl)
        custom: target.medium === preTarget?.medium ? custom : undefined,
      });
    });
    return { CodeDeliveryDetails: details };
  };
}
