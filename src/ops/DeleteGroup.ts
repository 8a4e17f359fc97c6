/** DeleteGroup (IAM): the group and its memberships (the users stay). */
import { ResourceNotFoundException, type DeleteGroupRequest } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";

export default function DeleteGroup({ store }: Pick<Deps, "store">): Handler<DeleteGroupRequest, {}> {
  return async function deleteGroup(input) {
    await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      if (!(await tx.deleteGroup(pool.id, input.GroupName))) throw new ResourceNotFoundException("Group not found.");
    });
    return {};
  };
}
