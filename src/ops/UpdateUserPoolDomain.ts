/**
 * UpdateUserPoolDomain (IAM): a custom domain's certificate (CustomDomainConfig) and either kind's
 * ManagedLoginVersion; what the request omits stays as it was.
 */
import { InvalidParameterException, type UpdateUserPoolDomainRequest, type UpdateUserPoolDomainResponse } from "../generated/cognito-idp.js";
import { cloudFrontDomain, couldBeDomain, managedLoginVersion, NO_SUCH_DOMAIN } from "../domain/domains.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function UpdateUserPoolDomain({ store, clock }: Pick<Deps, "store" | "clock">): Handler<UpdateUserPoolDomainRequest, UpdateUserPoolDomainResponse> {
  return async function updateUserPoolDomain(input) {
    const updated = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const d = couldBeDomain(input.Domain) ? await tx.getDomain(input.Domain) : undefined;
      if (!d || d.poolId !== pool.id) throw new InvalidParameterException(NO_SUCH_DOMAIN);
      if (input.CustomDomainConfig !== undefined && !d.custom) {
        throw new InvalidParameterException("CustomDomainConfig can only be updated for a custom domain.");
      }
      const next = {
        ...d, config: input.CustomDomainConfig !== undefined ? { ...input.CustomDomainConfig } : d.config,
        managedLoginVersion: managedLoginVersion(input.ManagedLoginVersion, d.managedLoginVersion), updatedAt: clock.now(),
      };
      if (!(await tx.updateDomain(next))) throw new InvalidParameterException(NO_SUCH_DOMAIN);
      return next;
    });
    return { CloudFrontDomain: cloudFrontDomain(updated.domain), ManagedLoginVersion: updated.managedLoginVersion };
  };
}
