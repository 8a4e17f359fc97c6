/** ListUserPools (IAM): pages of pool descriptions, NextToken opaque. */
import type { ListUserPoolsRequest, ListUserPoolsResponse } from "../generated/cognito-idp.js";
import type { Deps, Handler } from "./deps.js";
import { decodeToken, encodeToken, seconds } from "./views.js";

export default function ListUserPools({ store }: Pick<Deps, "store">): Handler<ListUserPoolsRequest, ListUserPoolsResponse> {
  return async function listUserPools(input) {
    const page = await store.listPools(input.MaxResults, decodeToken(input.NextToken));
    return {
      UserPools: page.items.map((p) => ({
        Id: p.id, Name: p.name, LambdaConfig: (p.doc.LambdaConfig ?? {}) as object,
        LastModifiedDate: seconds(p.updatedAt), CreationDate: seconds(p.createdAt),
      })),
      NextToken: encodeToken(page.next),
    };
  };
}
