/**
 * `POST /oauth2/revoke` (Cognito's revocation endpoint): revokes a refresh token and every access and ID token issued
 * from it, as RevokeToken does (the same domain code), on every instance. The client authenticates as at the token
 * endpoint (HTTP Basic or `client_id`/`client_secret` in the body). Success is 200 with an empty body; a token this
 * server does not know counts as revoked (RFC 7009 §2.2). Errors are OAuth's JSON errors:
 * `invalid_request` (no token, revocation disabled for the client, a token of another client), `unsupported_token_type`
 * (an access or ID token: only refresh tokens are revoked here), `invalid_client`.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { UnauthorizedException } from "../../generated/cognito-idp.js";
import { revocationEnabled, revokeRefreshToken } from "../../domain/token-origins.js";
import { authenticateClient, OAuthError, readForm, sendOAuthError, type OAuthDeps } from "./token.js";

/** A JWT (header.payload.signature): what Cognito issues as access and ID tokens, never as a refresh token here. */
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export async function revokeEndpoint(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse) {
  try {
    const params = await readForm(req);
    const { client } = await authenticateClient(deps, req, params);
    const token = params.get("token");
    if (!token) throw new OAuthError("invalid_request", "token is required");
    if (!revocationEnabled(client)) throw new OAuthError("invalid_request", "Token revocation is not enabled for this app client.");
    if (JWT.test(token)) throw new OAuthError("unsupported_token_type", "Only refresh tokens can be revoked.");
    try {
      await revokeRefreshToken(deps, client, token);
    } catch (e) {
      if (e instanceof UnauthorizedException) throw new OAuthError("invalid_request", e.message);
      throw e;
    }
    res.writeHead(200, { "Content-Length": 0, "Cache-Control": "no-store", Pragma: "no-cache" });
    res.end();
  } catch (e) {
    if (e instanceof OAuthError) return sendOAuthError(res, e);
    throw e;
  }
}
