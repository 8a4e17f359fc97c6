/** DeleteUserPoolDomain (IAM): frees the domain; it must be this pool's. */
import { InvalidParameterException, type DeleteUserPoolDomainRequest, type DeleteUserPoolDomainResponse } from "../generated/cognito-idp.js";
import { couldBeDomain, NO_SUCH_DOMAIN } from "../domain/domains.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteUserPoolDomain({ store }: Pick<Deps, "store">): Handler<DeleteUserPoolDomainRequest, DeleteUserPoolDomainResponse> {
  return async function deleteUserPoolDomain(input) {
    const pool = await loadPool(store, input.UserPoolId);
    if (!couldBeDomain(input.Domain) || !(await store.deleteDomain(pool.id, input.Domain))) throw new InvalidParameterException(NO_SUCH_DOMAIN);
    return {};
  };
}
