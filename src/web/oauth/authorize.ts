/**
 * `GET /oauth2/authorize` (Cognito's authorize endpoint) and what the hosted pages share with it: checking an
 * authorization request, and finishing one once the user is signed in (a code, or tokens for the implicit grant).
 *
 * The order of checks is Cognito's: an unknown client or a redirect URI that is not exactly one of the client's
 * CallbackURLs gets an error page (never a redirect to an unregistered URI); every other problem is redirected to the
 * (registered) redirect URI as `error=…` with the request's `state`.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { issueSignInTokens } from "../../domain/token-origins.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../../store/types.js";
import { poolForHost } from "./domains.js";
import type { OAuthDeps } from "./token.js";

/** The parameters an authorization request carries from /oauth2/authorize to the hosted pages and back. */
export const AUTHORIZE_PARAMS = [
  "client_id", "response_type", "redirect_uri", "state", "scope", "nonce", "code_challenge", "code_challenge_method",
  "identity_provider", "idp_identifier", "lang",
] as const;

/** The OpenID Connect scopes Cognito knows besides custom (resource-server) ones. */
export const OIDC_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"];

/** An authorization code is valid this long (Cognito: 5 minutes). */
export const CODE_TTL_MS = 5 * 60_000;

export interface AuthorizeRequest {
  pool: PoolRecord;
  client: ClientRecord;
  redirectUri: string;
  responseType: "code" | "token";
  /** The granted scopes, in the order asked (all the client's AllowedOAuthScopes when none were asked). */
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** The request's own parameters, to carry to the next page (`/login?…`). */
  query: URLSearchParams;
}

/** What checking a request found: go on, an error page (the redirect URI cannot be trusted), or an error redirect. */
export type Checked =
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; page: { error: string; description: string } }
  | { ok: false; redirect: string };

const lists = (client: ClientRecord, member: string) => (client.doc[member] as string[] | undefined) ?? [];

/** The URL the user agent goes to with `params`: in the query (code), or in the fragment (implicit). */
export function redirectWith(redirectUri: string, params: Record<string, string | undefined>, fragment = false): string {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  let url: URL;
  try {
    url = new URL(redirectUri);
  } catch {
    // A registered callback that is no absolute URL (CreateUserPoolClient does not refuse one): appended as text.
    const base = redirectUri.split("#")[0];
    return `${base}${fragment ? "#" : base.includes("?") ? "&" : "?"}${new URLSearchParams(entries)}`;
  }
  if (fragment) url.hash = new URLSearchParams(entries).toString();
  else for (const [k, v] of entries) url.searchParams.append(k, v);
  return url.toString();
}

/** The authorization request's own parameters (the others are dropped, so that they do not travel from page to page). */
export function authorizeQuery(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const name of AUTHORIZE_PARAMS) for (const v of params.getAll(name)) q.append(name, v);
  return q;
}

/**
 * Checks an authorization request (query parameters of /oauth2/authorize, /login and the other hosted pages). At a
 * registered custom or prefix domain (the Host header), only that domain's pool's clients are served.
 */
