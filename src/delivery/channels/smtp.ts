/**
 * The email channel: SMTP through nodemailer, with pooled connections. `smtp://` upgrades with STARTTLS whenever
 * the server offers it; `smtps://` is TLS from the first byte. Each message goes out once per attempt with a
 * Message-ID derived from its outbox id, so a receiver can recognise the rare redelivery after a crash.
 */
import type { Transporter } from "nodemailer";
import type { OutboxMessage } from "../../store/types.js";
import { PermanentDeliveryError, type Channel } from "../outbox-worker.js";

/**
 * A 5xx answer to the recipient (`RCPT TO`: no such mailbox, domain refused, …) is permanent: trying again cannot
 * change it. Anything else (a refused connection, a timeout, a 4xx, a login or DATA failure that the operator can fix)
 * is retried.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const e = err as { responseCode?: unknown; command?: unknown } | null;
  return typeof e?.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600 && /^RCPT\b/i.test(String(e.command ?? ""));
}

export interface SmtpOptions {
  /** `smtp[s]://user:pass@host:port`, optionally with nodemailer options as query (`?tls.rejectUnauthorized=false`). */
  url: string;
  /** The sender when the pool sets no `EmailConfiguration.From`. */
  from: string;
}

const domainOf = (address: string) => /@([^\s>]+)>?\s*$/.exec(address)?.[1] ?? "userpool.invalid";

export function smtpChannel(o: SmtpOptions): Channel {
  // nodemailer is loaded, and the pooled transport made, for the first message: not at start (a cold start does not
  // pay for it) and not at all by a server that never sends email.
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport({
    // A relay that hangs makes a failed attempt (retried later) rather than a stuck one.
    url: o.url, pool: true, maxConnections: 5, maxMessages: 100,
    connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
  })));
  return {
    id: "smtp",
    async send(m: OutboxMessage) {
      if (m.channel !== "EMAIL") throw new Error(`the smtp channel cannot send ${m.channel} messages`);
      const meta = (m.meta ?? {}) as { from?: string; replyTo?: string };
      const from = meta.from ?? o.from;
      await (await open()).sendMail({
        from,
        ...(meta.replyTo ? { replyTo: meta.replyTo } : {}),
        to: m.destination,
        subject: m.subject ?? "",
        text: m.body,
        ...(m.html ? { html: m.html } : {}),
        messageId: `<${m.id}@${domainOf(from)}>`,
      }).catch((err: unknown) => {
        if (isPermanentSmtpError(err)) throw new PermanentDeliveryError((err as Error).message);
        throw err;
      });
    },
    async close() {
      (await transport?.catch(() => undefined))?.close();
    },
  };
}
