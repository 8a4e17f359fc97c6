/**
 * User pool domains (CreateUserPoolDomain and its kin): a prefix (`auth`, served by Cognito as
 * `auth.auth.<region>.amazoncognito.com`) or a custom domain's fully qualified name (`auth.example.com`). The model's
 * pattern for `Domain` is a prefix's (scripts/gen-model.ts drops it), so the names are checked here.
 */
import { createHash } from "node:crypto";
import { InvalidParameterException } from "../generated/cognito-idp.js";
import type { DomainRecord } from "../store/types.js";

const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED = ["aws", "amazon", "cognito"];

/** Throws Cognito's InvalidParameterException unless `domain` is a usable prefix (or, `custom`, a domain name). */
export function checkDomainName(domain: string, custom: boolean): void {
  if (!custom) {
    if (!PREFIX.test(domain)) {
      throw new InvalidParameterException("The domain name contains an invalid character. Domain names can only contain lower-case letters, " +
        "numbers, and hyphens. Please enter a different name that follows this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
    }
    const reserved = RESERVED.find((w) => domain.includes(w));
    if (reserved) throw new InvalidParameterException(`Domain cannot contain reserved word: ${reserved}`);
    return;
  }
  const labels = domain.split(".");
  if (labels.length < 2 || domain.length > 253 || !labels.every((l) => PREFIX.test(l)) || /^[0-9]+$/.test(labels.at(-1)!)) {
    throw new InvalidParameterException(`Custom domain ${domain} is not a valid fully qualified domain name.`);
  }
}

/** ManagedLoginVersion: 1 (the classic hosted UI, the default) or 2 (managed login). */
export function managedLoginVersion(v: number | undefined, fallback = 1): number {
  if (v === undefined) return fallback;
  if (v !== 1 && v !== 2) throw new InvalidParameterException("ManagedLoginVersion must be 1 or 2.");
  return v;
}

/** A stable stand-in for the CloudFront distribution that serves the domain (`d` + 13 characters, as AWS names them). */
export function cloudFrontDomain(domain: string): string {
  const h = createHash("sha256").update(domain).digest();
  let s = "";
  for (let i = 0; i < 13; i++) s += "abcdefghijklmnopqrstuvwxyz0123456789"[h[i] % 36];
  return `d${s}.cloudfront.net`;
}

const version = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, "").slice(0, 14);

/** DescribeUserPoolDomain's DomainDescription. */
export function domainDescription(d: DomainRecord, accountId: string, region: string) {
  return {
    UserPoolId: d.poolId,
    AWSAccountId: accountId,
    Domain: d.domain,
    S3Bucket: `aws-cognito-prod-${region}-assets`,
    CloudFrontDistribution: cloudFrontDomain(d.domain),
    Version: version(d.updatedAt),
    Status: "ACTIVE" as const,
    CustomDomainConfig: d.config ?? {},
    ManagedLoginVersion: d.managedLoginVersion,
  };
}

export const NO_SUCH_DOMAIN = "No such domain or user pool exists.";

/**
 * Whether `domain` could name a domain at all (letters, digits, dots, hyphens): anything else names none, and is never
 * looked up (a NUL would be an error in PostgreSQL, not an answer).
 */
export const couldBeDomain = (domain: string) => /^[A-Za-z0-9.-]{1,253}$/.test(domain);
