// test-stores: sqlite, postgres
/**
 * aws-amplify v6 (`aws-amplify/auth`) under Node, pointed at userpool by `userPoolEndpoint`, with an in-memory token
 * store as Amplify's docs show for servers: signUp → resendSignUpCode → confirmSignUp → signIn (SRP, its default) →
 * fetchAuthSession → getCurrentUser; autoSignIn after confirmSignUp; a wrong password.
 */
import { AdminCreateUserCommand, AdminGetUserCommand, CreateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import {
  autoSignIn, confirmSignIn, confirmSignUp, fetchAuthSession, getCurrentUser, resendSignUpCode, signIn, signOut, signUp,
} from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createPool, PASSWORD } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/** Amplify's KeyValueStorageInterface, in memory. */
class MemoryKeyValueStorage {
  m = new Map<string, string>();
  async setItem(k: string, v: string) { this.m.set(k, v); }
  async getItem(k: string) { return this.m.get(k) ?? null; }
  async removeItem(k: string) { this.m.delete(k); }
  async clear() { this.m.clear(); }
}

describe("aws-amplify v6 against userpool", () => {
  let s: TestServer, poolId: string, clientId: string;
  const storage = new MemoryKeyValueStorage();
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    const c = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "amplify" }));
    clientId = c.UserPoolClient!.ClientId!;
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: s.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(storage);
  });
  after(async () => {
    await storage.clear();
    await s.close();
  });

  test("signUp, resendSignUpCode, confirmSignUp, then signIn by SRP, fetchAuthSession and getCurrentUser", async () => {
    const up = await signUp({ username: "amy", password: PASSWORD, options: { userAttributes: { email: "amy@example.com" } } });
    assert.equal(up.isSignUpComplete, false);
    assert.equal(up.nextStep.signUpStep, "CONFIRM_SIGN_UP");
    const resent = await resendSignUpCode({ username: "amy" });
    assert.equal(resent.deliveryMedium, "EMAIL");
    const code = await s.latestCode(poolId, "amy", 2);
    const confirmed = await confirmSignUp({ username: "amy", confirmationCode: code });
    assert.equal(confirmed.isSignUpComplete, true);

    const wrong = signIn({ username: "amy", password: "Wrong-passw0rd" });
    await assert.rejects(wrong, (e: any) => { assert.equal(e.name, "NotAuthorizedException"); assert.equal(e.message, "Incorrect username or password."); return true; });

    const out = await signIn({ username: "amy", password: PASSWORD });
    assert.equal(out.isSignedIn, true);
    assert.equal(out.nextStep.signInStep, "DONE");
    const session = await fetchAuthSession();
    assert.equal(session.tokens?.idToken?.payload["cognito:username"], "amy");
    assert.equal(session.tokens?.idToken?.payload.email, "amy@example.com");
    assert.equal(session.tokens?.accessToken.payload.client_id, clientId);
    const me = await getCurrentUser();
    assert.equal(me.username, "amy");
    assert.equal(me.userId, session.tokens?.idToken?.payload.sub);
    await signOut();
    await assert.rejects(getCurrentUser(), (e: any) => e.name === "UserUnAuthenticatedException");
  });

  test("autoSignIn after confirmSignUp signs in by SRP", async () => {
    const up = await signUp({ username: "abe", password: PASSWORD, options: { userAttributes: { email: "abe@example.com" }, autoSignIn: true } });
    assert.equal(up.nextStep.signUpStep, "CONFIRM_SIGN_UP");
    const code = await s.latestCode(poolId, "abe");
    const confirmed = await confirmSignUp({ username: "abe", confirmationCode: code });
    assert.equal(confirmed.nextStep.signUpStep, "COMPLETE_AUTO_SIGN_IN");
    const out = await autoSignIn();
    assert.equal(out.isSignedIn, true);
    assert.equal((await getCurrentUser()).username, "abe");
    await signOut();
  });

  test("an admin-created user signs in through CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED", async () => {
    await s.client.send(new AdminCreateUserCommand({
      UserPoolId: poolId, Username: "ann", TemporaryPassword: "Temp0rary!", MessageAction: "SUPPRESS",
      UserAttributes: [{ Name: "email", Value: "ann@example.com" }],
    }));
    const first = await signIn({ username: "ann", password: "Temp0rary!" });
    assert.equal(first.isSignedIn, false);
    assert.equal(first.nextStep.signInStep, "CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED");
    const done = await confirmSignIn({ challengeResponse: PASSWORD });
    assert.equal(done.isSignedIn, true);
    assert.equal((await getCurrentUser()).username, "ann");
    assert.equal((await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "ann" }))).UserStatus, "CONFIRMED");
    await signOut();
    assert.equal((await signIn({ username: "ann", password: PASSWORD })).isSignedIn, true);
    await signOut();
  });
});
