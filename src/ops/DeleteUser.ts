/**
 * DeleteUser (access token): the signed-in user deletes themself. Their tokens are revoked with them, so the access
 * token that asked is refused from then on ("Access Token has been revoked"), even if the username is taken again.
 */
import { UserNotFoundException, type DeleteUserRequest } from "../generated/cognito-idp.js";
import { keyOf } from "../domain/pool.js";
import { signOutEverywhere } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteUser({ store, tokens, clock }: Pick<Deps, "store" | "tokens" | "clock">): Handler<DeleteUserRequest, {}> {
  return async function deleteUser(input) {
    const { pool, username } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    const key = keyOf(pool.doc, username);
    await store.tx(async (tx) => {
      if (!(await tx.deleteUser(pool.id, key))) throw new UserNotFoundException("User does not exist.");
      await signOutEverywhere(tx, pool.id, key, clock.now());
    });
    return {};
  };
}
