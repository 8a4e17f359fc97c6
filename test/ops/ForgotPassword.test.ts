// test-stores: sqlite, postgres
import {
  AdminGetUserCommand, ConfirmForgotPasswordCommand, CreateUserPoolClientCommand, ForgotPasswordCommand, UpdateUserPoolCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { secretHash } from "../../src/domain/secret-hash.js";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { confirmedUser, newest, signIn } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const LIMIT = "Attempt limit exceeded, please try after some time.";
const NEW_PASSWORD = "N3w-Passw0rd";

describe("ForgotPassword and ConfirmForgotPassword", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer({ forgotPasswordLimitPerHour: 3, confirmForgotPasswordLimitPerHour: 4 });
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  const forgot = (username: string, cid = clientId, extra: Record<string, unknown> = {}) =>
    s.client.send(new ForgotPasswordCommand({ ClientId: cid, Username: username, ...extra }));
  const confirm = (username: string, code: string, password = NEW_PASSWORD, cid = clientId) =>
    s.client.send(new ConfirmForgotPasswordCommand({ ClientId: cid, Username: username, ConfirmationCode: code, Password: password }));

  test("sends a reset code to the verified email; the new password replaces the old one", async () => {
    await confirmedUser(s, poolId, clientId, "fay", { email: "fay@example.com" });
    const out = await forgot("fay", clientId, { ClientMetadata: { from: "test" } });
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "f***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const m = await newest(s, poolId, "fay", "FORGOT_PASSWORD");
    assert.equal(m.to, "fay@example.com");
    assert.equal(m.subject, "Your password reset code");
    assert.equal(m.body, `Your password reset code is ${m.code}. `);
    assert.match(m.code!, /^\d{6}$/);
    await confirm("fay", m.code!);
    await rejectsWith(signIn(s, clientId, "fay", PASSWORD), "NotAuthorizedException", "Incorrect username or password.");
    assert.ok(await signIn(s, clientId, "fay", NEW_PASSWORD));
    const user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "fay" }));
    assert.equal(user.UserStatus, "CONFIRMED");
    // The code is single-use.
    await rejectsWith(confirm("fay", m.code!), "CodeMismatchException", "Invalid verification code provided, please try again.");
  });

  test("a user without a verified email or phone cannot reset", async () => {
    await signUp(s, clientId, "una", { email: "una@example.com" });
    await rejectsWith(forgot("una"), "InvalidParameterException",
      "Cannot reset password for the user as there is no registered/verified email or phone_number");
  });

  test("only the newest code works, a wrong code is CodeMismatch, an hour-old code is Expired, the policy applies", async () => {
    await confirmedUser(s, poolId, clientId, "gus", { email: "gus@example.com" });
    await forgot("gus");
    const first = (await newest(s, poolId, "gus", "FORGOT_PASSWORD")).code!;
    await forgot("gus");
    const messages = (await s.inbox({ poolId, username: "gus" }, 3)).filter((m) => m.purpose === "FORGOT_PASSWORD");
    assert.equal(messages.length, 2);
    const second = messages[0].code!;
    if (first !== second) await rejectsWith(confirm("gus", first), "CodeMismatchException", "Invalid verification code provided, please try again.");
    await rejectsWith(confirm("gus", second, "short"), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
    await rejectsWith(confirm("gus", second, "alllowercase1!"), "InvalidPasswordException", "Password did not conform with policy: Password must have uppercase characters");
    s.clock.advance(61 * 60 * 1000);
    await rejectsWith(confirm("gus", second), "ExpiredCodeException", "Invalid code provided, please request a code again.");
    assert.ok(await signIn(s, clientId, "gus", PASSWORD));
  });

  test("per-user limits: ForgotPassword codes and ConfirmForgotPassword attempts", async () => {
    await confirmedUser(s, poolId, clientId, "lim", { email: "lim@example.com" });
    for (let i = 0; i < 3; i++) await forgot("lim");
    await rejectsWith(forgot("lim"), "LimitExceededException", LIMIT);
    for (let i = 0; i < 4; i++) await rejectsWith(confirm("lim", "000000x"), "CodeMismatchException");
    await rejectsWith(confirm("lim", "000000x"), "LimitExceededException", LIMIT);
    s.clock.advance(61 * 60 * 1000);
    await forgot("lim");
  });

  test("an unknown user: UserNotFoundException (LEGACY) or a simulated delivery (ENABLED), nothing sent", async () => {
    await rejectsWith(forgot("nobody"), "UserNotFoundException", "Username/client id combination not found.");
    await rejectsWith(confirm("nobody", "123456"), "UserNotFoundException", "Username/client id combination not found.");
    const { clientId: hidden } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    const out = await forgot("ghost@example.com", hidden);
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "g***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const real = await forgot("fay", hidden);
    assert.deepEqual(Object.keys(real.CodeDeliveryDetails!).sort(), Object.keys(out.CodeDeliveryDetails!).sort());
    await rejectsWith(confirm("ghost@example.com", "123456", NEW_PASSWORD, hidden), "CodeMismatchException", "Invalid verification code provided, please try again.");
    assert.equal((await s.inbox({ to: "ghost@example.com" })).length, 0);
  });

  test("AccountRecoverySetting: priority picks the medium; admin_only refuses", async () => {
    const pool = await createPool(s, {
      AutoVerifiedAttributes: ["phone_number"],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_phone_number", Priority: 1 }, { Name: "verified_email", Priority: 2 }] },
    });
    const { clientId: cid } = await createClient(s, pool);
    await confirmedUser(s, pool, cid, "pat", { email: "pat@example.com", phone_number: "+15555550123" });
    const out = await forgot("pat", cid);
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "+*******0123", DeliveryMedium: "SMS", AttributeName: "phone_number" });
    const sms = await newest(s, pool, "pat", "FORGOT_PASSWORD");
    assert.equal(sms.channel, "SMS");
    assert.equal(sms.body, `Your password reset code is ${sms.code}. `);
    await s.client.send(new UpdateUserPoolCommand({
      UserPoolId: pool, AutoVerifiedAttributes: ["phone_number"],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "admin_only", Priority: 1 }] },
    }));
    await rejectsWith(forgot("pat", cid), "NotAuthorizedException", /admin_only/);
  });

  test("the pool's own verification template is used for the reset code", async () => {
    const pool = await createPool(s, { VerificationMessageTemplate: { EmailSubject: "Acme code", EmailMessage: "Acme: {####} for {username}" } });
    const { clientId: cid } = await createClient(s, pool);
    await confirmedUser(s, pool, cid, "ace", { email: "ace@example.com" });
    await forgot("ace", cid);
    const m = await newest(s, pool, "ace", "FORGOT_PASSWORD");
    assert.equal(m.subject, "Acme code");
    assert.equal(m.body, `Acme: ${m.code} for ace`);
  });

  test("SecretHash is required of a client with a secret", async () => {
    const out = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "secret", GenerateSecret: true }));
    const cid = out.UserPoolClient!.ClientId!, secret = out.UserPoolClient!.ClientSecret!;
    await rejectsWith(forgot("fay", cid), "NotAuthorizedException", `Client ${cid} is configured with secret but SECRET_HASH was not received`);
    const ok = await forgot("fay", cid, { SecretHash: secretHash(secret, "fay", cid) });
    assert.equal(ok.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    await rejectsWith(s.client.send(new ConfirmForgotPasswordCommand({ ClientId: cid, Username: "fay", ConfirmationCode: "123456", Password: NEW_PASSWORD })),
      "NotAuthorizedException", `Client ${cid} is configured with secret but SECRET_HASH was not received`);
  });
});
