/**
 * The addresses a new user brings (AdminCreateUser, a migrated user): an email or phone number another user signs in
 * with is taken in an email/phone-as-username pool; a verified alias held by another user moves to the new user with
 * ForceAliasCreation (the other user's copy becomes unverified) and is refused without it.
 */
import { AliasExistsException, UsernameExistsException } from "../generated/cognito-idp.js";
import type { PoolRecord, Repos, UserRecord } from "../store/types.js";
import { aliasAttributes, usernameAttributes } from "./pool.js";

export async function claimAddresses(tx: Repos, pool: PoolRecord, user: UserRecord, force: boolean, now: number) {
  const byAttribute = usernameAttributes(pool.doc);
  const aliases = aliasAttributes(pool.doc);
  for (const attr of ["email", "phone_number"] as const) {
    const value = user.attributes[attr];
    if (!value) continue;
    const holders = attr === "email" ? await tx.findUsersByEmail(pool.id, user.emailKey!) : await tx.findUsersByPhone(pool.id, user.phone!);
    if (byAttribute.includes(attr) && holders.length) throw new UsernameExistsException(`An account with the given ${attr} already exists.`);
    if (!aliases.includes(attr) || user.attributes[`${attr}_verified`] !== "true") continue;
    for (const other of holders.filter((h) => h.attributes[`${attr}_verified`] === "true")) {
      if (!force) throw new AliasExistsException(`An account with the given ${attr} already exists.`);
      await tx.updateUser({ ...other, attributes: { ...other.attributes, [`${attr}_verified`]: "false" }, updatedAt: now });
    }
  }
}
