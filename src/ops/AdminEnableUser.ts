/** AdminEnableUser (IAM): a disabled user may sign in again (tokens revoked when they were disabled stay revoked). */
import { UserNotFoundException, type AdminEnableUserRequest, type AdminEnableUserResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminEnableUser({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminEnableUserRequest, AdminEnableUserResponse> {
  return async function adminEnableUser(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const user = await resolveUser(store, pool, input.Username);
    if (!user || !(await store.setUserEnabled(pool.id, user.usernameKey, true, clock.now()))) throw new UserNotFoundException("User does not exist.");
    return {};
  };
}
