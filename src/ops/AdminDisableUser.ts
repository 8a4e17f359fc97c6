/**
 * AdminDisableUser (IAM): the user can no longer sign in ("User is disabled.") and every token they hold is revoked,
 * but they stay in the pool (AdminGetUser and ListUsers show `Enabled: false`).
 */
import { UserNotFoundException, type AdminDisableUserRequest, type AdminDisableUserResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { signOutEverywhere } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminDisableUser({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminDisableUserRequest, AdminDisableUserResponse> {
  return async function adminDisableUser(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const user = await resolveUser(tx, pool, input.Username);
      const now = clock.now();
      if (!user || !(await tx.setUserEnabled(pool.id, user.usernameKey, false, now))) throw new UserNotFoundException("User does not exist.");
      await signOutEverywhere(tx, pool.id, user.usernameKey, now);
    });
    return {};
  };
}
