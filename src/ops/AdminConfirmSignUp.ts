/** AdminConfirmSignUp (IAM): confirms without a code and, as Cognito does, verifies no attribute. */
import { NotAuthorizedException, UserNotFoundException, type AdminConfirmSignUpRequest } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminConfirmSignUp({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminConfirmSignUpRequest, {}> {
  return async function adminConfirmSignUp(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const user = await resolveUser(tx, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      if (!(await tx.transitionStatus(pool.id, user.usernameKey, "UNCONFIRMED", "CONFIRMED", user.attributes, clock.now()))) {
        throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
      }
    });
    return {};
  };
}
