/**
 * The hosted pages' HTML: one card in the style of Cognito's classic hosted UI (a banner with the app's name, a
 * heading, labelled fields, one primary button, links below), server-rendered, with no script at all. Every form
 * carries the CSRF token.
 */
import type { ServerResponse } from "node:http";
import { escapeHtml as e } from "../../messages/templates.js";
import { sendHtml } from "../http.js";

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'";

export interface Field {
  name: string;
  label: string;
  type?: "text" | "password" | "email" | "tel";
  value?: string;
  autocomplete?: string;
  required?: boolean;
  /** Shown under the field. */
  hint?: string;
}

export interface FormSpec {
  action: string;
  csrf: string;
  fields: Field[];
  submit: string;
  /** Hidden inputs (besides `_csrf`). */
  hidden?: Record<string, string>;
}

export function form(f: FormSpec): string {
  const hidden = Object.entries({ _csrf: f.csrf, ...(f.hidden ?? {}) })
    .map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join("");
  const fields = f.fields.map((x) => {
    const id = `f-${x.name.replace(/[^\w-]/g, "_")}`;
    return `<div class="field"><label for="${id}">${e(x.label)}</label>
<input id="${id}" name="${e(x.name)}" type="${x.type ?? "text"}"${x.value !== undefined ? ` value="${e(x.value)}"` : ""}${x.autocomplete ? ` autocomplete="${x.autocomplete}"` : ""}${x.required === false ? "" : " required"}${x.hint ? ` aria-describedby="${id}-hint"` : ""}>
${x.hint ? `<div class="hint" id="${id}-hint">${e(x.hint)}</div>` : ""}</div>`;
  }).join("\n");
  return `<form method="post" action="${e(f.action)}" novalidate>${hidden}
${fields}
<button type="submit" class="primary">${e(f.submit)}</button></form>`;
}

/** A small form that is only a button (e.g. "Send a new code"). */
export const buttonForm = (action: string, csrf: string, label: string, hidden: Record<string, string> = {}) =>
  `<form method="post" action="${e(action)}" class="inline">${Object.entries({ _csrf: csrf, ...hidden })
    .map(([k, v]) => `<input type="hidden" name="${e(k)}" value="${e(v)}">`).join("")}<button type="submit" class="link">${e(label)}</button></form>`;

export interface PageSpec {
  title: string;
  /** The banner's text: the app client's name. */
  appName: string;
  heading: string;
  /** Cognito's error message, shown above the form (role=alert). */
  error?: string;
  /** A neutral message (a code was sent, the password changed, …). */
  notice?: string;
  body: string;
  /** Extra Set-Cookie headers (CSRF, session). */
  cookies?: string[];
  status?: number;
  lang?: string;
}

export function renderPage(res: ServerResponse, p: PageSpec) {
  const html = `<!DOCTYPE html>
<html lang="${e(p.lang ?? "en")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(p.title)}</title><link rel="icon" href="data:,">
<style>
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; font: 15px/1.45 "Helvetica Neue", Helvetica, Arial, system-ui, sans-serif; color: #333; background: #f0f2f5; display: flex; align-items: flex-start; justify-content: center; }
main { width: 100%; max-width: 380px; margin: 48px 16px; background: #fff; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.12), 0 6px 24px rgba(0,0,0,.08); overflow: hidden; }
.banner { background: #fafafa; border-bottom: 1px solid #e6e6e6; padding: 22px 28px; text-align: center; }
.banner .app { font-size: 20px; font-weight: 600; color: #232f3e; letter-spacing: .01em; }
.content { padding: 24px 28px 28px; }
h1 { font-size: 15px; font-weight: 600; margin: 0 0 16px; color: #333; }
.field { margin-bottom: 14px; }
label { display: block; font-size: 13px; font-weight: 600; margin-bottom: 5px; color: #444; }
input[type=text], input[type=password], input[type=email], input[type=tel] { width: 100%; height: 38px; padding: 6px 10px; font-size: 15px; color: #333; border: 1px solid #c8ccd1; border-radius: 4px; background: #fff; }
input:focus { outline: none; border-color: #1d73c9; box-shadow: 0 0 0 3px rgba(29,115,201,.2); }
.hint { font-size: 12px; color: #6b7280; margin-top: 4px; }
button.primary { width: 100%; height: 40px; margin-top: 6px; border: 0; border-radius: 4px; background: #1d73c9; color: #fff; font-size: 15px; font-weight: 600; cursor: pointer; }
button.primary:hover { background: #165ea8; }
button.primary:focus-visible, a:focus-visible, button.link:focus-visible { outline: 3px solid rgba(29,115,201,.45); outline-offset: 2px; }
a, button.link { color: #1d73c9; text-decoration: none; }
a:hover, button.link:hover { text-decoration: underline; }
button.link { background: none; border: 0; padding: 0; font: inherit; cursor: pointer; }
form.inline { display: inline; }
.links { margin-top: 18px; font-size: 14px; color: #555; text-align: center; }
.links p { margin: 8px 0; }
.aside { margin: -4px 0 16px; font-size: 13px; }
.error { background: #fdecea; border: 1px solid #f5c2bd; color: #a61b0f; border-radius: 4px; padding: 9px 12px; margin-bottom: 14px; font-size: 14px; }
.notice { background: #eaf3fc; border: 1px solid #bcd8f3; color: #17426e; border-radius: 4px; padding: 9px 12px; margin-bottom: 14px; font-size: 14px; }
.muted { color: #6b7280; font-size: 13px; }
code { font: 13px ui-monospace, Menlo, monospace; }
</style></head>
<body><main>
<div class="banner"><div class="app">${e(p.appName)}</div></div>
<div class="content">
<h1>${e(p.heading)}</h1>
${p.error ? `<div class="error" role="alert" id="error">${e(p.error)}</div>` : ""}${p.notice ? `<div class="notice" role="status" id="notice">${e(p.notice)}</div>` : ""}
${p.body}
</div></main></body></html>
`;
  sendHtml(res, p.status ?? 200, html, CSP, {
    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
    ...(p.cookies?.length ? { "Set-Cookie": p.cookies } : {}),
  });
}

/** Cognito's error page (an unknown client, a redirect URI that is not registered, a bad logout request). */
export function errorPage(res: ServerResponse, err: { error: string; description: string }, status = 400) {
  renderPage(res, {
    title: "Error", appName: "Error", heading: "An error was encountered with the requested page.", status,
    body: `<p class="muted" id="error-code"><code>${e(err.error)}</code></p><p class="muted" id="error-description">${e(err.description)}</p>`,
  });
}
