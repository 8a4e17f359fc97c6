/**
 * `grant_type=refresh_token`: the sign-in issue's refresh rules (`refreshSignIn`: this client's token, unexpired, of a
 * live origin, an enabled user; rotation when the client turned it on). The new tokens keep the sign-in's scopes; an
 * ID token comes back when the sign-in had `openid` (or came from the API, whose sign-ins always have one).
 */
import { CognitoError } from "../../generated/cognito-idp.js";
import { refreshSignIn, rotatesRefreshTokens } from "../../domain/token-origins.js";
import { OAuthError, type Grant } from "./token.js";

export const refreshTokenGrant: Grant = async (deps, { pool, client, params }) => {
  const refreshToken = params.get("refresh_token");
  if (!refreshToken) throw new OAuthError("invalid_request", "refresh_token is required");
  let t;
  try {
    t = await refreshSignIn(deps, pool, client, refreshToken, { rotate: rotatesRefreshTokens(client) });
  } catch (e) {
    // NotAuthorizedException (unknown, expired, revoked; disabled user), RefreshTokenReuseException: Cognito's invalid_grant.
    if (e instanceof CognitoError && e.statusCode < 500) throw new OAuthError("invalid_grant", e.message);
    throw e;
  }
  const { decodeJwt } = await import("jose"); // loaded on first use, as in src/domain/tokens.ts
  const scope = decodeJwt(t.AccessToken!).scope;
  const withId = typeof scope !== "string" || scope.split(" ").includes("openid") || scope === "aws.cognito.signin.user.admin";
  return {
    ...(withId ? { id_token: t.IdToken } : {}),
    access_token: t.AccessToken, ...(t.RefreshToken ? { refresh_token: t.RefreshToken } : {}), expires_in: t.ExpiresIn, token_type: "Bearer",
  };
};
