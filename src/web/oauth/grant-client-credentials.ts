/**
 * The `client_credentials` grant (machine to machine): a confidential client that authenticated with its secret and
 * whose AllowedOAuthFlows has `client_credentials` (with AllowedOAuthFlowsUserPoolClient on) gets an access token for
 * itself. `scope` (space-separated) must be within the client's custom scopes that still exist on the pool's
 * resource servers; omitted, it is all of them. The answer holds an access token only (no ID or refresh token).
 */
import { splitCustomScope } from "../../domain/oauth-client.js";
import { OAuthError, type Grant } from "./token.js";

export const clientCredentials: Grant = async (deps, { pool, client, params, authenticated }) => {
  const doc = client.doc as Record<string, any>;
  const flows: string[] = doc.AllowedOAuthFlows ?? [];
  if (!authenticated || doc.AllowedOAuthFlowsUserPoolClient !== true || !flows.includes("client_credentials")) {
    throw new OAuthError("unauthorized_client", "The client is not allowed the client_credentials grant.");
  }
  // The client's scopes that a resource server of the pool still defines (a deleted one no longer grants).
  const allowed: string[] = [];
  for (const scope of (doc.AllowedOAuthScopes ?? []) as string[]) {
    const custom = splitCustomScope(scope);
    const server = custom && (await deps.store.getResourceServer(pool.id, custom.identifier));
    if (server && server.scopes.some((s) => s.ScopeName === custom!.name)) allowed.push(scope);
  }
  const requested = params.get("scope");
  let scopes: string[];
  if (requested === undefined) {
    scopes = allowed;
  } else {
    scopes = [...new Set(requested.split(" ").filter((s) => s !== ""))];
    if (scopes.length === 0 || scopes.some((s) => !allowed.includes(s))) throw new OAuthError("invalid_scope");
  }
  if (scopes.length === 0) throw new OAuthError("invalid_scope");
  const { accessToken, expiresIn } = await deps.tokens.issueClientAccessToken(pool, client, scopes);
  return { access_token: accessToken, expires_in: expiresIn, token_type: "Bearer" };
};
