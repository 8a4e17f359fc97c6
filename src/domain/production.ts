/**
 * Production mode delivers for real or not at all: the server refuses to start while a pool auto-verifies a
 * medium that has no channel, and CreateUserPool/UpdateUserPool refuse to make such a pool.
 */
import { ConfigError, type Config } from "../config.js";
import { InvalidParameterException } from "../generated/cognito-idp.js";
import type { Store } from "../store/types.js";

type ChannelConfig = Pick<Config, "mode" | "smtpUrl" | "smsWebhookUrl">;

const NEEDS: Record<string, { has: (c: ChannelConfig) => boolean; what: string; flag: string; env: string }> = {
  email: { has: (c) => !!c.smtpUrl, what: "an email channel", flag: "--smtp-url", env: "USERPOOL_SMTP_URL" },
  phone_number: { has: (c) => !!c.smsWebhookUrl, what: "an SMS channel", flag: "--sms-webhook-url", env: "USERPOOL_SMS_WEBHOOK_URL" },
};

/** The pool's own sender of a medium (CustomEmailSender / CustomSMSSender trigger), which makes a channel unneeded. */
const SENDERS: Record<string, string> = { email: "CustomEmailSender", phone_number: "CustomSMSSender" };
const hasSender = (lambdaConfig: unknown, attribute: string) =>
  !!(lambdaConfig as Record<string, { LambdaArn?: string } | undefined> | undefined)?.[SENDERS[attribute]]?.LambdaArn;

/** The auto-verified attributes that have no channel under this configuration (nor a custom sender trigger). */
export function missingChannels(config: ChannelConfig, autoVerified: readonly string[] | undefined, lambdaConfig?: unknown): string[] {
  return (autoVerified ?? []).filter((a) => NEEDS[a] && !NEEDS[a].has(config) && !hasSender(lambdaConfig, a));
}

export function missingChannelMessage(attribute: string): string {
  const n = NEEDS[attribute];
  return `AutoVerifiedAttributes contains ${attribute}, which needs ${n.what} in production mode: start userpool with ${n.flag} (env ${n.env}).`;
}

/**
 * At start in production mode: every pool's auto-verified media must have a channel. (What needs no store, such
 * as the webhook's signing key, is checked with the rest of the configuration in config.ts.)
 */
export async function checkProductionChannels(config: ChannelConfig, store: Store): Promise<void> {
  if (config.mode !== "production") return;
  const problems: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.listPools(60, after);
    for (const pool of page.items) {
      for (const attribute of missingChannels(config, pool.doc.AutoVerifiedAttributes as string[] | undefined, pool.doc.LambdaConfig)) {
        const n = NEEDS[attribute];
        problems.push(`pool ${pool.id} (${pool.name}) auto-verifies ${attribute} but no ${n.flag} (env ${n.env}) is set`);
      }
    }
    after = page.next ?? undefined;
  } while (after);
  if (problems.length) {
    throw new ConfigError(`production mode needs a delivery channel for every medium its pools verify:\n  - ${problems.join("\n  - ")}`);
  }
}

/**
 * CreateUserPool and UpdateUserPool call this first: in production mode a pool may not auto-verify a medium that
 * has no channel (InvalidParameterException naming the flag that adds one).
 */
export function requireChannels(config: ChannelConfig, autoVerified: readonly string[] | undefined, lambdaConfig?: unknown): void {
  if (config.mode !== "production") return;
  const missing = missingChannels(config, autoVerified, lambdaConfig);
  if (missing.length) throw new InvalidParameterException(missingChannelMessage(missing[0]));
}
