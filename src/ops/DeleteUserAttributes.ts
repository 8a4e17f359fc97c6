/** DeleteUserAttributes (access token): the signed-in user removes optional, mutable attributes they may write. */
import {
  NotAuthorizedException, UserNotFoundException, type DeleteUserAttributesRequest, type DeleteUserAttributesResponse,
} from "../generated/cognito-idp.js";
import { deleteAttributes } from "../domain/attribute-changes.js";
import { keyOf } from "../domain/pool.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteUserAttributes(
  { store, tokens, clock }: Pick<Deps, "store" | "tokens" | "clock">,
): Handler<DeleteUserAttributesRequest, DeleteUserAttributesResponse> {
  return async function deleteUserAttributes(input) {
    const { pool, username, clientId } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    const found = await store.getUser(pool.id, keyOf(pool.doc, username));
    if (!found) throw new UserNotFoundException("User does not exist.");
    if (!found.enabled) throw new NotAuthorizedException("User is disabled.");
    const client = await store.getClient(clientId);
    const writeAttributes = (client?.doc as { WriteAttributes?: string[] } | undefined)?.WriteAttributes;
    await deleteAttributes(store, pool, found.usernameKey, input.UserAttributeNames, { admin: false, writeAttributes }, clock.now());
    return {};
  };
}
