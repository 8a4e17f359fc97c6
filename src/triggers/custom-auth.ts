/**
 * The three custom-authentication triggers (DG: user-pool-lambda-challenge and its three pages): DefineAuthChallenge
 * (which challenge next, or tokens, or failure), CreateAuthChallenge (the challenge's public and private parameters)
 * and VerifyAuthChallengeResponse (is the answer right). This module builds their events and reads their answers; the
 * sign-in logic that strings them together is `src/domain/custom-auth.ts`.
 */
import { InvalidLambdaResponseException, InvalidParameterException } from "../generated/cognito-idp.js";
import type { PoolRecord, UserStatus } from "../store/types.js";
import { commonEvent, invokeTrigger, type TriggerDeps } from "./invoke.js";

/** One entry of the `session` list the define and create triggers see. */
export interface ChallengeResult {
  challengeName: string;
  challengeResult: boolean;
  challengeMetadata: string | null;
}

/** Who is signing in, as the events show them. */
export interface ChallengeUser {
  /** The username (the name typed when no user has it). */
  username: string;
  sub?: string;
  status?: UserStatus;
  attributes: Record<string, string>;
  /** PreventUserExistenceErrors=ENABLED and no such user. */
  userNotFound: boolean;
}

export interface ChallengeCall {
  pool: PoolRecord;
  clientId: string;
  user: ChallengeUser;
  clientMetadata?: Record<string, string>;
  /** Whether the client hides unknown users (the events then carry `userNotFound`). */
  preventUserExistenceErrors: boolean;
}

type Lambda = "DefineAuthChallenge" | "CreateAuthChallenge" | "VerifyAuthChallengeResponse";

export const challengeArn = (pool: PoolRecord, trigger: Lambda): string | undefined =>
  (pool.doc.LambdaConfig as Partial<Record<Lambda, string>> | undefined)?.[trigger] || undefined;

/** Cognito's answer to CUSTOM_AUTH (or a custom challenge) in a pool without the trigger it needs. */
export const NOT_CONFIGURED = "Custom auth lambda trigger is not configured for the user pool.";

function userAttributes(user: ChallengeUser): Record<string, string> {
  if (user.userNotFound) return {};
  const out: Record<string, string> = { sub: user.sub ?? "", ...user.attributes };
  if (user.status) out["cognito:user_status"] = user.status;
  return out;
}

/** The common parameters and the request every challenge trigger gets. */
function event(call: ChallengeCall, triggerSource: string, region: string, request: Record<string, unknown>, response: Record<string, unknown>) {
  return {
    ...commonEvent(call.pool.id, region, triggerSource, call.user.username, call.clientId),
    request: {
      userAttributes: userAttributes(call.user),
      ...request,
      clientMetadata: call.clientMetadata ?? {},
      ...(call.preventUserExistenceErrors ? { userNotFound: call.user.userNotFound } : {}),
    },
    response,
  };
}

export const defineEvent = (call: ChallengeCall, session: ChallengeResult[], region: string) =>
  event(call, "DefineAuthChallenge_Authentication", region, { session }, { challengeName: null, issueTokens: null, failAuthentication: null });

export const createEvent = (call: ChallengeCall, challengeName: string, session: ChallengeResult[], region: string) =>
  event(call, "CreateAuthChallenge_Authentication", region, { challengeName, session },
    { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null });

export const verifyEvent = (call: ChallengeCall, privateChallengeParameters: Record<string, string>, challengeAnswer: string, region: string) =>
  event(call, "VerifyAuthChallengeResponse_Authentication", region, { privateChallengeParameters, challengeAnswer }, { answerCorrect: null });

const invalid = (trigger: Lambda, reason: string) => new InvalidLambdaResponseException(`Invalid ${trigger} lambda response: ${reason}.`);

/** The `response` object of a trigger's answer. */
function responseOf(trigger: Lambda, out: unknown): Record<string, unknown> {
  if (out === null || typeof out !== "object" || Array.isArray(out)) throw invalid(trigger, "the function must return the event object");
  const r = (out as { response?: unknown }).response;
  if (r === null || typeof r !== "object" || Array.isArray(r)) throw invalid(trigger, "response must be an object");
  return r as Record<string, unknown>;
}

function bool(trigger: Lambda, r: Record<string, unknown>, key: string): boolean {
  const v = r[key];
  if (v === null || v === undefined) return false;
  if (typeof v !== "boolean") throw invalid(trigger, `response.${key} must be a boolean`);
  return v;
}

function stringMap(trigger: Lambda, r: Record<string, unknown>, key: string): Record<string, string> {
  const v = r[key];
  if (v === null || v === undefined) return {};
  if (typeof v !== "object" || Array.isArray(v)) throw invalid(trigger, `response.${key} must be a map of strings`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === null || x === undefined) continue;
    if (typeof x === "object") throw invalid(trigger, `response.${key}.${k} must be a string`);
    out[k] = String(x);
  }
  return out;
}

async function call(deps: TriggerDeps, pool: PoolRecord, trigger: Lambda, ev: unknown): Promise<Record<string, unknown>> {
  const arn = challengeArn(pool, trigger);
  if (!arn) throw new InvalidParameterException(NOT_CONFIGURED);
  return responseOf(trigger, await invokeTrigger(deps, { poolId: pool.id, trigger, arn, event: ev }));
}

export interface DefineAnswer { challengeName: string | null; issueTokens: boolean; failAuthentication: boolean }

export async function runDefineAuthChallenge(deps: TriggerDeps, c: ChallengeCall, session: ChallengeResult[]): Promise<DefineAnswer> {
  const r = await call(deps, c.pool, "DefineAuthChallenge", defineEvent(c, session, deps.config.region));
  const name = r.challengeName ?? null;
  if (name !== null && typeof name !== "string") throw invalid("DefineAuthChallenge", "response.challengeName must be a string");
  return {
    challengeName: name || null,
    issueTokens: bool("DefineAuthChallenge", r, "issueTokens"),
    failAuthentication: bool("DefineAuthChallenge", r, "failAuthentication"),
  };
}

export interface CreateAnswer {
  publicChallengeParameters: Record<string, string>;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata: string | null;
}

export async function runCreateAuthChallenge(deps: TriggerDeps, c: ChallengeCall, challengeName: string, session: ChallengeResult[]): Promise<CreateAnswer> {
  const r = await call(deps, c.pool, "CreateAuthChallenge", createEvent(c, challengeName, session, deps.config.region));
  const meta = r.challengeMetadata ?? null;
  if (meta !== null && typeof meta !== "string") throw invalid("CreateAuthChallenge", "response.challengeMetadata must be a string");
  return {
    publicChallengeParameters: stringMap("CreateAuthChallenge", r, "publicChallengeParameters"),
    privateChallengeParameters: stringMap("CreateAuthChallenge", r, "privateChallengeParameters"),
    challengeMetadata: meta,
  };
}

export async function runVerifyAuthChallengeResponse(deps: TriggerDeps, c: ChallengeCall, privateChallengeParameters: Record<string, string>,
  answer: string): Promise<boolean> {
  const r = await call(deps, c.pool, "VerifyAuthChallengeResponse", verifyEvent(c, privateChallengeParameters, answer, deps.config.region));
  return bool("VerifyAuthChallengeResponse", r, "answerCorrect");
}
