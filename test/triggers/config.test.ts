/**
 * The trigger settings: `--trigger ARN=URL` and `ARN=file:PATH` (resolved, checked to exist and be a module),
 * `--lambda-endpoint URL` / USERPOOL_LAMBDA_ENDPOINT, their one-line errors naming the flag, and `serve --help`.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { configFromEnv, ConfigError, parseTriggers, resolveConfig } from "../../src/config.js";
import { missingChannels } from "../../src/domain/production.js";
import { runCommand } from "../helpers/cli.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:pre-signup";

test("a file: mapping is resolved to an absolute path; a missing file or a non-module is refused", () => {
  const dir = mkdtempSync(join(tmpdir(), "userpool-trigger-config-"));
  writeFileSync(join(dir, "pre-signup.mjs"), "export const handler = async (e) => e;");
  const c = resolveConfig({ triggers: parseTriggers([`${ARN}=file:${join(dir, "pre-signup.mjs")}`]) });
  assert.equal(c.triggers[ARN], `file:${resolve(dir, "pre-signup.mjs")}`);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    assert.equal(resolveConfig({ triggers: { [ARN]: "file:./pre-signup.mjs" } }).triggers[ARN], `file:${resolve(dir, "pre-signup.mjs")}`);
  } finally { process.chdir(cwd); }
  assert.throws(() => resolveConfig({ triggers: { [ARN]: `file:${join(dir, "missing.mjs")}` } }),
    (e: ConfigError) => e instanceof ConfigError && e.key === "triggers" && e.message === `trigger file for ${ARN} does not exist: ${join(dir, "missing.mjs")}`);
  assert.throws(() => resolveConfig({ triggers: { [ARN]: `file:${join(dir, "handler.py")}` } }), /must be a \.mjs, \.cjs or \.js module/);
  assert.throws(() => parseTriggers(["no-equals-sign"]), /<lambda arn>=<url> or <lambda arn>=file:<path>/);
});

test("--lambda-endpoint: from USERPOOL_LAMBDA_ENDPOINT, a trailing slash dropped, a non-URL refused", () => {
  assert.equal(configFromEnv({ USERPOOL_LAMBDA_ENDPOINT: "http://127.0.0.1:3001" }).lambdaEndpoint, "http://127.0.0.1:3001");
  assert.equal(resolveConfig({ lambdaEndpoint: "http://127.0.0.1:3001/" }).lambdaEndpoint, "http://127.0.0.1:3001");
  assert.throws(() => resolveConfig({ lambdaEndpoint: "localhost:3001" }), (e: ConfigError) => e.key === "lambdaEndpoint" && /lambda endpoint/.test(e.message));
});

test("the CLI names the flag in one line, and serve --help documents the trigger flags", async () => {
  const bad = await runCommand(["--trigger", `${ARN}=file:./no-such-handler.mjs`]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^userpool: --trigger: trigger file for arn:aws:lambda:us-east-1:123456789012:function:pre-signup does not exist: [^\n]+ — change --trigger\n$/);
  const badEndpoint = await runCommand([], { USERPOOL_LAMBDA_ENDPOINT: "not a url" });
  assert.equal(badEndpoint.status, 2);
  assert.match(badEndpoint.stderr, /^userpool: USERPOOL_LAMBDA_ENDPOINT: lambda endpoint is not a URL — change or unset USERPOOL_LAMBDA_ENDPOINT\n$/);
  const help = await runCommand(["serve", "--help"]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--trigger <arn=url\|arn=file:path>/);
  assert.match(help.stdout, /--lambda-endpoint <url>/);
  assert.match(help.stdout, /USERPOOL_LAMBDA_ENDPOINT/);
});

test("production mode: a pool's custom sender trigger stands in for the channel of its medium", () => {
  const config = { mode: "production" as const, smtpUrl: undefined, smsWebhookUrl: undefined };
  const sender = { LambdaVersion: "V1_0", LambdaArn: "arn:aws:lambda:us-east-1:123456789012:function:sender" };
  assert.deepEqual(missingChannels(config, ["email", "phone_number"]), ["email", "phone_number"]);
  assert.deepEqual(missingChannels(config, ["email", "phone_number"], { CustomEmailSender: sender }), ["phone_number"]);
  assert.deepEqual(missingChannels(config, ["email", "phone_number"], { CustomEmailSender: sender, CustomSMSSender: sender }), []);
});
