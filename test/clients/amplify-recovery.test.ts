// test-stores: sqlite, postgres
/**
 * aws-amplify v6 under Node, unchanged, against userpool: resetPassword → the code from the dev inbox →
 * confirmResetPassword → signIn (USER_PASSWORD_AUTH) with the new password; updateUserAttributes (email) →
 * confirmUserAttribute; updatePassword.
 */
import { InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { Amplify } from "aws-amplify";
import {
  confirmResetPassword, confirmUserAttribute, fetchUserAttributes, resetPassword, signIn, updatePassword, updateUserAttributes,
} from "aws-amplify/auth";
import { cognitoUserPoolsTokenProvider } from "aws-amplify/auth/cognito";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD } from "../helpers/fixtures.js";
import { confirmedUser, newest } from "../helpers/recovery.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

/** Amplify keeps its tokens in a key-value store; under Node, one in memory. */
class MemoryStorage {
  private m = new Map<string, string>();
  async setItem(k: string, v: string) { this.m.set(k, v); }
  async getItem(k: string) { return this.m.get(k) ?? null; }
  async removeItem(k: string) { this.m.delete(k); }
  async clear() { this.m.clear(); }
}

describe("aws-amplify v6: password reset, attribute verification, password change", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    Amplify.configure({ Auth: { Cognito: { userPoolId: poolId, userPoolClientId: clientId, userPoolEndpoint: s.url } } });
    cognitoUserPoolsTokenProvider.setKeyValueStorage(new MemoryStorage());
  });
  after(() => s.close());

  test("resetPassword → confirmResetPassword → signIn; updateUserAttributes → confirmUserAttribute; updatePassword", async () => {
    await confirmedUser(s, poolId, clientId, "amp", { email: "amp@example.com" });

    const reset = await resetPassword({ username: "amp" });
    assert.equal(reset.isPasswordReset, false);
    assert.equal(reset.nextStep.resetPasswordStep, "CONFIRM_RESET_PASSWORD_WITH_CODE");
    assert.deepEqual(reset.nextStep.codeDeliveryDetails, { destination: "a***@e***", deliveryMedium: "EMAIL", attributeName: "email" });
    const resetCode = (await newest(s, poolId, "amp", "FORGOT_PASSWORD")).code!;
    await confirmResetPassword({ username: "amp", confirmationCode: resetCode, newPassword: "Amplify-R3set" });

    const signedIn = await signIn({ username: "amp", password: "Amplify-R3set", options: { authFlowType: "USER_PASSWORD_AUTH" } });
    assert.equal(signedIn.isSignedIn, true);

    const updated = await updateUserAttributes({ userAttributes: { email: "amp.new@example.com" } });
    assert.equal(updated.email.isUpdated, false);
    assert.equal(updated.email.nextStep.updateAttributeStep, "CONFIRM_ATTRIBUTE_WITH_CODE");
    assert.equal(updated.email.nextStep.codeDeliveryDetails?.destination, "a***@e***");
    const attributeCode = (await newest(s, poolId, "amp", "UPDATE_ATTRIBUTE")).code!;
    await confirmUserAttribute({ userAttributeKey: "email", confirmationCode: attributeCode });
    const attributes = await fetchUserAttributes();
    assert.equal(attributes.email, "amp.new@example.com");
    assert.equal(attributes.email_verified, "true");

    await updatePassword({ oldPassword: "Amplify-R3set", newPassword: "Amplify-Ch4nged" });
    const auth = (password: string) => s.client.send(new InitiateAuthCommand({
      ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "amp", PASSWORD: password },
    }));
    assert.ok((await auth("Amplify-Ch4nged")).AuthenticationResult?.AccessToken);
    await assert.rejects(auth(PASSWORD), (e: Error) => e.name === "NotAuthorizedException");
    await assert.rejects(auth("Amplify-R3set"), (e: Error) => e.name === "NotAuthorizedException");
  });
});
