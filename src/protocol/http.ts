/**
 * The API over node:http: CORS (the API's headers, which every answer of the server shares), reading a request body
 * within the limit, and `POST /` itself — body, `handleApi`, the answer's head, the lingering close after a 413.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestContext } from "../ops/deps.js";
import { handleApi, type ApiDeps } from "./aws-json.js";
import { errorResponse, tooLarge } from "./errors.js";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date",
};

/** The answer to a CORS preflight (`OPTIONS` on any path): SDKs in browsers send one before each API call. */
export function preflight(req: IncomingMessage, res: ServerResponse) {
  res.writeHead(204, {
    ...CORS_HEADERS,
    "Access-Control-Allow-Methods": "POST, GET, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
    "Access-Control-Max-Age": "86400",
  });
  res.end();
}

/** The request declares a body (Content-Length) over `limit`. */
export const declaredOver = (req: IncomingMessage, limit: number) => Number(req.headers["content-length"] ?? 0) > limit;

/** The body's bytes; null when it is over `limit`; undefined when the client went away (or timed out) first. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null | undefined> {
  return new Promise((resolve) => {
    req.on("close", () => { if (!req.complete) resolve(undefined); });
    // Too large: answer at once, discarding the rest of the body unbuffered (see the lingering close in serveApi).
    if (declaredOver(req, limit)) { req.resume(); return resolve(null); }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) { req.removeAllListeners("data"); resolve(null); req.resume(); return; }
      chunks.push(c);
    });
    req.on("end", () => resolve(size > limit ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    // An aborted or timed-out upload: nobody is left to answer (and it is no server error worth logging).
    req.on("error", () => resolve(undefined));
  });
}

export interface ApiEndpointOptions {
  api: ApiDeps;
  bodyLimit: number;
  /** Called once per answered request: the operation, the error type (or undefined) and the seconds it took. */
  observe: (operation: string | undefined, errorType: string | undefined, seconds: number) => void;
}

/** `POST /`: the Cognito API. */
export function createApiEndpoint({ api, bodyLimit, observe }: ApiEndpointOptions) {
  return async function serveApi(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
    const started = performance.now();
    const body = await readBody(req, bodyLimit);
    if (body === undefined) return; // the client left, or the request timed out (answered in clientError)
    const out = body === null
      ? { ...errorResponse(tooLarge(bodyLimit)), operation: undefined, errorType: undefined }
      : await handleApi(api, req.headers, body, ctx, { method: req.method!, url: req.url ?? "/" });
    res.writeHead(out.status, {
      ...CORS_HEADERS, ...out.headers, "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": ctx.requestId,
      "Content-Length": Buffer.byteLength(out.body),
    });
    observe(out.operation, out.status >= 400 ? (out.errorType ?? `HTTP${out.status}`) : undefined, (performance.now() - started) / 1000);
    if (body !== null || req.complete) return void res.end(out.body);
    // A lingering close: the 413 goes out whole now (its Content-Length tells the client it is complete), but the
    // response only ends, and node:http closes the connection, once the rest of the upload has been read and
    // discarded. Closing while the client is still sending would reset the connection, and a reset can take the
    // unread 413 with it. The request timeout bounds the wait (clientError then destroys the socket).
    res.write(out.body);
    const end = () => { if (!res.writableEnded) res.end(); };
    req.once("end", end);
    req.once("close", end);
  };
}
