/**
 * The "plain" user-pool triggers, each with its event exactly as the developer guide documents it (common parameters
 * `version`, `triggerSource`, `region`, `userPoolId`, `userName`, `callerContext`, then `request` and `response`) and
 * its response honoured:
 * - PreSignUp (`PreSignUp_SignUp`, `PreSignUp_AdminCreateUser`): autoConfirmUser, autoVerifyEmail, autoVerifyPhone;
 * - PostConfirmation (`PostConfirmation_ConfirmSignUp`, `PostConfirmation_ConfirmForgotPassword`);
 * - PreAuthentication and PostAuthentication (`PreAuthentication_Authentication`, `PostAuthentication_Authentication`);
 * - PreTokenGeneration V1 (`claimsOverrideDetails`) and V2 (`claimsAndScopeOverrideDetails`), every `TokenGeneration_*`
 *   source, applied by the token service.
 * Every call goes through `invokeTrigger` (the transports, Cognito's timeout, retries and errors).
 */
import { InvalidLambdaResponseException } from "../generated/cognito-idp.js";
import type { PoolRecord, UserRecord } from "../store/types.js";
import { commonEvent, invokeTrigger, type TriggerDeps } from "./invoke.js";

const lambdaConfig = (pool: PoolRecord) => (pool.doc.LambdaConfig ?? {}) as Record<string, unknown>;

/** The ARN of one of the pool's plain triggers (a `LambdaConfig` member that is an ARN string). */
export function triggerArn(pool: PoolRecord, trigger: "PreSignUp" | "PostConfirmation" | "PreAuthentication" | "PostAuthentication"): string | undefined {
  const v = lambdaConfig(pool)[trigger];
  return typeof v === "string" && v ? v : undefined;
}

/** Cognito's answer to a function output it cannot read. */
export const unrecognizable = () => new InvalidLambdaResponseException("Unrecognizable lambda output");

/** A stored user's attributes as triggers see them: `sub`, the attributes, and `cognito:user_status`. */
export function eventAttributes(user: Pick<UserRecord, "sub" | "attributes" | "status">): Record<string, string> {
  return { sub: user.sub, ...user.attributes, "cognito:user_status": user.status };
}

/** The function's answer must be the event object (with its `response`): its response, or InvalidLambdaResponseException. */
function responseOf(out: unknown): Record<string, unknown> {
  if (out === null || typeof out !== "object" || Array.isArray(out)) throw unrecognizable();
  const r = (out as { response?: unknown }).response;
  if (r === undefined || r === null) return {};
  if (typeof r !== "object" || Array.isArray(r)) throw unrecognizable();
  return r as Record<string, unknown>;
}

const flag = (r: Record<string, unknown>, key: string): boolean => {
  const v = r[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== "boolean") throw unrecognizable();
  return v;
};

// ---- PreSignUp

export interface PreSignUpInput {
  pool: PoolRecord;
  source: "PreSignUp_SignUp" | "PreSignUp_AdminCreateUser";
  username: string;
  /** The attributes given (the user does not exist yet: no `sub`). */
  attributes: Record<string, string>;
  clientId: string;
  validationData?: Record<string, string>;
  clientMetadata?: Record<string, string>;
}

export interface PreSignUpAnswer { autoConfirmUser: boolean; autoVerifyEmail: boolean; autoVerifyPhone: boolean }

