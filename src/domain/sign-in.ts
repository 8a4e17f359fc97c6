/**
 * The challenge side of sign-in: USER_SRP_AUTH (the PASSWORD_VERIFIER challenge), NEW_PASSWORD_REQUIRED for users an
 * administrator gave a temporary password, ADMIN_USER_PASSWORD_AUTH, and the answers to those challenges
 * ((Admin)RespondToAuthChallenge). Sessions live in the store (sessions.ts), so another instance may take the answer.
 */
import { required } from "./auth-params.js";
import { createHmac } from "node:crypto";
import {
  InvalidParameterException, NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException, UserNotFoundException,
  type AuthenticationResultType, type ChallengeNameType,
} from "../generated/cognito-idp.js";
import type { ClientRecord, PoolRecord, Store, UserRecord } from "../store/types.js";
import type { Config } from "../config.js";
import type { Clock, Random } from "./clock.js";
import { DEFAULT_AUTH_FLOWS, preventsUserExistenceErrors } from "./client.js";
import { simulatedUserKey } from "./existence.js";
import { checkPassword } from "./lockout.js";
import { resolveUser } from "./lookup.js";
import { checkPasswordPolicy, dummyHash, verifyPassword } from "./passwords.js";
import { keyOf, passwordPolicy } from "./pool.js";
import { checkSecretHash } from "./secret-hash.js";
import { openSession, peekSession, takeSession } from "./sessions.js";
import { passwordWrite, upgradeHash, upgradeVerifier, writePassword } from "./set-password.js";
import { claimSignature, makeVerifier, modPowN, sameSignature, serverChallenge, serverKey, g } from "./srp.js";
import { issueSignInTokens, type SignInContext } from "./token-origins.js";
import { signInMigrated, type MigrationDeps } from "./user-migration.js";
import { answerCustomChallenge, continueCustomAuth, type CustomAuthState } from "./custom-auth.js";
import { userMigrationArn } from "../triggers/user-migration.js";
import type { TokenService } from "./tokens.js";
import type { TriggerDeps } from "../triggers/invoke.js";
import { runPreAuthentication } from "../triggers/lifecycle.js";

export const WRONG_PASSWORD = "Incorrect username or password.";
export const RESET_REQUIRED = "Password reset required for the user";
export const TEMPORARY_PASSWORD_EXPIRED = "Temporary password has expired and must be reset by an administrator.";
/** Compared against when the user does not exist, so that path costs one scrypt like the others. */


export interface SignInDeps {
  store: Store; clock: Clock; random: Random; tokens: TokenService; codeKey: Buffer;
  config: Pick<Config, "lockoutAfterFailures" | "lockoutMaxSeconds" | "passwordHashCost"> & MigrationDeps["config"] & TriggerDeps["config"];
  log: TriggerDeps["log"];
}

export interface ChallengeAnswer {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
}

type Flow = "USER_SRP_AUTH" | "ADMIN_USER_PASSWORD_AUTH";

/** Whether the client's ExplicitAuthFlows allow a flow; legacy (non-ALLOW_) lists always allow SRP. */
export function allowsAuthFlow(client: ClientRecord, flow: Flow): boolean {
  const flows = (client.doc.ExplicitAuthFlows as string[] | undefined) ?? DEFAULT_AUTH_FLOWS;
  const legacy = !flows.some((f) => f.startsWith("ALLOW_"));
  if (flow === "USER_SRP_AUTH") return legacy || flows.includes("ALLOW_USER_SRP_AUTH");
  return flows.includes("ALLOW_ADMIN_USER_PASSWORD_AUTH") || flows.includes("ADMIN_NO_SRP_AUTH");
}

/** Tokens for a completed sign-in (its origin and refresh token recorded, so they can be revoked). */
export async function completeSignIn(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord, ctx: SignInContext = {}): Promise<ChallengeAnswer> {
  return { ChallengeParameters: {}, AuthenticationResult: await issueSignInTokens(deps, pool, client, user, ctx) };
}

/** The attributes a NEW_PASSWORD_REQUIRED answer must supply: required in the schema, and missing on the user. */
const missingRequired = (pool: PoolRecord, attributes: Record<string, string>) =>
  ((pool.doc.SchemaAttributes as { Name: string; Required?: boolean }[]) ?? [])
    .filter((a) => a.Required && a.Name !== "sub" && !attributes[a.Name]).map((a) => a.Name);

