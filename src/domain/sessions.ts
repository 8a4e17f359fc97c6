/**
 * Challenge sessions: the opaque `Session` string handed out with a challenge. It lives in the store (so any
 * instance can take the answer), only its SHA-256 is stored, it is bound to the pool, client and user, valid for the
 * client's AuthSessionValidity (3-15 minutes, default 3), and single-use.
 */
import { createHash } from "node:crypto";
import { NotAuthorizedException } from "../generated/cognito-idp.js";
import type { AuthSession, ClientRecord, Repos } from "../store/types.js";
import type { Random } from "./clock.js";

export const INVALID_SESSION = "Invalid session for the user, session is expired.";

const hashSession = (session: string) => createHash("sha256").update(session).digest("base64url");

/** The client's AuthSessionValidity in milliseconds (minutes in the client document; Cognito's default 3). */
export const sessionValidityMs = (client: ClientRecord) => Number(client.doc.AuthSessionValidity ?? 3) * 60_000;

/** Opens a session for `challenge` and returns its string (88 base64 characters, within the model's 20-2048). */
export async function openSession(repos: Repos, random: Random, now: number, client: ClientRecord, usernameKey: string,
  challenge: string, state: Record<string, unknown>): Promise<string> {
  const session = random.bytes(64).toString("base64");
  await repos.insertAuthSession({
    idHash: hashSession(session), poolId: client.poolId, clientId: client.id, usernameKey, challenge, state,
    expiresAt: now + sessionValidityMs(client), createdAt: now,
  });
  return session;
}

const usable = (s: AuthSession | undefined, client: ClientRecord, challenge: string, now: number): s is AuthSession =>
  !!s && s.clientId === client.id && s.poolId === client.poolId && s.challenge === challenge && s.expiresAt > now;

/** Reads a session without using it up (an answer that fails its own checks may be retried). */
export async function peekSession(repos: Repos, session: string | undefined, client: ClientRecord, challenge: string, now: number): Promise<AuthSession> {
  const s = session ? await repos.getAuthSession(hashSession(session)) : undefined;
  if (!usable(s, client, challenge, now)) throw new NotAuthorizedException(INVALID_SESSION);
  return s;
}

/** Uses a session up: a second answer with the same string, or one after it expired, is refused. */
export async function takeSession(repos: Repos, session: string | undefined, client: ClientRecord, challenge: string, now: number): Promise<AuthSession> {
  const s = session ? await repos.takeAuthSession(hashSession(session)) : undefined;
  if (!usable(s, client, challenge, now)) throw new NotAuthorizedException(INVALID_SESSION);
  return s;
}
