/**
 * `GET /logout` (Cognito's sign-out endpoint): ends the hosted sign-in session of the client's pool (the row and the
 * cookie), then redirects to `logout_uri` only when it is exactly one of the client's LogoutURLs, or, with
 * `redirect_uri` (and the other parameters of a sign-in), to the login page for a new sign-in. Anything else is an
 * error page, never a redirect: /logout is no open redirect.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { errorPage } from "../hosted/layout.js";
import { endSession } from "../hosted/session.js";
import { checkAuthorizeRequest, redirect } from "./authorize.js";
import type { OAuthDeps } from "./token.js";

export async function logoutEndpoint(deps: OAuthDeps, req: IncomingMessage, res: ServerResponse, url: URL) {
  const p = url.searchParams;
  const clientId = p.get("client_id");
  const client = clientId ? await deps.store.getClient(clientId) : undefined;
  if (!client) return errorPage(res, { error: "invalid_request", description: clientId ? "Invalid client id" : "client_id is required" });
  const logoutUri = p.get("logout_uri");
  const redirectUri = p.get("redirect_uri");
  if (logoutUri === null && redirectUri === null) return errorPage(res, { error: "invalid_request", description: "logout_uri or redirect_uri is required" });
  if (logoutUri !== null) {
    const allowed = (client.doc.LogoutURLs as string[] | undefined) ?? [];
    if (p.getAll("logout_uri").length !== 1 || !allowed.includes(logoutUri)) {
      return errorPage(res, { error: "invalid_request", description: "logout_uri is not one of the app client's sign-out URLs" });
    }
    return redirect(res, logoutUri, [await endSession(deps, req, client.poolId)]);
  }
  // redirect_uri: sign out, then sign in again through the login page (which checks the request as authorize does).
  const checked = await checkAuthorizeRequest(deps, p, req.headers.host);
  if (!checked.ok) {
    if ("page" in checked) return errorPage(res, checked.page);
    return redirect(res, checked.redirect, [await endSession(deps, req, client.poolId)]);
  }
  redirect(res, `/login?${checked.request.query}`, [await endSession(deps, req, client.poolId)]);
}
