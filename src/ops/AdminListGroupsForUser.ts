/** AdminListGroupsForUser (IAM): the user's groups by name, paged like ListGroups. */
import { UserNotFoundException, type AdminListGroupsForUserRequest, type AdminListGroupsForUserResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { groupView } from "./group-view.js";
import { decodeToken, encodeToken } from "./views.js";

export default function AdminListGroupsForUser({ store }: Pick<Deps, "store">): Handler<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse> {
  return async function adminListGroupsForUser(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const after = decodeToken(input.NextToken);
    const user = await resolveUser(store, pool, input.Username);
    if (!user) throw new UserNotFoundException("User does not exist.");
    const page = await store.listGroupsForUser(pool.id, user.usernameKey, input.Limit || 60, after);
    return { Groups: page.items.map(groupView), NextToken: encodeToken(page.next) };
  };
}
