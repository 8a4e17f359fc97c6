/** ListGroups (IAM): the pool's groups by name, `Limit` (up to 60, the default) a page, with an opaque NextToken. */
import type { ListGroupsRequest, ListGroupsResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { groupView } from "./group-view.js";
import { decodeToken, encodeToken } from "./views.js";

export default function ListGroups({ store }: Pick<Deps, "store">): Handler<ListGroupsRequest, ListGroupsResponse> {
  return async function listGroups(input) {
    const pool = await loadPool(store, input.UserPoolId);
    // Limit 0 (the model allows it) pages as if absent, as ListUsers does.
    const page = await store.listGroups(pool.id, input.Limit || 60, decodeToken(input.NextToken));
    return { Groups: page.items.map(groupView), NextToken: encodeToken(page.next) };
  };
}
