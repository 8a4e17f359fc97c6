/** Message texts as Cognito composes them from the pool's VerificationMessageTemplate. */
import { DEFAULT_VERIFICATION_MESSAGE, DEFAULT_VERIFICATION_SUBJECT } from "../domain/pool.js";

export interface Composed { subject: string | null; body: string }

const fill = (template: string, code: string, username: string) =>
  template.split("{####}").join(code).split("{username}").join(username);

export function composeVerification(pool: Record<string, any>, medium: "EMAIL" | "SMS", code: string, username: string): Composed {
  const t = pool.VerificationMessageTemplate ?? {};
  if (medium === "SMS") return { subject: null, body: fill(t.SmsMessage ?? DEFAULT_VERIFICATION_MESSAGE, code, username) };
  return {
    subject: t.EmailSubject ?? DEFAULT_VERIFICATION_SUBJECT,
    body: fill(t.EmailMessage ?? DEFAULT_VERIFICATION_MESSAGE, code, username),
  };
}
