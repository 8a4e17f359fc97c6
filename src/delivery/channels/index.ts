/**
 * Which channel delivers which medium: SMTP for EMAIL and the webhook for SMS when configured; otherwise the dev
 * inbox in dev mode, and in production mode a channel that fails every attempt with the reason (production
 * refuses pools that auto-verify a medium without a channel, so that only happens to leftovers).
 * In dev mode every channel is wrapped by the console printer: the one place a code is ever printed.
 */
import type { Config } from "../../config.js";
import type { OutboxMessage } from "../../store/types.js";
import type { Channel } from "../outbox-worker.js";
import { inboxChannel } from "./inbox.js";
import { smsWebhookChannel } from "./sms-webhook.js";
import { smtpChannel } from "./smtp.js";

export interface Channels {
  /** The channel for each medium. */
  EMAIL: Channel;
  SMS: Channel;
  channelFor(m: OutboxMessage): Channel;
  close(): Promise<void>;
}

/** Prints the dev console line when a message is first tried. */
export function withConsole(channel: Channel, print: (line: string) => void): Channel {
  return {
    id: channel.id,
    async send(m) {
      if (m.attempts === 0) print(`code ${m.code ?? "-"} for ${m.username} (${m.destination})`);
      await channel.send(m);
    },
    ...(channel.close ? { close: channel.close } : {}),
  };
}

function missing(medium: "EMAIL" | "SMS"): Channel {
  const flag = medium === "EMAIL" ? "--smtp-url" : "--sms-webhook-url";
  return { id: "none", async send() { throw new Error(`no ${medium} channel is configured (start userpool with ${flag})`); } };
}

export function createChannels(
  config: Pick<Config, "mode" | "smtpUrl" | "emailFrom" | "smsWebhookUrl" | "smsWebhookSecret">,
  o: { now: () => number; print?: (line: string) => void },
): Channels {
  const dev = config.mode === "dev";
  const fallback = (medium: "EMAIL" | "SMS") => (dev ? inboxChannel() : missing(medium));
  const wrap = (c: Channel) => (dev && o.print ? withConsole(c, o.print) : c);
  const EMAIL = wrap(config.smtpUrl ? smtpChannel({ url: config.smtpUrl, from: config.emailFrom }) : fallback("EMAIL"));
  const SMS = wrap(config.smsWebhookUrl
    ? smsWebhookChannel({ url: config.smsWebhookUrl, secret: config.smsWebhookSecret, now: o.now })
    : fallback("SMS"));
  return {
    EMAIL, SMS,
    channelFor: (m) => (m.channel === "SMS" ? SMS : EMAIL),
    async close() {
      await Promise.all([EMAIL.close?.(), SMS.close?.()]);
    },
  };
}
