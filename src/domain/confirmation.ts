/**
 * Issuing a code, for every purpose (sign-up, resend, forgot password, admin reset, attribute update and
 * verification): count the purpose's per-user hourly limit, store the code's HMAC (superseding any earlier code of
 * the same kind), compose the message (the pool's template or the purpose's default text, or the CustomMessage
 * trigger's texts) and queue it through the caller's outbox writer, all in the caller's transaction.
 */
import type { Config } from "../config.js";
import { InvalidParameterException, LimitExceededException, NotAuthorizedException, type CodeDeliveryDetailsType } from "../generated/cognito-idp.js";
import { composeVerification, confirmsWithLink, linkPurpose, type CustomTexts, type MessagePurpose } from "../messages/templates.js";
import type { CustomMessageSource } from "../triggers/custom-message.js";
import { customSenderArn } from "../triggers/custom-sender.js";
import type { CodePurpose, CodeRecord, CodeResend, CountedLimit, OutboxMessage, PoolRecord, Repos, UserRecord } from "../store/types.js";
import type { Clock, Random } from "./clock.js";
import { codeHmac, FORGOT_PASSWORD_CODE_TTL_MS, SIGN_UP_CODE_TTL_MS } from "./codes.js";
import { timeOrderedId } from "./ids.js";
import { countAttempt, HOUR_MS, LIMIT_MESSAGE } from "./limits.js";
import { maskDestination } from "./mask.js";
import type { OutboxWriter, WithOutbox } from "./outbox.js";
import { autoVerified, keyOf } from "./pool.js";

export type { MessagePurpose } from "../messages/templates.js";

export interface Target { medium: "EMAIL" | "SMS"; attribute: "email" | "phone_number"; to: string }

/** The per-user limits a purpose can be counted against (configuration keys). */
type LimitKey = "resendLimitPerHour" | "forgotPasswordLimitPerHour" | "adminResetLimitPerHour" | "attributeCodeLimitPerHour";

export interface PurposeSpec {
  /** The CustomMessage trigger's `triggerSource`. */
  trigger: CustomMessageSource;
  /** How long the code is valid: 1 hour for a password reset, 24 hours otherwise. */
  ttlMs: number;
  /** The per-user hourly limit (its counter kind and the configuration key of its value); none for SignUp. */
  limit?: { kind: string; key: LimitKey };
}

export const PURPOSES: Record<MessagePurpose, PurposeSpec> = {
  SIGN_UP: { trigger: "CustomMessage_SignUp", ttlMs: SIGN_UP_CODE_TTL_MS },
  RESEND_CODE: { trigger: "CustomMessage_ResendCode", ttlMs: SIGN_UP_CODE_TTL_MS, limit: { kind: "resend", key: "resendLimitPerHour" } },
  FORGOT_PASSWORD: { trigger: "CustomMessage_ForgotPassword", ttlMs: FORGOT_PASSWORD_CODE_TTL_MS, limit: { kind: "forgot-password", key: "forgotPasswordLimitPerHour" } },
  // Cognito's CustomMessage has no AdminResetUserPassword source: the reset code is a ForgotPassword message.
  ADMIN_RESET: { trigger: "CustomMessage_ForgotPassword", ttlMs: FORGOT_PASSWORD_CODE_TTL_MS, limit: { kind: "admin-reset", key: "adminResetLimitPerHour" } },
  UPDATE_ATTRIBUTE: { trigger: "CustomMessage_UpdateUserAttribute", ttlMs: SIGN_UP_CODE_TTL_MS, limit: { kind: "attribute-code", key: "attributeCodeLimitPerHour" } },
  VERIFY_ATTRIBUTE: { trigger: "CustomMessage_VerifyUserAttribute", ttlMs: SIGN_UP_CODE_TTL_MS, limit: { kind: "attribute-code", key: "attributeCodeLimitPerHour" } },
};

/** The stored code a message purpose issues: one per user for sign-up and for password resets, one per attribute otherwise. */
export function codePurpose(purpose: MessagePurpose, attribute: "email" | "phone_number"): CodePurpose {
  if (purpose === "SIGN_UP" || purpose === "RESEND_CODE") return "SIGN_UP";
  if (purpose === "FORGOT_PASSWORD" || purpose === "ADMIN_RESET") return "FORGOT_PASSWORD";
  return attributeCodePurpose(attribute);
}

export const attributeCodePurpose = (attribute: "email" | "phone_number"): CodePurpose =>
  attribute === "email" ? "VERIFY_EMAIL" : "VERIFY_PHONE_NUMBER";

/** The attributes a sign-up code may go to, by preference: phone beats email when both are auto-verified, as Cognito documents. */
export const targetAttributes = (pool: PoolRecord) =>
  (["phone_number", "email"] as const).filter((a) => autoVerified(pool.doc).includes(a));

