/**
 * AdminUpdateUserAttributes (IAM): an administrator changes a user's attributes, developer-only ones and the
 * `*_verified` flags included; a changed auto-verified email or phone not marked verified gets a code.
 */
import { UserNotFoundException, type AdminUpdateUserAttributesRequest, type AdminUpdateUserAttributesResponse } from "../generated/cognito-idp.js";
import { updateAttributes } from "../domain/attribute-update.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { NO_CLIENT } from "../triggers/invoke.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminUpdateUserAttributes(
  deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "log" | "withOutbox">,
): Handler<AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse> {
  return async function adminUpdateUserAttributes(input) {
    const pool = await loadPool(deps.store, input.UserPoolId);
    const user = await resolveUser(deps.store, pool, input.Username);
    if (!user) throw new UserNotFoundException("User does not exist.");
    await updateAttributes(deps, pool, user, input.UserAttributes, { admin: true }, { clientId: NO_CLIENT, clientMetadata: input.ClientMetadata });
    return {};
  };
}
