/** DeleteUserPoolClient (IAM). */
import type { DeleteUserPoolClientRequest } from "../generated/cognito-idp.js";
import { loadPoolClient } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default ({ store }: Pick<Deps, "store">): Handler<DeleteUserPoolClientRequest, {}> => async (input) => {
  await store.tx(async (tx) => {
    const client = await loadPoolClient(tx, input.UserPoolId, input.ClientId);
    await tx.deleteClient(client.id);
  });
  return {};
};
