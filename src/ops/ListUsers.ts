/**
 * ListUsers (IAM), with Cognito's filter syntax (see domain/user-filter.ts).
 */
import type { ListUsersRequest, ListUsersResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { userFilter } from "../domain/user-filter.js";
import type { Deps, Handler } from "./deps.js";
import { decodeToken, encodeToken, userView } from "./views.js";

export default function ListUsers({ store }: Pick<Deps, "store">): Handler<ListUsersRequest, ListUsersResponse> {
  return async function listUsers(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const filter = userFilter(input.Filter, pool.doc);
    // Limit 0 (the model allows it) pages as if absent: a page of no users has no last one to go on from.
    const page = await store.listUsers(pool.id, { filter, limit: input.Limit || 60, after: decodeToken(input.PaginationToken) });
    return {
      Users: page.items.map((u) => userView(u, input.AttributesToGet)),
      PaginationToken: encodeToken(page.next),
    };
  };
}
