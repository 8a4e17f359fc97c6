/**
 * PreventUserExistenceErrors=ENABLED: answers for users that do not exist look like answers for users that do,
 * and cost the same work (docs/security.md). The simulated destination is derived from the server secret, so the
 * same name always gets the same answer.
 *
 * A simulated user's code and counters live under `simulatedUserKey`: a leading space, which no username can
 * contain (UsernameType is `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`), then an HMAC of the name, so it can never
 * collide with a real user and never stores what was typed. Its message goes to the `outbox_decoy` table
 * (never delivered, never read) instead of the outbox.
 */
import { createHash, createHmac } from "node:crypto";
import { LimitExceededException, type CodeDeliveryDetailsType } from "../generated/cognito-idp.js";
import type { PoolRecord, Repos, Store, UserRecord } from "../store/types.js";
import { codeHmac, sameHmac } from "./codes.js";
import { isEmail, isPhone } from "./attributes.js";
import { composeCode, issueCode, limitOf, type IssueDeps, type MessageOptions, type MessagePurpose, type Target } from "./confirmation.js";
import { countAttempt, HOUR_MS, LIMIT_MESSAGE } from "./limits.js";
import { maskEmail, maskPhone } from "./mask.js";
import type { OutboxWriter, WithOutbox } from "./outbox.js";
import { autoVerified } from "./pool.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Where a simulated code "goes", and what the response says about it. `media`: where a real code of this kind could
 * go (the auto-verified attributes for a sign-up code, the recovery order for a password reset).
 */
function simulatedTarget(codeKey: Buffer, name: string, media: string[]): { target: Target; details: CodeDeliveryDetailsType } {
  if (media.includes("phone_number") && (isPhone(name) || !media.includes("email"))) {
    const digits = isPhone(name) ? name : "+1" + String(createHmac("sha256", codeKey).update(name).digest().readUInt32BE(0)).padStart(10, "5").slice(0, 10);
    return {
      target: { medium: "SMS", attribute: "phone_number", to: digits },
      details: { Destination: maskPhone(digits), DeliveryMedium: "SMS", AttributeName: "phone_number" },
    };
  }
  if (isEmail(name)) {
    return { target: { medium: "EMAIL", attribute: "email", to: name }, details: { Destination: maskEmail(name), DeliveryMedium: "EMAIL", AttributeName: "email" } };
  }
  const h = createHmac("sha256", codeKey).update(name).digest();
  const first = [...name][0]?.toLowerCase() ?? LETTERS[h[0] % 26];
  const domain = LETTERS[h[1] % 26];
  return {
    target: { medium: "EMAIL", attribute: "email", to: `${first}@${domain}.invalid` },
    details: { Destination: `${first}***@${domain}***`, DeliveryMedium: "EMAIL", AttributeName: "email" },
  };
}

/** The key a name that is no user's keeps its simulated code and counters under (see the module comment). */
export function simulatedUserKey(codeKey: Buffer, poolId: string, name: string): string {
  return " simulated " + createHmac("sha256", codeKey).update(`${poolId}\u0000${name}`).digest("base64url").slice(0, 32);
}

/** The decoy-table slot (0-255) a simulated user's message replaces. */
const decoySlot = (key: string) => createHash("sha256").update(key).digest()[0];

/** The user a simulated delivery writes for: under its simulated key, with the simulated address as its attribute. */
function simulatedRecipient(deps: IssueDeps, pool: PoolRecord, name: string, media: string[]) {
  const { target, details } = simulatedTarget(deps.codeKey, name, media);
  const key = simulatedUserKey(deps.codeKey, pool.id, name);
  const now = deps.clock.now();
  const user: UserRecord = {
    poolId: pool.id, usernameKey: key, username: name, sub: "", status: "UNCONFIRMED", enabled: true, passwordHash: null,
    attributes: { [target.attribute]: target.to }, emailKey: null, phone: null, createdAt: now, updatedAt: now,
  };
  return { target, details, user, key };
}

/**
 * A code-sending operation (ResendConfirmationCode, ForgotPassword) for a name that is no enabled user's: the
 * purpose's per-user limit, a generated code, its HMAC written to the codes table and the composed message written
 * (to the decoy table, through the same outbox writer, which hands the decoy to the worker as it would a message) —
 * exactly the code path of a real delivery (`issueCode`) — then the answer a real delivery would give.
 */
