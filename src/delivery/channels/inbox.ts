/**
 * The dev inbox channel: nothing leaves the machine; the message stays readable at /_dev/inbox (the outbox
 * table is the inbox). Used in dev mode for every medium that has no real channel configured.
 */
import type { Channel } from "../outbox-worker.js";

export function inboxChannel(): Channel {
  return { id: "inbox", async send() {} };
}
