/** GetGroup (IAM). */
import type { GetGroupRequest, GetGroupResponse } from "../generated/cognito-idp.js";
import { loadPool } from "../domain/lookup.js";
import type { Deps, Handler } from "./deps.js";
import { groupView, loadGroup } from "./group-view.js";

export default function GetGroup({ store }: Pick<Deps, "store">): Handler<GetGroupRequest, GetGroupResponse> {
  return async function getGroup(input) {
    const pool = await loadPool(store, input.UserPoolId);
    return { Group: groupView(await loadGroup(store, pool.id, input.GroupName)) };
  };
}
