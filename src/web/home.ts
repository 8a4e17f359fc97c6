/**
 * `GET /` in dev mode: a small home page of the dev console. What is running (mode, store, the endpoint to give an
 * SDK), links to the inbox and the JSON endpoints, and the pools with their clients (auth flows, callback URLs), user
 * counts and token issuers, each id copyable by selecting it. No script runs on it. Production mode has no such
 * page (the route is not registered there).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml as e } from "../messages/templates.js";
import type { Store } from "../store/types.js";
import { sendHtml } from "./http.js";

const POOLS = 50;
const CLIENTS = 20;
const USERS = 100;

export async function homePage(store: Store, issuer: (poolId: string) => string, req: IncomingMessage, res: ServerResponse) {
  const endpoint = `http://${req.headers.host ?? "localhost:9229"}`;
  const pools = await store.listPools(POOLS);
  const sections = await Promise.all(pools.items.map(async (p) => {
    const [users, clients] = await Promise.all([store.countUsers(p.id), store.listClients(p.id, CLIENTS)]);
    const verifies = (p.doc.AutoVerifiedAttributes as string[] | undefined) ?? [];
    const rows = clients.items.map((c) => {
      const flows = (c.doc.ExplicitAuthFlows as string[] | undefined) ?? [];
      const callbacks = (c.doc.CallbackURLs as string[] | undefined) ?? [];
      return `<tr class="client"><td>${e(c.name)}</td><td><code class="id">${e(c.id)}</code>${c.secret ? ' <span class="tag">secret</span>' : ""}</td>
<td class="flows">${flows.length ? flows.map((f) => `<span class="tag">${e(f.replace(/^ALLOW_/, ""))}</span>`).join(" ") : '<span class="muted">none: Cognito\'s defaults refuse USER_PASSWORD_AUTH</span>'}</td>
<td>${callbacks.map((u) => `<div>${e(u)}${hostedUi(c, u)}</div>`).join("") || '<span class="muted">—</span>'}</td></tr>`;
    }).join("\n");
    return `<section class="pool" data-pool-id="${e(p.id)}">
<h2>${e(p.name)} <code class="id">${e(p.id)}</code></h2>
<p class="facts"><span class="users">${users} user${users === 1 ? "" : "s"}</span> ·
${verifies.length ? `verifies ${verifies.map(e).join(" and ")} (sign-up sends a code)` : '<span class="warn">verifies nothing automatically: sign-up sends no code</span>'} ·
<a href="/_dev/pools?poolId=${encodeURIComponent(p.id)}">users</a> · <a href="/_dev/inbox?poolId=${encodeURIComponent(p.id)}">messages</a> · issuer <code>${e(issuer(p.id))}</code></p>
${clients.items.length ? `<table><thead><tr><th>client</th><th>id</th><th>auth flows</th><th>callback URLs</th></tr></thead><tbody>
${rows}</tbody></table>` : '<p class="muted">No app clients yet (CreateUserPoolClient).</p>'}
</section>`;
  }));
  const body = `<nav><a href="/_dev/inbox">Dev inbox</a><a href="/_dev/pools">Pools</a><a href="/_dev/inbox/messages">Inbox JSON</a><a href="/health">Health</a><a href="/metrics">Metrics</a></nav>
<div class="endpoint">Point any AWS SDK or the AWS CLI here: <code class="id">AWS_ENDPOINT_URL=${e(endpoint)}</code>
<div class="muted">The Cognito API is <code>POST /</code>; in dev mode the IAM operations accept any credentials.</div></div>
${sections.join("\n") || '<p class="muted" id="no-pools">No user pools yet: the README\'s quick start creates one (CreateUserPool with AutoVerifiedAttributes email).</p>'}
${pools.next ? `<p class="muted">Showing the first ${POOLS} pools.</p>` : ""}`;
  sendHtml(res, 200, shell("userpool dev console", store, body), CSP);
}

/**
 * `GET /_dev/pools`: every pool by name, with its id, user count and links; `GET /_dev/pools?poolId=…`: a pool's
 * users, read-only: status, enabled, attributes and their latest message.
 */
