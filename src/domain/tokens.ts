/**
 * JWTs as Cognito issues them: RS256, one key pair per pool (distinct `kid`), issuer `<public URL>/<poolId>`.
 * The JWKS is served at `/<poolId>/.well-known/jwks.json`.
 */
import { createHash } from "node:crypto";
import type { JWK, CryptoKey } from "jose";
import { NotAuthorizedException } from "../generated/cognito-idp.js";
import type { Clock, Random } from "./clock.js";
import { groupClaims, type GroupLookup } from "./groups.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types.js";
import { DEFAULT_SCOPES, type TokenCustomization } from "../triggers/pre-token-generation.js";

const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi"];

/** jose is loaded on first use (about 30 ms of start-up otherwise spent before the first request). */
let joseModule: Promise<typeof import("jose")> | undefined;
const jose = () => (joseModule ??= import("jose"));

export async function newSigningKey(random: Random): Promise<JWK> {
  const { generateKeyPair, exportJWK } = await jose();
  const { privateKey } = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  return { ...jwk, kid: random.bytes(24).toString("base64url"), alg: "RS256", use: "sig" };
}

export const publicJwk = (jwk: Record<string, unknown>): JWK =>
  Object.fromEntries(Object.entries(jwk).filter(([k]) => !PRIVATE_MEMBERS.includes(k))) as JWK;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

const UNITS: Record<string, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

function validity(client: ClientRecord, member: "AccessToken" | "IdToken" | "RefreshToken", fallback: number, unit: string): number {
  const doc = client.doc as Record<string, any>;
  const value = doc[`${member}Validity`] ?? fallback;
  return value * UNITS[doc.TokenValidityUnits?.[member] ?? unit];
}

export interface IssuedTokens { AccessToken: string; IdToken: string; RefreshToken?: string; ExpiresIn: number; TokenType: "Bearer" }

/**
 * What the tokens of one sign-in share, and the tokens refreshed from its refresh token keep: `origin_jti`,
 * `event_id` and `auth_time` (epoch ms here; seconds in the claim).
 */
export interface TokenOriginClaims {
  originJti: string; eventId: string; authTime: number;
  /**
   * The scopes granted through the OAuth endpoints (space-separated): the access token's `scope` claim, and the ID
   * token gets an `at_hash`. Absent for an API sign-in (`aws.cognito.signin.user.admin`).
   */
  scope?: string;
}

/** Where revocation is looked up (the store's token origins): every instance sees the same answer. */
export interface RevocationLookup {
  getTokenOrigin(originJti: string): Promise<{ poolId: string; revokedAt: number | null } | undefined>;
}

/** The trigger's claims added or overridden, then the suppressed ones removed (the protected ones were left out before). */
function applyClaims(claims: Record<string, unknown>, change: { add: Record<string, unknown>; suppress: string[] }) {
  Object.assign(claims, change.add);
  for (const name of change.suppress) delete claims[name];
}

/** Group claims from a trigger's groupOverrideDetails: empty lists leave the claim out, as having no group does. */
function overriddenGroupClaims(o: NonNullable<TokenCustomization["groups"]>) {
  const id: Record<string, unknown> = {};
  const access: Record<string, unknown> = {};
  if (o.groups.length) { id["cognito:groups"] = [...o.groups]; access["cognito:groups"] = [...o.groups]; }
  if (o.roles.length) id["cognito:roles"] = [...o.roles];
  if (o.preferredRole) id["cognito:preferred_role"] = o.preferredRole;
  return { id, access };
}

export const ACCESS_TOKEN_REVOKED = "Access Token has been revoked";

export class TokenService {
  private keys = new Map<string, { kid: string; key: CryptoKey | Uint8Array; verifyKey: CryptoKey | Uint8Array }>();
  /**
   * `publicUrl`: the base of every issuer, `<publicUrl>/<poolId>` (known once the server listens). `revocations`:
   * where `verifyAccess` checks that an access token's origin has not been revoked; `groups`: where `issue` reads the
   * user's groups for the `cognito:groups`/`cognito:roles` claims (the server passes its store for both).
   */
  constructor(private readonly publicUrl: string, private readonly clock: Clock, private readonly random: Random,
    private readonly revocations?: RevocationLookup, private readonly groups?: GroupLookup) {}

