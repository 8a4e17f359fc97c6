/**
 * The UserMigration Lambda trigger (DG: user-pool-lambda-migrate-user): called when a user who does not exist signs in
 * with a password (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH: `UserMigration_Authentication`, with the password)
 * or asks for a password reset (ForgotPassword: `UserMigration_ForgotPassword`, without one). The function looks the
 * user up in the old directory and answers the attributes to create the user with. This module builds the event,
 * calls the function through `invokeTrigger`, and reads its answer; `src/domain/user-migration.ts` creates the user.
 *
 * The event carries the user's password: it is never logged (`invokeTrigger` logs the pool, ARN and failure only).
 */
import { UserNotFoundException } from "../generated/cognito-idp.js";
import type { PoolRecord } from "../store/types.js";
import { commonEvent, invokeTrigger, type TriggerDeps } from "./invoke.js";

export type MigrationSource = "UserMigration_Authentication" | "UserMigration_ForgotPassword";

export interface MigrationInput {
  pool: PoolRecord;
  source: MigrationSource;
  /** The name the user typed (USERNAME, or ForgotPassword's Username). */
  username: string;
  /** UserMigration_Authentication only. */
  password?: string;
  clientId: string;
  clientMetadata?: Record<string, string>;
}

/** What the function answered, checked. */
export interface MigrationAnswer {
  /** As the function returned them (strings; booleans and numbers written as strings). */
  attributes: Record<string, string>;
  finalUserStatus: "CONFIRMED" | "RESET_REQUIRED";
  /** `SUPPRESS`, or absent (Cognito then sends its welcome message; see docs/triggers.md). */
  messageAction: "SUPPRESS" | undefined;
  desiredDeliveryMediums: ("EMAIL" | "SMS")[];
  forceAliasCreation: boolean;
}

export const userMigrationArn = (pool: PoolRecord): string | undefined =>
  (pool.doc.LambdaConfig as { UserMigration?: string } | undefined)?.UserMigration || undefined;

/** The event exactly as the developer guide documents it (common parameters, then request and response). */
export function userMigrationEvent(input: MigrationInput, region: string) {
  const metadata = input.clientMetadata ?? {};
  const request: Record<string, unknown> = input.source === "UserMigration_Authentication"
    // At sign-in the ClientMetadata of InitiateAuth/AdminInitiateAuth is the validation data (and the client metadata).
    ? { password: input.password ?? "", validationData: metadata, clientMetadata: metadata }
    : { clientMetadata: metadata };
  return {
    ...commonEvent(input.pool.id, region, input.source, input.username, input.clientId),
    request,
    response: {
      userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null,
      enableSMSMFA: null,
    },
  };
}

/**
 * Cognito answers a migration whose result it cannot use with UserNotFoundException (the knowledge-center article
 * "cognito-migration-lambda-trigger-errors" lists these), the user is not created.
 */
export const migrationRefused = (reason: string) => new UserNotFoundException(`Error during user migration: ${reason}`);
export const NO_ATTRIBUTES = (clientId: string) => new UserNotFoundException(`Exception migrating user in app client ${clientId}`);

/**
 * Calls the pool's UserMigration trigger and reads its answer. Throws what `invokeTrigger` throws (the function's own
 * error, a timeout, an unreachable function), or UserNotFoundException for an answer that creates no user.
 */
export async function runUserMigration(deps: TriggerDeps, input: MigrationInput): Promise<MigrationAnswer> {
  const arn = userMigrationArn(input.pool);
  if (!arn) throw NO_ATTRIBUTES(input.clientId);
  const out = await invokeTrigger(deps, {
    poolId: input.pool.id, trigger: "UserMigration", arn, event: userMigrationEvent(input, deps.config.region),
  });
  return readAnswer(out, input);
}

function readAnswer(out: unknown, input: MigrationInput): MigrationAnswer {
  const response = out !== null && typeof out === "object" && !Array.isArray(out) ? (out as { response?: unknown }).response : undefined;
  if (response === null || typeof response !== "object" || Array.isArray(response)) throw NO_ATTRIBUTES(input.clientId);
  const r = response as Record<string, unknown>;
  const given = r.userAttributes;
  if (given === null || typeof given !== "object" || Array.isArray(given) || !Object.keys(given).length) throw NO_ATTRIBUTES(input.clientId);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "object") throw migrationRefused(`attribute ${name} must be a string`);
    attributes[name] = String(value);
  }
  const status = r.finalUserStatus ?? "CONFIRMED";
  if (status !== "CONFIRMED" && status !== "RESET_REQUIRED") throw migrationRefused("Invalid finalUserStatus");
  const action = r.messageAction ?? undefined;
  if (action !== undefined && action !== "SUPPRESS") throw migrationRefused("Invalid messageAction");
  const mediums = r.desiredDeliveryMediums ?? ["SMS"];
  if (!Array.isArray(mediums) || mediums.some((m) => m !== "EMAIL" && m !== "SMS")) throw migrationRefused("Invalid desiredDeliveryMediums");
  const force = r.forceAliasCreation ?? false;
  if (typeof force !== "boolean" && force !== "true" && force !== "false") throw migrationRefused("Invalid forceAliasCreation");
  return {
    attributes, finalUserStatus: status, messageAction: action, desiredDeliveryMediums: mediums as ("EMAIL" | "SMS")[],
    forceAliasCreation: force === true || force === "true",
  };
}