/** NEW_PASSWORD_REQUIRED, with the user's attributes and the required ones still missing. */
export async function newPasswordChallenge(deps: SignInDeps, client: ClientRecord, pool: PoolRecord, user: UserRecord): Promise<ChallengeAnswer> {
  const Session = await openSession(deps.store, deps.random, deps.clock.now(), client, user.usernameKey, "NEW_PASSWORD_REQUIRED", {});
  const { sub: _, ...shown } = user.attributes;
  return {
    ChallengeName: "NEW_PASSWORD_REQUIRED", Session,
    ChallengeParameters: {
      USER_ID_FOR_SRP: user.username,
      requiredAttributes: JSON.stringify(missingRequired(pool, user.attributes).map((n) => `userAttributes.${n}`)),
      userAttributes: JSON.stringify(shown),
    },
  };
}

/**
 * After a password was checked and found right (any flow): a password from before SRP gets its verifier, a
 * temporary password that ran out is refused, a user who must change it gets NEW_PASSWORD_REQUIRED. Undefined: go
 * on and issue tokens.
 */
export async function afterPasswordCheck(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord,
  password?: string): Promise<ChallengeAnswer | undefined> {
  if (password !== undefined) {
    // The verifier first: it is written only while the hash is still the one just checked.
    await upgradeVerifier(deps.store, user, password, deps.random);
    await upgradeHash(deps.store, user, password, deps.random, deps.config.passwordHashCost);
  }
  if (user.status !== "FORCE_CHANGE_PASSWORD") return undefined;
  const saved = await deps.store.getPasswordVerifier(pool.id, user.usernameKey);
  if (saved?.passwordExpiresAt != null && saved.passwordExpiresAt <= deps.clock.now()) throw new NotAuthorizedException(TEMPORARY_PASSWORD_EXPIRED);
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  return newPasswordChallenge(deps, client, pool, user);
}

/**
 * A salt that is the same on every try for a name that has no verifier (an unknown user under
 * PreventUserExistenceErrors, or a password from before SRP): a changing salt would tell such names apart.
 */
const decoySalt = (codeKey: Buffer, poolId: string, name: string) =>
  createHmac("sha256", codeKey).update(`srp-decoy\u0000${poolId}\u0000${name}`).digest().subarray(0, 16);

/** USER_SRP_AUTH, step one: answers PASSWORD_VERIFIER with SALT, SRP_B and a SECRET_BLOCK (the session itself). */
export async function startSrp(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>,
  opts: { custom?: CustomAuthState; clientMetadata?: Record<string, string> } = {}): Promise<ChallengeAnswer> {
  // CUSTOM_AUTH starting with SRP_A (custom-auth.ts) comes here when its DefineAuthChallenge asks for PASSWORD_VERIFIER.
  if (!opts.custom && !allowsAuthFlow(client, "USER_SRP_AUTH")) throw new InvalidParameterException("USER_SRP_AUTH is not enabled for the client.");
  const clientMetadata = opts.clientMetadata;
  const name = required(params, "USERNAME");
  const A = required(params, "SRP_A");
  checkSecretHash(client, name, params.SECRET_HASH);
  const user = await resolveUser(deps.store, pool, name);
  if (!user && !preventsUserExistenceErrors(client)) throw new UserNotFoundException("User does not exist.");
  if (user?.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user?.status === "RESET_REQUIRED") throw new PasswordResetRequiredException(RESET_REQUIRED);
  await runPreAuthentication(deps, { pool, user: user ?? { username: name, notFound: true }, clientId: client.id, clientMetadata });
  const saved = user && (await deps.store.getPasswordVerifier(pool.id, user.usernameKey));
  let salt: string, verifier: string, decoy = false;
  if (user && saved?.srpSalt && saved.srpVerifier) {
    ({ srpSalt: salt, srpVerifier: verifier } = saved as { srpSalt: string; srpVerifier: string });
  } else {
    // No verifier to prove against: a challenge like any other that no password answers (same cost, same shape).
    decoy = true;
    salt = makeVerifier(pool.id, name, "", decoySalt(deps.codeKey, pool.id, name)).salt;
    verifier = modPowN(g, BigInt("0x" + deps.random.bytes(32).toString("hex"))).toString(16);
  }
  const { b, B } = serverChallenge(verifier, deps.random.bytes(32));
  const userIdForSrp = user?.username ?? name;
  const Session = await openSession(deps.store, deps.random, deps.clock.now(), client, user?.usernameKey ?? keyOf(pool.doc, name),
    "PASSWORD_VERIFIER", { b, B, A, verifier, userIdForSrp, decoy, ...(opts.custom ? { custom: opts.custom } : {}) });
  return {
    ChallengeName: "PASSWORD_VERIFIER", Session,
    ChallengeParameters: { SALT: salt, SECRET_BLOCK: Session, SRP_B: B, USERNAME: userIdForSrp, USER_ID_FOR_SRP: userIdForSrp },
  };
}

/** ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH): the password, checked on the server. */
export async function adminPasswordAuth(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>,
  clientMetadata?: Record<string, string>): Promise<ChallengeAnswer> {
  if (!allowsAuthFlow(client, "ADMIN_USER_PASSWORD_AUTH")) throw new InvalidParameterException("Auth flow not enabled for this client");
  return passwordAuth(deps, pool, client, params, clientMetadata);
}

/**
 * USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH once the flow is allowed: the password, checked on the server.
 * Cognito's order of answers: an UNCONFIRMED user learns so even with a wrong password. A name that is no user's goes
 * to the UserMigration trigger when the pool has one; else, under PreventUserExistenceErrors, it costs a password check
 * and counts in a lockout like a real user's, and PreAuthentication hears `userNotFound: true`.
 */
export async function passwordAuth(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>,
  clientMetadata?: Record<string, string>): Promise<ChallengeAnswer> {
  const name = required(params, "USERNAME");
  const password = required(params, "PASSWORD");
  checkSecretHash(client, name, params.SECRET_HASH);
  const user = await resolveUser(deps.store, pool, name);
  if (!user && userMigrationArn(pool)) return signInMigrated(deps, pool, client, name, password, clientMetadata);
  if (!user) {
    if (preventsUserExistenceErrors(client)) {
      await runPreAuthentication(deps, { pool, user: { username: name, notFound: true }, clientId: client.id, clientMetadata });
      // Locked out as a real user would be, so the lockout does not tell who exists.
      await checkPassword(deps, { poolId: pool.id, usernameKey: simulatedUserKey(deps.codeKey, pool.id, name) },
        async () => { await verifyPassword(password, dummyHash(deps.config.passwordHashCost)); return false; });
      throw new NotAuthorizedException(WRONG_PASSWORD);
    }
    await verifyPassword(password, dummyHash(deps.config.passwordHashCost));
    throw new UserNotFoundException("User does not exist.");
  }
  if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user.status === "RESET_REQUIRED") throw new PasswordResetRequiredException(RESET_REQUIRED);
  await runPreAuthentication(deps, { pool, user, clientId: client.id, clientMetadata });
  if (!(await checkPassword(deps, user, () => verifyPassword(password, user.passwordHash)))) throw new NotAuthorizedException(WRONG_PASSWORD);
  const challenged = await afterPasswordCheck(deps, pool, client, user, password);
  if (challenged) return challenged;
  if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
  return completeSignIn(deps, pool, client, user, { clientMetadata });
}

/** Whether the USERNAME of an answer names the session's user (its username, sub, or an alias the pool allows). */
async function namesSessionUser(deps: SignInDeps, pool: PoolRecord, name: string, usernameKey: string): Promise<boolean> {
  if (keyOf(pool.doc, name) === usernameKey) return true;
  return (await resolveUser(deps.store, pool, name))?.usernameKey === usernameKey;
}

