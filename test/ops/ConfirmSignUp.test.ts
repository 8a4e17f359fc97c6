// test-stores: sqlite, postgres
import { AdminGetUserCommand, ConfirmSignUpCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { secretHash } from "../../src/domain/secret-hash.js";
import { createClient, createPool, serverWithPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";

const MISMATCH = "Invalid verification code provided, please try again.";

describe("ConfirmSignUp", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool({ AutoVerifiedAttributes: ["email", "phone_number"] }));
  });
  after(() => s.close());
  const confirm = (Username: string, ConfirmationCode: string, extra: Record<string, unknown> = {}) =>
    s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username, ConfirmationCode, ...extra }));
  const attrs = async (username: string) =>
    Object.fromEntries((await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserAttributes!.map((a) => [a.Name, a.Value]));

  test("confirms with the delivered code and verifies the attribute it went to", async () => {
    await signUp(s, clientId, "ann", { email: "ann@example.com" });
    await confirm("ann", await s.latestCode(poolId, "ann"));
    const user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ann" }));
    assert.equal(user.UserStatus, "CONFIRMED");
    assert.equal((await attrs("ann")).email_verified, "true");
  });

  test("a code sent by SMS verifies the phone number only", async () => {
    await signUp(s, clientId, "pam", { email: "pam@example.com", phone_number: "+447700900123" });
    await confirm("pam", await s.latestCode(poolId, "pam"));
    const a = await attrs("pam");
    assert.equal(a.phone_number_verified, "true");
    assert.equal(a.email_verified, undefined);
  });

  test("a wrong code is CodeMismatchException, a used one can't be used again", async () => {
    await signUp(s, clientId, "ben", { email: "ben@example.com" });
    const code = await s.latestCode(poolId, "ben");
    await rejectsWith(confirm("ben", code === "000000" ? "000001" : "000000"), "CodeMismatchException", MISMATCH);
    await confirm("ben", code);
    await rejectsWith(confirm("ben", code), "NotAuthorizedException", "User cannot confirm because user status is not UNCONFIRMED.");
  });

  test("a code older than 24 hours is ExpiredCodeException", async () => {
    await signUp(s, clientId, "old", { email: "old@example.com" });
    const code = await s.latestCode(poolId, "old");
    s.clock.advance(24 * 60 * 60 * 1000 + 1000);
    await rejectsWith(confirm("old", code), "ExpiredCodeException", "Invalid code provided, please request a code again.");
    // A fresh code works again.
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "old" }));
    await confirm("old", await s.latestCode(poolId, "old", 2));
  });

  test("more than 15 attempts an hour is LimitExceededException, even for the right code", async () => {
    await signUp(s, clientId, "guess", { email: "guess@example.com" });
    const code = await s.latestCode(poolId, "guess");
    const wrong = code === "999999" ? "999998" : "999999";
    for (let i = 0; i < 15; i++) await rejectsWith(confirm("guess", wrong), "CodeMismatchException", MISMATCH);
    await rejectsWith(confirm("guess", code), "LimitExceededException", "Attempt limit exceeded, please try after some time.");
    s.clock.advance(60 * 60 * 1000 + 1);
    await confirm("guess", code);
  });

  test("one code confirmed concurrently succeeds exactly once", async () => {
    await signUp(s, clientId, "twice", { email: "twice@example.com" });
    const code = await s.latestCode(poolId, "twice");
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => confirm("twice", code)));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  });

  test("an unknown user is UserNotFoundException; under ENABLED it is CodeMismatchException", async () => {
    await rejectsWith(confirm("ghost", "123456"), "UserNotFoundException", "Username/client id combination not found.");
    const { clientId: hidden } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    await rejectsWith(s.client.send(new ConfirmSignUpCommand({ ClientId: hidden, Username: "ghost", ConfirmationCode: "123456" })),
      "CodeMismatchException", MISMATCH);
  });

  test("a client with a secret needs the SecretHash", async () => {
    const { clientId: cid, secret } = await createClient(s, poolId, { GenerateSecret: true });
    await signUp(s, cid, "sec", { email: "sec@example.com" }, secret);
    const code = await s.latestCode(poolId, "sec");
    await rejectsWith(s.client.send(new ConfirmSignUpCommand({ ClientId: cid, Username: "sec", ConfirmationCode: code })),
      "NotAuthorizedException", `Client ${cid} is configured with secret but SECRET_HASH was not received`);
    await s.client.send(new ConfirmSignUpCommand({ ClientId: cid, Username: "sec", ConfirmationCode: code, SecretHash: secretHash(secret!, "sec", cid) }));
  });

  test("an alias pool refuses a second confirmed owner of an email unless ForceAliasCreation", async () => {
    const pool = await createPool(s, { AliasAttributes: ["email"] });
    const { clientId: cid } = await createClient(s, pool);
    const c = (u: string, code: string, force?: boolean) =>
      s.client.send(new ConfirmSignUpCommand({ ClientId: cid, Username: u, ConfirmationCode: code, ForceAliasCreation: force }));
    await signUp(s, cid, "first", { email: "shared@example.com" });
    await signUp(s, cid, "second", { email: "shared@example.com" });
    await c("first", await s.latestCode(pool, "first"));
    const code2 = await s.latestCode(pool, "second");
    await rejectsWith(c("second", code2), "AliasExistsException", "An account with the email already exists.");
    await s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "second" }));
    await c("second", await s.latestCode(pool, "second", 2), true);
    const first = await s.client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: "first" }));
    assert.equal(first.UserAttributes!.find((a) => a.Name === "email_verified")?.Value, "false");
  });
});
