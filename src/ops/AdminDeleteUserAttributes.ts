/** AdminDeleteUserAttributes (IAM): an administrator removes optional, mutable attributes of a user. */
import { UserNotFoundException, type AdminDeleteUserAttributesRequest, type AdminDeleteUserAttributesResponse } from "../generated/cognito-idp.js";
import { deleteAttributes } from "../domain/attribute-changes.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminDeleteUserAttributes(
  { store, clock }: Pick<Deps, "store" | "clock">,
): Handler<AdminDeleteUserAttributesRequest, AdminDeleteUserAttributesResponse> {
  return async function adminDeleteUserAttributes(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const found = await resolveUser(store, pool, input.Username);
    if (!found) throw new UserNotFoundException("User does not exist.");
    await deleteAttributes(store, pool, found.usernameKey, input.UserAttributeNames, { admin: true }, clock.now());
    return {};
  };
}
