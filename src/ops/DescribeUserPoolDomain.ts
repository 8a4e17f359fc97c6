/** DescribeUserPoolDomain (IAM): the domain's description; an unknown domain answers an empty one, as Cognito does. */
import type { DescribeUserPoolDomainRequest, DescribeUserPoolDomainResponse } from "../generated/cognito-idp.js";
import { couldBeDomain, domainDescription } from "../domain/domains.js";
import type { Deps, Handler } from "./deps.js";

export default function DescribeUserPoolDomain({ store, config }: Pick<Deps, "store" | "config">): Handler<DescribeUserPoolDomainRequest, DescribeUserPoolDomainResponse> {
  return async function describeUserPoolDomain(input) {
    const d = couldBeDomain(input.Domain) ? await store.getDomain(input.Domain) : undefined;
    return { DomainDescription: d ? domainDescription(d, config.accountId, config.region) : {} };
  };
}
