/**
 * The dev inbox page (dev mode only): `GET /_dev/inbox` renders every message newest first, with the code large
 * and a copy button, filterable by address (`?to=`). `GET /_dev/inbox/events` is a server-sent event stream that
 * says "change" whenever messages are queued or attempted; the page then fetches its list again
 * (`/_dev/inbox?fragment=1`), so the list is rendered in one place only.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChangeSignal } from "../delivery/events.js";
import { escapeHtml } from "../messages/templates.js";
import type { OutboxMessage, Store } from "../store/types.js";
import { sendHtml } from "./http.js";

const LIMIT = 200;
/** Changes made by other instances (PostgreSQL) are noticed by polling the outbox counts this often. */
const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;

const time = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 19) + " UTC";

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/**
 * Turns the URLs in a body into links (the confirmation links, mostly), escaping everything. URLs are found in the
 * raw text, before escaping: in `Verify <https://…>` the escaped `&gt;` would otherwise end up inside the link.
 */
function linkify(text: string): string {
  let out = "";
  let at = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = escapeHtml(m[0]);
    out += escapeHtml(text.slice(at, m.index)) + `<a href="${url}" rel="noreferrer">${url}</a>`;
    at = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(at));
}

/** The confirmation link of a CONFIRM_WITH_LINK message, if any. */
const confirmLink = (body: string) => [...body.matchAll(URL_IN_TEXT)].map((x) => x[0]).find((u) => /\/confirmUser\?/.test(u));

/** Pool id → pool name, for the messages' pools (a deleted pool has none). */
type PoolNames = Map<string, string>;

async function poolNames(store: Store, ids: Iterable<string>): Promise<PoolNames> {
  const names: PoolNames = new Map();
  await Promise.all([...new Set(ids)].map(async (id) => {
    const pool = await store.getPool(id);
    if (pool) names.set(id, pool.name);
  }));
  return names;
}

/** A pool as the inbox names it: its name, then its id (`shop <code>us-east-1_AbC…</code>`), or the id alone once deleted. */
const poolLabel = (id: string, names: PoolNames) => {
  const name = names.get(id);
  return `${name === undefined ? "" : `<span class="pool-name">${escapeHtml(name)}</span> `}<code class="pool-id">${escapeHtml(id)}</code>`;
};

function renderMessage(m: OutboxMessage, superseded = false, names: PoolNames = new Map()): string {
  const medium = m.channel === "SMS" ? "SMS" : "EMAIL";
  const link = confirmLink(m.body);
  return `<article class="msg${superseded ? " superseded" : ""}" data-id="${escapeHtml(m.id)}" data-status="${escapeHtml(m.status)}" data-to="${escapeHtml(m.destination)}">
  <header>
    <span class="to">${escapeHtml(m.destination)}</span>
    <span class="badge medium ${medium.toLowerCase()}">${medium}</span>
    <span class="purpose">${escapeHtml(m.purpose)}</span>
    <time datetime="${new Date(m.createdAt).toISOString()}">${time(m.createdAt)}</time>
    <span class="badge status ${escapeHtml(m.status)}">${escapeHtml(m.status)}</span>
    <span class="attempts">${m.attempts} attempt${m.attempts === 1 ? "" : "s"}</span>
    ${superseded ? `<span class="badge old" title="Only the newest code of a user confirms">superseded by a newer code</span>` : ""}
  </header>
  ${m.subject ? `<h2 class="subject">${escapeHtml(m.subject)}</h2>` : ""}
  ${m.code ? `<div class="code-row"><span class="code">${escapeHtml(m.code)}</span>` +
    `<button type="button" class="copy" data-code="${escapeHtml(m.code)}">Copy code</button></div>` : ""}
  ${link && !superseded ? `<div class="code-row"><a class="confirm" href="${escapeHtml(link)}" rel="noreferrer">Open the confirmation link</a></div>` : ""}
  <pre class="body">${linkify(m.body)}</pre>
  <footer>user <span class="username">${escapeHtml(m.username)}</span> · pool ${poolLabel(m.poolId, names)}${m.lastError
    ? ` · <span class="error">last error: ${escapeHtml(m.lastError)}</span>` : ""}</footer>
</article>`;
}

