// test-stores: sqlite, postgres
/**
 * The password-hash cost (--password-hash-cost): each hash stores its own scrypt N; dev mode hashes lightly,
 * production at 2^14 or more; a sign-in with a hash below the configured cost replaces it with a stronger one.
 */
import { AdminConfirmSignUpCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ConfigError, resolveConfig } from "../../src/config.js";
import { hashCostOf } from "../../src/domain/passwords.js";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const signIn = (s: TestServer, clientId: string, password = PASSWORD) =>
  s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "jane", PASSWORD: password } }));
const storedCost = async (s: TestServer, poolId: string) => hashCostOf((await s.server.deps.store.getUser(poolId, "jane"))!.passwordHash);

test("dev mode hashes at 2^8 by default; a weaker hash is replaced at the next successful sign-in, not at a failed one", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-hash-cost-"));
  const dev = await startTestServer({}, { dataDir });
  let poolId: string;
  let clientId: string;
  try {
    assert.equal(dev.server.deps.config.passwordHashCost, 8);
    poolId = await createPool(dev);
    ({ clientId } = await createClient(dev, poolId));
    await signUp(dev, clientId, "jane", { email: "jane@example.com" });
    await dev.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "jane" }));
    assert.equal(await storedCost(dev, poolId), 8);
    await signIn(dev, clientId); // at the configured cost already: left alone
    assert.equal(await storedCost(dev, poolId), 8);
  } finally {
    await dev.close();
  }

  // The same data, served with a higher cost.
  const strong = await startTestServer({ passwordHashCost: 11 }, { dataDir });
  try {
    await rejectsWith(signIn(strong, clientId, "Wrong-Passw0rd!"), "NotAuthorizedException", "Incorrect username or password.");
    assert.equal(await storedCost(strong, poolId), 8, "a failed sign-in changes nothing");
    const first = await signIn(strong, clientId);
    assert.ok(first.AuthenticationResult?.AccessToken);
    assert.equal(await storedCost(strong, poolId), 11, "replaced by a 2^11 hash");
    const again = await signIn(strong, clientId); // the new hash verifies the same password
    assert.ok(again.AuthenticationResult?.AccessToken);
    await rejectsWith(signIn(strong, clientId, "Wrong-Passw0rd!"), "NotAuthorizedException", "Incorrect username or password.");
  } finally {
    await strong.close();
  }
});

test("a configured cost applies to new hashes; production defaults to 2^14 and refuses less", async () => {
  const s = await startTestServer({ passwordHashCost: 10 });
  try {
    const poolId = await createPool(s);
    const { clientId } = await createClient(s, poolId);
    await signUp(s, clientId, "jane", { email: "jane@example.com" });
    assert.equal(await storedCost(s, poolId), 10);
  } finally {
    await s.close();
  }
  assert.equal(resolveConfig({ mode: "production", accessKeyId: "A", secretAccessKey: "s", serverSecret: "ab".repeat(32) }).passwordHashCost, 14);
  assert.throws(() => resolveConfig({ mode: "production", accessKeyId: "A", secretAccessKey: "s", serverSecret: "ab".repeat(32), passwordHashCost: 12 }),
    (e: unknown) => e instanceof ConfigError && e.key === "passwordHashCost" && /production's floor is 14/.test(e.message));
  for (const bad of [3, 21, 8.5]) assert.throws(() => resolveConfig({ passwordHashCost: bad }), ConfigError);
});
