/**
 * Errors the model does not declare (framing problems, unimplemented operations) and the one serializer every
 * error goes through: `{"__type", "message"}` plus the `x-amzn-ErrorType` / `x-amzn-ErrorMessage` headers.
 */
import { randomUUID } from "node:crypto";
import { CognitoError } from "../generated/cognito-idp.js";

/** The uniform answer for an operation of the model that userpool does not implement (docs/compatibility.md). */
export class UnsupportedOperationException extends CognitoError {
  /** `what` names the operation, or the operation and the feature of it (`InitiateAuth with AuthFlow USER_SRP_AUTH`). */
  constructor(what: string) {
    super("UnsupportedOperationException", `userpool does not implement ${what} yet; see docs/compatibility.md for what it does implement.`);
  }
}

export const unknownOperation = (message: string) => new CognitoError("UnknownOperationException", message);
export const serializationError = (message: string) => new CognitoError("SerializationException", message);
export const tooLarge = (limit: number) =>
  new CognitoError("RequestEntityTooLargeException", `Request body is larger than the limit of ${limit} bytes.`, 413);
export const unsupportedMediaType = (type: string) =>
  new CognitoError("UnsupportedMediaTypeException", `Content-Type '${type}' is not supported; send application/x-amz-json-1.1.`, 415);
export const internalError = () => new CognitoError("InternalErrorException", "Internal server error.", 500);

/** Header values must be printable ASCII; the body keeps the full message. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 1024);

export function errorResponse(e: CognitoError): { status: number; headers: Record<string, string>; body: string } {
  const body: Record<string, unknown> = { __type: e.type, message: e.message };
  const reason = (e as { reasonCode?: string }).reasonCode;
  if (reason) body.reasonCode = reason;
  return {
    status: e.statusCode,
    headers: { "x-amzn-ErrorType": `${e.type}:`, "x-amzn-ErrorMessage": headerSafe(e.message) },
    body: JSON.stringify(body),
  };
}

/**
 * What the server writes straight to the socket for a request that never reached a handler (node:http's
 * `clientError`): a request that took longer than the request timeout (slowloris), headers too large, or bytes
 * that are not HTTP. Shaped like every other error, then the connection closes.
 */
export function rawClientError(code: string | undefined, timeoutMs: number): string {
  const [status, reason, type, message] =
    code === "ERR_HTTP_REQUEST_TIMEOUT" ? [408, "Request Timeout", "RequestTimeoutException", `The request did not arrive within ${timeoutMs} ms.`]
    : code === "HPE_HEADER_OVERFLOW" ? [431, "Request Header Fields Too Large", "RequestHeaderFieldsTooLargeException", "The request headers are too large."]
    : [400, "Bad Request", "SerializationException", "The request is not valid HTTP/1.1."];
  const body = JSON.stringify({ __type: type, message });
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `x-amzn-RequestId: ${randomUUID()}\r\n` +
    `x-amzn-ErrorType: ${type}:\r\nx-amzn-ErrorMessage: ${headerSafe(message)}\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n${body}`;
}

