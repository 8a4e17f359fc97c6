/** What operation handlers may depend on. Each handler factory takes only the members it uses. */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock, Random } from "../domain/clock.js";
import type { TokenService } from "../domain/tokens.js";
import type { Handoff } from "../delivery/outbox-worker.js";
import type { Store } from "../store/types.js";

export interface Deps {
  store: Store;
  clock: Clock;
  random: Random;
  config: Config;
  /** The server secret that keys code HMACs. */
  codeKey: Buffer;
  tokens: TokenService;
  log: Logger;
  /**
   * Before a transaction queues messages: a hand-over for them (they are written claimed by this instance's outbox
   * worker), or undefined (they are queued). A retried transaction asks again.
   */
  outboxHandoff: () => Handoff | undefined;
  /**
   * Tells the outbox worker that a transaction just committed new messages: handed over in `h`, or queued. `queued`
   * names the medium of the real message it queued (for the metrics; a decoy is none).
   */
  wakeOutbox: (h?: Handoff, queued?: "EMAIL" | "SMS") => void;
}

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

export type Handler<I = any, O = any> = (input: I, ctx: RequestContext) => Promise<O>;
export type HandlerFactory = (deps: Deps) => Handler;
