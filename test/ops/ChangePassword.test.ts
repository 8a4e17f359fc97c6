// test-stores: sqlite, postgres
import { ChangePasswordCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { confirmedUser, signIn } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("ChangePassword", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer({ changePasswordLimitPerHour: 3 });
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  const change = (AccessToken: string, PreviousPassword: string | undefined, ProposedPassword: string) =>
    s.client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));

  test("replaces the password: the old one stops working, the new one signs in", async () => {
    await confirmedUser(s, poolId, clientId, "cara", { email: "cara@example.com" });
    const token = await signIn(s, clientId, "cara", PASSWORD);
    const out = await change(token, PASSWORD, "Chang3d-Passw0rd");
    assert.deepEqual(Object.keys(out), ["$metadata"]);
    await rejectsWith(signIn(s, clientId, "cara", PASSWORD), "NotAuthorizedException", "Incorrect username or password.");
    assert.ok(await signIn(s, clientId, "cara", "Chang3d-Passw0rd"));
  });

  test("a wrong or missing previous password, a weak new one, a bad token", async () => {
    await confirmedUser(s, poolId, clientId, "dan", { email: "dan@example.com" });
    const token = await signIn(s, clientId, "dan", PASSWORD);
    await rejectsWith(change(token, "Wr0ng-passw0rd", "Chang3d-Passw0rd"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(change(token, undefined, "Chang3d-Passw0rd"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(change(token, PASSWORD, "weak"), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
    await rejectsWith(change("not-a-token", PASSWORD, "Chang3d-Passw0rd"), "NotAuthorizedException", "Invalid Access Token");
    // Three attempts were counted (the bad token names no user): the fourth is over the limit, even with the right password.
    await rejectsWith(change(token, PASSWORD, "Chang3d-Passw0rd"), "LimitExceededException", "Attempt limit exceeded, please try after some time.");
    s.clock.advance(61 * 60 * 1000);
    const fresh = await signIn(s, clientId, "dan", PASSWORD);
    await change(fresh, PASSWORD, "Chang3d-Passw0rd");
  });
});
