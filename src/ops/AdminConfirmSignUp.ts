/** AdminConfirmSignUp (IAM): confirms without a code and, as Cognito does, verifies no attribute; then PostConfirmation. */
import { NotAuthorizedException, UserNotFoundException, type AdminConfirmSignUpRequest } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import { NO_CLIENT } from "../triggers/invoke.js";
import { runPostConfirmation } from "../triggers/lifecycle.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminConfirmSignUp(deps: Pick<Deps, "store" | "clock" | "config" | "log">): Handler<AdminConfirmSignUpRequest, {}> {
  const { store, clock } = deps;
  return async function adminConfirmSignUp(input) {
    const { pool, user } = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const user = await resolveUser(tx, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      if (!(await tx.transitionStatus(pool.id, user.usernameKey, "UNCONFIRMED", "CONFIRMED", user.attributes, clock.now()))) {
        throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
      }
      return { pool, user: { ...user, status: "CONFIRMED" as const } };
    });
    // Cognito names AdminConfirmSignUp's confirmation PostConfirmation_ConfirmSignUp, with no client.
    await runPostConfirmation(deps, {
      pool, source: "PostConfirmation_ConfirmSignUp", user, clientId: NO_CLIENT, clientMetadata: input.ClientMetadata,
    });
    return {};
  };
}
