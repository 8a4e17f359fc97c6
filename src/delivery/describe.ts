/** The delivery part of the start-up banner: which channel serves each medium, with secrets redacted. */
import type { Config } from "../config.js";
import { redactUrl } from "../log.js";

export function describeDelivery(c: Config): string[] {
  const fallback = c.mode === "dev" ? "dev inbox only" : "NONE (pools cannot auto-verify it)";
  const triggers = Object.keys(c.triggers);
  return [
    `  email:   ${c.smtpUrl ? `SMTP ${redactUrl(c.smtpUrl)} from ${c.emailFrom}` : `${fallback} (set --smtp-url)`}`,
    `  sms:     ${c.smsWebhookUrl ? `webhook ${redactUrl(c.smsWebhookUrl)} (${c.smsWebhookSecret ? "signed" : "UNSIGNED: set --sms-webhook-secret"})` : `${fallback} (set --sms-webhook-url)`}`,
    `  retries: ${c.deliveryMaxAttempts !== undefined ? `at most ${c.deliveryMaxAttempts} attempts` : "until the code expires (5 attempts where nothing expires)"}, ` +
      `backoff from ${c.deliveryBaseDelayMs} ms up to ${c.deliveryMaxDelayMs} ms; finished messages kept ${c.outboxRetentionDays} days`,
    ...(triggers.length ? [`  triggers: ${triggers.map((arn) => `${arn} → ${c.triggers[arn].startsWith("file:") ? c.triggers[arn] : redactUrl(c.triggers[arn])}`).join(", ")}`] : []),
    ...(c.lambdaEndpoint ? [`  lambda:  every other trigger ARN over the Lambda Invoke API at ${redactUrl(c.lambdaEndpoint)}`] : []),
  ];
}
