/** GetUser (access token): the signed-in user's attributes. */
import { UserNotFoundException, type GetUserRequest, type GetUserResponse } from "../generated/cognito-idp.js";
import { toAttributeList } from "../domain/attributes.js";
import { keyOf } from "../domain/pool.js";
import type { Deps, Handler } from "./deps.js";

export default function GetUser({ store, tokens }: Pick<Deps, "store" | "tokens">): Handler<GetUserRequest, GetUserResponse> {
  return async function getUser(input) {
    const { pool, username } = await tokens.verifyAccess(input.AccessToken, (id) => store.getPool(id));
    const user = await store.getUser(pool.id, keyOf(pool.doc, username));
    if (!user) throw new UserNotFoundException("User does not exist.");
    return { Username: user.username, UserAttributes: toAttributeList({ sub: user.sub, ...user.attributes }) };
  };
}
