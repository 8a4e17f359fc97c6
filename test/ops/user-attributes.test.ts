// test-stores: sqlite, postgres
import {
  AdminDeleteUserAttributesCommand, AdminGetUserCommand, AdminUpdateUserAttributesCommand, DeleteUserAttributesCommand,
  GetUserAttributeVerificationCodeCommand, GetUserCommand, UpdateUserAttributesCommand, VerifyUserAttributeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { confirmedUser, newest, signIn } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const LIMIT = "Attempt limit exceeded, please try after some time.";
const MISMATCH = "Invalid verification code provided, please try again.";

describe("user attributes: update, delete, verify", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer({ attributeCodeLimitPerHour: 4, verifyAttributeLimitPerHour: 3 });
    poolId = await createPool(s, {
      Schema: [
        { Name: "fixed", AttributeDataType: "String", Mutable: false },
        { Name: "secret", AttributeDataType: "String", DeveloperOnlyAttribute: true },
        { Name: "name", AttributeDataType: "String", Required: true },
      ],
    });
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  const attrs = async (token: string) =>
    Object.fromEntries((await s.client.send(new GetUserCommand({ AccessToken: token }))).UserAttributes!.map((a) => [a.Name!, a.Value!]));
  const update = (AccessToken: string, list: Record<string, string>) => s.client.send(new UpdateUserAttributesCommand({
    AccessToken, UserAttributes: Object.entries(list).map(([Name, Value]) => ({ Name, Value })),
  }));
  const adminUpdate = (Username: string, list: Record<string, string>, pool = poolId) => s.client.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: pool, Username, UserAttributes: Object.entries(list).map(([Name, Value]) => ({ Name, Value })),
  }));
  const verify = (AccessToken: string, AttributeName: string, Code: string) =>
    s.client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName, Code }));

  test("a changed email is unverified and gets a code; VerifyUserAttribute verifies it", async () => {
    await confirmedUser(s, poolId, clientId, "uma", { email: "uma@example.com", name: "Uma" });
    const token = await signIn(s, clientId, "uma", PASSWORD);
    const none = await update(token, { name: "Uma B" });
    assert.equal(none.CodeDeliveryDetailsList, undefined);
    const out = await update(token, { email: "uma.new@example.com" });
    assert.deepEqual(out.CodeDeliveryDetailsList, [{ Destination: "u***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" }]);
    const now = await attrs(token);
    assert.equal(now.name, "Uma B");
    assert.equal(now.email, "uma.new@example.com");
    assert.equal(now.email_verified, "false");
    const m = await newest(s, poolId, "uma", "UPDATE_ATTRIBUTE");
    assert.equal(m.to, "uma.new@example.com");
    assert.equal(m.body, `Your verification code is ${m.code}. `);
    await rejectsWith(verify(token, "email", m.code === "000000" ? "111111" : "000000"), "CodeMismatchException", MISMATCH);
    await verify(token, "email", m.code!);
    assert.equal((await attrs(token)).email_verified, "true");
    await rejectsWith(verify(token, "email", m.code!), "CodeMismatchException", MISMATCH);
    await rejectsWith(verify(token, "name", "123456"), "InvalidParameterException", "Attribute name cannot be verified: only email and phone_number can.");
  });

  test("the schema's and the client's rules", async () => {
    await confirmedUser(s, poolId, clientId, "rui", { email: "rui@example.com", name: "Rui", "custom:fixed": "1" });
    const token = await signIn(s, clientId, "rui", PASSWORD);
    await rejectsWith(update(token, { "custom:fixed": "2" }), "InvalidParameterException", "user.custom:fixed: Attribute cannot be updated.");
    await rejectsWith(update(token, { "custom:nope": "2" }), "InvalidParameterException",
      "Attributes did not conform to the schema: custom:nope: Attribute does not exist in the schema.");
    for (const name of ["email_verified", "sub", "custom:secret"]) {
      await rejectsWith(update(token, { [name]: "true" }), "InvalidParameterException", "A client attempted to write unauthorized attribute");
    }
    await rejectsWith(update(token, { email: "not-an-email" }), "InvalidParameterException", "Invalid email address format.");
    await rejectsWith(s.client.send(new DeleteUserAttributesCommand({ AccessToken: token, UserAttributeNames: ["name"] })),
      "InvalidParameterException", "Attributes did not conform to the schema: name: The attribute name is required");
    await adminUpdate("rui", { "custom:secret": "s3" });
    const admin = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "rui" }));
    assert.ok(admin.UserAttributes!.some((a) => a.Name === "custom:secret" && a.Value === "s3"));
    const { clientId: narrow } = await createClient(s, poolId, { WriteAttributes: ["name"] });
    const narrowToken = await signIn(s, narrow, "rui", PASSWORD);
    await update(narrowToken, { name: "Rui 2" });
    await rejectsWith(update(narrowToken, { locale: "fr" }), "InvalidParameterException", "A client attempted to write unauthorized attribute");
  });

  test("AdminUpdateUserAttributes may mark an address verified; without that the new address gets a code", async () => {
    await confirmedUser(s, poolId, clientId, "ada", { email: "ada@example.com", name: "Ada" });
    await adminUpdate("ada", { email: "ada2@example.com", email_verified: "true" });
    let user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ada" }));
    const get = (n: string) => user.UserAttributes!.find((a) => a.Name === n)?.Value;
    assert.equal(get("email"), "ada2@example.com");
    assert.equal(get("email_verified"), "true");
    assert.equal((await s.inbox({ poolId, username: "ada" })).filter((m) => m.purpose === "UPDATE_ATTRIBUTE").length, 0);
    await adminUpdate("ada", { email: "ada3@example.com" });
    user = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ada" }));
    assert.equal(get("email"), "ada3@example.com");
    assert.equal(get("email_verified"), "false");
    assert.equal((await newest(s, poolId, "ada", "UPDATE_ATTRIBUTE")).to, "ada3@example.com");
  });

  test("DeleteUserAttributes and AdminDeleteUserAttributes", async () => {
    await confirmedUser(s, poolId, clientId, "del", { email: "del@example.com", name: "Del", locale: "en" });
    const token = await signIn(s, clientId, "del", PASSWORD);
    await s.client.send(new DeleteUserAttributesCommand({ AccessToken: token, UserAttributeNames: ["locale"] }));
    assert.equal((await attrs(token)).locale, undefined);
    await s.client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: "del", UserAttributeNames: ["email"] }));
    const after = await attrs(token);
    assert.equal(after.email, undefined);
    assert.equal(after.email_verified, undefined);
    await rejectsWith(s.client.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: "nobody", UserAttributeNames: ["locale"] })),
      "UserNotFoundException", "User does not exist.");
  });

  test("GetUserAttributeVerificationCode resends (newest code only) within the hourly limit; VerifyUserAttribute is limited too", async () => {
    await confirmedUser(s, poolId, clientId, "gia", { email: "gia@example.com", name: "Gia" });
    const token = await signIn(s, clientId, "gia", PASSWORD);
    const get = () => s.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "email" }));
    const out = await get();
    assert.deepEqual(out.CodeDeliveryDetails, { Destination: "g***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const first = (await newest(s, poolId, "gia", "VERIFY_ATTRIBUTE")).code!;
    for (let i = 0; i < 3; i++) await get();
    await rejectsWith(get(), "LimitExceededException", LIMIT);
    const latest = (await s.inbox({ poolId, username: "gia" }, 5)).find((m) => m.purpose === "VERIFY_ATTRIBUTE")!.code!;
    // Four attempts against a limit of three: a superseded (or wrong) code, the right one, a used one, then the limit.
    await rejectsWith(verify(token, "email", first !== latest ? first : "x"), "CodeMismatchException", MISMATCH);
    await verify(token, "email", latest);
    await rejectsWith(verify(token, "email", latest), "CodeMismatchException", MISMATCH);
    await rejectsWith(verify(token, "email", latest), "LimitExceededException", LIMIT);
    await rejectsWith(s.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "phone_number" })),
      "InvalidParameterException", "The user has no phone_number to verify.");
  });
});

