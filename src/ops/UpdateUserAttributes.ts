/**
 * UpdateUserAttributes (access token): the signed-in user changes their attributes, within the app client's write
 * permissions; a changed auto-verified email or phone gets a code (CodeDeliveryDetailsList).
 */
import {
  NotAuthorizedException, UserNotFoundException, type UpdateUserAttributesRequest, type UpdateUserAttributesResponse,
} from "../generated/cognito-idp.js";
import { updateAttributes } from "../domain/attribute-update.js";
import { keyOf } from "../domain/pool.js";
import type { Deps, Handler } from "./deps.js";

export default function UpdateUserAttributes(
  deps: Pick<Deps, "store" | "tokens" | "clock" | "random" | "codeKey" | "config" | "log" | "withOutbox">,
): Handler<UpdateUserAttributesRequest, UpdateUserAttributesResponse> {
  return async function updateUserAttributes(input) {
    const { store, tokens } = deps;
    const { pool, username, clientId } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    const user = await store.getUser(pool.id, keyOf(pool.doc, username));
    if (!user) throw new UserNotFoundException("User does not exist.");
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    const client = await store.getClient(clientId);
    const writeAttributes = (client?.doc as { WriteAttributes?: string[] } | undefined)?.WriteAttributes;
    const details = await updateAttributes(deps, pool, user, input.UserAttributes, { admin: false, writeAttributes },
      { clientId, clientMetadata: input.ClientMetadata });
    return details.length ? { CodeDeliveryDetailsList: details } : {};
  };
}
