/**
 * `POST /oauth2/token` (Cognito's token endpoint): reads the form body, authenticates the client (HTTP Basic or
 * `client_id`/`client_secret` in the body; a public client names itself with `client_id`), and hands the request
 * to the grant named by `grant_type` (`grants.ts`). Errors are OAuth's JSON errors (RFC 6749 §5.2).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Deps } from "../../ops/deps.js";
import { CORS_HEADERS, readBody } from "../../protocol/http.js";
import type { ClientRecord, PoolRecord } from "../../store/types.js";
import { poolForHost } from "./domains.js";
import { grants } from "./grants.js";

/** What the OAuth endpoints use of the server's dependencies. */
export type OAuthDeps = Pick<Deps, "store" | "clock" | "random" | "config" | "tokens" | "log" | "codeKey">;

/** An OAuth error answer: `{"error": …, "error_description"?: …}` with its HTTP status. */
export class OAuthError extends Error {
  constructor(readonly error: string, readonly description?: string, readonly status = 400) {
    super(description ?? error);
  }
}

export interface GrantRequest {
  pool: PoolRecord;
  client: ClientRecord;
  /** The form parameters (each given once; a repeated parameter is an invalid_request). */
  params: Map<string, string>;
  /** The client proved its secret (Basic or body); false for a public client. */
  authenticated: boolean;
}

/** A grant's answer: the token response members (`access_token`, `token_type`, `expires_in`, …). */
export type Grant = (deps: OAuthDeps, request: GrantRequest) => Promise<Record<string, unknown>>;

const FORM_LIMIT = 16 * 1024;
const CLIENT_ID = /^[\w+]{1,128}$/;

/** The form body as a map; a parameter given twice is an invalid_request (RFC 6749 §3.2). */
export async function readForm(req: IncomingMessage): Promise<Map<string, string>> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const body = await readBody(req, FORM_LIMIT);
  if (body === null) throw new OAuthError("invalid_request", "request body too large");
  if (body === undefined) throw new OAuthError("invalid_request", "request body incomplete");
  const params = new Map<string, string>();
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) {
    if (params.has(k)) throw new OAuthError("invalid_request", `parameter ${k} given more than once`);
    params.set(k, v);
  }
  return params;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client from HTTP Basic or the body; `invalid_client` (401 for Basic) when it is unknown or its secret is wrong. */
export async function authenticateClient(deps: OAuthDeps, req: IncomingMessage, params: Map<string, string>) {
  let id = params.get("client_id");
  let secret = params.get("client_secret");
  const auth = req.headers.authorization;
  const basic = typeof auth === "string" && /^basic /i.test(auth);
  if (basic) {
    const decoded = Buffer.from(auth!.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) throw new OAuthError("invalid_client", "malformed Basic credentials", 401);
    let basicId: string;
    try {
      basicId = decodeURIComponent(decoded.slice(0, colon));
      secret = decodeURIComponent(decoded.slice(colon + 1));
    } catch {
      throw new OAuthError("invalid_client", "malformed Basic credentials", 401);
    }
    if (id !== undefined && id !== basicId) throw new OAuthError("invalid_client", "client_id does not match the credentials", 401);
    id = basicId;
  }
  if (!id) throw new OAuthError("invalid_client", "client_id is required", 401);
  // A client id is `[\w+]+` (ClientIdType): anything else is no client, and never reaches the store (a NUL would be
  // an error in PostgreSQL, not an answer).
  if (!CLIENT_ID.test(id)) throw new OAuthError("invalid_client", undefined, basic ? 401 : 400);
  const client = await deps.store.getClient(id);
  const pool = client && (await deps.store.getPool(client.poolId));
  if (!client || !pool) throw new OAuthError("invalid_client", undefined, basic ? 401 : 400);
  // At a pool's custom (or prefix) domain, only that pool's clients exist.
  const hostPool = await poolForHost(deps.store, req.headers.host, deps.config.region);
  if (hostPool !== undefined && hostPool !== pool.id) throw new OAuthError("invalid_client", undefined, basic ? 401 : 400);
  if (client.secret !== null) {
    if (secret === undefined || !sameSecret(secret, client.secret)) throw new OAuthError("invalid_client", undefined, basic ? 401 : 400);
  }
  return { pool, client, authenticated: client.secret !== null };
}

export function sendOAuthJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  // CORS: single-page apps (oidc-client-ts, Amplify) call the token endpoint from the browser.
  res.writeHead(status, {
    ...CORS_HEADERS, "Content-Type": "application/json;charset=UTF-8", "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store", Pragma: "no-cache", ...headers,
  });
  res.end(text);
}

export function sendOAuthError(res: ServerResponse, e: OAuthError) {
  const body: Record<string, string> = { error: e.error };
  if (e.description) body.error_description = e.description;
  sendOAuthJson(res, e.status, body, e.status === 401 ? { "WWW-Authenticate": 'Basic realm="userpool"' } : {});
}

export async function tokenEndpoint(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse) {
  try {
    const params = await readForm(req);
    const { pool, client, authenticated } = await authenticateClient(deps, req, params);
    const grantType = params.get("grant_type");
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required");
    // Own keys only: `constructor`, `toString` and the like are no grants.
    const grant = Object.hasOwn(grants, grantType) ? grants[grantType] : undefined;
    if (!grant) throw new OAuthError("unsupported_grant_type");
    sendOAuthJson(res, 200, await grant(deps, { pool, client, params, authenticated }));
  } catch (e) {
    if (e instanceof OAuthError) return sendOAuthError(res, e);
    throw e;
  }
}
