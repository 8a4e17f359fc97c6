/**
 * Issuing a sign-up confirmation code: pick the auto-verified attribute (phone before email), store the code's
 * HMAC (superseding any earlier code) and queue the message through the caller's outbox writer, all in the caller's
 * transaction.
 */
import type { CodeDeliveryDetailsType } from "../generated/cognito-idp.js";
import { composeVerification, type CustomTexts } from "../messages/templates.js";
import type { OutboxMessage, PoolRecord, Repos, UserRecord } from "../store/types.js";
import type { Clock, Random } from "./clock.js";
import { codeHmac, SIGN_UP_CODE_TTL_MS } from "./codes.js";
import { timeOrderedId } from "./ids.js";
import { maskDestination } from "./mask.js";
import type { OutboxWriter } from "./outbox.js";
import { autoVerified } from "./pool.js";

export interface Target { medium: "EMAIL" | "SMS"; attribute: "email" | "phone_number"; to: string }

/** Phone beats email when both are auto-verified and present, as Cognito documents. */
export function deliveryTarget(pool: PoolRecord, attributes: Record<string, string>): Target | undefined {
  const auto = autoVerified(pool.doc);
  if (auto.includes("phone_number") && attributes.phone_number) return { medium: "SMS", attribute: "phone_number", to: attributes.phone_number };
  if (auto.includes("email") && attributes.email) return { medium: "EMAIL", attribute: "email", to: attributes.email };
  return undefined;
}

export const deliveryDetails = (t: Target): CodeDeliveryDetailsType => ({
  Destination: maskDestination(t.medium, t.to), DeliveryMedium: t.medium, AttributeName: t.attribute,
});

export interface IssueDeps { clock: Clock; random: Random; codeKey: Buffer }

/** How the message is written: the request's client (for CONFIRM_WITH_LINK) and CustomMessage trigger texts. */
export interface MessageOptions { clientId?: string; publicUrl?: string; custom?: CustomTexts }

export async function issueSignUpCode(
  tx: Repos, out: OutboxWriter, deps: IssueDeps, pool: PoolRecord, user: UserRecord, target: Target,
  trigger: "SignUp" | "ResendCode", opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  const now = deps.clock.now();
  const code = deps.random.code();
  const expiresAt = now + SIGN_UP_CODE_TTL_MS;
  await tx.putCode({
    poolId: pool.id, usernameKey: user.usernameKey, purpose: "SIGN_UP", attribute: target.attribute,
    codeHmac: codeHmac(deps.codeKey, pool.id, user.usernameKey, "SIGN_UP", code), expiresAt, createdAt: now,
  });
  const text = composeVerification({
    pool: pool.doc, medium: target.medium, code, username: user.username, custom: opts.custom,
    link: opts.clientId && opts.publicUrl ? { clientId: opts.clientId, publicUrl: opts.publicUrl } : undefined,
  });
  // The pool's sender settings travel with the message; the SMTP channel falls back to --email-from.
  const email = (pool.doc.EmailConfiguration ?? {}) as { From?: string; ReplyToEmailAddress?: string };
  const meta = target.medium === "EMAIL" && (email.From || email.ReplyToEmailAddress)
    ? { ...(email.From ? { from: email.From } : {}), ...(email.ReplyToEmailAddress ? { replyTo: email.ReplyToEmailAddress } : {}) }
    : null;
  const message: OutboxMessage = {
    id: timeOrderedId(now, deps.random), poolId: pool.id, username: user.username, channel: target.medium, destination: target.to,
    subject: text.subject, body: text.body, html: text.html, code, purpose: trigger === "SignUp" ? "SIGN_UP" : "RESEND_CODE",
    meta, status: "queued", attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null, createdAt: now, updatedAt: now,
    // The message is worth sending for as long as its code works (the outbox retries it until then).
    expiresAt,
  };
  await out.enqueue(message);
  return deliveryDetails(target);
}