/** Where a sign-up code goes: the first of `targetAttributes` the user has a value for. */
export function deliveryTarget(pool: PoolRecord, attributes: Record<string, string>): Target | undefined {
  const a = targetAttributes(pool).find((x) => attributes[x]);
  return a && targetFor(a, attributes[a]);
}

export const targetFor = (attribute: "email" | "phone_number", to: string): Target =>
  ({ medium: attribute === "email" ? "EMAIL" : "SMS", attribute, to });

const verified = (attributes: Record<string, string>, a: "email" | "phone_number") =>
  attributes[a] && attributes[`${a}_verified`] === "true" ? targetFor(a, attributes[a]) : undefined;

export const NO_RECOVERY_TARGET = "Cannot reset password for the user as there is no registered/verified email or phone_number";
/** Our wording (Cognito's is undocumented) for a pool whose AccountRecoverySetting is admin_only. See docs/delivery.md. */
export const ADMIN_ONLY_RECOVERY = "Password reset is not permitted by the user pool's account recovery setting (admin_only).";

/**
 * The media a password-reset code may go to, in order: the pool's AccountRecoverySetting by priority, or without
 * one Cognito's legacy rule (phone if available, otherwise email). `admin_only` allows none.
 */
export function recoveryMedia(pool: PoolRecord): ("email" | "phone_number")[] | "admin_only" {
  const mechanisms = ((pool.doc.AccountRecoverySetting as { RecoveryMechanisms?: { Name: string; Priority: number }[] } | undefined)
    ?.RecoveryMechanisms ?? []).slice().sort((a, b) => a.Priority - b.Priority);
  if (!mechanisms.length) return ["phone_number", "email"];
  if (mechanisms.some((m) => m.Name === "admin_only")) return "admin_only";
  return mechanisms.map((m) => (m.Name === "verified_phone_number" ? "phone_number" : "email"));
}

/**
 * Where ForgotPassword sends the code: the first verified attribute in the pool's recovery order.
 * Throws NotAuthorizedException (admin_only) or InvalidParameterException (no verified email or phone).
 */
export function recoveryTarget(pool: PoolRecord, attributes: Record<string, string>): Target {
  const media = recoveryMedia(pool);
  if (media === "admin_only") throw new NotAuthorizedException(ADMIN_ONLY_RECOVERY);
  for (const a of media) {
    const t = verified(attributes, a);
    if (t) return t;
  }
  throw new InvalidParameterException(NO_RECOVERY_TARGET);
}

/**
 * Where AdminResetUserPassword sends the code (Cognito: a verified phone when the pool verifies phones, or a
 * verified email when it verifies email); undefined when neither: the reset happens without a message.
 */
export function adminResetTarget(pool: PoolRecord, attributes: Record<string, string>): Target | undefined {
  const auto = autoVerified(pool.doc);
  return (auto.includes("phone_number") ? verified(attributes, "phone_number") : undefined)
    ?? (auto.includes("email") ? verified(attributes, "email") : undefined);
}

export const deliveryDetails = (t: Target): CodeDeliveryDetailsType => ({
  Destination: maskDestination(t.medium, t.to), DeliveryMedium: t.medium, AttributeName: t.attribute,
});

export interface IssueDeps {
  clock: Clock;
  random: Random;
  codeKey: Buffer;
  /** The limits; without it, no limit is counted. */
  config?: Pick<Config, LimitKey>;
}

/** How the message is written: the request's client (for CONFIRM_WITH_LINK) and CustomMessage trigger texts. */
export interface MessageOptions { clientId?: string; publicUrl?: string; custom?: CustomTexts }

/** Whether a purpose's message to `medium` is the CONFIRM_WITH_LINK kind (for the trigger's `linkParameter`). */
export const usesLink = (pool: PoolRecord, purpose: MessagePurpose, medium: "EMAIL" | "SMS") =>
  medium === "EMAIL" && linkPurpose(purpose) && confirmsWithLink(pool.doc);

/** What issuing a code writes, composed: the code's record (its HMAC) and the message carrying it. No write. */
export interface ComposedCode { code: CodeRecord; message: OutboxMessage; details: CodeDeliveryDetailsType }