export async function checkAuthorizeRequest(deps: Pick<OAuthDeps, "store" | "config">, query: URLSearchParams, host?: string): Promise<Checked> {
  const one = (name: string) => {
    const all = query.getAll(name);
    return all.length === 1 ? all[0] : all.length === 0 ? undefined : null;
  };
  const clientId = one("client_id");
  if (!clientId) return { ok: false, page: { error: "invalid_request", description: clientId === null ? "client_id given more than once" : "client_id is required" } };
  const client = await deps.store.getClient(clientId);
  const pool = client && (await deps.store.getPool(client.poolId));
  if (!client || !pool) return { ok: false, page: { error: "invalid_request", description: "Invalid client id" } };
  const hostPool = await poolForHost(deps.store, host, deps.config.region);
  if (hostPool !== undefined && hostPool !== pool.id) return { ok: false, page: { error: "invalid_request", description: "Invalid client id" } };
  const redirectUri = one("redirect_uri");
  if (!redirectUri || !lists(client, "CallbackURLs").includes(redirectUri)) {
    return { ok: false, page: { error: "redirect_mismatch", description: "redirect_uri is not one of the app client's callback URLs" } };
  }
  const responseType = one("response_type");
  const state = one("state");
  const implicit = responseType === "token";
  const fail = (error: string, description: string): Checked =>
    ({ ok: false, redirect: redirectWith(redirectUri, { error, error_description: description, state: state ?? undefined }, implicit) });

  for (const name of AUTHORIZE_PARAMS) if (query.getAll(name).length > 1) return fail("invalid_request", `${name} given more than once`);
  if (client.doc.AllowedOAuthFlowsUserPoolClient !== true) return fail("unauthorized_client", "the app client is not allowed the OAuth flows");
  if (!responseType) return fail("invalid_request", "response_type is required");
  if (responseType !== "code" && responseType !== "token") return fail("unsupported_response_type", `response_type ${responseType} is not supported`);
  if (!lists(client, "AllowedOAuthFlows").includes(responseType === "code" ? "code" : "implicit")) {
    return fail("unauthorized_client", `the app client is not allowed the ${responseType === "code" ? "code" : "implicit"} flow`);
  }
  const idp = one("identity_provider") ?? undefined;
  if (!lists(client, "SupportedIdentityProviders").includes("COGNITO")) return fail("unauthorized_client", "the app client does not support the COGNITO identity provider");
  if (idp !== undefined && idp !== "COGNITO") return fail("invalid_request", `identity_provider ${idp} is not supported: userpool signs users in with the user pool (COGNITO) only`);
  if (one("idp_identifier") !== undefined) return fail("invalid_request", "idp_identifier is not supported: userpool signs users in with the user pool (COGNITO) only");

  const allowed = lists(client, "AllowedOAuthScopes");
  const asked = (one("scope") ?? "").split(/\s+/).filter(Boolean);
  const scopes = asked.length ? [...new Set(asked)] : allowed;
  const notAllowed = scopes.find((s) => !allowed.includes(s));
  if (notAllowed !== undefined) return fail("invalid_scope", `scope ${notAllowed} is not allowed for the app client`);
  if (!scopes.includes("openid") && scopes.some((s) => s === "email" || s === "phone" || s === "profile")) {
    return fail("invalid_scope", "the email, phone and profile scopes need openid");
  }
  if (scopes.length === 0) return fail("invalid_scope", "no scope: the app client allows none");

  let codeChallenge: string | undefined;
  const challenge = one("code_challenge") ?? undefined;
  const method = one("code_challenge_method") ?? undefined;
  if (responseType === "code" && (challenge !== undefined || method !== undefined)) {
    // Cognito supports S256 only (not RFC 7636's plain, nor a challenge without its method).
    if (method !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
    if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail("invalid_request", "code_challenge must be the base64url SHA-256 of the code_verifier");
    codeChallenge = challenge;
  }
  const nonce = one("nonce") ?? undefined;
  return {
    ok: true,
    request: { pool, client, redirectUri, responseType, scopes, state: state ?? undefined, nonce, codeChallenge, query: authorizeQuery(query) },
  };
}

export const hashCode = (code: string) => createHash("sha256").update(code).digest("base64url");

/**
 * Finishes an authorization for a signed-in user: stores a code (bound to client, redirect URI, scopes, nonce and
 * PKCE challenge) and returns the redirect with it, or, for the implicit grant, issues the tokens into the fragment.
 */
export async function completeAuthorization(deps: OAuthDeps, r: AuthorizeRequest, user: UserRecord, authTime: number): Promise<string> {
  const scope = r.scopes.join(" ");
  const now = deps.clock.now();
  if (r.responseType === "code") {
    const code = deps.random.uuid();
    await deps.store.insertAuthorizationCode({
      codeHash: hashCode(code), poolId: r.pool.id, clientId: r.client.id, redirectUri: r.redirectUri, usernameKey: user.usernameKey,
      scope, nonce: r.nonce ?? null, codeChallenge: r.codeChallenge ?? null, authTime, expiresAt: now + CODE_TTL_MS, createdAt: now,
    });
    return redirectWith(r.redirectUri, { code, state: r.state });
  }
  const t = await issueSignInTokens(deps, r.pool, r.client, user, { oauth: { scope, nonce: r.nonce, authTime, refresh: false } });
  return redirectWith(r.redirectUri, {
    ...(r.scopes.includes("openid") ? { id_token: t.IdToken } : {}),
    access_token: t.AccessToken, token_type: "Bearer", expires_in: String(t.ExpiresIn), state: r.state,
  }, true);
}

/** `GET /oauth2/authorize`: a signed-in user (session cookie) goes straight back with a code; anyone else to /login. */
export async function authorizeEndpoint(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse, url: URL,
  hooks: { errorPage: (res: ServerResponse, e: { error: string; description: string }) => void; signedIn: (req: IncomingMessage, pool: PoolRecord) => Promise<{ user: UserRecord; authTime: number } | undefined> }) {
  const checked = await checkAuthorizeRequest(deps, url.searchParams, req.headers.host);
  if (!checked.ok) {
    if ("page" in checked) return hooks.errorPage(res, checked.page);
    return redirect(res, checked.redirect);
  }
  const r = checked.request;
  const session = await hooks.signedIn(req, r.pool);
  if (session) return redirect(res, await completeAuthorization(deps, r, session.user, session.authTime));
  redirect(res, `/login?${r.query}`);
}

export function redirect(res: ServerResponse, location: string, cookies: string[] = []) {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", ...(cookies.length ? { "Set-Cookie": cookies } : {}) });
  res.end();
}
