/**
 * Changing a user's attributes after sign-up (UpdateUserAttributes, AdminUpdateUserAttributes, the Delete
 * variants, VerifyUserAttribute): the pool schema's rules (known, mutable, developer-only, required), the app client's
 * write permissions, `email_verified`/`phone_number_verified`, AttributesRequireVerificationBeforeUpdate, and the
 * uniqueness of sign-in addresses and aliases.
 */
import { AliasExistsException, InvalidParameterException, UserNotFoundException, type AttributeType } from "../generated/cognito-idp.js";
import type { PoolRecord, Repos, Store, UserRecord } from "../store/types.js";
import { isEmail, isPhone } from "./attributes.js";
import { findByPreferredUsername } from "./lookup.js";
import { aliasAttributes, autoVerified, keyOf, usernameAttributes } from "./pool.js";

export type Contact = "email" | "phone_number";
export const CONTACTS: Contact[] = ["email", "phone_number"];

type SchemaAttribute = { Name: string; Mutable?: boolean; Required?: boolean; DeveloperOnlyAttribute?: boolean };
const schemaOf = (pool: PoolRecord) => new Map(((pool.doc.SchemaAttributes as SchemaAttribute[]) ?? []).map((a) => [a.Name, a]));

const notInSchema = (name: string) => new InvalidParameterException(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
/** Our wording (Cognito's is undocumented) for an attribute that cannot be verified or that the user does not have. */
export const notVerifiable = (name: string) => new InvalidParameterException(`Attribute ${name} cannot be verified: only email and phone_number can.`);
export const noValue = (name: string) => new InvalidParameterException(`The user has no ${name} to verify.`);

export const UNAUTHORIZED = "A client attempted to write unauthorized attribute";
const cannotUpdate = (name: string) => new InvalidParameterException(`user.${name}: Attribute cannot be updated.`);

/** Who asks: an administrator (IAM) may write developer-only attributes and the `*_verified` flags; a user may not. */
export interface Writer { admin: boolean; writeAttributes?: string[] }

function checkWritable(pool: PoolRecord, name: string, who: Writer) {
  const a = schemaOf(pool).get(name);
  if (!a) throw notInSchema(name);
  if (name === "sub" || name === "identities") throw new InvalidParameterException(UNAUTHORIZED);
  if (!who.admin) {
    if (name.endsWith("_verified") || a.DeveloperOnlyAttribute || (who.writeAttributes && !who.writeAttributes.includes(name))) {
      throw new InvalidParameterException(UNAUTHORIZED);
    }
  }
  if (a.Mutable === false) throw cannotUpdate(name);
}

/** The user with these attributes, its lookup columns (email key, phone) following them. */
export function withAttributes(pool: PoolRecord, user: UserRecord, attributes: Record<string, string>, now: number): UserRecord {
  return {
    ...user, attributes, emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null, phone: attributes.phone_number ?? null, updatedAt: now,
  };
}

export interface UpdatePlan {
  /** The user's attributes after the update. */
  attributes: Record<string, string>;
  /** New email/phone values held until verified (AttributesRequireVerificationBeforeUpdate). */
  pending: Partial<Record<Contact, string>>;
  /** Where a verification code goes: the new value of a changed, auto-verified email or phone. */
  send: { attribute: Contact; to: string }[];
}

/**
 * What an update does to `user`: validated against the schema and the writer's permissions. A changed email or
 * phone is unverified (unless an administrator says otherwise) and, when the pool auto-verifies it, gets a code; when
 * the pool lists it in AttributesRequireVerificationBeforeUpdate, the new value waits and the old stays in force.
 */
export function planUpdate(pool: PoolRecord, user: UserRecord, list: AttributeType[], who: Writer): UpdatePlan {
  const given: Record<string, string> = {};
  for (const a of list) {
    checkWritable(pool, a.Name, who);
    given[a.Name] = a.Value ?? "";
  }
  if (given.email !== undefined && given.email !== "" && !isEmail(given.email)) throw new InvalidParameterException("Invalid email address format.");
  if (given.phone_number !== undefined && given.phone_number !== "" && !isPhone(given.phone_number)) throw new InvalidParameterException("Invalid phone number format.");
  for (const flag of ["email_verified", "phone_number_verified"]) {
    if (given[flag] !== undefined && given[flag] !== "true" && given[flag] !== "false") {
      throw new InvalidParameterException(`Invalid value for attribute ${flag}: must be true or false.`);
    }
  }
  const auto = autoVerified(pool.doc);
  const holdBack: string[] = ((pool.doc.UserAttributeUpdateSettings as { AttributesRequireVerificationBeforeUpdate?: string[] } | undefined)
    ?.AttributesRequireVerificationBeforeUpdate) ?? [];
  const attributes = { ...user.attributes };
  const pending: UpdatePlan["pending"] = {};
  const send: UpdatePlan["send"] = [];
  for (const [name, value] of Object.entries(given)) {
    if ((CONTACTS as string[]).includes(name) || name.endsWith("_verified")) continue;
    attributes[name] = value;
  }
  for (const c of CONTACTS) {
    const flag = `${c}_verified`;
    const value = given[c];
    if (value === undefined || value === user.attributes[c]) {
      if (given[flag] !== undefined) attributes[flag] = given[flag];
      continue;
    }
    if (given[flag] === "true") {
      // An administrator vouches for the new value: no code, in force at once.
      attributes[c] = value;
      attributes[flag] = "true";
      continue;
    }
    if (holdBack.includes(c) && auto.includes(c) && user.attributes[c] && value !== "") {
      pending[c] = value;
      send.push({ attribute: c, to: value });
      continue;
    }
    attributes[c] = value;
    attributes[flag] = "false";
    if (auto.includes(c) && value !== "") send.push({ attribute: c, to: value });
  }
  return { attributes, pending, send };
}

/** What deleting attributes does to `user` (schema and permission checks; a deleted email/phone takes its flag along). */
export function planDelete(pool: PoolRecord, user: UserRecord, names: string[], who: Writer): Record<string, string> {
  const schema = schemaOf(pool);
  const attributes = { ...user.attributes };
  for (const name of names) {
    checkWritable(pool, name, who);
    if (schema.get(name)?.Required) {
      throw new InvalidParameterException(`Attributes did not conform to the schema: ${name}: The attribute ${name} is required`);
    }
    delete attributes[name];
    if ((CONTACTS as string[]).includes(name)) delete attributes[`${name}_verified`];
  }
  return attributes;
}

/**
 * Refuses an address or alias another user already holds: a sign-in address (UsernameAttributes) whoever holds it,
 * a verified alias (AliasAttributes) as Cognito documents — AliasExistsException.
 */
export async function refuseTakenAlias(tx: Repos, pool: PoolRecord, user: UserRecord, attribute: string, value: string, verified: boolean) {
  const asUsername = usernameAttributes(pool.doc).includes(attribute);
  const asAlias = aliasAttributes(pool.doc).includes(attribute);
  if (!value || (!asUsername && !asAlias)) return;
  let holders: UserRecord[];
  if (attribute === "email") holders = await tx.findUsersByEmail(pool.id, keyOf(pool.doc, value));
  else if (attribute === "phone_number") holders = await tx.findUsersByPhone(pool.id, value);
  else if (attribute === "preferred_username") holders = [await findByPreferredUsername(tx, pool, value)].filter((u): u is UserRecord => Boolean(u));
  else return;
  const others = holders.filter((u) => u.usernameKey !== user.usernameKey);
  if (asUsername && others.length) throw new AliasExistsException(`An account with the given ${attribute} already exists.`);
  // preferred_username needs no verification; an email or phone is an alias once verified.
  const taken = attribute === "preferred_username" ? others : others.filter((u) => u.attributes[`${attribute}_verified`] === "true");
  if (asAlias && (verified || attribute === "preferred_username") && taken.length) {
    throw new AliasExistsException(`An account with the ${attribute} already exists.`);
  }
}

/** Deletes attributes of a user in one transaction (a deleted email/phone also drops its pending value). */
export async function deleteAttributes(store: Store, pool: PoolRecord, usernameKey: string, names: string[], who: Writer, now: number) {
  await store.tx(async (tx) => {
    const user = await tx.getUser(pool.id, usernameKey);
    if (!user) throw new UserNotFoundException("User does not exist.");
    await tx.updateUser(withAttributes(pool, user, planDelete(pool, user, names, who), now));
    for (const c of CONTACTS) if (names.includes(c)) await tx.deletePendingAttribute(pool.id, usernameKey, c);
  });
}
