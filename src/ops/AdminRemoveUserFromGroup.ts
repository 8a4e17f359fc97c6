/** AdminRemoveUserFromGroup (IAM): removing a user who is not a member succeeds and changes nothing. */
import { UserNotFoundException, type AdminRemoveUserFromGroupRequest } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { loadGroup } from "./group-view.js";

export default function AdminRemoveUserFromGroup({ store }: Pick<Deps, "store">): Handler<AdminRemoveUserFromGroupRequest, {}> {
  return async function adminRemoveUserFromGroup(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const group = await loadGroup(tx, pool.id, input.GroupName);
      const user = await resolveUser(tx, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      await tx.removeUserFromGroup(pool.id, group.name, user.usernameKey);
    });
    return {};
  };
}
