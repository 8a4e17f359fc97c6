/**
 * The dev inbox channel: the message stays readable at /_dev/inbox; in dev mode the code is also printed on the
 * console (the only place a code is ever logged).
 */
import type { Channel } from "../outbox-worker.js";

export function inboxChannel(print: ((line: string) => void) | undefined): Channel {
  return {
    id: "inbox",
    async send(m) {
      print?.(`code ${m.code ?? "-"} for ${m.username} (${m.destination})`);
    },
  };
}
