/**
 * Calling a pool's Lambda trigger: one event in, the function's answer (the event with its `response` filled in) out.
 * Every trigger goes through `invokeTrigger`, so the way a trigger is reached, Cognito's timeout and retry rules, and
 * its error types are the same for all of them. Three ways, chosen per ARN (docs/triggers.md):
 * - `--trigger <arn>=<http(s) url>`: an HTTP endpoint that receives the event JSON and answers the returned event;
 * - `--trigger <arn>=file:<path>`: a local handler file run in a worker thread (handler-file.ts);
 * - `--lambda-endpoint <url>`: every ARN not mapped otherwise, over the Lambda Invoke API (lambda-api.ts).
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { UnexpectedLambdaException, UserLambdaValidationException } from "../generated/cognito-idp.js";
import { invokeHandlerFile } from "./handler-file.js";
import { invokeLambdaApi } from "./lambda-api.js";
import type { CallOutcome } from "./outcome.js";
import { isSuccess, postJson } from "./post-json.js";

export interface TriggerDeps {
  config: Pick<Config, "region" | "triggers" | "triggerTimeoutMs" | "triggerAttempts"> & Partial<Pick<Config, "lambdaEndpoint" | "mode">>;
  log: Logger;
}

/**
 * The parameters every trigger event starts with (Cognito's common trigger parameters). `clientId`: the app client,
 * or CLIENT_ID_NOT_APPLICABLE for an operation without one; `awsSdkVersion` is the one Cognito sends when it does not
 * know the caller's SDK (we do not see it either).
 */
export function commonEvent(poolId: string, region: string, triggerSource: string, userName: string, clientId: string, version = "1") {
  return { version, triggerSource, region, userPoolId: poolId, userName, callerContext: { awsSdkVersion: AWS_SDK_VERSION, clientId } };
}

/** What Cognito names as the caller's client for an operation that has none (the Admin* operations). */
export const NO_CLIENT = "CLIENT_ID_NOT_APPLICABLE";

/** Real Cognito sends this when the caller's SDK is not known to it. */
export const AWS_SDK_VERSION = "aws-sdk-unknown-unknown";

export interface TriggerCall {
  poolId: string;
  /** The LambdaConfig key, as Cognito names it in its messages: `CustomMessage`, `PreSignUp`, … */
  trigger: string;
  arn: string;
  event: unknown;
}

/** Cognito's message when the function could not be run or its answer could not be read. */
export const lambdaFailed = (trigger: string, reason: string) =>
  new UnexpectedLambdaException(`${trigger} invocation failed due to error ${reason}.`);

/** Cognito's message when the function ran and failed (threw, or called back with an error). */
export const lambdaValidation = (trigger: string, message: string) =>
  new UserLambdaValidationException(`${trigger} failed with error ${message}.`);

export const FILE_PREFIX = "file:";

/** How an ARN is reached, or undefined when it is not (no mapping, no Lambda endpoint). */
export function transportOf(config: TriggerDeps["config"], arn: string): "http" | "file" | "lambda" | undefined {
  const to = config.triggers[arn];
  if (to) return to.startsWith(FILE_PREFIX) ? "file" : "http";
  return config.lambdaEndpoint ? "lambda" : undefined;
}

/**
 * Invokes the trigger and returns its parsed JSON answer. Throws UserLambdaValidationException when the function
 * failed (`<Trigger> failed with error <message>.`), UnexpectedLambdaException for an ARN with no way to reach it, or
 * when every attempt timed out, could not reach the function or was throttled, for another failed call, or invalid
 * JSON. The caller checks the answer's shape (InvalidLambdaResponseException) and what it means.
 */
export async function invokeTrigger(deps: TriggerDeps, call: TriggerCall): Promise<unknown> {
  const how = transportOf(deps.config, call.arn);
  if (!how) {
    deps.log.warn({ poolId: call.poolId, arn: call.arn }, `${call.trigger} trigger has no endpoint mapping; the operation fails`);
    throw new UnexpectedLambdaException(
      `${call.trigger} trigger ${call.arn} has no endpoint: map it with --trigger ${call.arn}=<url|file:path> (env USERPOOL_TRIGGERS), or set --lambda-endpoint.`);
  }
  const body = JSON.stringify(call.event);
  const timeoutMs = deps.config.triggerTimeoutMs;
  const once = (): Promise<CallOutcome> => {
    if (how === "http") return callHttp(deps.config.triggers[call.arn], body, timeoutMs);
    if (how === "file") {
      return invokeHandlerFile({
        path: deps.config.triggers[call.arn].slice(FILE_PREFIX.length), arn: call.arn, event: JSON.parse(body), timeoutMs,
        reload: (deps.config.mode ?? "dev") === "dev",
      });
    }
    return invokeLambdaApi(deps.config.lambdaEndpoint!, call.arn, body, timeoutMs);
  };
  // Cognito retries a synchronous trigger call that can be retried, and gives up after three unsuccessful attempts:
  // here a timeout, an unreachable function, and a throttled or unavailable one are retried; any other failure is
  // the function's own answer and fails at once.
  let text = "";
  for (let attempt = 1; ; attempt++) {
    const outcome = await once();
    if ("payload" in outcome) { text = outcome.payload; break; }
    if ("functionError" in outcome) {
      // The message is the function's own (it may echo what it was given): only its type is logged.
      deps.log.warn({ poolId: call.poolId, arn: call.arn, errorType: outcome.errorType }, `${call.trigger} trigger failed`);
      throw lambdaValidation(call.trigger, outcome.functionError);
    }
    deps.log.warn({ poolId: call.poolId, arn: call.arn, attempt, err: outcome.reason }, `${call.trigger} trigger call failed`);
    if (!outcome.retry || attempt >= deps.config.triggerAttempts) throw lambdaFailed(call.trigger, outcome.reason);
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw lambdaFailed(call.trigger, "Lambda function returned invalid JSON");
  }
}

const RETRIED_STATUS = new Set([429, 502, 503, 504]);

/**
 * One POST of the event: the 2xx body, or why it failed and whether another call may succeed. An answer with the
 * Lambda API's `X-Amz-Function-Error` header is the function's error (`{"errorMessage": …}`), as Lambda reports it.
 */
async function callHttp(url: string, body: string, timeoutMs: number): Promise<CallOutcome> {
  const res = await postJson(url, body, {}, timeoutMs);
  if ("failure" in res) {
    return { reason: res.failure === "timeout" ? "Socket timeout while invoking Lambda function" : `Unable to reach the Lambda function endpoint (${res.detail})`, retry: true };
  }
  if (res.functionError) {
    try {
      const e = JSON.parse(res.text) as { errorMessage?: unknown; errorType?: unknown };
      if (typeof e?.errorMessage === "string") return { functionError: e.errorMessage, errorType: typeof e.errorType === "string" ? e.errorType : undefined };
    } catch { /* the text is the message */ }
    return { functionError: res.text.slice(0, 1000) };
  }
  if (isSuccess(res.status)) return { payload: res.text };
  return { reason: `Lambda function returned HTTP status ${res.status}`, retry: RETRIED_STATUS.has(res.status) };
}
