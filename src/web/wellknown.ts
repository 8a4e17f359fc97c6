/** `/<poolId>/.well-known/jwks.json` and `openid-configuration`, so token verifiers find the pool's keys. */
import type { ServerResponse } from "node:http";
import { publicJwk } from "../domain/tokens.js";
import type { Store } from "../store/types.js";
import { sendJson } from "./http.js";

export async function wellKnown(store: Store, res: ServerResponse, poolId: string, doc: string, issuer: string) {
  const pool = await store.getPool(poolId);
  if (!pool) return sendJson(res, 404, { __type: "ResourceNotFoundException", message: `User pool ${poolId} does not exist.` });
  if (doc === "jwks.json") return sendJson(res, 200, { keys: [publicJwk(pool.signingKey)] });
  sendJson(res, 200, {
    issuer,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS256"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
    response_types_supported: ["code", "token"],
    scopes_supported: ["openid", "email", "phone", "profile"],
  });
}
