/**
 * AdminCreateUser (IAM): a user in FORCE_CHANGE_PASSWORD with a temporary password (given, or generated from the
 * pool's password policy), valid TemporaryPasswordValidityDays; the invitation goes through the outbox in the same
 * transaction (InviteMessageTemplate or Cognito's default texts) to each of DesiredDeliveryMediums (default SMS) the
 * user has an address for. MessageAction RESEND sends a new temporary password to an existing FORCE_CHANGE_PASSWORD
 * user; SUPPRESS sends nothing. A CustomMessage trigger (CustomMessage_AdminCreateUser, called before the
 * transaction, once per medium) may replace the texts. Required schema attributes may be left out: NEW_PASSWORD_REQUIRED asks for them. ForceAliasCreation moves a verified alias from the user who holds it.
 */
import {
  InvalidParameterException, UnsupportedUserStateException, UserNotFoundException, UsernameExistsException,
  type AdminCreateUserRequest, type AdminCreateUserResponse,
} from "../generated/cognito-idp.js";
import { readAttributes } from "../domain/attributes.js";
import { timeOrderedId } from "../domain/ids.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { checkPasswordPolicy } from "../domain/passwords.js";
import { claimAddresses } from "../domain/claim-addresses.js";
import { keyOf, newUsername, passwordPolicy, schemaNames } from "../domain/pool.js";
import { generateTemporaryPassword, passwordWrite, temporaryPasswordExpiry, writePassword } from "../domain/set-password.js";
import { composeInvitation, INVITATION } from "../messages/invitation.js";
import type { CustomTexts } from "../messages/templates.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import { NO_CLIENT } from "../triggers/invoke.js";
import { applyAutoVerify, runPreSignUp, triggerArn } from "../triggers/lifecycle.js";
import type { OutboxMessage, PoolRecord, Repos, UserRecord } from "../store/types.js";
import type { Deps, Handler } from "./deps.js";
import { userView } from "./views.js";

type Medium = "EMAIL" | "SMS";

