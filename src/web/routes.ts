/**
 * The route table: which answer each method and path gets. `POST /` (the Cognito API, nearly every request) is
 * matched first and needs no URL parsing; the rest are the dev inbox (dev mode only), health, metrics, the
 * confirmation link, the OAuth 2.0 endpoints and hosted pages (src/web/oauth/, src/web/hosted/) and the well-known
 * documents. Every answer carries a request id, as AWS's do.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Config } from "../config.js";
import type { ChangeSignal } from "../delivery/events.js";
import type { RequestContext } from "../ops/deps.js";
import { preflight } from "../protocol/http.js";
import type { Invoke } from "../protocol/invoke.js";
import type { Store } from "../store/types.js";
import { confirmUser } from "./confirm-user.js";
import { inboxMessages } from "./dev-inbox.js";
import { homePage, poolUsersPage } from "./home.js";
import { sendJson } from "./http.js";
import { inboxEvents, inboxPage } from "./inbox-page.js";
import type { Metrics } from "./metrics.js";
import { hostedPage } from "./hosted/pages.js";
import { signedIn } from "./hosted/session.js";
import { errorPage } from "./hosted/layout.js";
import { authorizeEndpoint } from "./oauth/authorize.js";
import { logoutEndpoint } from "./oauth/logout.js";
import { poolForHost } from "./oauth/domains.js";
import { revokeEndpoint } from "./oauth/revoke.js";
import { tokenEndpoint, type OAuthDeps } from "./oauth/token.js";
import { userInfoEndpoint } from "./oauth/userinfo.js";
import { wellKnown } from "./wellknown.js";

export interface RouteDeps {
  config: Pick<Config, "mode">;
  store: Store;
  invoke: Invoke;
  metrics: Metrics;
  /** Rings when messages were queued or delivered (the dev inbox page's live updates). */
  changes: ChangeSignal;
  /** The token issuer of a pool (`<public URL>/<poolId>`). */
  issuer: (poolId: string) => string;
  /** `POST /`: the Cognito API (src/protocol/http.ts). */
  serveApi: (req: IncomingMessage, res: ServerResponse, ctx: RequestContext) => Promise<void>;
  /** The client's address, as the per-IP limit counts it. */
  sourceIp: (req: IncomingMessage) => string;
  /** What the OAuth 2.0 endpoints (src/web/oauth/) use. */
  oauth: OAuthDeps;
}

const ROOT_WELL_KNOWN = /^\/\.well-known\/(jwks\.json|openid-configuration)$/;
const WELL_KNOWN = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

export function createRoutes(d: RouteDeps) {
  const dev = d.config.mode === "dev";
  // The hosted pages call operations through the same invoke as POST / (src/web/hosted/).
  const hosted = { ...d.oauth, invoke: d.invoke, sourceIp: d.sourceIp };
  const base = (d.oauth.config.publicUrl ?? "").replace(/\/+$/, "");
  return async function route(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    // serveApi writes its request id with its own head (setHeader first would put every API answer on node's
    // slower header path).
    if (req.method === "POST" && req.url === "/") return d.serveApi(req, res, { requestId, sourceIp: d.sourceIp(req) });
    res.setHeader("x-amzn-RequestId", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    const method = req.method;
    if (method === "OPTIONS") return preflight(req, res);
    if (method === "POST" && path === "/") return d.serveApi(req, res, { requestId, sourceIp: d.sourceIp(req) });
    if (method === "GET" && path === "/health") return sendJson(res, 200, { status: "ok", mode: d.config.mode });
    if (dev && path === "/_dev/inbox/messages" && (method === "GET" || method === "DELETE")) return inboxMessages(d.store, req, res, url);
    if (method === "GET" && path === "/metrics") return d.metrics.handle(res);
    if (method === "GET" && /^\/confirmUser\/?$/.test(path)) {
      return confirmUser(d.invoke, d.store, res, url, { requestId, sourceIp: d.sourceIp(req) });
    }
    // The dev console's home is for browsers: a GET / naming an API operation (X-Amz-Target) is told the API is POST /.
    if (dev && method === "GET" && path === "/" && !req.headers["x-amz-target"]) return homePage(d.store, d.issuer, req, res);
    if (dev && method === "GET" && path === "/_dev/pools") return poolUsersPage(d.store, res, url);
    if (dev && method === "GET" && path === "/_dev/inbox") return inboxPage(d.store, res, url);
    if (dev && method === "GET" && path === "/_dev/inbox/events") return inboxEvents(d.store, d.changes, req, res);
    if (method === "POST" && path === "/oauth2/token") return tokenEndpoint(d.oauth, req, res);
    if (method === "GET" && path === "/oauth2/authorize") {
      return authorizeEndpoint(d.oauth, req, res, url, { errorPage, signedIn: (r, pool) => signedIn(d.oauth, r, pool) });
    }
    if ((method === "GET" || method === "POST") && path === "/oauth2/userInfo") return userInfoEndpoint(d.oauth, req, res);
    if (method === "POST" && path === "/oauth2/revoke") return revokeEndpoint(d.oauth, req, res);
    if (method === "GET" && path === "/logout") return logoutEndpoint(d.oauth, req, res, url);
    if (await hostedPage(hosted, req, res, url)) return;
    const wk = WELL_KNOWN.exec(path);
    if (method === "GET" && wk) return wellKnown(d.store, res, wk[1], wk[2], d.issuer(wk[1]), base);
    // At the root of a pool's custom (or prefix) domain, the same documents as at its issuer.
    const rootWk = method === "GET" && ROOT_WELL_KNOWN.exec(path);
    const hostPool = rootWk ? await poolForHost(d.store, req.headers.host, d.oauth.config.region) : undefined;
    if (rootWk && hostPool) return wellKnown(d.store, res, hostPool, rootWk[1], d.issuer(hostPool), base);
    sendJson(res, 404, { __type: "NotFound", message: `No route for ${method} ${path}. The Cognito API is POST /.` });
  };
}