  issuer(poolId: string) { return `${this.publicUrl}/${poolId}`; }

  private async key(pool: PoolRecord) {
    let k = this.keys.get(pool.id);
    if (!k) {
      const { importJWK } = await jose();
      k = {
        kid: pool.signingKey.kid as string,
        key: await importJWK(pool.signingKey as JWK, "RS256"),
        verifyKey: await importJWK(publicJwk(pool.signingKey), "RS256"),
      };
      this.keys.set(pool.id, k);
    }
    return k;
  }

  forget(poolId: string) { this.keys.delete(poolId); }

  /** A new sign-in's origin: fresh `origin_jti` and `event_id`, authenticated now. */
  newOrigin(): TokenOriginClaims {
    return { originJti: this.random.uuid(), eventId: this.random.uuid(), authTime: this.clock.now() };
  }

  /**
   * Signs an access and an ID token (and, with `withRefresh`, makes a refresh token) with the claims Cognito
   * documents. `origin`: the sign-in they belong to (a refresh passes the original one); a fresh one by default.
   * Use `issueSignInTokens` (src/domain/token-origins.ts) for a sign-in: it also records the origin, so that the
   * tokens can be revoked.
   */
  async issue(pool: PoolRecord, client: ClientRecord, user: UserRecord, withRefresh: boolean, origin: TokenOriginClaims = this.newOrigin(),
    opts: { nonce?: string; custom?: TokenCustomization } = {}): Promise<IssuedTokens & { refreshExpiresAt?: number }> {
    const custom = opts.custom;
    const { kid, key } = await this.key(pool);
    const { SignJWT } = await jose();
    const now = Math.floor(this.clock.now() / 1000);
    const iss = this.issuer(pool.id);
    const authTime = Math.floor(origin.authTime / 1000);
    const accessTtl = validity(client, "AccessToken", 60, "minutes");
    const idTtl = validity(client, "IdToken", 60, "minutes");
    const sign = (claims: Record<string, unknown>, ttl: number) =>
      new SignJWT(claims).setProtectedHeader({ alg: "RS256", kid }).setIssuedAt(now).setExpirationTime(now + ttl)
        .setIssuer(iss).setJti(this.random.uuid()).sign(key);
    const idClaims: Record<string, unknown> = {
      sub: user.sub, aud: client.id, token_use: "id", auth_time: authTime, event_id: origin.eventId, origin_jti: origin.originJti,
      "cognito:username": user.username,
    };
    for (const [k, v] of Object.entries(user.attributes)) {
      if (k === "sub") continue;
      // email_verified and phone_number_verified are booleans in the token, strings in the attribute list.
      idClaims[k] = k.endsWith("_verified") ? v === "true" : v;
    }
    // The user's groups as they are now (a refresh sees changes): src/domain/groups.ts.
    // A PreTokenGeneration trigger's groupOverrideDetails replace them.
    const groups = custom?.groups ? overriddenGroupClaims(custom.groups) : groupClaims((await this.groups?.groupsOfUser(pool.id, user.usernameKey)) ?? []);
    Object.assign(idClaims, groups.id);
    // The sign-in's granted scopes (an OAuth sign-in's, kept by its refreshes), less and plus what PreTokenGeneration V2 says.
    const granted = origin.scope !== undefined ? origin.scope.split(" ").filter(Boolean) : DEFAULT_SCOPES;
    const scopes = [...granted.filter((s) => !custom?.access.scopesToSuppress.includes(s))];
    for (const s of custom?.access.scopesToAdd ?? []) if (!scopes.includes(s) && !custom?.access.scopesToSuppress.includes(s)) scopes.push(s);
    const accessClaims: Record<string, unknown> = {
      ...groups.access,
      sub: user.sub, client_id: client.id, token_use: "access", scope: scopes.join(" "), auth_time: authTime,
      event_id: origin.eventId, origin_jti: origin.originJti, username: user.username, version: 2,
    };
    if (custom) {
      applyClaims(idClaims, custom.id);
      applyClaims(accessClaims, custom.access);
      if (!scopes.length) delete accessClaims.scope;
    }
    const AccessToken = await sign(accessClaims, accessTtl);
    // The OAuth endpoints' ID tokens (OIDC): the authorization request's nonce, and the access token's hash.
    if (opts.nonce !== undefined) idClaims.nonce = opts.nonce;
    if (origin.scope !== undefined) idClaims.at_hash = createHash("sha256").update(AccessToken).digest().subarray(0, 16).toString("base64url");
    const IdToken = await sign(idClaims, idTtl);
    const result: IssuedTokens & { refreshExpiresAt?: number } = { AccessToken, IdToken, ExpiresIn: accessTtl, TokenType: "Bearer" };
    if (withRefresh) {
      result.RefreshToken = this.random.bytes(48).toString("base64url");
      result.refreshExpiresAt = this.clock.now() + validity(client, "RefreshToken", 30, "days") * 1000;
    }
    return result;
  }

