/**
 * A pool's CustomEmailSender / CustomSMSSender (src/triggers/custom-sender.ts) takes the place of the channel for its
 * medium: every message of such a pool is handed to the function, the others go to the configured channel.
 */
import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { OutboxMessage, Store, UserRecord } from "../../store/types.js";
import { customSenderArn, runCustomSender } from "../../triggers/custom-sender.js";
import type { Channel } from "../outbox-worker.js";
import type { Channels } from "./index.js";

export interface CustomSenderDeps {
  store: Pick<Store, "getPool" | "getUser">;
  config: Readonly<Config>;
  log: Logger;
  /** The store key of a username in its pool (case folding as the pool says). */
  keyOf: (poolDoc: Record<string, unknown>, username: string) => string;
}

export function withCustomSenders(channels: Channels, deps: CustomSenderDeps): Channels {
  const wrap = (inner: Channel): Channel => ({
    id: inner.id,
    async send(m: OutboxMessage) {
      const pool = await deps.store.getPool(m.poolId);
      if (!pool || !customSenderArn(pool, m.channel)) return inner.send(m);
      const user: UserRecord | undefined = await deps.store.getUser(pool.id, deps.keyOf(pool.doc, m.username));
      const attributes = user ? { sub: user.sub, ...user.attributes, "cognito:user_status": user.status } : {};
      await runCustomSender(deps, pool, m, attributes);
    },
    ...(inner.close ? { close: inner.close } : {}),
  });
  const EMAIL = wrap(channels.EMAIL);
  const SMS = wrap(channels.SMS);
  return { EMAIL, SMS, channelFor: (m) => (m.channel === "SMS" ? SMS : EMAIL), close: () => channels.close() };
}
