/** DeleteUserPoolClient (IAM). */
import type { DeleteUserPoolClientRequest } from "../generated/cognito-idp.js";
import { loadPoolClient } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteUserPoolClient({ store }: Pick<Deps, "store">): Handler<DeleteUserPoolClientRequest, {}> {
  return async function deleteUserPoolClient(input) {
    await store.tx(async (tx) => {
      const client = await loadPoolClient(tx, input.UserPoolId, input.ClientId);
      await tx.deleteClient(client.id);
    });
    return {};
  };
}
