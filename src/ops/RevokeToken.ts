/**
 * RevokeToken (public): revokes a refresh token and every access token issued from it (its origin), on every
 * instance. The client must have token revocation enabled (the default) and, if confidential, send its secret.
 */
import { UnauthorizedException, UnsupportedOperationException, type RevokeTokenRequest, type RevokeTokenResponse } from "../generated/cognito-idp.js";
import { loadClient } from "../domain/lookup.js";
import { checkClientSecret, revocationEnabled, revokeRefreshToken } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function RevokeToken({ store, clock }: Pick<Deps, "store" | "clock">): Handler<RevokeTokenRequest, RevokeTokenResponse> {
  return async function revokeToken(input) {
    const { client } = await loadClient(store, input.ClientId);
    checkClientSecret(client, input.ClientSecret, UnauthorizedException);
    if (!revocationEnabled(client)) throw new UnsupportedOperationException("Token revocation is not enabled for this app client.");
    await revokeRefreshToken({ store, clock }, client, input.Token);
    return {};
  };
}
