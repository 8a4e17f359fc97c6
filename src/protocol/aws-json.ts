/**
 * The AWS JSON 1.1 endpoint, `POST /`: the ordered steps a request goes through, from framing to the handler.
 * Pure of node:http; the server feeds it the method, headers and raw body bytes.
 */
import type { Logger } from "pino";
import { CognitoError, TARGET_PREFIX, operations, type OperationName } from "../generated/cognito-idp.js";
import type { RequestContext } from "../ops/deps.js";
import { errorResponse, internalError, serializationError, unknownOperation, unsupportedMediaType } from "./errors.js";
import type { Invoke } from "./invoke.js";

export interface ApiResponse { status: number; headers: Record<string, string>; body: string; operation?: string; errorType?: string }

const JSON_TYPES = new Set(["application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json"]);

export interface ApiDeps {
  invoke: Invoke;
  log: Logger;
  /**
   * The IAM (SigV4) check for operations whose auth kind is "iam", before the body is even parsed; throws the AWS
   * error. Unset (dev mode without credentials): every request is accepted. See src/protocol/sigv4.ts.
   */
  authorize?: (request: { method: string; url: string; headers: Record<string, string | string[] | undefined>; body: Buffer }) => void;
}

export function parseTarget(target: string | undefined): OperationName {
  if (!target) throw unknownOperation("Missing X-Amz-Target header.");
  const dot = target.lastIndexOf(".");
  const prefix = target.slice(0, dot);
  const name = target.slice(dot + 1);
  if (dot < 0 || prefix !== TARGET_PREFIX || !Object.hasOwn(operations, name)) {
    throw unknownOperation(`Unknown operation ${JSON.stringify(target)}: X-Amz-Target must be ${TARGET_PREFIX}.<Operation>.`);
  }
  return name as OperationName;
}

export function parseBody(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationError("The request body is not valid JSON.");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw serializationError("The request body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

export async function handleApi(
  deps: ApiDeps, headers: Record<string, string | string[] | undefined>, body: Buffer, ctx: RequestContext,
  http: { method: string; url: string } = { method: "POST", url: "/" },
): Promise<ApiResponse> {
  let operation: string | undefined;
  try {
    const type = String(headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
    if (type && !JSON_TYPES.has(type)) throw unsupportedMediaType(type);
    const op = parseTarget(headers["x-amz-target"] as string | undefined);
    operation = op;
    // Authentication first, as AWS does: an unsigned request learns nothing about the body or the operation.
    if (operations[op].auth === "iam") deps.authorize?.({ method: http.method, url: http.url, headers, body });
    // A body the framing refuses (not JSON, not an object) is answered here, before the per-IP limit counts it.
    const output = await deps.invoke(op, parseBody(body), ctx);
    return { status: 200, headers: {}, body: JSON.stringify(output ?? {}), operation };
  } catch (e) {
    const err = e instanceof CognitoError ? e : internalError();
    if (!(e instanceof CognitoError)) deps.log.error({ err: e, requestId: ctx.requestId, operation }, "internal error");
    return { ...errorResponse(err), operation, errorType: err.type };
  }
}
