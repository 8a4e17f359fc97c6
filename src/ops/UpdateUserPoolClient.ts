/** UpdateUserPoolClient (IAM): settings the request omits return to their defaults, as in Cognito. */
import type { UpdateUserPoolClientRequest, UpdateUserPoolClientResponse } from "../generated/cognito-idp.js";
import { buildClientDoc } from "../domain/client.js";
import { loadPoolClient } from "../domain/lookup.js";
import { checkOAuthClient } from "../domain/oauth-client.js";
import type { Deps, Handler } from "./deps.js";
import { clientView } from "./views.js";

export default function UpdateUserPoolClient({ store, clock }: Pick<Deps, "store" | "clock">): Handler<UpdateUserPoolClientRequest, UpdateUserPoolClientResponse> {
  return async function updateUserPoolClient(input) {
    return store.tx(async (tx) => {
      const client = await loadPoolClient(tx, input.UserPoolId, input.ClientId);
      const name = input.ClientName ?? client.name;
      const updated = { ...client, name, doc: buildClientDoc({ ...input, ClientName: name }, client.poolId, client.id), updatedAt: clock.now() };
      await checkOAuthClient(tx, client.poolId, updated.doc, client.secret !== null);
      await tx.updateClient(updated);
      return { UserPoolClient: clientView(updated) };
    });
  };
}
