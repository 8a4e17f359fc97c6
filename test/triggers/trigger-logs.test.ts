// test-stores: sqlite, postgres
/**
 * A trace-level log of a server whose pool sends its codes through a CustomEmailSender handler file, and whose
 * PreSignUp refuses with a message: neither the code (plain text in the sender's event, as there is no KMS here) nor
 * the event nor the function's error message reaches the log; the code is not printed either (the function delivers).
 */
import { ConfirmSignUpCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { spawnServer } from "../helpers/cli.js";
import { createClient, createPool, PASSWORD } from "../helpers/fixtures.js";
import { sdkClient, type TestServer } from "../helpers/server.js";
import { processStore } from "../helpers/store.js";

const BIN = fileURLToPath(new URL("../../bin/userpool.js", import.meta.url));
const SENDER = "arn:aws:lambda:us-east-1:123456789012:function:email-sender";
const PRE_SIGN_UP = "arn:aws:lambda:us-east-1:123456789012:function:pre-signup";

test("trigger calls log neither the code, nor the event, nor the function's error message", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-trigger-logs-"));
  const outFile = join(dataDir, "sent.json");
  writeFileSync(join(dataDir, "sender.mjs"), `import { writeFileSync } from "node:fs";
export const handler = async (event) => { writeFileSync(${JSON.stringify(outFile)}, JSON.stringify(event)); };`);
  writeFileSync(join(dataDir, "pre-signup.cjs"), `exports.handler = async (event) => {
  if (event.userName === "mallory") throw new Error("refused-marker-" + event.request.userAttributes.email);
  return event;
};`);
  const store = await processStore(dataDir);
  const srv = await spawnServer(["--port", "0", ...store.args, "--log-level", "trace",
    "--trigger", `${SENDER}=file:${join(dataDir, "sender.mjs")}`, "--trigger", `${PRE_SIGN_UP}=file:${join(dataDir, "pre-signup.cjs")}`],
  {}, { command: [BIN] });
  try {
    const client = sdkClient(srv.url);
    const s = { client } as TestServer;
    const poolId = await createPool(s, { LambdaConfig: { PreSignUp: PRE_SIGN_UP, CustomEmailSender: { LambdaVersion: "V1_0", LambdaArn: SENDER } } });
    const { clientId } = await createClient(s, poolId);
    await client.send(new SignUpCommand({ ClientId: clientId, Username: "logan", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "logan@example.com" }] }));
    for (let i = 0; i < 200 && !existsSync(outFile); i++) await new Promise((r) => setTimeout(r, 25));
    const event = JSON.parse(readFileSync(outFile, "utf8"));
    const code = event.request.code as string;
    assert.match(code, /^\d{6}$/);
    await client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "logan", ConfirmationCode: code }));
    await assert.rejects(client.send(new SignUpCommand({
      ClientId: clientId, Username: "mallory", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "mallory@example.com" }],
    })), (e: any) => e.name === "UserLambdaValidationException" && e.message === "PreSignUp failed with error refused-marker-mallory@example.com.");
    client.destroy();
    await new Promise((r) => setTimeout(r, 200));
    const log = srv.output();
    assert.ok(log.includes("PreSignUp trigger failed"), "the failure is logged");
    assert.ok(!log.includes(code), "the code is neither logged nor printed");
    assert.ok(!log.includes("customEmailSenderRequestV1"), "the event is not logged");
    assert.ok(!log.includes("refused-marker"), "the function's error message is not logged");
  } finally {
    await srv.kill("SIGKILL");
    await store.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
