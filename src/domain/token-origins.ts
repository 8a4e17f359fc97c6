/**
 * Sign-in sessions as tokens see them. Every sign-in starts an ORIGIN (the `origin_jti` claim), recorded in the store
 * with its refresh token; a refresh keeps the origin (and `event_id`, `auth_time`). Revoking the origin (RevokeToken,
 * GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser, DeleteUser) refuses its refresh tokens here, and every
 * access token issued from them in `TokenService.verifyAccess`, on every instance.
 *
 * Every sign-in flow must issue its tokens through `issueSignInTokens`: an access token whose origin the store does
 * not know is refused, and a refresh token without an origin is refused.
 */
import {
  NotAuthorizedException, RefreshTokenReuseException, UnauthorizedException, type AuthenticationResultType,
} from "../generated/cognito-idp.js";
import { timingSafeEqual } from "node:crypto";
import type { ClientRecord, PoolRecord, Repos, UserRecord } from "../store/types.js";
import type { Clock } from "./clock.js";
import { hashToken, type TokenService } from "./tokens.js";
import type { TriggerDeps } from "../triggers/invoke.js";
import { runPostAuthentication } from "../triggers/lifecycle.js";
import { runPreTokenGeneration, type TokenGenerationSource } from "../triggers/pre-token-generation.js";
import { byPrecedence } from "./groups.js";

/** `config` and `log` reach the PostAuthentication and PreTokenGeneration triggers. */
export interface TokenDeps extends TriggerDeps {
  store: Repos;
  tokens: TokenService;
  clock: Clock;
}

/** What a sign-in tells its triggers: the request's ClientMetadata, and how the tokens came about. */
export interface SignInContext {
  clientMetadata?: Record<string, string>;
  source?: TokenGenerationSource;
  oauth?: { scope: string; nonce?: string; authTime: number; refresh: boolean };
}

/** The pool's PreTokenGeneration trigger, if any, for tokens about to be issued to `user`. */
async function tokenCustomization(deps: TokenDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord, source: TokenGenerationSource,
  clientMetadata?: Record<string, string>) {
  if (!(pool.doc.LambdaConfig as Record<string, unknown> | undefined)?.PreTokenGeneration && !(pool.doc.LambdaConfig as Record<string, unknown> | undefined)?.PreTokenGenerationConfig) return undefined;
  const groups = byPrecedence(await deps.store.groupsOfUser(pool.id, user.usernameKey));
  return runPreTokenGeneration(deps, { pool, source, user, clientId: client.id, groups, clientMetadata });
}

export const INVALID_REFRESH_TOKEN = "Invalid Refresh Token";
export const REFRESH_TOKEN_REVOKED = "Refresh Token has been revoked";
export const REFRESH_TOKEN_REUSED = "Refresh Token has been rotated and is no longer valid";
export const USER_DISABLED = "User is disabled.";

type Doc = Record<string, any>;

/** RefreshTokenRotation.Feature = ENABLED: refreshing returns a new refresh token (GetTokensFromRefreshToken only). */
export const rotatesRefreshTokens = (client: { doc: Doc }) => client.doc.RefreshTokenRotation?.Feature === "ENABLED";
const graceMs = (client: { doc: Doc }) => (client.doc.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;
/** EnableTokenRevocation: true unless the client turned it off (the default of new clients is true). */
export const revocationEnabled = (client: { doc: Doc }) => client.doc.EnableTokenRevocation !== false;

/**
 * RevokeToken and GetTokensFromRefreshToken name the client by its secret (not a SECRET_HASH): a confidential client
 * must send it, compared in constant time. `error` is the operation's exception class.
 */
export function checkClientSecret(client: ClientRecord, given: string | undefined, error: new (message: string) => Error): void {
  if (!client.secret) return;
  if (given === undefined) throw new error(`Client ${client.id} is configured with secret but ClientSecret was not received`);
  const want = Buffer.from(client.secret);
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) throw new error(`Unable to verify secret for client ${client.id}`);
}

/**
 * The tokens of a successful sign-in, with their origin and refresh token recorded in the store. `ctx.oauth`: a
 * sign-in through the OAuth endpoints (src/web/oauth/): its granted scopes (kept by refreshed tokens), the ID token's
 * nonce, when the user signed in on the hosted pages, and whether a refresh token is issued (not by the implicit
 * grant). PostAuthentication ran when the user signed in on the hosted pages; PreTokenGeneration runs here
 * (TokenGeneration_HostedAuth).
 */
