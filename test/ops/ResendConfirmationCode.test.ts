// test-stores: sqlite, postgres
import {
  AdminConfirmSignUpCommand, ConfirmSignUpCommand, ResendConfirmationCodeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { secretHash } from "../../src/domain/secret-hash.js";
import { createClient, createPool, serverWithPool, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const LIMIT = "Attempt limit exceeded, please try after some time.";

describe("ResendConfirmationCode", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
  });
  after(() => s.close());

  const resend = (username: string, extra: Record<string, unknown> = {}) =>
    s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: username, ...extra }));

  test("sends a new code to the email, masked like Cognito, and the new code supersedes the old", async () => {
    await signUp(s, clientId, "jane", { email: "jane@example.com" });
    const first = await s.latestCode(poolId, "jane");
    const out = await resend("jane");
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "j***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const messages = await s.inbox({ poolId, username: "jane" }, 2);
    assert.equal(messages.length, 2);
    assert.equal(messages[0].purpose, "RESEND_CODE");
    assert.equal(messages[0].to, "jane@example.com");
    assert.equal(messages[0].subject, "Your verification code");
    assert.equal(messages[0].body, `Your verification code is ${messages[0].code}. `);
    assert.match(messages[0].code!, /^\d{6}$/);
    assert.ok(s.printed.includes(`code ${messages[0].code} for jane (jane@example.com)`));
    if (first !== messages[0].code) {
      await rejectsWith(s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "jane", ConfirmationCode: first })),
        "CodeMismatchException", "Invalid verification code provided, please try again.");
    }
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "jane", ConfirmationCode: messages[0].code! }));
  });

  test("accepts every optional member of the request", async () => {
    await signUp(s, clientId, "opt", { email: "opt@example.com" });
    const out = await resend("opt", {
      ClientMetadata: { source: "test" }, UserContextData: { IpAddress: "127.0.0.1", EncodedData: "abc" },
      AnalyticsMetadata: { AnalyticsEndpointId: "endpoint-1" },
    });
    assert.equal(out.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
  });

  test("phone beats email when both are auto-verified", async () => {
    const pool = await createPool(s, { AutoVerifiedAttributes: ["email", "phone_number"] });
    const { clientId: cid } = await createClient(s, pool);
    const up = await signUp(s, cid, "phil", { email: "phil@example.com", phone_number: "+15555551234" });
    assert.deepEqual(up.CodeDeliveryDetails, { Destination: "+*******1234", DeliveryMedium: "SMS", AttributeName: "phone_number" });
    const out = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "phil" }));
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "+*******1234", DeliveryMedium: "SMS", AttributeName: "phone_number" });
    const [m] = await s.inbox({ poolId: pool, username: "phil" }, 2);
    assert.equal(m.channel, "SMS");
    assert.equal(m.to, "+15555551234");
    assert.equal(m.subject, null);
  });

  test("verifies the SecretHash of a client with a secret", async () => {
    const { clientId: cid, secret } = await createClient(s, poolId, { GenerateSecret: true });
    assert.ok(secret && secret.length >= 51);
    await signUp(s, cid, "sam", { email: "sam@example.com" }, secret);
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "sam" })),
      "NotAuthorizedException", `Client ${cid} is configured with secret but SECRET_HASH was not received`);
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "sam", SecretHash: secretHash(secret!, "someone", cid) })),
      "NotAuthorizedException", `Unable to verify secret hash for client ${cid}`);
    const ok = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "sam", SecretHash: secretHash(secret!, "sam", cid) }));
    assert.equal(ok.CodeDeliveryDetails?.Destination, "s***@e***");
  });

  test("finds the user by sub, and by email in an email-as-username pool, case-insensitively when configured", async () => {
    const pool = await createPool(s, { UsernameAttributes: ["email"], UsernameConfiguration: { CaseSensitive: false } });
    const { clientId: cid } = await createClient(s, pool);
    const up = await signUp(s, cid, "Mixed.Case@Example.com");
    const bySub = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: up.UserSub! }));
    assert.equal(bySub.CodeDeliveryDetails?.Destination, "M***@E***");
    const byEmail = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "mixed.case@example.com" }));
    assert.equal(byEmail.CodeDeliveryDetails?.AttributeName, "email");
    // In a case-sensitive pool the username must match exactly.
    await signUp(s, clientId, "Carl", { email: "carl@example.com" });
    await rejectsWith(resend("carl"), "UserNotFoundException", "Username/client id combination not found.");
  });

  test("a case-insensitive pool: a resend naming the user in another case reaches them, under their stored username", async () => {
    const pool = await createPool(s, { UsernameConfiguration: { CaseSensitive: false } });
    const { clientId: cid } = await createClient(s, pool);
    await signUp(s, cid, "Dana", { email: "dana@example.com" });
    const send = (Username: string) => s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username }));
    assert.deepEqual((await send("dana")).CodeDeliveryDetails, { Destination: "d***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    await send("DANA");
    const messages = await s.inbox({ poolId: pool, username: "Dana" }, 3);
    assert.equal(messages.length, 3, "the sign-up's and both resends, all under the stored name");
    assert.deepEqual(messages.map((m) => m.to), Array(3).fill("dana@example.com"));
    await s.client.send(new ConfirmSignUpCommand({ ClientId: cid, Username: "dAnA", ConfirmationCode: messages[0].code! }));
  });

  test("an unknown client is ResourceNotFoundException", async () => {
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: "abcdefghijklmnopqrstuvwxyz", Username: "jane" })),
      "ResourceNotFoundException", "User pool client abcdefghijklmnopqrstuvwxyz does not exist.");
  });

  test("an unknown user is UserNotFoundException under LEGACY and a simulated delivery under ENABLED", async () => {
    await rejectsWith(resend("nobody"), "UserNotFoundException", "Username/client id combination not found.");
    const { clientId: hidden } = await createClient(s, poolId, { PreventUserExistenceErrors: "ENABLED" });
    const a = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: hidden, Username: "nobody" }));
    const b = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: hidden, Username: "nobody" }));
    assert.equal(a.CodeDeliveryDetails?.DeliveryMedium, "EMAIL");
    assert.match(a.CodeDeliveryDetails!.Destination!, /^n\*\*\*@[a-z]\*\*\*$/);
    assert.deepEqual(a.CodeDeliveryDetails, b.CodeDeliveryDetails, "the same name always gets the same answer");
    const byEmail = await s.client.send(new ResendConfirmationCodeCommand({ ClientId: hidden, Username: "ghost@example.org" }));
    assert.equal(byEmail.CodeDeliveryDetails?.Destination, "g***@e***");
    assert.equal((await s.inbox({ username: "nobody" })).length, 0, "nothing is delivered for a user that does not exist");
  });

  test("a confirmed user is InvalidParameterException: User is already confirmed.", async () => {
    await signUp(s, clientId, "done", { email: "done@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "done" }));
    await rejectsWith(resend("done"), "InvalidParameterException", "User is already confirmed.");
  });

  test("a pool without auto-verification cannot resend", async () => {
    const pool = await createPool(s, { AutoVerifiedAttributes: [] });
    const { clientId: cid } = await createClient(s, pool);
    const up = await signUp(s, cid, "quiet", { email: "quiet@example.com" });
    assert.equal(up.CodeDeliveryDetails, undefined);
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: cid, Username: "quiet" })),
      "InvalidParameterException", "Cannot resend codes. Auto verification not turned on.");
  });

  test("5 resends per user per hour, then LimitExceededException; the window reopens after an hour", async () => {
    await signUp(s, clientId, "busy", { email: "busy@example.com" });
    for (let i = 0; i < 5; i++) await resend("busy");
    await rejectsWith(resend("busy"), "LimitExceededException", LIMIT);
    await rejectsWith(resend("busy"), "LimitExceededException", LIMIT);
    // Another user is not affected.
    await signUp(s, clientId, "calm", { email: "calm@example.com" });
    await resend("calm");
    s.clock.advance(60 * 60 * 1000 + 1);
    await resend("busy");
    const delivered = await s.inbox({ poolId, username: "busy" }, 7);
    assert.equal(delivered.length, 7, "sign-up + 5 resends + 1 after the window; refused ones send nothing");
  });

  test("validation errors use AWS's wording and leave sensitive values out", async () => {
    await rejectsWith(resend("has space"), "InvalidParameterException",
      "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: "x".repeat(129), Username: "u".repeat(129) })),
      "InvalidParameterException",
      "2 validation errors detected: Value at 'clientId' failed to satisfy constraint: Member must have length less than or equal to 128; " +
      "Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128");
    await rejectsWith(s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "jane", SecretHash: "not base64!" })),
      "InvalidParameterException", /^1 validation error detected: Value at 'secretHash' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\+=\/\]\+$/);
  });
});

describe("ResendConfirmationCode with the limit turned off", () => {
  test("USERPOOL_RESEND_LIMIT_PER_HOUR=0 means unlimited", async () => {
    const s = await startTestServer({ resendLimitPerHour: 0 });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "many", { email: "many@example.com" });
      for (let i = 0; i < 8; i++) await s.client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "many" }));
    } finally {
      await s.close();
    }
  });
});
