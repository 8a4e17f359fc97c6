/** Group claims (src/domain/groups.ts): the order of cognito:groups and Cognito's rule for cognito:preferred_role. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { groupClaims } from "../../src/domain/groups.js";
import type { GroupRecord } from "../../src/store/types.js";

const g = (name: string, precedence: number | null, roleArn: string | null = null): GroupRecord =>
  ({ poolId: "us-east-1_P", name, description: null, roleArn, precedence, createdAt: 0, updatedAt: 0 });
const ROLE_A = "arn:aws:iam::123456789012:role/a";
const ROLE_B = "arn:aws:iam::123456789012:role/b";

test("no groups, no claims", () => {
  assert.deepEqual(groupClaims([]), { access: {}, id: {} });
});

test("cognito:groups: lowest Precedence first, groups without one last, equal ones by name; both tokens", () => {
  const c = groupClaims([g("none-b", null), g("ten", 10), g("none-a", null), g("zero", 0), g("ten-also", 10), g("five", 5)]);
  assert.deepEqual(c.id["cognito:groups"], ["zero", "five", "ten", "ten-also", "none-a", "none-b"]);
  assert.deepEqual(c.access, { "cognito:groups": ["zero", "five", "ten", "ten-also", "none-a", "none-b"] });
  assert.equal("cognito:roles" in c.id, false, "groups without roles give no role claims");
  assert.equal("cognito:preferred_role" in c.id, false);
});

test("cognito:roles: every group's role once, in group order; preferred: the best-placed group with a role", () => {
  const c = groupClaims([g("plain", 0), g("b", 2, ROLE_B), g("a", 1, ROLE_A), g("a-again", null, ROLE_A)]);
  assert.deepEqual(c.id["cognito:roles"], [ROLE_A, ROLE_B]);
  assert.equal(c.id["cognito:preferred_role"], ROLE_A, "a group without a role does not take the preferred role");
  assert.equal("cognito:roles" in c.access, false, "roles are ID-token claims only");
});

test("equal Precedence: the same role is preferred, different roles leave the claim out", () => {
  assert.equal(groupClaims([g("a", 3, ROLE_A), g("b", 3, ROLE_A), g("c", 4, ROLE_B)]).id["cognito:preferred_role"], ROLE_A);
  const tie = groupClaims([g("a", 3, ROLE_A), g("b", 3, ROLE_B), g("c", 1)]);
  assert.equal("cognito:preferred_role" in tie.id, false);
  assert.deepEqual(tie.id["cognito:roles"], [ROLE_A, ROLE_B]);
  const noPrecedence = groupClaims([g("a", null, ROLE_A), g("b", null, ROLE_B)]);
  assert.equal("cognito:preferred_role" in noPrecedence.id, false, "groups without Precedence tie with each other");
  assert.equal(groupClaims([g("a", null, ROLE_B)]).id["cognito:preferred_role"], ROLE_B, "one group with a role: its role");
});
