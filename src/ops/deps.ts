/** What operation handlers may depend on. Each handler factory takes only the members it uses. */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock, Random } from "../domain/clock.js";
import type { TokenService } from "../domain/tokens.js";
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
  /** Tells the outbox worker that a transaction just committed new messages. */
  wakeOutbox: () => void;
}

export interface RequestContext {
  requestId: string;
  sourceIp: string;
}

export type Handler<I = any, O = any> = (input: I, ctx: RequestContext) => Promise<O>;
export type HandlerFactory = (deps: Deps) => Handler;
