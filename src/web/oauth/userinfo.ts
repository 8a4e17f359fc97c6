/**
 * `GET|POST /oauth2/userInfo` (OIDC UserInfo): the user's attributes for a Bearer access token from the token
 * endpoint that has the `openid` scope, filtered by its scopes as Cognito does: `openid` alone gives every attribute;
 * with `profile`, `email` or `phone` the answer is `sub` and `username` plus the profile attributes (and custom
 * ones), `email`/`email_verified`, `phone_number`/`phone_number_verified` for the scopes present. Verified flags are
 * the strings `"true"`/`"false"`, as Cognito sends them. The token goes through the same check as the API's
 * (signature, expiry, revocation).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { CognitoError } from "../../generated/cognito-idp.js";
import { CORS_HEADERS } from "../../protocol/http.js";
import type { OAuthDeps } from "./token.js";

const PROFILE = ["name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile", "picture", "website",
  "gender", "birthdate", "zoneinfo", "locale", "updated_at", "address"];

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS, "Access-Control-Expose-Headers": "WWW-Authenticate", "Content-Type": "application/json;charset=UTF-8",
    "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store", ...headers,
  });
  res.end(text);
}

const invalidToken = (res: ServerResponse, description: string) =>
  answer(res, 401, { error: "invalid_token", error_description: description },
    { "WWW-Authenticate": `Bearer error="invalid_token", error_description="${description}"` });

/** The attributes the token's scopes let through. */
export function userInfoClaims(attributes: Record<string, string>, username: string, scopes: string[]): Record<string, string> {
  const narrowing = scopes.filter((s) => s === "profile" || s === "email" || s === "phone");
  const keep = (name: string) => {
    if (narrowing.length === 0) return true;
    if (name === "sub") return true;
    if (scopes.includes("profile") && (PROFILE.includes(name) || name.startsWith("custom:"))) return true;
    if (scopes.includes("email") && (name === "email" || name === "email_verified")) return true;
    return scopes.includes("phone") && (name === "phone_number" || name === "phone_number_verified");
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (keep(k)) out[k] = v;
  out.username = username;
  return out;
}

export async function userInfoEndpoint(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse) {
  const auth = req.headers.authorization;
  const m = typeof auth === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m) return invalidToken(res, "Access token is missing");
  let who;
  try {
    who = await deps.tokens.verifyAccess(m[1], (id) => deps.store.getPool(id));
  } catch (e) {
    if (e instanceof CognitoError && e.statusCode < 500) return invalidToken(res, "Access token is expired, disabled, or deleted, or the user has globally signed out.");
    throw e;
  }
  const { decodeJwt } = await import("jose");
  const scope = decodeJwt(m[1]).scope;
  const scopes = typeof scope === "string" ? scope.split(" ") : [];
  if (!scopes.includes("openid")) {
    return answer(res, 403, { error: "insufficient_scope", error_description: "The access token does not have the openid scope." },
      { "WWW-Authenticate": 'Bearer error="insufficient_scope", scope="openid"' });
  }
  const user = await deps.store.getUserBySub(who.pool.id, who.sub);
  if (!user || !user.enabled) return invalidToken(res, "User does not exist or is disabled.");
  answer(res, 200, userInfoClaims({ sub: user.sub, ...user.attributes }, user.username, scopes));
}
