// test-stores: sqlite, postgres
/**
 * The three ways of reaching a trigger, chosen per ARN, behind one invokeTrigger: an HTTP endpoint (`--trigger
 * ARN=URL`), the Lambda Invoke API (`--lambda-endpoint`, every other ARN, through @aws-sdk/client-lambda), and a local
 * handler file (`--trigger ARN=file:…`, ESM or CommonJS, async or callback, in a worker thread, reloaded on change in
 * dev mode). Each answers the same PreSignUp call, and each failure is Cognito's error: a throwing handler
 * (UserLambdaValidationException), a timeout or malformed JSON (UnexpectedLambdaException), an answer that is not the
 * event (InvalidLambdaResponseException).
 */
import { AdminGetUserCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";
import { startLambdaApi, type LambdaApi } from "./helpers/lambda-api.js";

const arn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const HTTP = arn("pre-signup-http");
const FILES = {
  esm: ["esm.mjs", `export const handler = async (event, context) => {
  event.response.autoConfirmUser = true;
  event.response.autoVerifyEmail = true;
  return event;
};`],
  cjsCallback: ["callback.cjs", `exports.handler = function (event, context, callback) {
  setTimeout(() => { event.response.autoConfirmUser = true; callback(null, event); }, 5);
};`],
  context: ["context.mjs", `export async function handler(event, context) {
  if (event.request.clientMetadata.probe !== "context") return event;
  const info = { functionName: context.functionName, awsRequestId: context.awsRequestId, invokedFunctionArn: context.invokedFunctionArn,
    remaining: context.getRemainingTimeInMillis(), version: context.functionVersion, mainThread: (await import("node:worker_threads")).isMainThread };
  throw new Error(JSON.stringify(info));
}`],
  throws: ["throws.mjs", `export const handler = async () => { throw new Error("Sign-ups from example.net are closed"); };`],
  callbackError: ["callback-error.cjs", `exports.handler = (event, context, callback) => callback(new Error("no thanks"));`],
  slow: ["slow.mjs", `export const handler = async (event) => { const end = Date.now() + 30000; while (Date.now() < end); return event; };`],
  notEvent: ["not-event.mjs", `export const handler = async () => "yes";`],
  reload: ["reload.mjs", `export const handler = async (event) => { throw new Error("version 1"); };`],
} as const;

describe("trigger transports", () => {
  let s: TestServer, http: WebhookServer, lambda: LambdaApi, dir: string;
  let httpReply: (event: any, res: import("node:http").ServerResponse) => void;
  const pools = new Map<string, { poolId: string; clientId: string }>();

  const poolFor = async (triggerArn: string) => {
    let p = pools.get(triggerArn);
    if (!p) {
      const poolId = await createPool(s, { LambdaConfig: { PreSignUp: triggerArn } });
      p = { poolId, clientId: (await createClient(s, poolId)).clientId };
      pools.set(triggerArn, p);
    }
    return p;
  };
  let n = 0;
  const signUpVia = async (triggerArn: string, clientMetadata?: Record<string, string>) => {
    const { clientId, poolId } = await poolFor(triggerArn);
    const username = `u${++n}`;
    const out = await s.client.send(new SignUpCommand({
      ClientId: clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${username}@example.com` }],
      ClientMetadata: clientMetadata,
    }));
    return { out, username, poolId };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "userpool-handlers-"));
    const triggers: Record<string, string> = {};
    for (const [key, [file, source]] of Object.entries(FILES)) {
      writeFileSync(join(dir, file), source);
      triggers[arn(`file-${key}`)] = `file:${join(dir, file)}`;
    }
    http = await startWebhookServer((_req, body, res) => httpReply(JSON.parse(body), res));
    lambda = await startLambdaApi();
    triggers[HTTP] = http.url;
    s = await startTestServer({ triggers, lambdaEndpoint: lambda.url, triggerTimeoutMs: 600, triggerAttempts: 2 });
  });
  after(async () => { await s.close(); await http.close(); await lambda.close(); rmSync(dir, { recursive: true, force: true }); });

  test("HTTP endpoint: the answered event is honoured; an X-Amz-Function-Error answer is the function's error", async () => {
    httpReply = (event, res) => { res.writeHead(200, { "Content-Type": "application/json" }); res.end(JSON.stringify({ ...event, response: { ...event.response, autoConfirmUser: true } })); };
    const { out, username, poolId } = await signUpVia(HTTP);
    assert.equal(out.UserConfirmed, true);
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    assert.equal(u.UserStatus, "CONFIRMED");

    httpReply = (_event, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "X-Amz-Function-Error": "Unhandled" });
      res.end(JSON.stringify({ errorType: "Error", errorMessage: "not today" }));
    };
    await rejectsWith(signUpVia(HTTP), "UserLambdaValidationException", "PreSignUp failed with error not today.");
  });

  test("Lambda Invoke API: the function named by the ARN (and its qualifier) is invoked with the event, and its answer honoured", async () => {
    lambda.handlers.set("pre-signup", (event) => ({ ...event, response: { ...event.response, autoConfirmUser: true, autoVerifyEmail: true } }));
    const { out, username, poolId } = await signUpVia(arn("pre-signup"));
    assert.equal(out.UserConfirmed, true);
    const call = lambda.calls.at(-1)!;
    assert.equal(call.functionName, "pre-signup");
    assert.equal(call.qualifier, null);
    assert.equal(call.event.triggerSource, "PreSignUp_SignUp");
    assert.equal(call.event.userName, username);
    assert.match(String(call.headers["authorization"]), /^AWS4-HMAC-SHA256 /, "signed like any Lambda call");
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    assert.deepEqual(Object.fromEntries(u.UserAttributes!.map((a) => [a.Name, a.Value])).email_verified, "true");

    lambda.handlers.set("pre-signup", (event) => event);
    await signUpVia(`${arn("pre-signup")}:live`);
    assert.equal(lambda.calls.at(-1)!.qualifier, "live");
  });

  test("Lambda Invoke API: a function error, a timeout, malformed JSON, throttling and a missing function", async () => {
    lambda.handlers.set("failing", () => { throw new Error("Sign-ups are closed"); });
    await rejectsWith(signUpVia(arn("failing")), "UserLambdaValidationException", "PreSignUp failed with error Sign-ups are closed.");

    lambda.handlers.set("slow", async (event) => { await new Promise((r) => setTimeout(r, 1500)); return event; });
    const before = lambda.calls.length;
    await rejectsWith(signUpVia(arn("slow")), "UnexpectedLambdaException", "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.");
    assert.equal(lambda.calls.length - before, 2, "a timeout is retried (triggerAttempts 2 here, Cognito's 3 by default)");

    lambda.handlers.set("garbage", (_e, _req, res) => { res.writeHead(200, { "Content-Type": "application/json" }); res.end("{not json"); });
    await rejectsWith(signUpVia(arn("garbage")), "UnexpectedLambdaException", "PreSignUp invocation failed due to error Lambda function returned invalid JSON.");

    let throttled = 0;
    lambda.handlers.set("throttled", (event, _req, res) => {
      if (throttled++ === 0) {
        res.writeHead(429, { "Content-Type": "application/json", "x-amzn-ErrorType": "TooManyRequestsException" });
        res.end(JSON.stringify({ Type: "User", message: "Rate exceeded" }));
        return;
      }
      return { ...event, response: { ...event.response, autoConfirmUser: true } };
    });
    const { out } = await signUpVia(arn("throttled"));
    assert.equal(out.UserConfirmed, true, "a throttled call is retried");

    await rejectsWith(signUpVia(arn("no-such-function")), "UnexpectedLambdaException", /^PreSignUp invocation failed due to error Lambda Invoke API answered ResourceNotFoundException \(HTTP status 404\)\.$/);
  });

  test("handler file: an ESM async handler and a CommonJS callback handler", async () => {
    const a = await signUpVia(arn("file-esm"));
    assert.equal(a.out.UserConfirmed, true);
    const u = await s.client.send(new AdminGetUserCommand({ UserPoolId: a.poolId, Username: a.username }));
    assert.equal(Object.fromEntries(u.UserAttributes!.map((x) => [x.Name, x.Value])).email_verified, "true");
    const b = await signUpVia(arn("file-cjsCallback"));
    assert.equal(b.out.UserConfirmed, true);
  });

  test("handler file: runs in a worker thread with a Lambda-like context", async () => {
    let info: any;
    await assert.rejects(signUpVia(arn("file-context"), { probe: "context" }), (e: any) => {
      assert.equal(e.name, "UserLambdaValidationException");
      info = JSON.parse(/^PreSignUp failed with error (.*)\.$/.exec(e.message)![1]);
      return true;
    });
    assert.equal(info.functionName, "file-context");
    assert.equal(info.invokedFunctionArn, arn("file-context"));
    assert.equal(info.version, "$LATEST");
    assert.match(info.awsRequestId, /^[0-9a-f-]{36}$/);
    assert.ok(info.remaining > 0 && info.remaining <= 600, `remaining ${info.remaining}`);
    assert.equal(info.mainThread, false, "off the request path's event loop");
  });

  test("handler file: a throwing handler, a callback error, a timeout, and an answer that is not the event", async () => {
    await rejectsWith(signUpVia(arn("file-throws")), "UserLambdaValidationException", "PreSignUp failed with error Sign-ups from example.net are closed.");
    await rejectsWith(signUpVia(arn("file-callbackError")), "UserLambdaValidationException", "PreSignUp failed with error no thanks.");
    const started = Date.now();
    await rejectsWith(signUpVia(arn("file-slow")), "UnexpectedLambdaException", "PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.");
    // The handler spins for 30 s on each attempt: the worker is terminated at the timeout instead of being waited for.
    assert.ok(Date.now() - started < 10_000, "a busy handler does not hold the request past its timeouts");
    await rejectsWith(signUpVia(arn("file-notEvent")), "InvalidLambdaResponseException", "Unrecognizable lambda output");
    // The server kept serving while the handler spun: the next call gets a fresh worker.
    assert.equal((await signUpVia(arn("file-esm"))).out.UserConfirmed, true);
  });

  test("handler file: in dev mode an edited file is used on the next call, without a restart", async () => {
    await rejectsWith(signUpVia(arn("file-reload")), "UserLambdaValidationException", "PreSignUp failed with error version 1.");
    const file = join(dir, FILES.reload[0]);
    writeFileSync(file, `export const handler = async (event) => { throw new Error("version 2"); };`);
    const t = new Date(Date.now() + 5000);
    utimesSync(file, t, t);
    await rejectsWith(signUpVia(arn("file-reload")), "UserLambdaValidationException", "PreSignUp failed with error version 2.");
  });

  test("an ARN with no mapping and no Lambda endpoint fails loudly", async () => {
    const other = await startTestServer({});
    try {
      const poolId = await createPool(other, { LambdaConfig: { PreSignUp: arn("unmapped") } });
      const { clientId } = await createClient(other, poolId);
      await rejectsWith(other.client.send(new SignUpCommand({ ClientId: clientId, Username: "x", Password: PASSWORD })), "UnexpectedLambdaException",
        `PreSignUp trigger ${arn("unmapped")} has no endpoint: map it with --trigger ${arn("unmapped")}=<url|file:path> (env USERPOOL_TRIGGERS), or set --lambda-endpoint.`);
    } finally { await other.close(); }
  });
});
