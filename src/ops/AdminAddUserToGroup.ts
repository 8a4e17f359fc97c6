/** AdminAddUserToGroup (IAM): adding a member again changes nothing. The group is looked up before the user. */
import { ResourceNotFoundException, UserNotFoundException, type AdminAddUserToGroupRequest } from "../generated/cognito-idp.js";
import { loadPool, resolveUser } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { loadGroup } from "./group-view.js";

export default function AdminAddUserToGroup({ store, clock }: Pick<Deps, "store" | "clock">): Handler<AdminAddUserToGroupRequest, {}> {
  return async function adminAddUserToGroup(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const group = await loadGroup(tx, pool.id, input.GroupName);
      const user = await resolveUser(tx, pool, input.Username);
      if (!user) throw new UserNotFoundException("User does not exist.");
      // The store checks again under a lock: a DeleteGroup or AdminDeleteUser may have committed since.
      const added = await tx.addUserToGroup(pool.id, group.name, user.usernameKey, clock.now());
      if (added === "no-group") throw new ResourceNotFoundException("Group not found.");
      if (added === "no-user") throw new UserNotFoundException("User does not exist.");
    });
    return {};
  };
}
