/**
 * The one update path of UpdateUserAttributes and AdminUpdateUserAttributes: plan (attribute-changes.ts), the
 * CustomMessage_UpdateUserAttribute trigger before the transaction, then in one outbox transaction the alias checks,
 * the new attributes, the pending values and a code (UPDATE_ATTRIBUTE) to each changed, auto-verified email or phone.
 */
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { UserNotFoundException, type AttributeType, type CodeDeliveryDetailsType } from "../generated/cognito-idp.js";
import type { CustomTexts } from "../messages/templates.js";
import { runCustomMessage } from "../triggers/custom-message.js";
import type { PoolRecord, UserRecord } from "../store/types.js";
import { CONTACTS, planUpdate, refuseTakenAlias, withAttributes, type Writer } from "./attribute-changes.js";
import type { Clock, Random } from "./clock.js";
import { issueCode, targetFor } from "./confirmation.js";
import type { WithOutbox } from "./outbox.js";

export interface UpdateDeps {
  clock: Clock;
  random: Random;
  codeKey: Buffer;
  config: Readonly<Config>;
  log: Logger;
  withOutbox: WithOutbox;
}

export async function updateAttributes(
  deps: UpdateDeps, pool: PoolRecord, found: UserRecord, list: AttributeType[], who: Writer,
  trigger: { clientId: string; clientMetadata?: Record<string, string> },
): Promise<CodeDeliveryDetailsType[]> {
  // The trigger is an HTTP call: made before the transaction, once per medium a code will go to.
  const custom: Partial<Record<"EMAIL" | "SMS", CustomTexts | undefined>> = {};
  for (const s of planUpdate(pool, found, list, who).send) {
    const medium = targetFor(s.attribute, s.to).medium;
    const pending = { ...found.attributes, [s.attribute]: s.to };
    custom[medium] = await runCustomMessage(deps, {
      pool, source: "CustomMessage_UpdateUserAttribute", username: found.username, sub: found.sub, status: found.status,
      attributes: pending, clientId: trigger.clientId, clientMetadata: trigger.clientMetadata, medium, linkMode: false,
    });
  }
  return deps.withOutbox(async (tx, out) => {
    const user = await tx.getUser(pool.id, found.usernameKey);
    if (!user) throw new UserNotFoundException("User does not exist.");
    const plan = planUpdate(pool, user, list, who);
    for (const name of [...CONTACTS, "preferred_username"]) {
      const value = plan.attributes[name];
      const nowVerified = plan.attributes[`${name}_verified`] === "true" && user.attributes[`${name}_verified`] !== "true";
      if (value !== undefined && (value !== user.attributes[name] || nowVerified)) {
        await refuseTakenAlias(tx, pool, user, name, value, plan.attributes[`${name}_verified`] === "true");
      }
    }
    const now = deps.clock.now();
    const next = withAttributes(pool, user, plan.attributes, now);
    await tx.updateUser(next);
    for (const c of CONTACTS) {
      if (plan.pending[c] !== undefined) await tx.putPendingAttribute(pool.id, user.usernameKey, c, plan.pending[c]!, now);
      // A value the request sets directly (or sets back to the one in force) replaces any value that was waiting.
      else if (list.some((a) => a.Name === c)) await tx.deletePendingAttribute(pool.id, user.usernameKey, c);
    }
    const details: CodeDeliveryDetailsType[] = [];
    for (const s of plan.send) {
      const target = targetFor(s.attribute, s.to);
      details.push(await issueCode(tx, out, deps, pool, next, target, "UPDATE_ATTRIBUTE", { custom: custom[target.medium] }));
    }
    return details;
  });
}
