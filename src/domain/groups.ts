/**
 * Groups in tokens, as Cognito documents them (CreateGroup's Precedence, the ID and access token pages):
 * - `cognito:groups` (ID and access tokens): the user's group names, lowest Precedence first, groups without a
 *   Precedence last; groups of equal precedence by name (Cognito does not say; ours, so that tokens are stable);
 * - `cognito:roles` (ID token): the role ARNs of those groups, in the same order, each once;
 * - `cognito:preferred_role` (ID token): the role of the highest-priority group that has one. Groups of equal
 *   Precedence take no precedence over each other: when the best-placed groups with roles have different roles, the
 *   claim is left out; when they share one, it is that role.
 * A user in no group gets none of these claims; groups without roles give no role claims.
 */
import type { GroupRecord } from "../store/types.js";

/** Where the token service reads a user's groups (the store's group repository). */
export interface GroupLookup {
  groupsOfUser(poolId: string, usernameKey: string): Promise<GroupRecord[]>;
}

const rank = (g: GroupRecord) => g.precedence ?? Infinity;

/** The groups in token order: by Precedence (none last), then by name. */
export function byPrecedence(groups: GroupRecord[]): GroupRecord[] {
  return [...groups].sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface GroupClaims {
  /** For both tokens. */
  access: Record<string, unknown>;
  /** For the ID token. */
  id: Record<string, unknown>;
}

export function groupClaims(groups: GroupRecord[]): GroupClaims {
  if (groups.length === 0) return { access: {}, id: {} };
  const ordered = byPrecedence(groups);
  const names = ordered.map((g) => g.name);
  const withRole = ordered.filter((g) => g.roleArn);
  const id: Record<string, unknown> = { "cognito:groups": names };
  if (withRole.length) {
    id["cognito:roles"] = [...new Set(withRole.map((g) => g.roleArn!))];
    const best = rank(withRole[0]);
    const roles = new Set(withRole.filter((g) => rank(g) === best).map((g) => g.roleArn));
    if (roles.size === 1) id["cognito:preferred_role"] = withRole[0].roleArn;
  }
  return { access: { "cognito:groups": names }, id };
}