  /**
   * The `client_credentials` grant's access token, as Cognito issues it to a confidential client for itself: `sub` and
   * `client_id` are the client's id, `scope` the granted custom scopes; no user, no ID or refresh token, no origin
   * (such a token cannot be revoked, and the user operations refuse it).
   */
  async issueClientAccessToken(pool: PoolRecord, client: ClientRecord, scopes: string[]): Promise<{ accessToken: string; expiresIn: number }> {
    const { kid, key } = await this.key(pool);
    const { SignJWT } = await jose();
    const now = Math.floor(this.clock.now() / 1000);
    const expiresIn = validity(client, "AccessToken", 60, "minutes");
    const accessToken = await new SignJWT({
      sub: client.id, token_use: "access", scope: scopes.join(" "), auth_time: now, version: 2, client_id: client.id,
    }).setProtectedHeader({ alg: "RS256", kid }).setIssuer(this.issuer(pool.id)).setIssuedAt(now).setExpirationTime(now + expiresIn)
      .setJti(this.random.uuid()).sign(key);
    return { accessToken, expiresIn };
  }

  /**
   * Verifies an access token against its pool's key, and that its origin has not been revoked (RevokeToken,
   * GlobalSignOut, …): the one check every operation that takes an access token goes through. Anything wrong is
   * Cognito's NotAuthorizedException.
   */
  async verifyAccess(token: string, loadPool: (id: string) => Promise<PoolRecord | undefined>) {
    const { decodeJwt, jwtVerify } = await jose();
    let poolId: string;
    try {
      const iss = decodeJwt(token).iss ?? "";
      poolId = iss.slice(iss.lastIndexOf("/") + 1);
    } catch {
      throw new NotAuthorizedException("Invalid Access Token");
    }
    const pool = await loadPool(poolId);
    if (!pool) throw new NotAuthorizedException("Invalid Access Token");
    const { verifyKey } = await this.key(pool);
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, verifyKey, {
        issuer: this.issuer(poolId), algorithms: ["RS256"], currentDate: new Date(this.clock.now()),
      }));
    } catch (e: any) {
      if (e?.code === "ERR_JWT_EXPIRED") throw new NotAuthorizedException("Access Token has expired");
      throw new NotAuthorizedException("Invalid Access Token");
    }
    if (payload.token_use !== "access") throw new NotAuthorizedException("Invalid Access Token");
    const originJti = typeof payload.origin_jti === "string" ? payload.origin_jti : undefined;
    if (this.revocations) {
      // Every sign-in records its origin (issueSignInTokens): a token whose origin the store does not know was not
      // issued by a sign-in of this pool (or predates origins), and could not be revoked, so it is refused.
      const origin = originJti === undefined ? undefined : await this.revocations.getTokenOrigin(originJti);
      if (!origin || origin.poolId !== poolId) throw new NotAuthorizedException("Invalid Access Token");
      if (origin.revokedAt !== null) throw new NotAuthorizedException(ACCESS_TOKEN_REVOKED);
    }
    return { pool, username: payload.username as string, sub: payload.sub as string, clientId: payload.client_id as string, originJti };
  }
}
