// test-stores: sqlite, postgres
/** AWS JSON 1.1 framing, checked with raw HTTP requests (what an SDK never sends, a hostile client might). */
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, test } from "node:test";
import { startTestServer, type TestServer } from "../helpers/server.js";

const TARGET = "AWSCognitoIdentityProviderService.";

describe("AWS JSON 1.1 framing", () => {
  let s: TestServer;
  before(async () => { s = await startTestServer(); });
  after(() => s.close());

  const post = (body: string | Blob, headers: Record<string, string> = {}) =>
    fetch(s.url, { method: "POST", body, headers: { "content-type": "application/x-amz-json-1.1", ...headers } });
  async function expectError(res: Response, status: number, type: string, message?: RegExp) {
    assert.equal(res.status, status);
    assert.equal(res.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.equal(res.headers.get("x-amzn-errortype"), `${type}:`);
    assert.match(res.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    const body = await res.json() as { __type: string; message: string };
    assert.equal(body.__type, type);
    assert.equal(typeof body.message, "string");
    assert.equal(res.headers.get("x-amzn-errormessage"), body.message.replace(/[^\x20-\x7e]/g, "?"));
    if (message) assert.match(body.message, message);
  }

  test("a success carries the request id, the JSON 1.1 content type and open CORS", async () => {
    const res = await post(JSON.stringify({ MaxResults: 5 }), { "x-amz-target": TARGET + "ListUserPools" });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/x-amz-json-1.1");
    assert.match(res.headers.get("x-amzn-requestid") ?? "", /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("access-control-expose-headers"), "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
    assert.deepEqual(await res.json(), { UserPools: [] });
  });

  test("every answer carries a request id: preflight, 404, health, JWKS, the dev inbox", async () => {
    const answers = await Promise.all([
      fetch(s.url, { method: "OPTIONS", headers: { origin: "http://app.test", "access-control-request-method": "POST" } }),
      fetch(`${s.url}/no-such-route`),
      fetch(`${s.url}/health`),
      fetch(`${s.url}/us-east-1_nopool123/.well-known/jwks.json`),
      fetch(`${s.url}/_dev/inbox/messages`),
    ]);
    const ids = answers.map((res) => res.headers.get("x-amzn-requestid") ?? "");
    for (const [i, id] of ids.entries()) assert.match(id, /^[0-9a-f-]{36}$/, `answer ${i} (HTTP ${answers[i].status})`);
    assert.equal(new Set(ids).size, ids.length, "one id per request");
    await Promise.all(answers.map((res) => res.arrayBuffer()));
  });

  test("timestamps are epoch seconds", async () => {
    const res = await post(JSON.stringify({ PoolName: "t" }), { "x-amz-target": TARGET + "CreateUserPool" });
    const { UserPool } = await res.json() as { UserPool: { CreationDate: unknown } };
    assert.equal(typeof UserPool.CreationDate, "number");
    assert.ok(Math.abs((UserPool.CreationDate as number) - Date.now() / 1000) < 60);
  });

  test("a CORS preflight is answered", async () => {
    const res = await fetch(s.url, { method: "OPTIONS", headers: { origin: "http://app.test", "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-amz-target" } });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("access-control-allow-headers"), "content-type,x-amz-target");
  });

  test("malformed JSON is SerializationException", async () => {
    await expectError(await post("{not json", { "x-amz-target": TARGET + "SignUp" }), 400, "SerializationException", /not valid JSON/);
    await expectError(await post("[1,2]", { "x-amz-target": TARGET + "SignUp" }), 400, "SerializationException", /JSON object/);
    await expectError(await post(JSON.stringify({ ClientId: 5, Username: "x" }), { "x-amz-target": TARGET + "SignUp" }), 400, "SerializationException", /clientId/);
  });

  test("a missing or unknown target is UnknownOperationException", async () => {
    await expectError(await post("{}"), 400, "UnknownOperationException", /Missing X-Amz-Target/);
    await expectError(await post("{}", { "x-amz-target": TARGET + "NoSuchThing" }), 400, "UnknownOperationException", /NoSuchThing/);
    await expectError(await post("{}", { "x-amz-target": "SomeOtherService.SignUp" }), 400, "UnknownOperationException");
  });

  test("an operation of the model that userpool does not implement gets the one uniform error naming it", async () => {
    await expectError(await post("{}", { "x-amz-target": TARGET + "AdminLinkProviderForUser" }), 400, "UnsupportedOperationException", /AdminLinkProviderForUser/);
  });

  test("a wrong content type is refused clearly", async () => {
    await expectError(await post("{}", { "x-amz-target": TARGET + "ListUserPools", "content-type": "text/plain" }), 415, "UnsupportedMediaTypeException", /text\/plain/);
  });

  test("a body over 1 MiB is refused with 413, declared or streamed", async () => {
    const big = new Blob([" ".repeat(1024 * 1024 + 10)]);
    await expectError(await post(big, { "x-amz-target": TARGET + "SignUp" }), 413, "RequestEntityTooLargeException");
    // Chunked, without a Content-Length: the limit still holds.
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(s.url, { method: "POST", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET + "SignUp" } }, (r) => {
        let body = "";
        r.on("data", (c) => (body += c));
        r.on("end", () => resolve({ status: r.statusCode!, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < 20; i++) req.write(Buffer.alloc(64 * 1024, 0x20));
      req.end();
    });
    assert.equal(res.status, 413);
    assert.equal(JSON.parse(res.body).__type, "RequestEntityTooLargeException");
  });

  test("an empty body counts as {} and fails validation like Cognito", async () => {
    await expectError(await post("", { "x-amz-target": TARGET + "ResendConfirmationCode" }), 400, "InvalidParameterException",
      /^2 validation errors detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null; Value null at 'username'/);
  });

  test("unknown routes answer a JSON 404, /health answers ok", async () => {
    const res = await fetch(`${s.url}/nowhere`);
    assert.equal(res.status, 404);
    assert.equal((await res.json() as { __type: string }).__type, "NotFound");
    assert.deepEqual(await (await fetch(`${s.url}/health`)).json(), { status: "ok", mode: "dev" });
  });
});
