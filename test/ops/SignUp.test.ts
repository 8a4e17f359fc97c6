// test-stores: sqlite, postgres
import { AdminGetUserCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, serverWithPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("SignUp", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
  });
  after(() => s.close());

  test("creates an UNCONFIRMED user and sends a code", async () => {
    const out = await signUp(s, clientId, "alice", { email: "alice@example.com", name: "Alice" });
    assert.equal(out.UserConfirmed, false);
    assert.match(out.UserSub!, UUID);
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "a***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "alice" }));
    assert.equal(user.UserStatus, "UNCONFIRMED");
    assert.equal(user.Enabled, true);
    assert.deepEqual(Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value])),
      { sub: out.UserSub, email: "alice@example.com", name: "Alice" });
    const [m] = await s.inbox({ poolId, username: "alice" }, 1);
    assert.equal(m.purpose, "SIGN_UP");
  });

  test("a taken username is UsernameExistsException", async () => {
    await signUp(s, clientId, "bob", { email: "bob@example.com" });
    await rejectsWith(signUp(s, clientId, "bob", { email: "bob2@example.com" }), "UsernameExistsException", "User already exists");
  });

  test("concurrent SignUps of one username give exactly one success", async () => {
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => signUp(s, clientId, "racer", { email: "racer@example.com" })));
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      assert.equal((r as PromiseRejectedResult).reason.name, "UsernameExistsException");
    }
    assert.equal((await s.inbox({ poolId, username: "racer" }, 1)).length, 1);
  });

  test("the password policy answers InvalidPasswordException", async () => {
    const send = (Password: string) => s.client.send(new SignUpCommand({ ClientId: clientId, Username: "weak", Password }));
    await rejectsWith(send("Sh0rt!"), "InvalidPasswordException", "Password did not conform with policy: Password not long enough");
    await rejectsWith(send("passw0rd!"), "InvalidPasswordException", "Password did not conform with policy: Password must have uppercase characters");
    await rejectsWith(send("PASSW0RD!"), "InvalidPasswordException", "Password did not conform with policy: Password must have lowercase characters");
    await rejectsWith(send("Password!"), "InvalidPasswordException", "Password did not conform with policy: Password must have numeric characters");
    await rejectsWith(send("Passw0rdd"), "InvalidPasswordException", "Password did not conform with policy: Password must have symbol characters");
    const relaxed = await createPool(s, { Policies: { PasswordPolicy: { MinimumLength: 6, RequireSymbols: false, RequireUppercase: false } } });
    const { clientId: cid } = await createClient(s, relaxed);
    await s.client.send(new SignUpCommand({ ClientId: cid, Username: "weak", Password: "passw0rd" }));
  });

  test("attributes outside the schema and malformed addresses are refused", async () => {
    await rejectsWith(signUp(s, clientId, "odd", { favourite: "x" }), "InvalidParameterException",
      "Attributes did not conform to the schema: favourite: Attribute does not exist in the schema.");
    await rejectsWith(signUp(s, clientId, "odd", { email: "not-an-email" }), "InvalidParameterException", "Invalid email address format.");
    await rejectsWith(signUp(s, clientId, "odd", { phone_number: "5555551234" }), "InvalidParameterException", "Invalid phone number format.");
  });

  test("email-as-username pools give the user a UUID username and refuse a second account for the email", async () => {
    const pool = await createPool(s, { UsernameAttributes: ["email"] });
    const { clientId: cid } = await createClient(s, pool);
    const out = await signUp(s, cid, "erin@example.com");
    const user = await s.client.send(new AdminGetUserCommand({ UserPoolId: pool, Username: "erin@example.com" }));
    assert.equal(user.Username, out.UserSub);
    assert.equal(user.UserAttributes!.find((a) => a.Name === "email")?.Value, "erin@example.com");
    await rejectsWith(signUp(s, cid, "erin@example.com"), "UsernameExistsException", "An account with the given email already exists.");
    await rejectsWith(signUp(s, cid, "erin"), "InvalidParameterException", "Username should be an email.");
  });

  test("a pool without auto-verification sends nothing and says so by leaving CodeDeliveryDetails out", async () => {
    const pool = await createPool(s, { AutoVerifiedAttributes: [] });
    const { clientId: cid } = await createClient(s, pool);
    const out = await signUp(s, cid, "nomail", { email: "nomail@example.com" });
    assert.equal(out.CodeDeliveryDetails, undefined);
    assert.equal((await s.inbox({ poolId: pool })).length, 0);
  });

  test("required schema attributes must be given", async () => {
    const pool = await createPool(s, { Schema: [{ Name: "email", Required: true, AttributeDataType: "String", Mutable: true }] });
    const { clientId: cid } = await createClient(s, pool);
    await rejectsWith(signUp(s, cid, "noemail"), "InvalidParameterException",
      "Attributes did not conform to the schema: email: The attribute email is required");
  });

  test("an unknown client is ResourceNotFoundException", async () => {
    await rejectsWith(s.client.send(new SignUpCommand({ ClientId: "nosuchclient", Username: "x", Password: PASSWORD })),
      "ResourceNotFoundException", "User pool client nosuchclient does not exist.");
  });
});