/** (Admin)RespondToAuthChallenge: PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, and CUSTOM_CHALLENGE (custom-auth.ts). */
export async function respondToChallenge(deps: SignInDeps, pool: PoolRecord, client: ClientRecord,
  input: { ChallengeName: string; ChallengeResponses?: Record<string, string>; Session?: string; ClientMetadata?: Record<string, string> }): Promise<ChallengeAnswer | undefined> {
  if (input.ChallengeName === "CUSTOM_CHALLENGE") return answerCustomChallenge(deps, pool, client, input);
  const clientMetadata = input.ClientMetadata;
  const responses = input.ChallengeResponses ?? {};
  const now = deps.clock.now();
  if (input.ChallengeName === "PASSWORD_VERIFIER") {
    const name = required(responses, "USERNAME");
    const secretBlock = required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
    const timestamp = required(responses, "TIMESTAMP");
    const signature = required(responses, "PASSWORD_CLAIM_SIGNATURE");
    checkSecretHash(client, name, responses.SECRET_HASH);
    // The SECRET_BLOCK is the session string; a Session sent beside it must be the same one.
    if (input.Session !== undefined && input.Session !== secretBlock) throw new NotAuthorizedException("Invalid session for the user, session is expired.");
    const s = await takeSession(deps.store, secretBlock, client, "PASSWORD_VERIFIER", now);
    const st = s.state as { b: string; B: string; A: string; verifier: string; userIdForSrp: string; decoy: boolean; custom?: CustomAuthState };
    const key = serverKey(st.verifier, st.b, st.B, st.A);
    const want = key && claimSignature(key, pool.id, st.userIdForSrp, Buffer.from(secretBlock, "base64"), timestamp);
    const user = await deps.store.getUser(pool.id, s.usernameKey);
    // The proof counts in the same lockout as a password (an unknown name under its simulated key, as elsewhere).
    const lockKey = user ? s.usernameKey : simulatedUserKey(deps.codeKey, pool.id, st.userIdForSrp);
    const proven = await checkPassword(deps, { poolId: pool.id, usernameKey: lockKey }, async () =>
      !st.decoy && !!user && !!want && sameSignature(want, signature) && (await namesSessionUser(deps, pool, name, s.usernameKey)));
    if (!proven || !user) throw new NotAuthorizedException(WRONG_PASSWORD);
    if (st.custom) return continueCustomAuth(deps, pool, client, user, st.custom, input.ClientMetadata);
    const challenged = await afterPasswordCheck(deps, pool, client, user);
    if (challenged) return challenged;
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    return completeSignIn(deps, pool, client, user, { clientMetadata });
  }
  if (input.ChallengeName === "NEW_PASSWORD_REQUIRED") {
    const name = required(responses, "USERNAME");
    const password = required(responses, "NEW_PASSWORD");
    checkSecretHash(client, name, responses.SECRET_HASH);
    const s = await peekSession(deps.store, input.Session, client, "NEW_PASSWORD_REQUIRED", now);
    const user = await deps.store.getUser(pool.id, s.usernameKey);
    if (!user || user.status !== "FORCE_CHANGE_PASSWORD" || !(await namesSessionUser(deps, pool, name, s.usernameKey))) {
      throw new NotAuthorizedException("Invalid session for the user, session is expired.");
    }
    // What the answer brings is checked before the session is used up, so a refused password can be retried.
    checkPasswordPolicy(password, passwordPolicy(pool.doc));
    const attributes = { ...user.attributes };
    for (const [k, v] of Object.entries(responses)) {
      if (!k.startsWith("userAttributes.")) continue;
      const attr = k.slice("userAttributes.".length);
      if (attr === "sub" || attr.endsWith("_verified")) continue;
      attributes[attr] = v;
    }
    const missing = missingRequired(pool, attributes);
    if (missing.length) throw new InvalidParameterException(`Attributes did not conform to the schema: ${missing[0]}: The attribute ${missing[0]} is required`);
    await takeSession(deps.store, input.Session, client, "NEW_PASSWORD_REQUIRED", now);
    user.attributes = attributes;
    user.emailKey = attributes.email ? keyOf(pool.doc, attributes.email) : null;
    user.phone = attributes.phone_number ?? null;
    const w = await passwordWrite(pool.id, user.username, password, deps.random, deps.config.passwordHashCost);
    await deps.store.tx(async (tx) => {
      await tx.updateUser({ ...user, updatedAt: now });
      await writePassword(tx, user, w, now, { status: "CONFIRMED", expiresAt: null });
    });
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    return completeSignIn(deps, pool, client, { ...user, status: "CONFIRMED" }, { clientMetadata, source: "TokenGeneration_NewPasswordChallenge" });
  }
  return undefined;
}
