/**
 * `GET /confirmUser?client_id=&user_name=&confirmation_code=`: the target of CONFIRM_WITH_LINK emails, as on
 * Cognito's hosted domain. It invokes the ConfirmSignUp operation, so every rule is the same (per-IP limit,
 * validation, code check, expiry, attempt limit, verified attribute), and answers with a small page saying what
 * happened.
 */
import type { ServerResponse } from "node:http";
import { escapeHtml } from "../messages/templates.js";
import { secretHash } from "../domain/secret-hash.js";
import { CognitoError } from "../generated/cognito-idp.js";
import type { RequestContext } from "../ops/deps.js";
import type { Invoke } from "../protocol/invoke.js";
import type { Store } from "../store/types.js";
import { sendHtml } from "./http.js";

const REASONS: Record<string, string> = {
  CodeMismatchException: "The code in this link is not valid. It may have been replaced by a newer one: use the link in the latest message.",
  ExpiredCodeException: "This link has expired. Ask the application to send a new one.",
  NotAuthorizedException: "This account cannot be confirmed: it is probably confirmed already.",
  LimitExceededException: "Too many attempts to confirm this account. Try again later.",
  TooManyRequestsException: "Too many requests from your address. Try again in a little while.",
  UserNotFoundException: "This link does not belong to any account.",
  ResourceNotFoundException: "This link does not belong to any application.",
  InvalidParameterException: "This link is damaged: some of its parameters are not valid.",
};

function page(res: ServerResponse, status: number, title: string, detail: string, reason?: string) {
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}.reason{color:#666;font-size:.85rem}</style></head>
<body><main><h1 id="result" data-status="${status === 200 ? "confirmed" : "failed"}">${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>${reason ? `<p class="reason">${escapeHtml(reason)}</p>` : ""}</main></body></html>
`;
  sendHtml(res, status, html, "default-src 'none'; style-src 'unsafe-inline'", { "Referrer-Policy": "no-referrer" });
}

export async function confirmUser(invoke: Invoke, store: Store, res: ServerResponse, url: URL, ctx: RequestContext) {
  const clientId = url.searchParams.get("client_id");
  const username = url.searchParams.get("user_name");
  const code = url.searchParams.get("confirmation_code");
  if (!clientId || !username || !code) {
    return page(res, 400, "Confirmation failed", "This confirmation link is incomplete: it needs client_id, user_name and confirmation_code.");
  }
  const input: Record<string, unknown> = { ClientId: clientId, Username: username, ConfirmationCode: code };
  try {
    // The link stands in for the app: for a client with a secret, the server computes the SecretHash itself.
    const client = await store.getClient(clientId);
    if (client?.secret) input.SecretHash = secretHash(client.secret, username, clientId);
    await invoke("ConfirmSignUp", input, ctx);
  } catch (e) {
    if (!(e instanceof CognitoError) || e.statusCode >= 500) throw e;
    return page(res, 400, "Confirmation failed", REASONS[e.type] ?? "This account could not be confirmed.", `${e.type}: ${e.message}`);
  }
  page(res, 200, "Your registration has been confirmed!", "You can close this page and sign in.");
}
