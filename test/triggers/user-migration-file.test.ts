// test-stores: sqlite, postgres
/**
 * The migration a team runs for real: instance B's UserMigration trigger is a local handler file (the same module it
 * would deploy to Lambda, run in a worker thread), which checks the password against instance A (the old pool) with
 * the AWS SDK and answers A's attributes. The user signs in to B with the old password and is stored in B.
 */
import { AdminConfirmSignUpCommand, AdminGetUserCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, TEST_CREDENTIALS } from "../helpers/server.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:migrate-from-old-pool";

test("a handler file migrates a user of the old pool on first sign-in, checking the password there", async () => {
  const a = await startTestServer();
  const dir = mkdtempSync(join(tmpdir(), "userpool-migration-"));
  try {
    const oldPool = await createPool(a);
    const { clientId: oldClient } = await createClient(a, oldPool);
    await signUp(a, oldClient, "eve", { email: "eve@example.com", name: "Eve" });
    await a.client.send(new AdminConfirmSignUpCommand({ UserPoolId: oldPool, Username: "eve" }));

    const file = join(dir, "migrate.mjs");
    writeFileSync(file, `
import { createRequire } from "node:module";
const sdk = createRequire(${JSON.stringify(resolve("package.json"))})("@aws-sdk/client-cognito-identity-provider");
const old = new sdk.CognitoIdentityProviderClient({ endpoint: ${JSON.stringify(a.url)}, region: "us-east-1", credentials: ${JSON.stringify(TEST_CREDENTIALS)} });
export const handler = async (event, context) => {
  if (event.triggerSource === "UserMigration_Authentication") {
    await old.send(new sdk.InitiateAuthCommand({ ClientId: ${JSON.stringify(oldClient)}, AuthFlow: "USER_PASSWORD_AUTH",
      AuthParameters: { USERNAME: event.userName, PASSWORD: event.request.password } }));
  }
  const user = await old.send(new sdk.AdminGetUserCommand({ UserPoolId: ${JSON.stringify(oldPool)}, Username: event.userName }));
  const userAttributes = Object.fromEntries(user.UserAttributes.filter((x) => x.Name !== "sub").map((x) => [x.Name, x.Value]));
  userAttributes["custom:migrated_by"] = context.functionName;
  return { ...event, response: { userAttributes, finalUserStatus: "CONFIRMED", messageAction: "SUPPRESS" } };
};
`);
    const b = await startTestServer({ triggers: { [ARN]: `file:${file}` } });
    try {
      const newPool = await createPool(b, {
        LambdaConfig: { UserMigration: ARN }, Schema: [{ Name: "migrated_by", AttributeDataType: "String", Mutable: true }],
      });
      const { clientId } = await createClient(b, newPool);
      const signIn = (password: string) => b.client.send(new InitiateAuthCommand({
        ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "eve", PASSWORD: password },
      }));
      // A wrong password fails in the old pool, so the function throws: no user is created.
      await rejectsWith(signIn("Wrong-Passw0rd!"), "UserLambdaValidationException", /^UserMigration failed with error /);
      const out = await signIn(PASSWORD);
      assert.ok(out.AuthenticationResult?.AccessToken, "signed in with the old password");
      const stored = await b.client.send(new AdminGetUserCommand({ UserPoolId: newPool, Username: "eve" }));
      const attrs = Object.fromEntries(stored.UserAttributes!.map((x) => [x.Name, x.Value]));
      assert.equal(stored.UserStatus, "CONFIRMED");
      assert.equal(attrs.email, "eve@example.com");
      assert.equal(attrs.name, "Eve");
      assert.equal(attrs["custom:migrated_by"], "migrate-from-old-pool", "the handler's context names the function");
      // Stored in B: the old pool could be gone now.
      await a.close();
      assert.ok((await signIn(PASSWORD)).AuthenticationResult?.IdToken);
    } finally {
      await b.close();
    }
  } finally {
    await a.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
});
