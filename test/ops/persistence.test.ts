import { AdminGetUserCommand, ConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { startTestServer } from "../helpers/server.js";

test("a restart on the same data dir keeps pools, users, codes and the server secret", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-restart-"));
  try {
    const a = await startTestServer({}, { dataDir });
    const poolId = await createPool(a);
    const { clientId } = await createClient(a, poolId);
    await signUp(a, clientId, "kept", { email: "kept@example.com" });
    const code = await a.latestCode(poolId, "kept");
    await a.close();
    assert.equal(statSync(join(dataDir, "secret.key")).mode & 0o777, 0o600);

    const b = await startTestServer({}, { dataDir });
    try {
      const user = await b.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "kept" }));
      assert.equal(user.UserStatus, "UNCONFIRMED");
      // The code was stored as an HMAC under the secret kept in the data dir: it still confirms.
      await b.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "kept", ConfirmationCode: code }));
      assert.equal((await b.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: "kept" }))).UserStatus, "CONFIRMED");
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
