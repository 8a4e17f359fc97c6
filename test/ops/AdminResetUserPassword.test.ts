// test-stores: sqlite, postgres
import {
  AdminGetUserCommand, AdminResetUserPasswordCommand, ConfirmForgotPasswordCommand, ForgotPasswordCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { confirmedUser, newest, signIn } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("AdminResetUserPassword", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer({ adminResetLimitPerHour: 2 });
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  const reset = (username: string, pool = poolId) => s.client.send(new AdminResetUserPasswordCommand({ UserPoolId: pool, Username: username }));
  const status = async (username: string, pool = poolId) =>
    (await s.client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: username }))).UserStatus;

  test("RESET_REQUIRED: sign-in answers PasswordResetRequiredException; the emailed code and ConfirmForgotPassword finish it", async () => {
    await confirmedUser(s, poolId, clientId, "rex", { email: "rex@example.com" });
    const out = await reset("rex");
    assert.deepEqual(Object.keys(out), ["$metadata"]);
    assert.equal(await status("rex"), "RESET_REQUIRED");
    await rejectsWith(signIn(s, clientId, "rex", PASSWORD), "PasswordResetRequiredException", "Password reset required for the user");
    await rejectsWith(signIn(s, clientId, "rex", "Wr0ng-password"), "PasswordResetRequiredException", "Password reset required for the user");
    const m = await newest(s, poolId, "rex", "ADMIN_RESET");
    assert.equal(m.to, "rex@example.com");
    assert.equal(m.subject, "Your password reset code");
    assert.equal(m.body, `Your password reset code is ${m.code}. `);
    await s.client.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: "rex", ConfirmationCode: m.code!, Password: "Fr3sh-Passw0rd" }));
    assert.equal(await status("rex"), "CONFIRMED");
    assert.ok(await signIn(s, clientId, "rex", "Fr3sh-Passw0rd"));
  });

  test("a user without a verified address is reset without a message, and can still use ForgotPassword later", async () => {
    const pool = await createPool(s, { AutoVerifiedAttributes: [] });
    const { clientId: cid } = await createClient(s, pool);
    await s.client.send(new (await import("@aws-sdk/client-cognito-identity-provider")).SignUpCommand({
      ClientId: cid, Username: "nova", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "nova@example.com" }],
    }));
    await reset("nova", pool);
    assert.equal(await status("nova", pool), "RESET_REQUIRED");
    assert.equal((await s.inbox({ poolId: pool, username: "nova" })).length, 0);
    await rejectsWith(s.client.send(new ForgotPasswordCommand({ ClientId: cid, Username: "nova" })), "InvalidParameterException",
      "Cannot reset password for the user as there is no registered/verified email or phone_number");
  });

  test("errors: unknown user and pool; the per-user hourly limit", async () => {
    await rejectsWith(reset("nobody"), "UserNotFoundException", "User does not exist.");
    await rejectsWith(reset("x", "us-east-1_NOPE12345"), "ResourceNotFoundException", "User pool us-east-1_NOPE12345 does not exist.");
    await confirmedUser(s, poolId, clientId, "lim", { email: "lim@example.com" });
    await reset("lim");
    await reset("lim");
    await rejectsWith(reset("lim"), "LimitExceededException", "Attempt limit exceeded, please try after some time.");
  });
});
