/** ListResourceServers (IAM): the pool's resource servers by identifier, `MaxResults` (up to 50, the default) a page. */
import type { ListResourceServersRequest, ListResourceServersResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { resourceServerView } from "../domain/resource-servers.js";
import type { Deps, Handler } from "./deps.js";
import { decodeToken, encodeToken } from "./views.js";

export default function ListResourceServers({ store }: Pick<Deps, "store">): Handler<ListResourceServersRequest, ListResourceServersResponse> {
  return async function listResourceServers(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const page = await store.listResourceServers(pool.id, input.MaxResults ?? 50, decodeToken(input.NextToken));
    return { ResourceServers: page.items.map(resourceServerView), NextToken: encodeToken(page.next) };
  };
}
