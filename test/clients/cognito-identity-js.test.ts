// test-stores: sqlite, postgres
/**
 * amazon-cognito-identity-js, unchanged but for its `endpoint` option, against a real server: sign-up, confirmation,
 * SRP sign-in (its default flow), a wrong password, an unconfirmed user, refreshSession, and NEW_PASSWORD_REQUIRED for
 * an admin-created user.
 */
import { AdminConfirmSignUpCommand, AdminCreateUserCommand, AdminGetUserCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import {
  AuthenticationDetails, CognitoUser, CognitoUserAttribute, CognitoUserPool, type CognitoUserSession,
} from "amazon-cognito-identity-js";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createPool, PASSWORD } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { MemoryStorage } from "../helpers/memory-storage.js";

describe("amazon-cognito-identity-js against userpool", () => {
  let s: TestServer, poolId: string, userPool: CognitoUserPool;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    // Cognito's default flows: SRP and refresh (no USER_PASSWORD_AUTH: the library must not need it).
    const c = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "web" }));
    userPool = new CognitoUserPool({ UserPoolId: poolId, ClientId: c.UserPoolClient!.ClientId!, endpoint: s.url, Storage: new MemoryStorage() as any });
  });
  after(() => s.close());

  const signIn = (username: string, password: string, handlers: { newPasswordRequired?: (attrs: any, required: any, user: CognitoUser) => void } = {}) =>
    new Promise<{ session: CognitoUserSession; user: CognitoUser }>((resolve, reject) => {
      const user = new CognitoUser({ Username: username, Pool: userPool, Storage: new MemoryStorage() as any });
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: (session) => resolve({ session, user }),
        onFailure: reject,
        newPasswordRequired: handlers.newPasswordRequired ? (a, r) => handlers.newPasswordRequired!(a, r, user) : () => reject(new Error("unexpected newPasswordRequired")),
      });
    });

  const rejectsCode = async (p: Promise<unknown>, code: string, message: string) =>
    assert.rejects(p, (e: any) => { assert.equal(e.code, code, e.message); assert.equal(e.message, message); return true; });

  test("signUp, confirmRegistration, then authenticateUser by SRP gives tokens for the user", async () => {
    await new Promise((resolve, reject) => userPool.signUp("ada", PASSWORD, [new CognitoUserAttribute({ Name: "email", Value: "ada@example.com" })], [],
      (err, r) => (err ? reject(err) : resolve(r))));
    // An unconfirmed user learns so from the SRP flow too.
    await rejectsCode(signIn("ada", PASSWORD), "UserNotConfirmedException", "User is not confirmed.");
    const code = await s.latestCode(poolId, "ada");
    await new Promise((resolve, reject) => new CognitoUser({ Username: "ada", Pool: userPool }).confirmRegistration(code, false, (err, r) => (err ? reject(err) : resolve(r))));
    const { session, user } = await signIn("ada", PASSWORD);
    assert.equal(session.isValid(), true);
    assert.equal(session.getIdToken().decodePayload()["cognito:username"], "ada");
    assert.equal(session.getIdToken().decodePayload().email, "ada@example.com");
    assert.equal(session.getAccessToken().decodePayload().client_id, userPool.getClientId());
    // refreshSession: REFRESH_TOKEN_AUTH with the refresh token the SRP sign-in gave, on the signed-in object (which
    // sends "DEVICE_KEY": null, as Cognito accepts) and from a user object with empty storage.
    assert.ok(user);
    for (const who of [user, new CognitoUser({ Username: "ada", Pool: userPool, Storage: new MemoryStorage() as any })]) {
      const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
        who.refreshSession(session.getRefreshToken(), (err: any, r: CognitoUserSession) => (err ? reject(err) : resolve(r))));
      assert.equal(refreshed.getAccessToken().decodePayload().username, "ada");
    }
  });

  test("a wrong password and an unknown user are refused as Cognito refuses them", async () => {
    await rejectsCode(signIn("ada", "Wrong-passw0rd"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsCode(signIn("nobody", PASSWORD), "UserNotFoundException", "User does not exist.");
  });

  test("a user whose password an administrator set signs in by SRP (the verifier is written with the password)", async () => {
    await new Promise((resolve, reject) => userPool.signUp("bea", PASSWORD, [], [], (err, r) => (err ? reject(err) : resolve(r))));
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "bea" }));
    await s.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "bea", Password: "An0ther-pass", Permanent: true }));
    await rejectsCode(signIn("bea", PASSWORD), "NotAuthorizedException", "Incorrect username or password.");
    const { session } = await signIn("bea", "An0ther-pass");
    assert.equal(session.getIdToken().decodePayload()["cognito:username"], "bea");
  });

  test("an admin-created user gets newPasswordRequired, and completeNewPasswordChallenge signs in", async () => {
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: "cal", TemporaryPassword: "Temp0rary!", MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: "cal@example.com" }, { Name: "email_verified", Value: "true" }],
    }));
    const seen: { attrs?: any; required?: any } = {};
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      const user = new CognitoUser({ Username: "cal", Pool: userPool, Storage: new MemoryStorage() as any });
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        newPasswordRequired(attrs: any, required: any) {
          Object.assign(seen, { attrs, required });
          user.completeNewPasswordChallenge(PASSWORD, {}, callbacks);
        },
      };
      user.authenticateUser(new AuthenticationDetails({ Username: "cal", Password: "Temp0rary!" }), callbacks);
    });
    assert.equal(seen.attrs.email, "cal@example.com");
    assert.deepEqual(seen.required, []);
    assert.equal(session.getIdToken().decodePayload()["cognito:username"], "cal");
    assert.equal((await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "cal" }))).UserStatus, "CONFIRMED");
    // The new password is the SRP password from now on.
    assert.equal((await signIn("cal", PASSWORD)).session.isValid(), true);
  });
});