describe("AttributesRequireVerificationBeforeUpdate and aliases", () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  test("the old email stays in force until the new one is verified", async () => {
    const pool = await createPool(s, { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] } });
    const { clientId } = await createClient(s, pool);
    await confirmedUser(s, pool, clientId, "vic", { email: "vic@example.com" });
    const token = await signIn(s, clientId, "vic", PASSWORD);
    const out = await s.client.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: "email", Value: "vic@new.example" }] }));
    assert.deepEqual(out.CodeDeliveryDetailsList, [{ Destination: "v***@n***", DeliveryMedium: "EMAIL", AttributeName: "email" }]);
    const before = Object.fromEntries((await s.client.send(new GetUserCommand({ AccessToken: token }))).UserAttributes!.map((a) => [a.Name, a.Value]));
    assert.equal(before.email, "vic@example.com");
    assert.equal(before.email_verified, "true");
    // A resend goes to the waiting value.
    await s.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "email" }));
    const m = await newest(s, pool, "vic", "VERIFY_ATTRIBUTE");
    assert.equal(m.to, "vic@new.example");
    await s.client.send(new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: "email", Code: m.code! }));
    const afterwards = Object.fromEntries((await s.client.send(new GetUserCommand({ AccessToken: token }))).UserAttributes!.map((a) => [a.Name, a.Value]));
    assert.equal(afterwards.email, "vic@new.example");
    assert.equal(afterwards.email_verified, "true");
  });

  test("setting the email back to the one in force drops the waiting value", async () => {
    const pool = await createPool(s, { UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ["email"] } });
    const { clientId } = await createClient(s, pool);
    await confirmedUser(s, pool, clientId, "wes", { email: "wes@example.com" });
    const token = await signIn(s, clientId, "wes", PASSWORD);
    const set = (Value: string) => s.client.send(new UpdateUserAttributesCommand({ AccessToken: token, UserAttributes: [{ Name: "email", Value }] }));
    await set("wes@new.example");
    const back = await set("wes@example.com");
    assert.equal(back.CodeDeliveryDetailsList, undefined);
    await s.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: "email" }));
    assert.equal((await newest(s, pool, "wes", "VERIFY_ATTRIBUTE")).to, "wes@example.com");
  });

  test("alias pools: sign in with a verified email or a preferred_username; a taken alias is AliasExistsException", async () => {
    const pool = await createPool(s, { AliasAttributes: ["email", "preferred_username"] });
    const { clientId } = await createClient(s, pool);
    await confirmedUser(s, pool, clientId, "amy", { email: "amy@example.com" });
    const amy = await signIn(s, clientId, "amy@example.com", PASSWORD);
    await s.client.send(new UpdateUserAttributesCommand({ AccessToken: amy, UserAttributes: [{ Name: "preferred_username", Value: "amy_p" }] }));
    assert.ok(await signIn(s, clientId, "amy_p", PASSWORD));
    await confirmedUser(s, pool, clientId, "bob", { email: "bob@example.com" });
    const bob = await signIn(s, clientId, "bob", PASSWORD);
    await rejectsWith(s.client.send(new UpdateUserAttributesCommand({ AccessToken: bob, UserAttributes: [{ Name: "preferred_username", Value: "amy_p" }] })),
      "AliasExistsException", "An account with the preferred_username already exists.");
    await s.client.send(new UpdateUserAttributesCommand({ AccessToken: bob, UserAttributes: [{ Name: "email", Value: "amy@example.com" }] }));
    const code = (await newest(s, pool, "bob", "UPDATE_ATTRIBUTE")).code!;
    await rejectsWith(s.client.send(new VerifyUserAttributeCommand({ AccessToken: bob, AttributeName: "email", Code: code })),
      "AliasExistsException", "An account with the email already exists.");
    await rejectsWith(s.client.send(new AdminUpdateUserAttributesCommand({
      UserPoolId: pool, Username: "bob", UserAttributes: [{ Name: "email", Value: "amy@example.com" }, { Name: "email_verified", Value: "true" }],
    })), "AliasExistsException", "An account with the email already exists.");
    // An unverified email is no alias.
    await rejectsWith(signIn(s, clientId, "bob@example.com", PASSWORD), "UserNotFoundException", "User does not exist.");
  });

  test("email-as-username pools: another user's address is AliasExistsException at once", async () => {
    const pool = await createPool(s, { UsernameAttributes: ["email"] });
    const { clientId } = await createClient(s, pool);
    await confirmedUser(s, pool, clientId, "one@example.com", {});
    await confirmedUser(s, pool, clientId, "two@example.com", {});
    const two = await signIn(s, clientId, "two@example.com", PASSWORD);
    await rejectsWith(s.client.send(new UpdateUserAttributesCommand({ AccessToken: two, UserAttributes: [{ Name: "email", Value: "one@example.com" }] })),
      "AliasExistsException", "An account with the given email already exists.");
  });
});
