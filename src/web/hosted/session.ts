/**
 * The hosted pages' cookies: the sign-in session (one per pool, `cognito-<poolId>`: a random value whose SHA-256
 * names a `hosted_sessions` row, valid 1 hour, ended by /logout) and the CSRF token (double submit: a random
 * `XSRF-TOKEN` cookie, and in every form a `_csrf` field that is its HMAC under the server secret). Cookies are
 * HttpOnly, SameSite=Lax, and Secure when the public URL is https.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { PoolRecord, UserRecord } from "../../store/types.js";
import type { OAuthDeps } from "../oauth/token.js";

/** How long a hosted sign-in lasts (Cognito's hosted UI session cookie: 1 hour). */
export const SESSION_TTL_MS = 60 * 60_000;
const CSRF_COOKIE = "XSRF-TOKEN";

export function parseCookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

const secure = (deps: Pick<OAuthDeps, "config">) => (deps.config.publicUrl ?? "").startsWith("https:");

export function cookie(deps: Pick<OAuthDeps, "config">, name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure(deps) ? "; Secure" : ""}`;
}

export const sessionCookieName = (poolId: string) => `cognito-${poolId}`;
const hash = (v: string) => createHash("sha256").update(v).digest("base64url");

/** The signed-in user of the pool's session cookie, if the session is live and the user can still sign in. */
export async function signedIn(deps: OAuthDeps, req: IncomingMessage, pool: PoolRecord): Promise<{ user: UserRecord; authTime: number } | undefined> {
  const value = parseCookies(req).get(sessionCookieName(pool.id));
  if (!value) return undefined;
  const s = await deps.store.getHostedSession(hash(value));
  if (!s || s.poolId !== pool.id || s.expiresAt <= deps.clock.now()) return undefined;
  const user = await deps.store.getUser(pool.id, s.usernameKey);
  if (!user || !user.enabled || user.status !== "CONFIRMED") return undefined;
  return { user, authTime: s.authTime };
}

/** Starts a session for a user who just signed in on the pages; returns its Set-Cookie. */
export async function startSession(deps: OAuthDeps, pool: PoolRecord, user: UserRecord): Promise<{ setCookie: string; authTime: number }> {
  const value = deps.random.bytes(32).toString("base64url");
  const now = deps.clock.now();
  await deps.store.insertHostedSession({ idHash: hash(value), poolId: pool.id, usernameKey: user.usernameKey, authTime: now, expiresAt: now + SESSION_TTL_MS, createdAt: now });
  return { setCookie: cookie(deps, sessionCookieName(pool.id), value, SESSION_TTL_MS / 1000), authTime: now };
}

/** Ends the pool's session (/logout); returns the Set-Cookie that removes the cookie. */
export async function endSession(deps: OAuthDeps, req: IncomingMessage, poolId: string): Promise<string> {
  const value = parseCookies(req).get(sessionCookieName(poolId));
  if (value) await deps.store.deleteHostedSession(hash(value));
  return cookie(deps, sessionCookieName(poolId), "", 0);
}

/** The CSRF token for the forms of this page, and the cookie to set when the browser has none yet. */
export function csrfFor(deps: Pick<OAuthDeps, "config" | "codeKey" | "random">, req: IncomingMessage): { token: string; setCookie?: string } {
  let seed = parseCookies(req).get(CSRF_COOKIE);
  let setCookie: string | undefined;
  if (!seed || !/^[A-Za-z0-9_-]{43}$/.test(seed)) {
    seed = deps.random.bytes(32).toString("base64url");
    setCookie = cookie(deps, CSRF_COOKIE, seed, 24 * 3600);
  }
  return { token: csrfToken(deps, seed), setCookie };
}

const csrfToken = (deps: Pick<OAuthDeps, "codeKey">, seed: string) => createHmac("sha256", deps.codeKey).update(`hosted-ui-csrf\u0000${seed}`).digest("base64url");

/** Whether a form's `_csrf` is the HMAC of the browser's CSRF cookie. */
export function csrfValid(deps: Pick<OAuthDeps, "codeKey">, req: IncomingMessage, given: string | undefined): boolean {
  const seed = parseCookies(req).get(CSRF_COOKIE);
  if (!seed || !given) return false;
  const want = Buffer.from(csrfToken(deps, seed));
  const got = Buffer.from(given);
  return want.length === got.length && timingSafeEqual(want, got);
}