export async function simulateDelivery(
  tx: Repos, out: OutboxWriter, deps: IssueDeps, pool: PoolRecord, name: string, purpose: MessagePurpose, media: string[],
  opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  const { target, details, user, key } = simulatedRecipient(deps, pool, name, media);
  // Every message issueCode writes goes to the decoy table: none can be sent.
  const slot = decoySlot(key);
  const decoys: OutboxWriter = { enqueue: (m) => out.enqueueDecoy(slot, m), enqueueDecoy: out.enqueueDecoy };
  await issueCode(tx, decoys, deps, pool, user, target, purpose, opts);
  return details;
}

/**
 * `simulateDelivery` the way `issueCodeAtOnce` issues a real code: composed the same way and written in one store
 * call (`WithOutbox.issue`, one round trip on PostgreSQL), the message into the decoy table.
 */
export async function simulateDeliveryAtOnce(
  issue: WithOutbox["issue"], deps: IssueDeps, pool: PoolRecord, name: string, purpose: MessagePurpose, media: string[],
  opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  const d = composeDecoy(deps, pool, name, purpose, media, opts);
  const r = await issue({ limit: limitOf(deps, purpose), code: d.code, message: d.message, decoySlot: d.slot });
  if (r === "limited") throw new LimitExceededException(LIMIT_MESSAGE);
  return d.details;
}

/**
 * What a simulated delivery to `name` writes, composed as a real one is (`composeCode`, with `code` when given): the
 * simulated code's record, the decoy message and its slot, and the answer. No write.
 */
export function composeDecoy(
  deps: IssueDeps, pool: PoolRecord, name: string, purpose: MessagePurpose, media: string[], opts: MessageOptions, code?: string,
) {
  const { target, details, user, key } = simulatedRecipient(deps, pool, name, media);
  const c = composeCode(deps, pool, user, target, purpose, opts, user.createdAt, code);
  return { code: c.code, message: c.message, slot: decoySlot(key), details };
}

/** ResendConfirmationCode for a name that is no enabled user's (see `simulateDelivery`). */
export function simulateResend(
  tx: Repos, out: OutboxWriter, deps: IssueDeps, pool: PoolRecord, name: string, opts: MessageOptions = {},
): Promise<CodeDeliveryDetailsType> {
  return simulateDelivery(tx, out, deps, pool, name, "RESEND_CODE", autoVerified(pool.doc), opts);
}

/**
 * ConfirmSignUp (or, with `kind` "confirm-forgot-password", purpose FORGOT_PASSWORD and `afterCount` hashing the new
 * password, ConfirmForgotPassword) for
 * a name that is no user's: the per-user attempt limit (LimitExceededException past it, as for a real user), then
 * the same reads and constant-time comparison as a real check. The caller then answers CodeMismatchException: a
 * simulated user's code never confirms anything.
 */
export async function simulateConfirm(
  store: Store, deps: { codeKey: Buffer; clock: { now(): number } }, pool: PoolRecord, name: string, code: string, limitPerHour: number,
  kind = "confirm", purpose: "SIGN_UP" | "FORGOT_PASSWORD" = "SIGN_UP", afterCount?: () => Promise<unknown>,
): Promise<void> {
  const key = simulatedUserKey(deps.codeKey, pool.id, name);
  await countAttempt(store, pool.id, key, kind, limitPerHour, deps.clock.now());
  // What a real check does between counting and reading (ConfirmForgotPassword: the policy check and the hash).
  await afterCount?.();
  await store.tx(async (tx) => {
    await tx.getUser(pool.id, key);
    const row = await tx.getCode(pool.id, key, purpose);
    const given = codeHmac(deps.codeKey, pool.id, key, purpose, code);
    sameHmac(row?.codeHmac ?? given, given);
  });
}

/**
 * ConfirmSignUp for a name that is no user's, the way the real check runs (ops/ConfirmSignUp.ts): the same
 * constant-time comparison, then the attempt counted in one store call (`IssueRepo.confirmWithCode`, one round trip on
 * PostgreSQL): LimitExceededException past the limit. The caller then answers CodeMismatchException.
 */
export async function simulateConfirmAtOnce(
  store: Store, deps: { codeKey: Buffer; clock: { now(): number } }, pool: PoolRecord, name: string, code: string, limitPerHour: number,
): Promise<void> {
  const key = simulatedUserKey(deps.codeKey, pool.id, name);
  const given = codeHmac(deps.codeKey, pool.id, key, "SIGN_UP", code);
  sameHmac(given, given);
  const r = await store.confirmWithCode({
    poolId: pool.id, usernameKey: key, purpose: "SIGN_UP", limit: { kind: "confirm", perHour: limitPerHour, windowMs: HOUR_MS }, now: deps.clock.now(),
  });
  if (r === "limited") throw new LimitExceededException(LIMIT_MESSAGE);
}
