/** DescribeUserPoolClient (IAM). */
import type { DescribeUserPoolClientRequest, DescribeUserPoolClientResponse } from "../generated/cognito-idp.js";
import { loadPoolClient } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { clientView } from "./views.js";

export default function DescribeUserPoolClient({ store }: Pick<Deps, "store">): Handler<DescribeUserPoolClientRequest, DescribeUserPoolClientResponse> {
  return async function describeUserPoolClient(input) {
    return {
      UserPoolClient: clientView(await loadPoolClient(store, input.UserPoolId, input.ClientId)),
    };
  };
}
