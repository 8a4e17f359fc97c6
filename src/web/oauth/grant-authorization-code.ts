/**
 * `grant_type=authorization_code`: a code from /oauth2/authorize, single-use, valid 5 minutes, for the client and
 * redirect URI it was issued to; with the PKCE `code_verifier` when the request carried a challenge (S256). The
 * tokens carry the granted scopes (and the request's nonce in the ID token, which is issued only with `openid`).
 */
import { createHash, timingSafeEqual } from "node:crypto";
import { issueSignInTokens } from "../../domain/token-origins.js";
import { hashCode } from "./authorize.js";
import { OAuthError, type Grant } from "./token.js";

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const authorizationCodeGrant: Grant = async (deps, { pool, client, params }) => {
  const flows = (client.doc.AllowedOAuthFlows as string[] | undefined) ?? [];
  if (client.doc.AllowedOAuthFlowsUserPoolClient !== true || !flows.includes("code")) throw new OAuthError("unauthorized_client");
  const code = params.get("code");
  const redirectUri = params.get("redirect_uri");
  if (!code) throw new OAuthError("invalid_request", "code is required");
  if (!redirectUri) throw new OAuthError("invalid_request", "redirect_uri is required");
  const saved = await deps.store.takeAuthorizationCode(hashCode(code));
  const now = deps.clock.now();
  if (!saved || saved.clientId !== client.id || saved.poolId !== pool.id || saved.expiresAt <= now) throw new OAuthError("invalid_grant");
  if (saved.redirectUri !== redirectUri) throw new OAuthError("invalid_grant", "redirect_uri does not match the authorization request");
  if (saved.codeChallenge !== null) {
    const verifier = params.get("code_verifier");
    if (!verifier) throw new OAuthError("invalid_grant", "code_verifier is required");
    const computed = createHash("sha256").update(verifier).digest("base64url");
    if (!sameText(computed, saved.codeChallenge)) throw new OAuthError("invalid_grant", "code_verifier does not match the code_challenge");
  }
  const user = await deps.store.getUser(pool.id, saved.usernameKey);
  if (!user || !user.enabled) throw new OAuthError("invalid_grant");
  const t = await issueSignInTokens(deps, pool, client, user, { oauth: { scope: saved.scope, nonce: saved.nonce ?? undefined, authTime: saved.authTime, refresh: true } });
  return {
    ...(saved.scope.split(" ").includes("openid") ? { id_token: t.IdToken } : {}),
    access_token: t.AccessToken, refresh_token: t.RefreshToken, expires_in: t.ExpiresIn, token_type: "Bearer",
  };
};
