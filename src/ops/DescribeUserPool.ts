/** DescribeUserPool (IAM): the pool, with its prefix `Domain` and `CustomDomain` when it has them. */
import type { DescribeUserPoolRequest, DescribeUserPoolResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { poolView } from "./views.js";

export default function DescribeUserPool({ store }: Pick<Deps, "store">): Handler<DescribeUserPoolRequest, DescribeUserPoolResponse> {
  return async function describeUserPool(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const domains = await store.domainsOfPool(pool.id);
    const prefix = domains.find((d) => !d.custom)?.domain;
    const custom = domains.find((d) => d.custom)?.domain;
    return {
      UserPool: { ...poolView(pool, await store.countUsers(pool.id)), ...(prefix ? { Domain: prefix } : {}), ...(custom ? { CustomDomain: custom } : {}) },
    };
  };
}
