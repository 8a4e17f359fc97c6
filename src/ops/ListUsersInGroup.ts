/** ListUsersInGroup (IAM): the group's members as UserType, by username, paged like ListUsers. */
import type { ListUsersInGroupRequest, ListUsersInGroupResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { loadGroup } from "./group-view.js";
import { decodeToken, encodeToken, userView } from "./views.js";

export default function ListUsersInGroup({ store }: Pick<Deps, "store">): Handler<ListUsersInGroupRequest, ListUsersInGroupResponse> {
  return async function listUsersInGroup(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const after = decodeToken(input.NextToken);
    const group = await loadGroup(store, pool.id, input.GroupName);
    const page = await store.listUsersInGroup(pool.id, group.name, input.Limit || 60, after);
    return { Users: page.items.map((u) => userView(u)), NextToken: encodeToken(page.next) };
  };
}
