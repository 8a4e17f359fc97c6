/**
 * SignUp (public): creates an UNCONFIRMED user and, when the pool auto-verifies an attribute the user has, sends
 * a confirmation code through the outbox in the same transaction.
 */
import { InvalidParameterException, NotAuthorizedException, UsernameExistsException, type SignUpRequest, type SignUpResponse } from "../generated/cognito-idp.js";
import { readAttributes } from "../domain/attributes.js";
import { deliveryTarget, issueSignUpCode } from "../domain/confirmation.js";
import { confirmsWithLink } from "../messages/templates.js";
import { customMessageArn, runCustomMessage } from "../triggers/custom-message.js";
import { applyAutoVerify, runPreSignUp, triggerArn } from "../triggers/lifecycle.js";
import { loadClient } from "../domain/lookup.js";
import { checkPasswordPolicy } from "../domain/passwords.js";
import { passwordWrite } from "../domain/set-password.js";
import { keyOf, newUsername, passwordPolicy, schemaNames, usernameAttributes } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import type { Repos, UserRecord } from "../store/types.js";
import type { Deps, Handler } from "./deps.js";

/** ValidationData (a list of attribute types) as the map triggers receive; absent stays absent. */
const attrMap = (list: { Name?: string; Value?: string }[] | undefined) =>
  list && Object.fromEntries(list.filter((a) => a.Name !== undefined).map((a) => [a.Name!, a.Value ?? ""]));

export default function SignUp(deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "withOutbox" | "config" | "log">): Handler<SignUpRequest, SignUpResponse> {
  return async function signUp(input) {
    const { store, clock, random } = deps;
    const { client, pool } = await loadClient(store, input.ClientId);
    if ((pool.doc.AdminCreateUserConfig as { AllowAdminCreateUserOnly?: boolean } | undefined)?.AllowAdminCreateUserOnly === true) throw new NotAuthorizedException("SignUp is not permitted for this user pool");
    checkSecretHash(client, input.Username, input.SecretHash);
    const attributes = readAttributes(input.UserAttributes, schemaNames(pool.doc));
    const sub = random.uuid();
    const username = newUsername(pool.doc, input.Username, attributes, sub);
    const byAttribute = usernameAttributes(pool.doc);
    for (const a of (pool.doc.SchemaAttributes as { Name: string; Required?: boolean }[]) ?? []) {
      if (a.Required && a.Name !== "sub" && !attributes[a.Name]) {
        throw new InvalidParameterException(`Attributes did not conform to the schema: ${a.Name}: The attribute ${a.Name} is required`);
      }
    }
    if (input.Password === undefined) throw new InvalidParameterException("A password is required to sign up in this user pool.");
    checkPasswordPolicy(input.Password, passwordPolicy(pool.doc));
    const { passwordHash, srpSalt, srpVerifier } = await passwordWrite(pool.id, username, input.Password, random, deps.config.passwordHashCost);

    const now = clock.now();
    const user: UserRecord = {
      poolId: pool.id, usernameKey: keyOf(pool.doc, username), username, sub, status: "UNCONFIRMED", enabled: true, passwordHash,
      attributes: { ...attributes }, emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null, phone: attributes.phone_number ?? null,
      createdAt: now, updatedAt: now,
    };
    /**
     * Refuses an address another user already signs in with (email/phone-as-username pools) and, before the
     * transaction, a taken username (inside it, the insert itself finds that).
     */
    const refuseTaken = async (r: Repos, username: boolean) => {
      if (byAttribute.includes("email") && attributes.email && (await r.findUsersByEmail(pool.id, user.emailKey!)).length) {
        throw new UsernameExistsException("An account with the given email already exists.");
      }
      if (byAttribute.includes("phone_number") && attributes.phone_number && (await r.findUsersByPhone(pool.id, user.phone!)).length) {
        throw new UsernameExistsException("An account with the given phone_number already exists.");
      }
      if (username && (await r.getUser(pool.id, user.usernameKey))) throw new UsernameExistsException("User already exists");
    };
    // PreSignUp may refuse the user, confirm them and verify their addresses (then no code is sent). Like the
    // CustomMessage trigger, it is called before the transaction, and never for a sign-up that is refused.
    if (triggerArn(pool, "PreSignUp")) await refuseTaken(store, true);
    const pre = await runPreSignUp(deps, {
      pool, source: "PreSignUp_SignUp", username, attributes, clientId: input.ClientId,
      validationData: attrMap(input.ValidationData), clientMetadata: input.ClientMetadata,
    });
    user.attributes = applyAutoVerify(attributes, pre);
    if (pre.autoConfirmUser) user.status = "CONFIRMED";
    const target = pre.autoConfirmUser ? undefined : deliveryTarget(pool, attributes);
    if (target && customMessageArn(pool)) await refuseTaken(store, true);
    const custom = target && await runCustomMessage(deps, {
      pool, source: "CustomMessage_SignUp", username, sub, status: "UNCONFIRMED", attributes, clientId: input.ClientId,
      clientMetadata: input.ClientMetadata, medium: target.medium, linkMode: confirmsWithLink(pool.doc),
    });
    const details = await deps.withOutbox(async (tx, out) => {
      await refuseTaken(tx, false);
      if (!(await tx.insertUser(user))) throw new UsernameExistsException("User already exists");
      await tx.setPasswordVerifier(pool.id, user.usernameKey, passwordHash, srpSalt, srpVerifier);
      return target
        ? issueSignUpCode(tx, out, deps, pool, user, target, "SignUp", { clientId: input.ClientId, publicUrl: deps.config.publicUrl, custom })
        : undefined;
    });
    return { UserConfirmed: pre.autoConfirmUser, UserSub: sub, ...(details ? { CodeDeliveryDetails: details } : {}) };
  };
}
