/**
 * The SMS channel: a JSON POST to a webhook the operator runs (to forward to an SMS provider). The body is
 * signed with HMAC-SHA256 over `<timestamp>.<raw body>`, so the receiver can check both who sent it and when.
 * Any 2xx answer means delivered. A 4xx other than 408 and 429 is the receiver refusing the message for good (failed
 * at once); anything else, a network error or a timeout is a failed attempt (retried).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { OutboxMessage } from "../../store/types.js";
import { PermanentDeliveryError, type Channel } from "../outbox-worker.js";
import { isSuccess, postJson } from "../../triggers/post-json.js";

export const SIGNATURE_HEADER = "X-Userpool-Signature";
export const TIMESTAMP_HEADER = "X-Userpool-Timestamp";
export const MESSAGE_ID_HEADER = "X-Userpool-Message-Id";
export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface SmsWebhookOptions {
  url: string;
  /** Without a secret (allowed in dev mode only) requests go out unsigned. */
  secret?: string;
  now: () => number;
  timeoutMs?: number;
}

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`), timestamp in epoch seconds. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return "sha256=" + createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** For receivers: checks the signature and that the timestamp is within `toleranceSeconds` of `nowSeconds`. */
export function verifyWebhookSignature(secret: string, signature: string, timestamp: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  const want = Buffer.from(webhookSignature(secret, timestamp, body));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}

export function smsWebhookChannel(o: SmsWebhookOptions): Channel {
  const timeoutMs = o.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    id: "sms-webhook",
    async send(m: OutboxMessage) {
      if (m.channel !== "SMS") throw new Error(`the sms-webhook channel cannot send ${m.channel} messages`);
      const body = JSON.stringify({ messageId: m.id, to: m.destination, body: m.body, poolId: m.poolId, username: m.username, purpose: m.purpose });
      const timestamp = String(Math.floor(o.now() / 1000));
      const headers: Record<string, string> = { [MESSAGE_ID_HEADER]: m.id, [TIMESTAMP_HEADER]: timestamp };
      if (o.secret) headers[SIGNATURE_HEADER] = webhookSignature(o.secret, timestamp, body);
      const res = await postJson(o.url, body, headers, timeoutMs);
      if ("failure" in res) {
        throw new Error(res.failure === "timeout" ? `webhook did not answer within ${timeoutMs} ms` : `webhook unreachable: ${res.detail}`);
      }
      if (!isSuccess(res.status)) {
        const permanent = res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429;
        throw new (permanent ? PermanentDeliveryError : Error)(`webhook answered HTTP ${res.status}`);
      }
    },
  };
}
