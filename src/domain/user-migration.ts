/**
 * Creating a user from the UserMigration trigger's answer (src/triggers/user-migration.ts): at a password sign-in of a
 * name that is no user's (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH) and at ForgotPassword. The user gets the
 * attributes the function returned (checked against the pool's schema), the status it chose (CONFIRMED, or
 * RESET_REQUIRED), no groups, and at sign-in the password just typed, written as every password is (hash and SRP
 * verifier, `passwordWrite`). A user created at ForgotPassword has no password yet: RESET_REQUIRED until the code
 * sets one. USER_SRP_AUTH never migrates: the server never sees the password there (docs/triggers.md).
 */
import {
  InvalidParameterException, NotAuthorizedException, PasswordResetRequiredException, UserNotFoundException, type AuthenticationResultType,
} from "../generated/cognito-idp.js";
import type { Config } from "../config.js";
import type { ClientRecord, PoolRecord, Store, UserRecord } from "../store/types.js";
import { runUserMigration, type MigrationSource } from "../triggers/user-migration.js";
import type { Logger } from "pino";
import { readAttributes } from "./attributes.js";
import { claimAddresses } from "./claim-addresses.js";
import type { Clock, Random } from "./clock.js";
import { resolveUser } from "./lookup.js";
import { verifyPassword } from "./passwords.js";
import { keyOf, newUsername, schemaNames } from "./pool.js";
import { passwordWrite, writePassword } from "./set-password.js";
import { issueSignInTokens } from "./token-origins.js";
import type { TokenService } from "./tokens.js";

export interface MigrationDeps {
  store: Store; clock: Clock; random: Random; log: Logger;
  config: Pick<Config, "region" | "triggers" | "triggerTimeoutMs" | "triggerAttempts" | "passwordHashCost">;
}

/** Cognito's PasswordResetRequiredException text (as sign-in.ts answers it). */
const RESET_REQUIRED = "Password reset required for the user";
const WRONG_PASSWORD = "Incorrect username or password.";

/**
 * Asks the UserMigration trigger about `name` and creates the user it describes. Returns the user, and whether this
 * call created it (not: a concurrent request created it first). Throws the trigger's errors, or UserNotFoundException when its answer
 * creates nobody (attributes outside the schema, a taken address, …).
 */
export async function migrateUser(deps: MigrationDeps, pool: PoolRecord, clientId: string, source: MigrationSource, name: string,
  opts: { password?: string; clientMetadata?: Record<string, string> } = {}): Promise<{ user: UserRecord; created: boolean }> {
  const answer = await runUserMigration(deps, {
    pool, source, username: name, password: opts.password, clientId, clientMetadata: opts.clientMetadata,
  });
  let attributes: Record<string, string>;
  const sub = deps.random.uuid();
  let username: string;
  try {
    attributes = readAttributes(Object.entries(answer.attributes).map(([Name, Value]) => ({ Name, Value })), schemaNames(pool.doc));
    username = newUsername(pool.doc, name, attributes, sub);
  } catch (e) {
    // A migration the pool cannot take is reported as the user not found, with the reason (as Cognito reports it).
    if (e instanceof InvalidParameterException) throw new UserNotFoundException(e.message);
    throw e;
  }
  const now = deps.clock.now();
  const withPassword = source === "UserMigration_Authentication" && opts.password !== undefined;
  const status = withPassword ? answer.finalUserStatus : "RESET_REQUIRED";
  const w = withPassword ? await passwordWrite(pool.id, username, opts.password!, deps.random, deps.config.passwordHashCost) : undefined;
  const user: UserRecord = {
    poolId: pool.id, usernameKey: keyOf(pool.doc, username), username, sub, status, enabled: true,
    passwordHash: w?.passwordHash ?? null, attributes, emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null,
    phone: attributes.phone_number ?? null, createdAt: now, updatedAt: now,
  };
  let inserted = false;
  try {
    await deps.store.tx(async (tx) => {
      await claimAddresses(tx, pool, user, answer.forceAliasCreation, now);
      inserted = await tx.insertUser(user);
      if (inserted && w) await writePassword(tx, user, w, now, { status, expiresAt: null });
    });
  } catch (e) {
    const err = e as { name?: string; message?: string };
    if (err?.name === "UsernameExistsException" || err?.name === "AliasExistsException") throw new UserNotFoundException(err.message ?? "");
    throw e;
  }
  if (inserted) return { user, created: true };
  // Another request migrated the same name meanwhile: that user stands.
  const existing = await resolveUser(deps.store, pool, name);
  if (!existing) throw new UserNotFoundException("User does not exist.");
  return { user: existing, created: false };
}

/**
 * A password sign-in of a name that is no user's, in a pool with a UserMigration trigger: the user is created from
 * the trigger's answer and signed in (tokens), or, created RESET_REQUIRED, told to reset the password.
 */
export async function signInMigrated(deps: MigrationDeps & { tokens: TokenService }, pool: PoolRecord, client: ClientRecord, name: string,
  password: string, clientMetadata?: Record<string, string>): Promise<{ ChallengeParameters: Record<string, string>; AuthenticationResult: AuthenticationResultType }> {
  const { user, created } = await migrateUser(deps, pool, client.id, "UserMigration_Authentication", name, { password, clientMetadata });
  // Created by a concurrent sign-in: this password has not been checked against it yet.
  if (!created && !(user.passwordHash && (await verifyPassword(password, user.passwordHash)))) throw new NotAuthorizedException(WRONG_PASSWORD);
  if (user.status === "RESET_REQUIRED") throw new PasswordResetRequiredException(RESET_REQUIRED);
  return { ChallengeParameters: {}, AuthenticationResult: await issueSignInTokens(deps, pool, client, user) };
}
