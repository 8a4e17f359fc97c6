/** UpdateUserPool (IAM): settings the request omits return to their defaults, as in Cognito. */
import type { UpdateUserPoolRequest, UpdateUserPoolResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { updatePoolDoc } from "../domain/pool.js";
import { requireChannels } from "../domain/production.js";
import type { Deps, Handler } from "./deps.js";

export default function UpdateUserPool({ store, clock, config }: Pick<Deps, "store" | "clock" | "config">): Handler<UpdateUserPoolRequest, UpdateUserPoolResponse> {
  return async function updateUserPool(input) {
    requireChannels(config, input.AutoVerifiedAttributes, input.LambdaConfig);
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const doc = updatePoolDoc(pool.doc, input);
      await tx.updatePool({ ...pool, name: doc.Name, doc, updatedAt: clock.now() });
    });
    return {};
  };
}
