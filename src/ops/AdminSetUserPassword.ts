/**
 * AdminSetUserPassword (IAM): a permanent password confirms the user (CONFIRMED); a temporary one makes the user
 * change it at the next sign-in (FORCE_CHANGE_PASSWORD, valid TemporaryPasswordValidityDays). The hash and the SRP
 * verifier are written together (src/domain/set-password.ts).
 */
import { UserNotFoundException, type AdminSetUserPasswordRequest, type AdminSetUserPasswordResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { checkPasswordPolicy } from "../domain/passwords.js";
import { passwordPolicy } from "../domain/pool.js";
import { passwordWrite, temporaryPasswordExpiry, writePassword } from "../domain/set-password.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminSetUserPassword({ store, clock, random, config }: Pick<Deps, "store" | "clock" | "random" | "config">): Handler<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse> {
  return async function adminSetUserPassword(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const user = await resolveUser(store, pool, input.Username);
    if (!user) throw new UserNotFoundException("User does not exist.");
    checkPasswordPolicy(input.Password, passwordPolicy(pool.doc));
    const w = await passwordWrite(pool.id, user.username, input.Password, random, config.passwordHashCost);
    const now = clock.now();
    const ok = await writePassword(store, user, w, now, input.Permanent
      ? { status: "CONFIRMED", expiresAt: null }
      : { status: "FORCE_CHANGE_PASSWORD", expiresAt: temporaryPasswordExpiry(pool.doc, now) });
    if (!ok) throw new UserNotFoundException("User does not exist.");
    return {};
  };
}
