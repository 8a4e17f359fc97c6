/** AdminDeleteUser (IAM). */
import { UserNotFoundException, type AdminDeleteUserRequest } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { signOutEverywhere } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminDeleteUser({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminDeleteUserRequest, {}> {
  return async function adminDeleteUser(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const user = await resolveUser(tx, pool, input.Username);
      if (!user || !(await tx.deleteUser(pool.id, user.usernameKey))) throw new UserNotFoundException("User does not exist.");
      // Their tokens go with them: a user signing up later under the same name must not inherit them.
      await signOutEverywhere(tx, pool.id, user.usernameKey, clock.now());
    });
    return {};
  };
}
