/** DescribeResourceServer (IAM). */
import type { DescribeResourceServerRequest, DescribeResourceServerResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { loadResourceServer, resourceServerView } from "../domain/resource-servers.js";
import type { Deps, Handler } from "./deps.js";

export default function DescribeResourceServer({ store }: Pick<Deps, "store">): Handler<DescribeResourceServerRequest, DescribeResourceServerResponse> {
  return async function describeResourceServer(input) {
    const pool = await loadPool(store, input.UserPoolId);
    return { ResourceServer: resourceServerView(await loadResourceServer(store, pool.id, input.Identifier)) };
  };
}
