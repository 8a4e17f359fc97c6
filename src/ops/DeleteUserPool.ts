/** DeleteUserPool (IAM): removes the pool with its clients and users, unless deletion protection is on. */
import { InvalidParameterException, type DeleteUserPoolRequest } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteUserPool({ store, tokens }: Pick<Deps, "store" | "tokens">): Handler<DeleteUserPoolRequest, {}> {
  return async function deleteUserPool(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      if (pool.doc.DeletionProtection === "ACTIVE") {
        throw new InvalidParameterException("The user pool cannot be deleted because deletion protection is activated.");
      }
      await tx.deletePool(pool.id);
    });
    tokens.forget(input.UserPoolId);
    return {};
  };
}
