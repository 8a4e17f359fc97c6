/** GlobalSignOut (access token): revokes every token the signed-in user holds, on every client and instance. */
import type { GlobalSignOutRequest, GlobalSignOutResponse } from "../generated/cognito-idp.js";
import { keyOf } from "../domain/pool.js";
import { signOutEverywhere } from "../domain/token-origins.js";
import type { Deps, Handler } from "./deps.js";

export default function GlobalSignOut({ store, tokens, clock }: Pick<Deps, "store" | "tokens" | "clock">): Handler<GlobalSignOutRequest, GlobalSignOutResponse> {
  return async function globalSignOut(input) {
    const { pool, username } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    await signOutEverywhere(store, pool.id, keyOf(pool.doc, username), clock.now());
    return {};
  };
}