function renderList(messages: OutboxMessage[], to: string, names: PoolNames): string {
  if (!messages.length) {
    return `<p class="empty">No messages${to ? ` to ${escapeHtml(to)}` : ""} yet. Sign a user up and the code appears here.</p>`;
  }
  // Messages come newest first: a code message is superseded when a newer one for the same user and purpose exists.
  const seen = new Set<string>();
  return messages.map((m) => {
    // A resent code replaces the sign-up one: both are the user's sign-up confirmation code.
    const key = `${m.poolId}\n${m.username}\n${m.purpose === "RESEND_CODE" ? "SIGN_UP" : m.purpose}`;
    const superseded = (m.code !== null || confirmLink(m.body) !== undefined) && seen.has(key);
    if (m.code !== null || confirmLink(m.body)) seen.add(key);
    return renderMessage(m, superseded, names);
  }).join("\n");
}

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f5f5f4;color:#1c1917}
.top{background:#1c1917;color:#fafaf9;padding:.75rem 1.25rem;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
.top h1{font-size:1.1rem;margin:0;font-weight:600}
.top form{display:flex;gap:.5rem;margin-left:auto}
.top input{padding:.35rem .5rem;border-radius:4px;border:0;min-width:16rem}
.top a{color:#d6d3d1}
#live{font-size:.8rem;color:#a8a29e}#live.on{color:#86efac}
main{max-width:60rem;margin:1rem auto;padding:0 1rem}
.msg{background:#fff;border:1px solid #e7e5e4;border-radius:6px;padding:.75rem 1rem;margin-bottom:.75rem}
.msg header{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;font-size:.85rem;color:#57534e}
.msg .to{font-weight:600;color:#1c1917}
.badge{border-radius:3px;padding:0 .35rem;font-size:.75rem;background:#e7e5e4}
.badge.sent{background:#bbf7d0}.badge.abandoned,.badge.failed{background:#fecaca}.badge.expired,.badge.superseded{background:#e7e5e4;text-decoration:line-through}.badge.queued,.badge.processing{background:#fef08a}
.subject{font-size:1rem;margin:.5rem 0 .25rem}
.code-row{display:flex;align-items:center;gap:.75rem;margin:.4rem 0}
.code{font:700 2rem/1.2 ui-monospace,monospace;letter-spacing:.2em}
.copy{padding:.3rem .7rem;cursor:pointer}
.body{white-space:pre-wrap;word-break:break-word;background:#fafaf9;border-radius:4px;padding:.5rem;font:.9rem/1.4 ui-monospace,monospace;margin:.4rem 0}
.msg footer{font-size:.75rem;color:#78716c}.error{color:#b91c1c}
.pool-name{font-weight:600}code.pool-id{font:.75rem ui-monospace,monospace;user-select:all}
.empty{color:#78716c}
.msg.superseded{opacity:.6}.msg.superseded .code{text-decoration:line-through;color:#78716c}
.badge.old{background:#e7e5e4;color:#57534e}
.confirm{display:inline-block;padding:.4rem .9rem;border-radius:4px;background:#1d4ed8;color:#fff;text-decoration:none;font-weight:600}
.scope{font-size:.85rem;color:#d6d3d1}
#clear{padding:.3rem .6rem}`;

const SCRIPT = `
const list = document.getElementById("messages");
const live = document.getElementById("live");
const params = new URLSearchParams(location.search);
let timer;
async function refresh() {
  const q = new URLSearchParams(params); q.set("fragment", "1");
  const res = await fetch("/_dev/inbox?" + q, { cache: "no-store" });
  if (res.ok) list.innerHTML = await res.text();
}
function connect() {
  const events = new EventSource("/_dev/inbox/events");
  events.addEventListener("open", () => { live.textContent = "live"; live.className = "on"; });
  events.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(refresh, 100); });
  events.addEventListener("error", () => { live.textContent = "reconnecting…"; live.className = ""; });
}
document.getElementById("clear").addEventListener("click", async () => {
  await fetch("/_dev/inbox/messages", { method: "DELETE" });
  refresh();
});
list.addEventListener("click", async (e) => {
  const button = e.target.closest("button.copy");
  if (!button) return;
  const code = button.dataset.code;
  try { await navigator.clipboard.writeText(code); }
  catch {
    const t = document.createElement("textarea"); t.value = code; document.body.append(t); t.select();
    document.execCommand("copy"); t.remove();
  }
  button.textContent = "Copied";
  setTimeout(() => { button.textContent = "Copy code"; }, 1500);
});
connect();`;

function page(res: ServerResponse, messages: OutboxMessage[], to: string, names: PoolNames, scope: { poolId?: string; username?: string } = {}) {
  const scoped = [scope.poolId && `pool ${poolLabel(scope.poolId, names)}`, scope.username && `user ${escapeHtml(scope.username)}`].filter(Boolean).join(" · ");
  const keep = Object.entries(scope).filter(([, v]) => v).map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v!)}">`).join("");
  const nonce = randomBytes(16).toString("base64");
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>userpool dev inbox</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body>
<div class="top"><h1>userpool dev inbox</h1><a href="/">console</a>${scoped ? `<span class="scope">${scoped}</span>` : ""}<span id="live">connecting…</span>
<form method="get" action="/_dev/inbox" role="search">${keep}<input type="search" name="to" value="${escapeHtml(to)}" placeholder="filter: part of an address or username" aria-label="address">
<button type="submit">Filter</button>${to || scoped ? ` <a href="/_dev/inbox">all</a>` : ""}</form>
<button type="button" id="clear" title="Deletes the sent and abandoned messages (DELETE /_dev/inbox/messages)">Clear delivered</button></div>
<main><div id="messages">${renderList(messages, to, names)}</div></main>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>
`;
  sendHtml(res, 200, html, `default-src 'self'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'`);
}

export async function inboxPage(store: Store, res: ServerResponse, url: URL) {
  const to = (url.searchParams.get("to") ?? "").trim();
  // A pool's or a user's messages (the dev console's links): ?poolId= and ?username=, as the JSON endpoint takes them.
  const poolId = url.searchParams.get("poolId")?.trim() || undefined;
  const username = url.searchParams.get("username")?.trim() || undefined;
  // The filter matches any part of the address or the username, case-insensitively (the JSON endpoint's `to` is exact).
  const needle = to.toLowerCase();
  const messages = (await store.listMessages({ poolId, username, limit: needle ? LIMIT * 5 : LIMIT }))
    .filter((m) => !needle || m.destination.toLowerCase().includes(needle) || m.username.toLowerCase().includes(needle)).slice(0, LIMIT);
  const names = await poolNames(store, [...messages.map((m) => m.poolId), ...(poolId ? [poolId] : [])]);
  if (url.searchParams.get("fragment") === "1") return sendHtml(res, 200, renderList(messages, to, names), "default-src 'none'");
  page(res, messages, to, names, { poolId, username });
}

/** The change stream: `event: change` whenever this instance queued or attempted a message, or the counts moved. */
export function inboxEvents(store: Store, changes: ChangeSignal, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive", "X-Accel-Buffering": "no" });
  res.write("retry: 1000\n\n");
  const change = () => { res.write("event: change\ndata: {}\n\n"); };
  const unsubscribe = changes.subscribe(change);
  let last = "";
  let polling = false;
  const poll = setInterval(async () => {
    if (polling) return;
    polling = true;
    try {
      const counts = JSON.stringify(await store.outboxCounts());
      if (last && counts !== last) change();
      last = counts;
    } catch { /* the store is closing */ } finally { polling = false; }
  }, POLL_MS);
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  const stop = () => { unsubscribe(); clearInterval(poll); clearInterval(heartbeat); };
  req.on("close", stop);
  res.on("error", stop);
}
