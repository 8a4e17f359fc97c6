/**
 * The CustomEmailSender and CustomSMSSender triggers (DG: user-pool-lambda-custom-sender-triggers): when a pool names
 * one (`LambdaConfig.CustomEmailSender` / `CustomSMSSender`, `{LambdaVersion: "V1_0", LambdaArn}`), the function
 * delivers that medium's messages instead of userpool's channel. Cognito invokes it asynchronously, so here it is the
 * outbox worker that invokes it (after the commit, retried like any delivery).
 *
 * Cognito puts the code in `request.code` encrypted with the pool's KMS key (`LambdaConfig.KMSKeyID`). There is no KMS
 * here: userpool sends the code itself, in plain text, in `request.code` (docs/triggers.md). The event is never logged.
 */
import type { OutboxMessage, PoolRecord } from "../store/types.js";
import { commonEvent, invokeTrigger, NO_CLIENT, type TriggerDeps } from "./invoke.js";

type Sender = "CustomEmailSender" | "CustomSMSSender";

/** The pool's sender for a medium, if it has one. */
export function customSenderArn(pool: PoolRecord, medium: "EMAIL" | "SMS"): string | undefined {
  const key: Sender = medium === "EMAIL" ? "CustomEmailSender" : "CustomSMSSender";
  const cfg = (pool.doc.LambdaConfig as Record<string, { LambdaArn?: string } | undefined> | undefined)?.[key];
  return cfg?.LambdaArn || undefined;
}

/** The outbox purpose → Cognito's trigger source suffix. */
const SOURCES: Record<string, string> = {
  SIGN_UP: "SignUp", RESEND_CODE: "ResendCode", FORGOT_PASSWORD: "ForgotPassword", ADMIN_RESET: "ForgotPassword",
  UPDATE_ATTRIBUTE: "UpdateUserAttribute", VERIFY_ATTRIBUTE: "VerifyUserAttribute", INVITATION: "AdminCreateUser",
};

export function customSenderEvent(pool: PoolRecord, m: OutboxMessage, userAttributes: Record<string, string>, region: string) {
  const email = m.channel === "EMAIL";
  const meta = (m.meta ?? {}) as { clientId?: string; clientMetadata?: Record<string, string> };
  return {
    ...commonEvent(pool.id, region, `${email ? "CustomEmailSender" : "CustomSMSSender"}_${SOURCES[m.purpose] ?? m.purpose}`, m.username,
      meta.clientId ?? NO_CLIENT),
    request: {
      type: email ? "customEmailSenderRequestV1" : "customSMSSenderRequestV1",
      // Cognito: the code encrypted with the pool's KMS key; userpool: the code itself.
      code: m.code,
      clientMetadata: meta.clientMetadata ?? {},
      userAttributes,
    },
  };
}

/** Hands the message to the pool's sender (the response is ignored, as in Cognito). Throws when the call failed. */
export async function runCustomSender(deps: TriggerDeps, pool: PoolRecord, m: OutboxMessage, userAttributes: Record<string, string>): Promise<void> {
  const arn = customSenderArn(pool, m.channel)!;
  await invokeTrigger(deps, {
    poolId: pool.id, trigger: m.channel === "EMAIL" ? "CustomEmailSender" : "CustomSMSSender", arn,
    event: customSenderEvent(pool, m, userAttributes, deps.config.region),
  });
}