export function preSignUpEvent(input: PreSignUpInput, region: string) {
  return {
    ...commonEvent(input.pool.id, region, input.source, input.username, input.clientId),
    request: {
      userAttributes: { ...input.attributes },
      validationData: input.validationData ?? null,
      clientMetadata: input.clientMetadata ?? {},
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

/** Runs the pool's PreSignUp trigger, if any: what it asks (nothing when there is none). Throws what it throws. */
export async function runPreSignUp(deps: TriggerDeps, input: PreSignUpInput): Promise<PreSignUpAnswer> {
  const none = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
  const arn = triggerArn(input.pool, "PreSignUp");
  if (!arn) return none;
  const out = await invokeTrigger(deps, { poolId: input.pool.id, trigger: "PreSignUp", arn, event: preSignUpEvent(input, deps.config.region) });
  const r = responseOf(out);
  return { autoConfirmUser: flag(r, "autoConfirmUser"), autoVerifyEmail: flag(r, "autoVerifyEmail"), autoVerifyPhone: flag(r, "autoVerifyPhone") };
}

/** The attributes with what PreSignUp asked verified (an attribute the user does not have stays absent). */
export function applyAutoVerify(attributes: Record<string, string>, answer: PreSignUpAnswer): Record<string, string> {
  const out = { ...attributes };
  if (answer.autoVerifyEmail && out.email) out.email_verified = "true";
  if (answer.autoVerifyPhone && out.phone_number) out.phone_number_verified = "true";
  return out;
}

// ---- PostConfirmation

export interface PostConfirmationInput {
  pool: PoolRecord;
  source: "PostConfirmation_ConfirmSignUp" | "PostConfirmation_ConfirmForgotPassword";
  user: Pick<UserRecord, "username" | "sub" | "attributes" | "status">;
  clientId: string;
  clientMetadata?: Record<string, string>;
}

export function postConfirmationEvent(input: PostConfirmationInput, region: string) {
  return {
    ...commonEvent(input.pool.id, region, input.source, input.user.username, input.clientId),
    request: { userAttributes: eventAttributes(input.user), clientMetadata: input.clientMetadata ?? {} },
    response: {},
  };
}

/** Runs the pool's PostConfirmation trigger, if any (its answer carries nothing; a failure is the operation's error). */
export async function runPostConfirmation(deps: TriggerDeps, input: PostConfirmationInput): Promise<void> {
  const arn = triggerArn(input.pool, "PostConfirmation");
  if (!arn) return;
  responseOf(await invokeTrigger(deps, { poolId: input.pool.id, trigger: "PostConfirmation", arn, event: postConfirmationEvent(input, deps.config.region) }));
}

// ---- PreAuthentication, PostAuthentication

export interface AuthenticationInput {
  pool: PoolRecord;
  /** The user; for PreAuthentication under PreventUserExistenceErrors, the name given for a user that does not exist. */
  user: Pick<UserRecord, "username" | "sub" | "attributes" | "status"> | { username: string; notFound: true };
  clientId: string;
  /** InitiateAuth's ClientMetadata: PreAuthentication's `validationData`, PostAuthentication's `clientMetadata`. */
  clientMetadata?: Record<string, string>;
}

export function preAuthenticationEvent(input: AuthenticationInput, region: string) {
  return {
    ...commonEvent(input.pool.id, region, "PreAuthentication_Authentication", input.user.username, input.clientId),
    // userNotFound: a name that is no user's, with a client that has PreventUserExistenceErrors (else no call at all).
    request: "notFound" in input.user
      ? { userAttributes: {}, validationData: input.clientMetadata ?? {}, userNotFound: true }
      : { userAttributes: eventAttributes(input.user), validationData: input.clientMetadata ?? {}, userNotFound: false },
    response: {},
  };
}

export function postAuthenticationEvent(input: AuthenticationInput, region: string) {
  return {
    ...commonEvent(input.pool.id, region, "PostAuthentication_Authentication", input.user.username, input.clientId),
    request: { userAttributes: "notFound" in input.user ? {} : eventAttributes(input.user), newDeviceUsed: false, clientMetadata: input.clientMetadata ?? {} },
    response: {},
  };
}

/**
 * Before the password (or SRP proof) is checked: for a known user, and under PreventUserExistenceErrors for a name that
 * is no user's (`userNotFound: true`, as Cognito sends it). A failure refuses the sign-in.
 */
export async function runPreAuthentication(deps: TriggerDeps, input: AuthenticationInput): Promise<void> {
  const arn = triggerArn(input.pool, "PreAuthentication");
  if (!arn) return;
  responseOf(await invokeTrigger(deps, { poolId: input.pool.id, trigger: "PreAuthentication", arn, event: preAuthenticationEvent(input, deps.config.region) }));
}

/** After a sign-in succeeded, before its tokens are issued: a failure refuses the sign-in. */
export async function runPostAuthentication(deps: TriggerDeps, input: AuthenticationInput): Promise<void> {
  const arn = triggerArn(input.pool, "PostAuthentication");
  if (!arn) return;
  responseOf(await invokeTrigger(deps, { poolId: input.pool.id, trigger: "PostAuthentication", arn, event: postAuthenticationEvent(input, deps.config.region) }));
}
