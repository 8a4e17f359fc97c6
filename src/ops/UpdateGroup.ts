/**
 * UpdateGroup (IAM): sets the members the request gives (Description, RoleArn, Precedence) and keeps the others, as
 * the API reference's example shows (a request without RoleArn answers the group's role unchanged).
 */
import type { UpdateGroupRequest, UpdateGroupResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { groupView, loadGroup } from "./group-view.js";

export default function UpdateGroup({ store, clock }: Pick<Deps, "store" | "clock">): Handler<UpdateGroupRequest, UpdateGroupResponse> {
  return async function updateGroup(input) {
    const group = await store.tx(async (tx) => {
      const pool = await loadPool(tx, input.UserPoolId);
      const g = await loadGroup(tx, pool.id, input.GroupName);
      const next = {
        ...g,
        description: input.Description ?? g.description,
        roleArn: input.RoleArn ?? g.roleArn,
        precedence: input.Precedence ?? g.precedence,
        updatedAt: clock.now(),
      };
      await tx.updateGroup(next);
      return next;
    });
    return { Group: groupView(group) };
  };
}
