/** AdminGetUser (IAM). */
import { UserNotFoundException, type AdminGetUserRequest, type AdminGetUserResponse } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { userView } from "./views.js";

export default function AdminGetUser({ store }: Pick<Deps, "store">): Handler<AdminGetUserRequest, AdminGetUserResponse> {
  return async function adminGetUser(input) {
    const pool = await loadPool(store, input.UserPoolId);
    const user = await resolveUser(store, pool, input.Username);
    if (!user) throw new UserNotFoundException("User does not exist.");
    const { Attributes, ...rest } = userView(user);
    return { ...rest, Username: user.username, UserAttributes: Attributes };
  };
}
