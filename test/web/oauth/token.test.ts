// test-stores: sqlite, postgres
/** The token endpoint's framing: form body, client authentication and OAuth's JSON errors, before any grant runs. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient, createPool } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";

let s: TestServer;
let publicId: string;
let confidential: { id: string; secret: string };

before(async () => {
  s = await startTestServer();
  const poolId = await createPool(s);
  publicId = (await createClient(s, poolId)).clientId;
  const c = await createClient(s, poolId, { GenerateSecret: true });
  confidential = { id: c.clientId, secret: c.secret! };
});
after(() => s.close());

const post = (body: string, headers: Record<string, string> = {}) => fetch(`${s.url}/oauth2/token`, {
  method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body,
});
const basic = (id: string, secret: string) => "Basic " + Buffer.from(`${id}:${secret}`).toString("base64");

test("a form that is not urlencoded, or repeats a parameter, is an invalid_request", async () => {
  let res = await post(JSON.stringify({ grant_type: "x" }), { "Content-Type": "application/json" });
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, "invalid_request");
  res = await post(`client_id=${publicId}&grant_type=a&grant_type=b`);
  assert.deepEqual(await res.json(), { error: "invalid_request", error_description: "parameter grant_type given more than once" });
  assert.equal(res.headers.get("cache-control"), "no-store");
});

test("an unknown client, or a wrong secret, is an invalid_client (401 with a Basic challenge when Basic was used)", async () => {
  let res = await post("client_id=nosuchclient&grant_type=authorization_code");
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, "invalid_client");
  res = await post("grant_type=client_credentials", { Authorization: basic(confidential.id, "wrong") });
  assert.equal(res.status, 401);
  assert.match(res.headers.get("www-authenticate") ?? "", /^Basic /);
  assert.equal((await res.json()).error, "invalid_client");
  res = await post(`client_id=${confidential.id}&grant_type=client_credentials`);
  assert.equal((await res.json()).error, "invalid_client", "a confidential client must give its secret");
});

test("a known client with an unknown grant type gets unsupported_grant_type", async () => {
  let res = await post(`client_id=${publicId}&grant_type=password`);
  assert.equal(res.status, 400);
  assert.deepEqual(await res.json(), { error: "unsupported_grant_type" });
  res = await post("grant_type=urn:nothing", { Authorization: basic(confidential.id, confidential.secret) });
  assert.deepEqual(await res.json(), { error: "unsupported_grant_type" });
  res = await post(`client_id=${publicId}`);
  assert.deepEqual(await res.json(), { error: "invalid_request", error_description: "grant_type is required" });
});
