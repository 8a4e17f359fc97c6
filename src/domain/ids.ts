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