export function composeCode(
  deps: IssueDeps, pool: PoolRecord, user: Pick<UserRecord, "usernameKey" | "username">, target: Target, purpose: MessagePurpose,
  opts: MessageOptions, now: number, code = deps.random.code(),
): ComposedCode {
  const spec = PURPOSES[purpose];
  const stored = codePurpose(purpose, target.attribute);
  const expiresAt = now + spec.ttlMs;
  const record: CodeRecord = {
    poolId: pool.id, usernameKey: user.usernameKey, purpose: stored, attribute: target.attribute,
    codeHmac: codeHmac(deps.codeKey, pool.id, user.usernameKey, stored, code), expiresAt, createdAt: now,
  };
  const text = composeVerification({
    pool: pool.doc, medium: target.medium, code, username: user.username, custom: opts.custom, purpose,
    link: opts.clientId && opts.publicUrl ? { clientId: opts.clientId, publicUrl: opts.publicUrl } : undefined,
  });
  // The pool's sender settings travel with the message; the SMTP channel falls back to --email-from.
  const email = (pool.doc.EmailConfiguration ?? {}) as { From?: string; ReplyToEmailAddress?: string };
  let meta: Record<string, unknown> | null = target.medium === "EMAIL" && (email.From || email.ReplyToEmailAddress)
    ? { ...(email.From ? { from: email.From } : {}), ...(email.ReplyToEmailAddress ? { replyTo: email.ReplyToEmailAddress } : {}) }
    : null;
  // A custom sender trigger is told the request's client (its callerContext), as Cognito does.
  if (opts.clientId && customSenderArn(pool, target.medium)) meta = { ...(meta ?? {}), clientId: opts.clientId };
  const message: OutboxMessage = {
    id: timeOrderedId(now, deps.random), poolId: pool.id, username: user.username, channel: target.medium, destination: target.to,
    subject: text.subject, body: text.body, html: text.html, code, purpose,
    meta, status: "queued", attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null, createdAt: now, updatedAt: now,
    // The message is worth sending for as long as its code works (the outbox retries it until then).
    expiresAt,
  };
  return { code: record, message, details: deliveryDetails(target) };
}

/** The purpose's per-user limit as the store counts it (none without `config`, or for SignUp). */
export function limitOf(deps: IssueDeps, purpose: MessagePurpose): CountedLimit | undefined {
  const spec = PURPOSES[purpose];
  return spec.limit && deps.config ? { kind: spec.limit.kind, perHour: deps.config[spec.limit.key], windowMs: HOUR_MS } : undefined;
}

/** Issues a code for `purpose` to `target` (see the module comment) and answers the masked delivery details. */
export async function issueCode(
  tx: Repos, out: OutboxWriter, deps: IssueDeps, pool: PoolRecord, user: UserRecord, target: Target,
  purpose: MessagePurpose, opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  const spec = PURPOSES[purpose];
  const now = deps.clock.now();
  if (spec.limit && deps.config) await countAttempt(tx, pool.id, user.usernameKey, spec.limit.kind, deps.config[spec.limit.key], now);
  const c = composeCode(deps, pool, user, target, purpose, opts, now);
  await tx.putCode(c.code);
  await out.enqueue(c.message);
  return c.details;
}

/**
 * `issueCode` in one store call (`WithOutbox.issue`: one round trip on PostgreSQL) for a user the caller read outside
 * a transaction: everything is written only while the user is still as read (status, enabled, attributes). Answers
 * the details, or undefined when the user changed meanwhile (nothing written: the caller runs `issueCode` in a
 * transaction). Past the limit: LimitExceededException, as `issueCode`.
 */
export async function issueCodeAtOnce(
  issue: WithOutbox["issue"], deps: IssueDeps, pool: PoolRecord, user: UserRecord, target: Target,
  purpose: MessagePurpose, opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType | undefined> {
  const c = composeCode(deps, pool, user, target, purpose, opts, deps.clock.now());
  const r = await issue({ expect: { status: user.status, attributes: user.attributes }, limit: limitOf(deps, purpose), code: c.code, message: c.message });
  if (r === "limited") throw new LimitExceededException(LIMIT_MESSAGE);
  return r === "issued" ? c.details : undefined;
}

/**
 * ResendConfirmationCode's code composed before anything is read (for `WithOutbox.resend`, where the store reads the
 * user itself: one round trip on PostgreSQL): for `name` as the request gave it, one message per attribute of
 * `targetAttributes` (the store writes the one the user has, to their address), one code and its HMAC.
 */
export function composeResend(
  deps: IssueDeps, pool: PoolRecord, name: string, opts: MessageOptions, code: string,
): Pick<CodeResend, "candidates" | "code" | "limit"> {
  const now = deps.clock.now();
  const user = { username: name, usernameKey: keyOf(pool.doc, name) };
  const composed = targetAttributes(pool).map((a) => ({ attribute: a, ...composeCode(deps, pool, user, targetFor(a, ""), "RESEND_CODE", opts, now, code) }));
  return {
    candidates: composed.map((c) => ({ attribute: c.attribute, message: c.message })),
    code: composed[0].code,
    limit: limitOf(deps, "RESEND_CODE"),
  };
}

/** The sign-up confirmation code (SignUp, ResendConfirmationCode): `issueCode` for SIGN_UP or RESEND_CODE. */
export function issueSignUpCode(
  tx: Repos, out: OutboxWriter, deps: IssueDeps, pool: PoolRecord, user: UserRecord, target: Target,
  trigger: "SignUp" | "ResendCode", opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  return issueCode(tx, out, deps, pool, user, target, trigger === "SignUp" ? "SIGN_UP" : "RESEND_CODE", opts);
}
