/**
 * The CustomMessage Lambda trigger, served by an HTTP endpoint: a pool's `LambdaConfig.CustomMessage` ARN is
 * mapped by configuration (`--trigger <arn>=<url>`) to a URL that receives Cognito's event JSON and answers with
 * the event, its `response` filled in. It runs before the operation's transaction and never sees the code: the
 * texts it returns carry the `{####}` placeholder, substituted afterwards.
 */
import { InvalidLambdaResponseException } from "../generated/cognito-idp.js";
import type { PoolRecord, UserStatus } from "../store/types.js";
import { commonEvent, invokeTrigger, type TriggerDeps } from "./invoke.js";
import { DEFAULT_LINK_MESSAGE, LINK_PLACEHOLDER, type CustomTexts } from "../messages/templates.js";

export type CustomMessageSource =
  | "CustomMessage_SignUp" | "CustomMessage_ResendCode" | "CustomMessage_ForgotPassword" | "CustomMessage_AdminCreateUser"
  | "CustomMessage_UpdateUserAttribute" | "CustomMessage_VerifyUserAttribute";

export const CODE_PARAMETER = "{####}";
const EMAIL_MAX = 20_000;
const SMS_MAX = 140;
const SUBJECT_MAX = 140;

export interface CustomMessageInput {
  pool: PoolRecord;
  source: CustomMessageSource;
  username: string;
  sub: string;
  status: UserStatus;
  attributes: Record<string, string>;
  clientId: string;
  clientMetadata?: Record<string, string>;
  /** The medium the code goes to: only that medium's returned message is used and checked. */
  medium: "EMAIL" | "SMS";
  /** CONFIRM_WITH_LINK: the email message may carry a `{##link##}` instead of `{####}`. */
  linkMode: boolean;
}

export type CustomMessageDeps = TriggerDeps;

export const customMessageArn = (pool: PoolRecord): string | undefined =>
  (pool.doc.LambdaConfig as { CustomMessage?: string } | undefined)?.CustomMessage || undefined;

/** The event exactly as Cognito builds it (DG: user-pool-lambda-custom-message, common trigger parameters). */
export function customMessageEvent(input: CustomMessageInput, region: string) {
  const userAttributes: Record<string, string> = { sub: input.sub, ...input.attributes };
  for (const a of ["email", "phone_number"]) {
    if (userAttributes[a] !== undefined && userAttributes[`${a}_verified`] === undefined) userAttributes[`${a}_verified`] = "false";
  }
  userAttributes["cognito:user_status"] = input.status;
  return {
    ...commonEvent(input.pool.id, region, input.source, input.username, input.clientId),
    request: {
      userAttributes,
      codeParameter: CODE_PARAMETER,
      // The verification link's placeholder where the message carries one (CONFIRM_WITH_LINK email), else null.
      linkParameter: input.linkMode && input.medium === "EMAIL" ? linkPlaceholder(input.pool) : null,
      // Only AdminCreateUser's invitation names the username placeholder.
      usernameParameter: input.source === "CustomMessage_AdminCreateUser" ? "{username}" : null,
      clientMetadata: input.clientMetadata ?? {},
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

/** The pool's `{##link text##}` placeholder: the one in its EmailMessageByLink, or the default's. */
function linkPlaceholder(pool: PoolRecord): string {
  const byLink = (pool.doc.VerificationMessageTemplate as { EmailMessageByLink?: string } | undefined)?.EmailMessageByLink;
  return LINK_PLACEHOLDER.exec(byLink ?? DEFAULT_LINK_MESSAGE)?.[0] ?? "{##Verify Email##}";
}

const invalid = (reason: string) => new InvalidLambdaResponseException(`Invalid CustomMessage lambda response: ${reason}.`);

/**
 * Calls the pool's CustomMessage trigger, if it has one, and returns the texts to use instead of the pool's
 * templates. Throws what `invokeTrigger` throws, or InvalidLambdaResponseException (a returned text of the wrong
 * type, too long, or without the code).
 */
export async function runCustomMessage(deps: CustomMessageDeps, input: CustomMessageInput): Promise<CustomTexts | undefined> {
  const arn = customMessageArn(input.pool);
  if (!arn) return undefined;
  const out = await invokeTrigger(deps, {
    poolId: input.pool.id, trigger: "CustomMessage", arn, event: customMessageEvent(input, deps.config.region),
  });
  return checkResponse(out, input);
}

function checkResponse(out: unknown, input: CustomMessageInput): CustomTexts {
  if (out === null || typeof out !== "object" || Array.isArray(out)) throw invalid("the function must return the event object");
  const response = (out as { response?: unknown }).response ?? {};
  if (response === null || typeof response !== "object" || Array.isArray(response)) throw invalid("response must be an object");
  const r = response as Record<string, unknown>;
  const texts: CustomTexts = {};
  for (const key of ["smsMessage", "emailMessage", "emailSubject"] as const) {
    const v = r[key];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") throw invalid(`response.${key} must be a string or null`);
    texts[key] = v;
  }
  const hasCode = (s: string, link: boolean) => s.includes(CODE_PARAMETER) || (link && LINK_PLACEHOLDER.test(s));
  if (input.medium === "SMS" && texts.smsMessage !== undefined) {
    if (!hasCode(texts.smsMessage, false)) throw invalid(`response.smsMessage must contain the code parameter ${CODE_PARAMETER}`);
    if ([...texts.smsMessage].length > SMS_MAX) throw invalid(`response.smsMessage must be at most ${SMS_MAX} characters`);
  }
  if (input.medium === "EMAIL" && texts.emailMessage !== undefined) {
    const what = input.linkMode ? `the code parameter ${CODE_PARAMETER} or a {##link##}` : `the code parameter ${CODE_PARAMETER}`;
    if (!hasCode(texts.emailMessage, input.linkMode)) throw invalid(`response.emailMessage must contain ${what}`);
    if ([...texts.emailMessage].length > EMAIL_MAX) throw invalid(`response.emailMessage must be at most ${EMAIL_MAX} characters`);
  }
  if (input.medium === "EMAIL" && texts.emailSubject !== undefined && [...texts.emailSubject].length > SUBJECT_MAX) {
    throw invalid(`response.emailSubject must be at most ${SUBJECT_MAX} characters`);
  }
  return texts;
}
