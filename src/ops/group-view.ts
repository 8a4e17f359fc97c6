/** What the group operations share: finding a group (Cognito's not-found error) and how a group appears on the wire. */
import { ResourceNotFoundException, type GroupType } from "../generated/cognito-idp.js";
import type { GroupRecord, Repos } from "../store/types.js";
import { seconds } from "./views.js";

export async function loadGroup(store: Repos, poolId: string, name: string): Promise<GroupRecord> {
  const group = await store.getGroup(poolId, name);
  if (!group) throw new ResourceNotFoundException("Group not found.");
  return group;
}

/** A group as GroupType: members that were never set are left out. */
export const groupView = (g: GroupRecord): GroupType => ({
  GroupName: g.name,
  UserPoolId: g.poolId,
  ...(g.description === null ? {} : { Description: g.description }),
  ...(g.roleArn === null ? {} : { RoleArn: g.roleArn }),
  ...(g.precedence === null ? {} : { Precedence: g.precedence }),
  LastModifiedDate: seconds(g.updatedAt),
  CreationDate: seconds(g.createdAt),
});
