/** UpdateResourceServer (IAM): replaces the name and the scopes (omitted Scopes: none), as Cognito does. */
import { ResourceNotFoundException, type UpdateResourceServerRequest, type UpdateResourceServerResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { checkScopes, loadResourceServer, resourceServerView } from "../domain/resource-servers.js";
import type { Deps, Handler } from "./deps.js";

export default function UpdateResourceServer({ store, clock }: Pick<Deps, "store" | "clock">): Handler<UpdateResourceServerRequest, UpdateResourceServerResponse> {
  return async function updateResourceServer(input) {
    const server = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const current = await loadResourceServer(tx, pool.id, input.Identifier);
      const next = { ...current, name: input.Name, scopes: checkScopes(input.Scopes), updatedAt: clock.now() };
      if (!(await tx.updateResourceServer(next))) throw new ResourceNotFoundException(`Resource server ${input.Identifier} does not exist in user pool ${pool.id}.`);
      return next;
    });
    return { ResourceServer: resourceServerView(server) };
  };
}
