/** CreateUserPoolClient (IAM): a 26-character client id, and a secret when GenerateSecret is set. */
import type { CreateUserPoolClientRequest, CreateUserPoolClientResponse } from "../generated/cognito-idp.js";
import { buildClientDoc } from "../domain/client.js";
import { newClientId, newClientSecret } from "../domain/ids.js";
import { checkOAuthClient } from "../domain/oauth-client.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { clientView } from "./views.js";

export default function CreateUserPoolClient({ store, random, clock }: Pick<Deps, "store" | "random" | "clock">): Handler<CreateUserPoolClientRequest, CreateUserPoolClientResponse> {
  return async function createUserPoolClient(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const id = newClientId(random);
    const secret = input.ClientSecret ?? (input.GenerateSecret ? newClientSecret(random) : null);
    const now = clock.now();
    const client = { id, poolId: pool.id, name: input.ClientName, secret, doc: buildClientDoc(input, pool.id, id), createdAt: now, updatedAt: now };
    await checkOAuthClient(store, pool.id, client.doc, secret !== null);
    await store.insertClient(client);
    return { UserPoolClient: clientView(client) };
  };
}
