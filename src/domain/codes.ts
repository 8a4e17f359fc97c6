/**
 * Confirmation codes are stored only as an HMAC under the server secret, bound to the pool, user and purpose,
 * and compared in constant time.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Sign-up and attribute verification codes: 24 hours. */
export const SIGN_UP_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** Password-reset codes (ForgotPassword, AdminResetUserPassword): 1 hour. */
export const FORGOT_PASSWORD_CODE_TTL_MS = 60 * 60 * 1000;

/** Cognito's answers to a wrong (or superseded) code and to an expired one. */
export const CODE_MISMATCH = "Invalid verification code provided, please try again.";
export const CODE_EXPIRED = "Invalid code provided, please request a code again.";

export function codeHmac(key: Buffer, poolId: string, usernameKey: string, purpose: string, code: string): string {
  return createHmac("sha256", key).update(`${poolId}\u0000${usernameKey}\u0000${purpose}\u0000${code}`).digest("base64");
}

export function sameHmac(a: string, b: string): boolean {
  const x = Buffer.from(a, "base64");
  const y = Buffer.from(b, "base64");
  return x.length === y.length && timingSafeEqual(x, y);
}
