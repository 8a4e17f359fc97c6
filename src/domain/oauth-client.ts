/**
 * The OAuth 2.0 settings of an app client, checked as Cognito checks them on CreateUserPoolClient and
 * UpdateUserPoolClient: the flows that go together, the secret client_credentials needs, callback URLs (https, or
 * http to the loopback host), and scopes that exist (the standard ones, or `<identifier>/<scope>` of one of the pool's
 * resource servers). The flows only work when AllowedOAuthFlowsUserPoolClient is true (the token endpoint checks).
 */
import { InvalidOAuthFlowException, InvalidParameterException, ScopeDoesNotExistException } from "../generated/cognito-idp.js";
import type { Repos } from "../store/types.js";

export const STANDARD_SCOPES = ["openid", "email", "phone", "profile", "aws.cognito.signin.user.admin"];

type Doc = Record<string, any>;

/** `<identifier>/<scope>`: the identifier may itself hold slashes (a URL), the scope name may not. */
export function splitCustomScope(scope: string): { identifier: string; name: string } | undefined {
  const at = scope.lastIndexOf("/");
  if (at <= 0 || at === scope.length - 1) return undefined;
  return { identifier: scope.slice(0, at), name: scope.slice(at + 1) };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkUrl(url: string): void {
  let u: URL;
  try { u = new URL(url); } catch { throw new InvalidParameterException(`${url} is not a valid URL.`); }
  if (u.protocol === "http:" && !LOOPBACK.has(u.hostname)) throw new InvalidParameterException(`${url} cannot use the HTTP protocol.`);
  if (u.hash || url.includes("#")) throw new InvalidParameterException(`${url} cannot contain a fragment.`);
}

/** Checks the OAuth settings of a client document (buildClientDoc's output) of `poolId`; `hasSecret`: a confidential client. */
export async function checkOAuthClient(store: Pick<Repos, "getResourceServer">, poolId: string, doc: Doc, hasSecret: boolean): Promise<void> {
  const flows: string[] = doc.AllowedOAuthFlows ?? [];
  const scopes: string[] = doc.AllowedOAuthScopes ?? [];
  const callbacks: string[] = doc.CallbackURLs ?? [];
  for (const url of [...callbacks, ...(doc.LogoutURLs ?? [])]) checkUrl(url);
  if (doc.DefaultRedirectURI !== undefined) {
    checkUrl(doc.DefaultRedirectURI);
    if (!callbacks.includes(doc.DefaultRedirectURI)) throw new InvalidParameterException("DefaultRedirectURI must be one of the CallbackURLs.");
  }
  if (doc.AllowedOAuthFlowsUserPoolClient && (flows.length === 0 || scopes.length === 0)) {
    throw new InvalidParameterException("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.");
  }
  const interactive = flows.includes("code") || flows.includes("implicit");
  if (flows.includes("client_credentials")) {
    if (interactive) throw new InvalidOAuthFlowException("client_credentials flow can not be selected along with code flow or implicit flow.");
    if (!hasSecret) throw new InvalidOAuthFlowException("client_credentials flow can not be selected if client does not have a client secret.");
  }
  if (interactive && callbacks.length === 0) throw new InvalidOAuthFlowException("CallbackUrls can not be empty when code flow or implicit flow is selected");
  for (const scope of scopes) {
    if (STANDARD_SCOPES.includes(scope)) {
      if (flows.includes("client_credentials")) throw new InvalidOAuthFlowException(`${scope} is not supported with client_credentials flow`);
      continue;
    }
    const custom = splitCustomScope(scope);
    const server = custom && (await store.getResourceServer(poolId, custom.identifier));
    if (!server || !server.scopes.some((s) => s.ScopeName === custom!.name)) throw new ScopeDoesNotExistException(`Invalid scope requested: ${scope}`);
  }
}