export default function AdminCreateUser(deps: Pick<Deps, "store" | "clock" | "random" | "withOutbox" | "config" | "log">): Handler<AdminCreateUserRequest, AdminCreateUserResponse> {
  return async function adminCreateUser(input) {
    const { store, clock, random } = deps;
    const pool = await loadPool(store, input.UserPoolId);
    const policy = passwordPolicy(pool.doc);
    if (input.TemporaryPassword !== undefined) checkPasswordPolicy(input.TemporaryPassword, policy);
    const temporary = input.TemporaryPassword ?? generateTemporaryPassword(policy, random);
    const mediums: Medium[] = (input.DesiredDeliveryMediums as Medium[] | undefined) ?? ["SMS"];
    const now = clock.now();

    if (input.MessageAction === "RESEND") {
      const user = await resolveUser(store, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      if (user.status !== "FORCE_CHANGE_PASSWORD") throw new UnsupportedUserStateException(`Resend not possible. ${user.username} status is ${user.status}.`);
      const w = await passwordWrite(pool.id, user.username, temporary, random, deps.config.passwordHashCost);
      const custom = await triggerTexts(deps, pool, user, mediums, input.ClientMetadata);
      await deps.withOutbox(async (tx, out) => {
        await writePassword(tx, user, w, now, { status: "FORCE_CHANGE_PASSWORD", expiresAt: temporaryPasswordExpiry(pool.doc, now) });
        for (const m of invitations(pool, user, mediums, temporary, now, random, custom)) await out.enqueue(m);
      });
      return { User: userView(user) };
    }

    const attributes = readAttributes(input.UserAttributes, schemaNames(pool.doc));
    const sub = random.uuid();
    const username = newUsername(pool.doc, input.Username, attributes, sub);
    // Required attributes may be missing: the user supplies them in the NEW_PASSWORD_REQUIRED answer (requiredAttributes).
    const w = await passwordWrite(pool.id, username, temporary, random, deps.config.passwordHashCost);
    const user: UserRecord = {
      poolId: pool.id, usernameKey: keyOf(pool.doc, username), username, sub, status: "FORCE_CHANGE_PASSWORD", enabled: true,
      passwordHash: w.passwordHash, attributes, emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null,
      phone: attributes.phone_number ?? null, createdAt: now, updatedAt: now,
    };
    // PreSignUp_AdminCreateUser may refuse the user or verify their addresses (the user stays FORCE_CHANGE_PASSWORD).
    if (triggerArn(pool, "PreSignUp")) {
      if (await store.getUser(pool.id, user.usernameKey)) throw new UsernameExistsException("User account already exists");
      const pre = await runPreSignUp(deps, {
        pool, source: "PreSignUp_AdminCreateUser", username, attributes, clientId: NO_CLIENT,
        validationData: input.ValidationData && Object.fromEntries(input.ValidationData.map((a) => [a.Name ?? "", a.Value ?? ""])),
        clientMetadata: input.ClientMetadata,
      });
      user.attributes = applyAutoVerify(attributes, pre);
    }
    // The CustomMessage trigger is an HTTP call: made before the transaction, and never for a user that is refused.
    const suppress = input.MessageAction === "SUPPRESS";
    if (!suppress && customMessageArn(pool) && (await store.getUser(pool.id, user.usernameKey))) throw new UsernameExistsException("User account already exists");
    const custom = suppress ? {} : await triggerTexts(deps, pool, user, mediums, input.ClientMetadata);
    await deps.withOutbox(async (tx, out) => {
      await claimAddresses(tx, pool, user, input.ForceAliasCreation === true, now);
      if (!(await tx.insertUser(user))) throw new UsernameExistsException("User account already exists");
      await writePassword(tx, user, w, now, { status: "FORCE_CHANGE_PASSWORD", expiresAt: temporaryPasswordExpiry(pool.doc, now) });
      if (!suppress) for (const m of invitations(pool, user, mediums, temporary, now, random, custom)) await out.enqueue(m);
    });
    return { User: userView(user) };
  };
}

/** The address an invitation by `medium` goes to, if the user has one. */
const addressFor = (user: UserRecord, medium: Medium) => (medium === "EMAIL" ? user.attributes.email : user.attributes.phone_number);

/** The pool's CustomMessage trigger (CustomMessage_AdminCreateUser), called once per medium that will be sent. */
async function triggerTexts(deps: Pick<Deps, "config" | "log">, pool: PoolRecord, user: UserRecord, mediums: Medium[],
  clientMetadata: Record<string, string> | undefined): Promise<Partial<Record<Medium, CustomTexts>>> {
  const out: Partial<Record<Medium, CustomTexts>> = {};
  if (!customMessageArn(pool)) return out;
  for (const medium of new Set(mediums)) {
    if (!addressFor(user, medium)) continue;
    out[medium] = await runCustomMessage(deps, {
      pool, source: "CustomMessage_AdminCreateUser", username: user.username, sub: user.sub, status: "FORCE_CHANGE_PASSWORD",
      attributes: user.attributes, clientId: "CLIENT_ID_NOT_APPLICABLE", clientMetadata, medium, linkMode: false,
    });
  }
  return out;
}

/** One invitation per requested medium the user has an address for; the temporary password rides in `code`. */
function invitations(pool: PoolRecord, user: UserRecord, mediums: Medium[], temporary: string, now: number, random: Deps["random"],
  custom: Partial<Record<Medium, CustomTexts>> = {}): OutboxMessage[] {
  const email = (pool.doc.EmailConfiguration ?? {}) as { From?: string; ReplyToEmailAddress?: string };
  return [...new Set(mediums)].flatMap((medium) => {
    const to = addressFor(user, medium);
    if (!to) return [];
    const text = composeInvitation(pool.doc, medium, user.username, temporary, custom[medium]);
    const meta = medium === "EMAIL" && (email.From || email.ReplyToEmailAddress)
      ? { ...(email.From ? { from: email.From } : {}), ...(email.ReplyToEmailAddress ? { replyTo: email.ReplyToEmailAddress } : {}) }
      : null;
    return [{
      id: timeOrderedId(now, random), poolId: pool.id, username: user.username, channel: medium, destination: to,
      subject: text.subject, body: text.body, html: text.html, code: temporary, purpose: INVITATION, meta, status: "queued" as const,
      attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null, createdAt: now, updatedAt: now,
      // Worth retrying for as long as the temporary password works (TemporaryPasswordValidityDays).
      expiresAt: temporaryPasswordExpiry(pool.doc, now),
    }];
  });
}