export async function issueSignInTokens(deps: TokenDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord,
  ctx: SignInContext = {}): Promise<AuthenticationResultType> {
  const { store, tokens, clock } = deps;
  const oauth = ctx.oauth;
  // The sign-in succeeded: PostAuthentication may still refuse it, then PreTokenGeneration shapes the tokens.
  if (!oauth) await runPostAuthentication(deps, { pool, user, clientId: client.id, clientMetadata: ctx.clientMetadata });
  const source = ctx.source ?? (oauth ? "TokenGeneration_HostedAuth" : "TokenGeneration_Authentication");
  const custom = await tokenCustomization(deps, pool, client, user, source, ctx.clientMetadata);
  const origin = { ...tokens.newOrigin(), ...(oauth ? { scope: oauth.scope, authTime: oauth.authTime } : {}) };
  const withRefresh = oauth?.refresh ?? true;
  const { refreshExpiresAt, ...result } = await tokens.issue(pool, client, user, withRefresh, origin, { nonce: oauth?.nonce, custom });
  const now = clock.now();
  await store.insertTokenOrigin({
    originJti: origin.originJti, poolId: pool.id, clientId: client.id, usernameKey: user.usernameKey, eventId: origin.eventId,
    authTime: origin.authTime, ...(origin.scope !== undefined ? { scope: origin.scope } : {}), revokedAt: null, createdAt: now,
  });
  if (!withRefresh) return result;
  await store.insertRefreshToken({
    tokenHash: hashToken(result.RefreshToken!), poolId: pool.id, clientId: client.id, usernameKey: user.usernameKey,
    expiresAt: refreshExpiresAt!, createdAt: now, originJti: origin.originJti,
  });
  return result;
}

/**
 * New tokens from a refresh token of `client` (REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken): the token must be
 * this client's, unexpired, of a live origin, and its user enabled. `checkSecret(user)` runs once the user is known.
 * With `rotate`, the refresh token is rotated out (it keeps working for the client's RetryGracePeriodSeconds, for
 * retries) and a new one of the same origin comes back with the tokens.
 */
export async function refreshSignIn(
  deps: TokenDeps, pool: PoolRecord, client: ClientRecord, refreshToken: string,
  opts: { rotate: boolean; checkSecret?: (user: UserRecord) => void; clientMetadata?: Record<string, string> },
): Promise<AuthenticationResultType> {
  const { store, tokens, clock } = deps;
  const now = clock.now();
  const tokenHash = hashToken(refreshToken);
  const saved = await store.getRefreshToken(tokenHash);
  if (!saved || saved.clientId !== client.id || saved.expiresAt < now || !saved.originJti) throw new NotAuthorizedException(INVALID_REFRESH_TOKEN);
  const origin = await store.getTokenOrigin(saved.originJti);
  if (!origin) throw new NotAuthorizedException(INVALID_REFRESH_TOKEN);
  const user = await store.getUser(pool.id, saved.usernameKey);
  if (!user) throw new NotAuthorizedException(origin.revokedAt !== null ? REFRESH_TOKEN_REVOKED : INVALID_REFRESH_TOKEN);
  opts.checkSecret?.(user);
  // A disabled user hears so first (AdminDisableUser also revoked the token: that shows once they are enabled again).
  if (!user.enabled) throw new NotAuthorizedException(USER_DISABLED);
  if (origin.revokedAt !== null) throw new NotAuthorizedException(REFRESH_TOKEN_REVOKED);
  if (saved.replacedAt !== null && now >= saved.replacedAt + graceMs(client)) throw new RefreshTokenReuseException(REFRESH_TOKEN_REUSED);
  const claims = { originJti: origin.originJti, eventId: origin.eventId, authTime: origin.authTime, scope: origin.scope };
  const custom = await tokenCustomization(deps, pool, client, user, "TokenGeneration_RefreshTokens", opts.clientMetadata);
  if (!opts.rotate) {
    const { refreshExpiresAt: _, ...result } = await tokens.issue(pool, client, user, false, claims, { custom });
    return result;
  }
  // Rotate out first: of two refreshes racing with the same token and no grace period, only one gets new tokens.
  const first = await store.replaceRefreshToken(tokenHash, now);
  if (!first && saved.replacedAt === null && graceMs(client) === 0) throw new RefreshTokenReuseException(REFRESH_TOKEN_REUSED);
  const { refreshExpiresAt, ...result } = await tokens.issue(pool, client, user, true, claims, { custom });
  await store.insertRefreshToken({
    tokenHash: hashToken(result.RefreshToken!), poolId: pool.id, clientId: client.id, usernameKey: user.usernameKey,
    expiresAt: refreshExpiresAt!, createdAt: now, originJti: origin.originJti,
  });
  return result;
}

/**
 * RevokeToken: revokes the refresh token's origin, so the token and every access token issued from it (and from the
 * tokens refreshed from it) are refused. A token this server does not know is answered as revoked (RFC 7009: the
 * caller's goal, an unusable token, holds); a token of another client is UnauthorizedException.
 */
export async function revokeRefreshToken({ store, clock }: Pick<TokenDeps, "store" | "clock">, client: ClientRecord, refreshToken: string): Promise<void> {
  const saved = await store.getRefreshToken(hashToken(refreshToken));
  if (!saved || !saved.originJti) return;
  if (saved.clientId !== client.id) throw new UnauthorizedException("The refresh token was not issued to this client.");
  await store.revokeTokenOrigin(saved.originJti, clock.now());
}

/** GlobalSignOut and its kin: every origin of the user, on every client, is revoked. */
export async function signOutEverywhere(store: Pick<Repos, "revokeUserTokenOrigins">, poolId: string, usernameKey: string, now: number): Promise<void> {
  await store.revokeUserTokenOrigins(poolId, usernameKey, now);
}
