// test-stores: sqlite, postgres
/** The `userpool` command and the TypeScript client, against a real server. */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { resendConfirmationCode } from "../src/client/index.js";
import { runCommand } from "./helpers/cli.js";
import { createClient, createPool, signUp } from "./helpers/fixtures.js";
import { startTestServer, type TestServer } from "./helpers/server.js";

const BIN = fileURLToPath(new URL("../bin/userpool.js", import.meta.url));
/** `node bin/userpool.js <args>`, asynchronously: the server under test lives in this process and must keep answering. */
const run = (args: string[], env: Record<string, string> = {}) => runCommand(args, env, [BIN]);

describe("userpool CLI and client", () => {
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  let secretClient: { clientId: string; secret?: string };
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    secretClient = await createClient(s, poolId, { GenerateSecret: true });
    await signUp(s, clientId, "jane", { email: "jane@example.com" });
    await signUp(s, secretClient.clientId, "jim", { email: "jim@example.com" }, secretClient.secret);
  });
  after(() => s.close());

  test("resend-confirmation-code prints the delivery method like the AWS example", async () => {
    const r = await run(["resend-confirmation-code", "--client-id", clientId, "--username", "jane", "--endpoint", s.url]);
    assert.equal(r.stderr.includes("Error"), false, r.stderr);
    assert.equal(r.stdout, "Method of delivery is EMAIL (j***@e***)\n");
    assert.equal(r.status, 0);
  });

  test("with --client-secret it sends the SecretHash; AWS_ENDPOINT_URL works instead of --endpoint", async () => {
    const r = await run(["resend-confirmation-code", "--client-id", secretClient.clientId, "--username", "jim", "--client-secret", secretClient.secret!],
      { AWS_ENDPOINT_URL: s.url });
    assert.equal(r.stdout, "Method of delivery is EMAIL (j***@e***)\n", r.stderr);
  });

  test("an AWS error prints its name and message and exits non-zero", async () => {
    const r = await run(["resend-confirmation-code", "--client-id", clientId, "--username", "nobody", "--endpoint", s.url]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^UserNotFoundException: Username\/client id combination not found\.\n/);
  });

  test("migrate only needs the store: it runs in a production environment without keys or secret", async () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-migrate-"));
    const r = await run(["migrate", "--data-dir", dir], { USERPOOL_MODE: "production" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${join(dir, "userpool.db")}: up to date\n`);
  });

  test("--help describes every command and option", async () => {
    const top = await run(["--help"]);
    assert.equal(top.status, 0);
    for (const word of ["serve", "resend-confirmation-code"]) assert.ok(top.stdout.includes(word), word);
    const serve = (await run(["serve", "--help"])).stdout;
    for (const flag of ["--port", "--host", "--data-dir", "--mode", "--resend-limit-per-hour", "--confirm-limit-per-hour"]) assert.ok(serve.includes(flag), flag);
    const resend = (await run(["resend-confirmation-code", "--help"])).stdout;
    for (const flag of ["--client-id", "--username", "--client-secret", "--endpoint", "--region"]) assert.ok(resend.includes(flag), flag);
  });

  test("a bad flag value is refused before anything starts", async () => {
    const r = await run(["serve", "--port", "nope"]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /port/);
  });

  test("the client adds the SecretHash and returns CodeDeliveryDetails", async () => {
    const d = await resendConfirmationCode({ client: s.client, clientId: secretClient.clientId, username: "jim", clientSecret: secretClient.secret });
    assert.deepEqual(d, { Destination: "j***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const messages = await s.inbox({ poolId, username: "jim" }, 3);
    assert.equal(messages.length, 3);
  });
});