export async function poolUsersPage(store: Store, res: ServerResponse, url: URL) {
  if (!url.searchParams.has("poolId")) return poolListPage(store, res);
  const poolId = url.searchParams.get("poolId") ?? "";
  const pool = poolId ? await store.getPool(poolId) : undefined;
  if (!pool) {
    sendHtml(res, 404, shell("userpool dev console", store, `<p class="muted">No pool ${e(poolId)}. <a href="/">All pools</a></p>`), CSP);
    return;
  }
  const [users, messages] = await Promise.all([store.listUsers(pool.id, { limit: USERS }), store.listMessages({ poolId: pool.id, limit: 500 })]);
  const latest = new Map<string, (typeof messages)[number]>();
  for (const m of messages) if (!latest.has(m.username)) latest.set(m.username, m); // newest first
  const rows = users.items.map((u) => {
    const m = latest.get(u.username);
    const attrs = Object.entries(u.attributes).map(([k, v]) => `<div><span class="muted">${e(k)}</span> ${e(v)}</div>`).join("");
    return `<tr class="user" data-username="${e(u.username)}"><td><code class="id">${e(u.username)}</code></td>
<td><span class="tag status">${e(u.status)}</span>${u.enabled ? "" : ' <span class="tag">disabled</span>'}</td><td class="attrs">${attrs}</td>
<td>${m ? `<a href="/_dev/inbox?poolId=${encodeURIComponent(pool.id)}&amp;username=${encodeURIComponent(u.username)}">${e(m.purpose)} to ${e(m.destination)}</a><div class="muted">${e(m.status)}</div>` : '<span class="muted">—</span>'}</td></tr>`;
  }).join("\n");
  const body = `<nav><a href="/">All pools</a><a href="/_dev/inbox?poolId=${encodeURIComponent(pool.id)}">This pool's messages</a></nav>
<section class="pool" data-pool-id="${e(pool.id)}"><h2>${e(pool.name)} <code class="id">${e(pool.id)}</code></h2>
${users.items.length ? `<table><thead><tr><th>username</th><th>status</th><th>attributes</th><th>latest message</th></tr></thead><tbody>
${rows}</tbody></table>` : '<p class="muted">No users yet.</p>'}
${users.next ? `<p class="muted">Showing the first ${USERS} users.</p>` : ""}</section>`;
  sendHtml(res, 200, shell(`userpool: ${pool.name}`, store, body), CSP);
}

/** `GET /_dev/pools`: the pools, each name next to its id. */
async function poolListPage(store: Store, res: ServerResponse) {
  const pools = await store.listPools(POOLS);
  const rows = await Promise.all(pools.items.map(async (p) => {
    const users = await store.countUsers(p.id);
    const q = encodeURIComponent(p.id);
    return `<tr class="pool-row" data-pool-id="${e(p.id)}"><td class="name">${e(p.name)}</td><td><code class="id">${e(p.id)}</code></td>
<td class="users">${users}</td><td><a href="/_dev/pools?poolId=${q}">users</a> · <a href="/_dev/inbox?poolId=${q}">messages</a></td></tr>`;
  }));
  const body = `<nav><a href="/">Console</a><a href="/_dev/inbox">Dev inbox</a></nav>
<section class="pool"><h2>User pools</h2>
${rows.length ? `<table><thead><tr><th>name</th><th>id</th><th>users</th><th></th></tr></thead><tbody>
${rows.join("\n")}</tbody></table>` : '<p class="muted" id="no-pools">No user pools yet.</p>'}
${pools.next ? `<p class="muted">Showing the first ${POOLS} pools.</p>` : ""}</section>`;
  sendHtml(res, 200, shell("userpool: pools", store, body), CSP);
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** For a client with the code flow: a link that opens the hosted UI's sign-in for that callback URL. */
function hostedUi(c: { id: string; doc: Record<string, unknown> }, callback: string): string {
  const flows = (c.doc.AllowedOAuthFlows as string[] | undefined) ?? [];
  if (c.doc.AllowedOAuthFlowsUserPoolClient !== true || !flows.includes("code")) return "";
  const q = new URLSearchParams({ response_type: "code", client_id: c.id, redirect_uri: callback });
  return ` <a class="hosted-ui" href="/oauth2/authorize?${e(q.toString())}">hosted UI sign-in</a>`;
}

function shell(title: string, store: Store, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>
:root { color-scheme: light dark; --fg: #1d2330; --muted: #6b7385; --line: #dde1ea; --bg: #f6f7fb; --card: #fff; --accent: #2f6fed; --warn: #b45309; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9f0; --muted: #9aa3b5; --line: #2d3444; --bg: #141821; --card: #1b202b; --accent: #7aa2ff; --warn: #f0a94b; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 20px 32px; background: var(--card); border-bottom: 1px solid var(--line); display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
header h1 { margin: 0; font-size: 22px; }
.badge { font-size: 12px; padding: 2px 8px; border-radius: 999px; background: var(--accent); color: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
nav { display: flex; gap: 12px; flex-wrap: wrap; margin: 0 0 20px; }
nav a { padding: 8px 14px; border: 1px solid var(--line); border-radius: 8px; background: var(--card); color: var(--accent); text-decoration: none; font-weight: 600; }
nav a:hover { border-color: var(--accent); }
.endpoint { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px; margin-bottom: 24px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
code.id { user-select: all; padding: 1px 6px; border-radius: 6px; background: var(--bg); border: 1px solid var(--line); }
section.pool { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; margin-bottom: 16px; }
section.pool h2 { margin: 0 0 4px; font-size: 18px; }
.facts { margin: 0 0 12px; color: var(--muted); }
.warn { color: var(--warn); }
.muted { color: var(--muted); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 6px 8px; border-top: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); border-top: 0; }
.tag { display: inline-block; font-size: 12px; padding: 1px 7px; border-radius: 6px; background: var(--bg); border: 1px solid var(--line); margin: 1px 0; }
a { color: var(--accent); }
a.home { color: inherit; text-decoration: none; }
</style></head>
<body><header><h1><a href="/" class="home">userpool</a></h1><span class="badge">dev mode</span><span class="muted">${store.dialect === "postgres" ? "PostgreSQL" : "SQLite"} store</span></header>
<main>
${body}
</main></body></html>`;
}
