/**
 * Calling a pool's Lambda trigger: one event in, the function's answer (the event with its `response` filled in) out.
 * Every trigger goes through `invokeTrigger`, so the way a trigger is reached (today an HTTP endpoint mapped per ARN
 * with `--trigger <arn>=<url>`), Cognito's timeout and retry rules, and its error types are the same for all of them.
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { UnexpectedLambdaException } from "../generated/cognito-idp.js";
import { isSuccess, postJson } from "./post-json.js";

export interface TriggerDeps {
  config: Pick<Config, "region" | "triggers" | "triggerTimeoutMs" | "triggerAttempts">;
  log: Logger;
}

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

/**
 * Invokes the trigger and returns its parsed JSON answer. Throws UnexpectedLambdaException for an unmapped ARN, a
 * network error, timeout, 429 or 502-504 on every attempt, another non-2xx status, or invalid JSON. The caller checks
 * the answer's shape (InvalidLambdaResponseException) and what it means.
 */
export async function invokeTrigger(deps: TriggerDeps, call: TriggerCall): Promise<unknown> {
  const url = deps.config.triggers[call.arn];
  if (!url) {
    deps.log.warn({ poolId: call.poolId, arn: call.arn }, `${call.trigger} trigger has no endpoint mapping; the operation fails`);
    throw new UnexpectedLambdaException(
      `${call.trigger} trigger ${call.arn} has no endpoint: map it with --trigger ${call.arn}=<url> (env USERPOOL_TRIGGERS).`);
  }
  const body = JSON.stringify(call.event);
  // Cognito retries a synchronous trigger call that can be retried, and gives up after three unsuccessful attempts:
  // here a timeout, an unreachable endpoint, and 429/502/503/504 (throttled or unavailable) are retried; any other
  // status is the function's own answer and fails at once.
  let text = "";
  for (let attempt = 1; ; attempt++) {
    const outcome = await callOnce(url, body, deps.config.triggerTimeoutMs);
    if ("text" in outcome) { text = outcome.text; break; }
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

/** One POST of the event: the 2xx body, or why it failed and whether another call may succeed. */
async function callOnce(url: string, body: string, timeoutMs: number): Promise<{ text: string } | { reason: string; retry: boolean }> {
  const res = await postJson(url, body, {}, timeoutMs);
  if ("failure" in res) {
    return { reason: res.failure === "timeout" ? "Socket timeout while invoking Lambda function" : `Unable to reach the Lambda function endpoint (${res.detail})`, retry: true };
  }
  if (isSuccess(res.status)) return { text: res.text };
  return { reason: `Lambda function returned HTTP status ${res.status}`, retry: RETRIED_STATUS.has(res.status) };
}
