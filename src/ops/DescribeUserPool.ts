/** DescribeUserPool (IAM). */
import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { poolView } from "./views.js";

export default function DescribeUserPool({ store }: Pick<Deps, "store">): Handler<DescribeUserPoolRequest, DescribeUserPoolResponse> {
  return async function describeUserPool(input) {
    const pool = await loadPool(store, input.UserPoolId);
    return { UserPool: poolView(pool, await store.countUsers(pool.id)) };
  };
}
