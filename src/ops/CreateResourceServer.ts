/** CreateResourceServer (IAM): an identifier unique in the pool, a name and custom scopes (`<identifier>/<scope>`). */
import { InvalidParameterException, type CreateResourceServerRequest, type CreateResourceServerResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import { checkRoomForResourceServer, checkScopes, resourceServerView } from "../domain/resource-servers.js";
import type { Deps, Handler } from "./deps.js";

export default function CreateResourceServer({ store, clock }: Pick<Deps, "store" | "clock">): Handler<CreateResourceServerRequest, CreateResourceServerResponse> {
  return async function createResourceServer(input) {
    const server = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const scopes = checkScopes(input.Scopes);
      if (await tx.getResourceServer(pool.id, input.Identifier)) {
        throw new InvalidParameterException(`${input.Identifier} already exists in ${pool.id}`);
      }
      await checkRoomForResourceServer(tx, pool.id);
      const now = clock.now();
      const r = { poolId: pool.id, identifier: input.Identifier, name: input.Name, scopes, createdAt: now, updatedAt: now };
      if (!(await tx.insertResourceServer(r))) throw new InvalidParameterException(`${input.Identifier} already exists in ${pool.id}`);
      return r;
    });
    return { ResourceServer: resourceServerView(server) };
  };
}
