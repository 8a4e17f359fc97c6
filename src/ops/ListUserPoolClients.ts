/** ListUserPoolClients (IAM). */
import type { ListUserPoolClientsRequest, ListUserPoolClientsResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { decodeToken, encodeToken } from "./views.js";

export default function ListUserPoolClients({ store }: Pick<Deps, "store">): Handler<ListUserPoolClientsRequest, ListUserPoolClientsResponse> {
  return async function listUserPoolClients(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const page = await store.listClients(pool.id, input.MaxResults ?? 60, decodeToken(input.NextToken));
    return {
      UserPoolClients: page.items.map((c) => ({ ClientId: c.id, UserPoolId: c.poolId, ClientName: c.name })),
      NextToken: encodeToken(page.next),
    };
  };
}
