/** AdminUserGlobalSignOut (IAM): revokes every token a user holds, on every client and instance. */
import { UserNotFoundException, type AdminUserGlobalSignOutRequest, type AdminUserGlobalSignOutResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { signOutEverywhere } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminUserGlobalSignOut({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse> {
  return async function adminUserGlobalSignOut(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const user = await resolveUser(store, pool, input.Username);
    if (!user) throw new UserNotFoundException("User does not exist.");
    await signOutEverywhere(store, pool.id, user.usernameKey, clock.now());
    return {};
  };
}
