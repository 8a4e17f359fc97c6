/** Small helpers for the non-API routes: JSON and HTML answers (JSON ones carry the API's CORS headers). */
import type { ServerResponse } from "node:http";
import { CORS_HEADERS } from "../protocol/http.js";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...CORS_HEADERS, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** An HTML page that is never cached or sniffed, under the given Content-Security-Policy. */
export function sendHtml(res: ServerResponse, status: number, html: string, csp: string, headers: Record<string, string | string[]> = {}) {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html), "Cache-Control": "no-store",
    "Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", ...headers,
  });
  res.end(html);
}
