/**
 * `/<poolId>/.well-known/jwks.json` and `openid-configuration`, so token verifiers and OpenID Connect relying parties
 * find the pool's keys and the OAuth endpoints. Endpoint URLs are built from the public URL (`--public-url`); the
 * grant types listed are the token endpoint's (src/web/oauth/grants.ts).
 */
import type { ServerResponse } from "node:http";
import { publicJwk } from "../domain/tokens.js";
import type { Store } from "../store/types.js";
import { sendJson } from "./http.js";
import { grants } from "./oauth/grants.js";

export async function wellKnown(store: Store, res: ServerResponse, poolId: string, doc: string, issuer: string, base: string) {
  const pool = await store.getPool(poolId);
  if (!pool) return sendJson(res, 404, { __type: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` });
  if (doc === "jwks.json") return sendJson(res, 200, { keys: [publicJwk(pool.signingKey)] });
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${base}/oauth2/authorize`,
    token_endpoint: `${base}/oauth2/token`,
    userinfo_endpoint: `${base}/oauth2/userInfo`,
    revocation_endpoint: `${base}/oauth2/revoke`,
    end_session_endpoint: `${base}/logout`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    response_types_supported: ["code", "token"],
    grant_types_supported: Object.keys(grants),
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["openid", "email", "phone", "profile"],
    claims_supported: ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "at_hash", "cognito:username", "email", "email_verified", "phone_number", "phone_number_verified"],
  });
}
