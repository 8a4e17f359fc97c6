/** Identifiers shaped like Cognito's. */
import type { Random } from "./clock.js";

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** `us-east-1_AbC123xyZ`: the region, an underscore, 9 alphanumerics. */
export const newPoolId = (r: Random, region: string) => `${region}_${r.chars(9, ALNUM)}`;
/** 26 lowercase alphanumerics. */
export const newClientId = (r: Random) => r.chars(26, LOWER_ALNUM);
/** 51 lowercase alphanumerics (Cognito issues 51–52; the model allows 24–64 of `[\w+]`). */
export const newClientSecret = (r: Random) => r.chars(51, LOWER_ALNUM);

export const poolArn = (region: string, accountId: string, poolId: string) =>
  `arn:aws:cognito-idp:${region}:${accountId}:userpool/${poolId}`;

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of epoch milliseconds, then 74 random bits. Rows keyed by it
 * (outbox messages) are appended at the end of their primary-key index instead of landing on a random page, which
 * keeps the pages a commit has to write few (see docs/performance.md).
 */
export function timeOrderedId(now: number, r: Random): string {
  const t = (Math.max(0, Math.floor(now)) % 2 ** 48).toString(16).padStart(12, "0");
  // The random bits come from a version-4 UUID (pooled entropy: cheaper than fresh random bytes per id).
  const u = r.uuid();
  return `${t.slice(0, 8)}-${t.slice(8)}-7${u.slice(15)}`;
}
