// test-stores: sqlite, postgres
/** Codes, passwords and secrets never reach the logs; in dev mode the console line with the code is the one exception. */
import { ConfirmSignUpCommand, InitiateAuthCommand, ResendConfirmationCodeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { secretHash } from "../src/domain/secret-hash.js";
import { spawnServer } from "./helpers/cli.js";
import { createClient, createPool, PASSWORD, signUp } from "./helpers/fixtures.js";
import { sdkClient, type TestServer } from "./helpers/server.js";
import { processStore } from "./helpers/store.js";

const BIN = fileURLToPath(new URL("../bin/userpool.js", import.meta.url));

test("a trace-level log of the whole lifecycle holds no password, secret, SecretHash or code outside the dev code line", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-logs-"));
  const store = await processStore(dataDir);
  const srv = await spawnServer(["--port", "0", ...store.args, "--log-level", "trace"], {}, { command: [BIN] });
  const url = srv.url;
  try {
    const client = sdkClient(url);
    const inbox = async (username: string) => {
      for (let i = 0; i < 100; i++) {
        const { messages } = await (await fetch(`${url}/_dev/inbox/messages?username=${username}`)).json() as { messages: { code: string; status: string }[] };
        if (messages[0]?.status === "sent") return messages[0].code;
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error("no message");
    };
    const s = { client } as TestServer;
    const poolId = await createPool(s);
    const { clientId, secret } = await createClient(s, poolId, { GenerateSecret: true });
    const hash = secretHash(secret!, "logan", clientId);
    await signUp(s, clientId, "logan", { email: "logan@example.com" }, secret);
    await client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: "logan", SecretHash: hash }));
    const code = await inbox("logan");
    await client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "logan", ConfirmationCode: code, SecretHash: hash }));
    const auth = await client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "logan", PASSWORD, SECRET_HASH: hash } }));
    await client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "logan", PASSWORD: "Wr0ng-password", SECRET_HASH: hash } })).catch(() => undefined);
    client.destroy();
    await new Promise((r) => setTimeout(r, 200));

    for (const secretValue of [PASSWORD, "Wr0ng-password", secret!, hash, auth.AuthenticationResult!.RefreshToken!, auth.AuthenticationResult!.AccessToken!]) {
      assert.ok(!srv.output().includes(secretValue), `the log holds a secret value: ${secretValue.slice(0, 12)}…`);
    }
    const withCode = srv.output().split("\n").filter((l) => l.includes(code));
    assert.ok(withCode.length >= 1, "dev mode prints the code line");
    for (const line of withCode) assert.match(line, /^code \d{6} for logan \(logan@example\.com\)$/);
  } finally {
    await srv.kill("SIGKILL");
    await store.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
