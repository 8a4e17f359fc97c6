/**
 * CreateUserPoolDomain (IAM): a prefix domain, or with CustomDomainConfig a custom domain. A domain belongs to one
 * pool on the server; a pool has at most one of each kind.
 */
import { InvalidParameterException, type CreateUserPoolDomainRequest, type CreateUserPoolDomainResponse } from "../generated/cognito-idp.js";
import { checkDomainName, cloudFrontDomain, managedLoginVersion } from "../domain/domains.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function CreateUserPoolDomain({ store, clock }: Pick<Deps, "store" | "clock">): Handler<CreateUserPoolDomainRequest, CreateUserPoolDomainResponse> {
  return async function createUserPoolDomain(input) {
    const custom = input.CustomDomainConfig !== undefined;
    const version = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      checkDomainName(input.Domain, custom);
      const version = managedLoginVersion(input.ManagedLoginVersion);
      if ((await tx.domainsOfPool(pool.id)).some((d) => d.custom === custom)) {
        throw new InvalidParameterException("User pool already has a domain configured.");
      }
      const now = clock.now();
      const outcome = await tx.insertDomain({
        domain: input.Domain, poolId: pool.id, custom, config: custom ? { ...input.CustomDomainConfig } : null,
        managedLoginVersion: version, createdAt: now, updatedAt: now,
      });
      if (outcome === "pool-has-one") throw new InvalidParameterException("User pool already has a domain configured.");
      if (outcome === "taken") throw new InvalidParameterException("Domain already associated with another user pool.");
      return version;
    });
    return { CloudFrontDomain: cloudFrontDomain(input.Domain), ManagedLoginVersion: version };
  };
}
