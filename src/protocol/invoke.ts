/**
 * `invoke(operation, input, context)`: the one way to run an operation, for every front door — `POST /`, the
 * confirmation link, the hosted pages. Each step holds wherever the request came from: the per-IP limit of the
 * public operations, the handler lookup (an operation userpool does not implement answers one uniform error),
 * validation against the service model, then the handler.
 */
import { operations, type OperationName } from "../generated/cognito-idp.js";
import type { Handler, RequestContext } from "../ops/deps.js";
import { UnsupportedOperationException } from "./errors.js";
import { validateInput } from "./validate.js";

export type Invoke = (operation: OperationName, input: Record<string, unknown>, ctx: RequestContext) => Promise<unknown>;

export interface InvokeDeps {
  handlers: ReadonlyMap<string, Handler>;
  /** The per-IP limit for the public operations (auth kind "none"); throws TooManyRequestsException. */
  limitPublic?: (ctx: RequestContext) => Promise<void> | void;
}

export function createInvoke({ handlers, limitPublic }: InvokeDeps): Invoke {
  return async function invoke(operation, input, ctx) {
    if (limitPublic && operations[operation].auth !== "iam") await limitPublic(ctx);
    const handler = handlers.get(operation);
    if (!handler) throw new UnsupportedOperationException(operation);
    validateInput(operation, input);
    return handler(input, ctx);
  };
}
