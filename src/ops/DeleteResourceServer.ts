/**
 * DeleteResourceServer (IAM). Clients that list its scopes keep them in AllowedOAuthScopes, as in Cognito; the token
 * endpoint grants only scopes that still exist.
 */
import { ResourceNotFoundException, type DeleteResourceServerRequest } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteResourceServer({ store }: Pick<Deps, "store">): Handler<DeleteResourceServerRequest, {}> {
  return async function deleteResourceServer(input) {
    const pool = await loadPool(store, input.UserPoolId);
    if (!(await store.deleteResourceServer(pool.id, input.Identifier))) {
      throw new ResourceNotFoundException(`Resource server ${input.Identifier} does not exist in user pool ${pool.id}.`);
    }
    return {};
  };
}
