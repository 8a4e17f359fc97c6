/**
 * GetTokensFromRefreshToken (public): new ID and access tokens from a refresh token; with the client's
 * RefreshTokenRotation enabled, a new refresh token too, and the old one stops working after RetryGracePeriodSeconds.
 */
import { NotAuthorizedException, type GetTokensFromRefreshTokenRequest, type GetTokensFromRefreshTokenResponse } from "../generated/cognito-idp.js";
import { loadClient } from "../domain/lookup.js";
import { checkClientSecret, refreshSignIn, rotatesRefreshTokens } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function GetTokensFromRefreshToken(deps: Pick<Deps, "store" | "tokens" | "clock" | "config" | "log">): Handler<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse> {
  return async function getTokensFromRefreshToken(input) {
    const { client, pool } = await loadClient(deps.store, input.ClientId);
    checkClientSecret(client, input.ClientSecret, NotAuthorizedException);
    const result = await refreshSignIn(deps, pool, client, input.RefreshToken, { rotate: rotatesRefreshTokens(client), clientMetadata: input.ClientMetadata });
    return { AuthenticationResult: result };
  };
}
