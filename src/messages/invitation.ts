/**
 * The AdminCreateUser invitation: the pool's AdminCreateUserConfig.InviteMessageTemplate or Cognito's defaults,
 * with `{username}` and `{####}` (the temporary password).
 */
import { renderHtml, renderText, type Composed, type CustomTexts } from "./templates.js";

/** The outbox purpose of an invitation; its `code` is the temporary password (the dev inbox shows it as `temporaryPassword`). */
export const INVITATION = "INVITATION";

export const DEFAULT_INVITE_EMAIL_MESSAGE = "Your username is {username} and temporary password is {####}.";
export const DEFAULT_INVITE_EMAIL_SUBJECT = "Your temporary password";
export const DEFAULT_INVITE_SMS_MESSAGE = "Your username is {username} and temporary password is {####}";

/** `custom`: the texts a CustomMessage trigger returned (CustomMessage_AdminCreateUser), which win over the template. */
export function composeInvitation(pool: Record<string, any>, medium: "EMAIL" | "SMS", username: string, temporaryPassword: string, custom?: CustomTexts): Composed {
  const t = pool.AdminCreateUserConfig?.InviteMessageTemplate ?? {};
  const v = { code: temporaryPassword, username };
  if (medium === "SMS") return { subject: null, body: renderText(custom?.smsMessage ?? t.SMSMessage ?? DEFAULT_INVITE_SMS_MESSAGE, v), html: null };
  const template = custom?.emailMessage ?? t.EmailMessage ?? DEFAULT_INVITE_EMAIL_MESSAGE;
  return { subject: custom?.emailSubject ?? t.EmailSubject ?? DEFAULT_INVITE_EMAIL_SUBJECT, body: renderText(template, v), html: renderHtml(template, v) };
}
