/**
 * What operation handlers may depend on. Each handler factory takes only the members it uses. The server builds one
 * `Deps` after it knows its address; `config` is frozen and already carries the public URL.
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Clock, Random } from "../domain/clock.js";
import type { TokenService } from "../domain/tokens.js";
import type { WithOutbox } from "../domain/outbox.js";
import type { Store } from "../store/types.js";

export interface Deps {
  store: Store;
  clock: Clock;
  random: Random;
  config: Readonly<Config>;
  /** The server secret that keys code HMACs. */
  codeKey: Buffer;
  tokens: TokenService;
  log: Logger;
  /** The one way to send: a store transaction with an outbox writer; the worker gets the messages after the commit. */
  withOutbox: WithOutbox;
}

export interface RequestContext {
  requestId: string;
  sourceIp: string;
  /**
   * The hosted pages (src/web/hosted/) call operations on the user's behalf: Cognito's hosted UI signs users in
   * with their password whatever the client's ExplicitAuthFlows say (those govern the API).
   */
  frontDoor?: "hosted-ui";
}

export type Handler<I = any, O = any> = (input: I, ctx: RequestContext) => Promise<O>;
export type HandlerFactory = (deps: Deps) => Handler;
