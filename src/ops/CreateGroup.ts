/** CreateGroup (IAM): a group, named uniquely in its pool. */
import { GroupExistsException, type CreateGroupRequest, type CreateGroupResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { GroupRecord } from "../store/types.js";
import type { Deps, Handler } from "./deps.js";
import { groupView } from "./group-view.js";

export default function CreateGroup({ store, clock }: Pick<Deps, "store" | "clock">): Handler<CreateGroupRequest, CreateGroupResponse> {
  return async function createGroup(input) {
    const group = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const now = clock.now();
      const g: GroupRecord = {
        poolId: pool.id, name: input.GroupName, description: input.Description ?? null, roleArn: input.RoleArn ?? null,
        precedence: input.Precedence ?? null, createdAt: now, updatedAt: now,
      };
      if (!(await tx.insertGroup(g))) throw new GroupExistsException("A group with the name already exists.");
      return g;
    });
    return { Group: groupView(group) };
  };
}
