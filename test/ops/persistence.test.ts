// test-stores: sqlite, postgres
import { AdminGetUserCommand, ConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createClient, createPool, signUp } from "../helpers/fixtures.js";
import { ConfigError } from "../../src/config.js";
import { loadServerSecret } from "../../src/server.js";
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

test("a secret file follows --server-secret's rules: hex or base64 of at least 32 bytes, nothing cut short", async () => {
  const dir = mkdtempSync(join(tmpdir(), "userpool-secret-"));
  try {
    const key = randomBytes(32);
    writeFileSync(join(dir, "hex"), key.toString("hex") + "\n");
    writeFileSync(join(dir, "b64"), key.toString("base64"));
    assert.deepEqual(loadServerSecret(dir, join(dir, "hex")), key);
    assert.deepEqual(loadServerSecret(dir, join(dir, "b64")), key);
    writeFileSync(join(dir, "short"), randomBytes(16).toString("hex"));
    assert.throws(() => loadServerSecret(dir, join(dir, "short")), (e: Error) => e instanceof ConfigError && /short: server secret must be at least 32 bytes/.test(e.message));
    writeFileSync(join(dir, "bad"), key.toString("hex").slice(0, 40) + "!?" + key.toString("hex").slice(42));
    assert.throws(() => loadServerSecret(dir, join(dir, "bad")), /must be hex or base64/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
