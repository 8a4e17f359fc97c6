/** UpdateUserPool (IAM): settings the request omits return to their defaults, as in Cognito. */
import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { updatePoolDoc } from "../domain/pool.js";
import type { Deps, Handler } from "./deps.js";

export default ({ store, clock }: Pick<Deps, "store" | "clock">): Handler<UpdateUserPoolRequest, UpdateUserPoolResponse> => async (input) => {
  await store.tx(async (tx) => {
    const pool = await loadPool(tx, input.UserPoolId);
    const doc = updatePoolDoc(pool.doc, input);
    await tx.updatePool({ ...pool, name: doc.Name, doc, updatedAt: clock.now() });
  });
  return {};
};
