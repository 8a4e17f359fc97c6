// test-stores: sqlite, postgres
/**
 * SigV4 on the IAM-authorised operations: the real SDK with the right key passes, every way of getting it wrong is
 * refused with the error AWS gives, public operations ignore signatures, and dev mode without keys accepts anything.
 */
import {
  CognitoIdentityProviderServiceException, CreateUserPoolCommand, DescribeUserPoolCommand, ListUserPoolsCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { ConfigError, resolveConfig } from "../../src/config.js";
import {
  amzDate, canonicalQuery, CredentialsError, INVALID_TOKEN, loadCredentials, parseCredentials, SIGNATURE_MISMATCH, SigV4Verifier,
} from "../../src/protocol/sigv4.js";
import { createClient, createPool } from "../helpers/fixtures.js";
import { sdkClient, startTestServer, type TestServer } from "../helpers/server.js";
import { assertAwsError, call, rawPost, sign, signedCall, type SignOptions } from "./helpers.js";

const KEY = { accessKeyId: "AKIAUSERPOOLTEST0001", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const TOKEN_KEY = { accessKeyId: "ASIAUSERPOOLTEMP0002", secretAccessKey: "temporary/secret/key", sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE//token==" };

async function rejectsTyped(p: Promise<unknown>, name: string, message?: string | RegExp) {
  await assert.rejects(p, (e: any) => {
    assert.ok(e instanceof CognitoIdentityProviderServiceException, `not the SDK's service exception: ${e}`);
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    if (typeof message === "string") assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    assert.equal(e.$metadata?.httpStatusCode, 400);
    return true;
  });
}

describe("SigV4 with configured credentials", () => {
  let s: TestServer;
  let poolId: string;
  let credsFile: string;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), "userpool-creds-"));
    credsFile = join(dir, "credentials.json");
    writeFileSync(credsFile, JSON.stringify([KEY, TOKEN_KEY]));
    s = await startTestServer({ credentialsFile: credsFile, accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" });
    poolId = await createPool(s); // the harness client signs with AKIDTEST, configured from the "environment" pair
  });
  after(() => s.close());
  const op = (o: Partial<SignOptions> = {}): SignOptions => ({
    url: s.url, op: "DescribeUserPool", body: JSON.stringify({ UserPoolId: poolId }), ...KEY, ...o,
  });

  test("the real SDK with a configured key (file or environment) passes; with a wrong one it gets the typed exception", async () => {
    for (const creds of [KEY, { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" }, TOKEN_KEY]) {
      const c = sdkClient(s.url, creds);
      const out = await c.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      assert.equal(out.UserPool?.Id, poolId);
      c.destroy();
    }
    const wrongSecret = sdkClient(s.url, { ...KEY, secretAccessKey: KEY.secretAccessKey + "x" });
    await rejectsTyped(wrongSecret.send(new ListUserPoolsCommand({ MaxResults: 10 })), "InvalidSignatureException", SIGNATURE_MISMATCH);
    const unknown = sdkClient(s.url, { accessKeyId: "AKIANOBODYKNOWS00000", secretAccessKey: "x" });
    await rejectsTyped(unknown.send(new ListUserPoolsCommand({ MaxResults: 10 })), "UnrecognizedClientException", INVALID_TOKEN);
    const otherRegion = sdkClient(s.url, KEY, "eu-west-1");
    await rejectsTyped(otherRegion.send(new ListUserPoolsCommand({ MaxResults: 10 })), "InvalidSignatureException", "Credential should be scoped to a valid region.");
    const badToken = sdkClient(s.url, { ...TOKEN_KEY, sessionToken: "forged" });
    await rejectsTyped(badToken.send(new ListUserPoolsCommand({ MaxResults: 10 })), "UnrecognizedClientException", INVALID_TOKEN);
    const noToken = sdkClient(s.url, { accessKeyId: TOKEN_KEY.accessKeyId, secretAccessKey: TOKEN_KEY.secretAccessKey });
    await rejectsTyped(noToken.send(new ListUserPoolsCommand({ MaxResults: 10 })), "UnrecognizedClientException", INVALID_TOKEN);
    const madeUpToken = sdkClient(s.url, { ...KEY, sessionToken: "totally-made-up-token" });
    await rejectsTyped(madeUpToken.send(new ListUserPoolsCommand({ MaxResults: 10 })), "UnrecognizedClientException", INVALID_TOKEN);
    for (const c of [wrongSecret, unknown, otherRegion, badToken, noToken, madeUpToken]) c.destroy();
    // Nothing was created by the refused calls.
    assert.equal((await s.client.send(new ListUserPoolsCommand({ MaxResults: 60 }))).UserPools?.length, 1);
  });

  test("a request the SDK signed but that was changed on the way is refused (body, target, key)", async () => {
    const c = sdkClient(s.url, KEY);
    // A middleware after signing rewrites the request, as a man in the middle would.
    const tamper = (f: (req: any) => void) => {
      c.middlewareStack.remove("tamper");
      c.middlewareStack.add((next: any) => async (args: any) => { f(args.request); return next(args); }, { step: "deserialize", name: "tamper" } as never);
    };
    tamper((req) => { req.body = req.body.replace(poolId, poolId.slice(0, -1) + (poolId.endsWith("a") ? "b" : "a")); });
    await rejectsTyped(c.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "InvalidSignatureException", SIGNATURE_MISMATCH);
    tamper((req) => { req.headers["x-amz-target"] = "AWSCognitoIdentityProviderService.DeleteUserPool"; });
    await rejectsTyped(c.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "InvalidSignatureException", SIGNATURE_MISMATCH);
    tamper((req) => { req.headers.authorization = req.headers.authorization.replace(/Signature=([0-9a-f])/, (_: string, d: string) => `Signature=${d === "0" ? "1" : "0"}`); });
    await rejectsTyped(c.send(new DescribeUserPoolCommand({ UserPoolId: poolId })), "InvalidSignatureException", SIGNATURE_MISMATCH);
    c.destroy();
    const still = await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    assert.equal(still.UserPool?.Id, poolId);
  });

  test("X-Amz-Date must be within 5 minutes and on the scope's date", async () => {
    const now = Date.now();
    const old = await signedCall(op({ date: new Date(now - 6 * 60_000) }));
    assertAwsError(old, "InvalidSignatureException");
    assert.match(old.json.message, /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    const future = await signedCall(op({ date: new Date(now + 6 * 60_000) }));
    assertAwsError(future, "InvalidSignatureException");
    assert.match(future.json.message, /^Signature not yet current: /);
    for (const skew of [-4 * 60_000, 4 * 60_000]) {
      const ok = await signedCall(op({ date: new Date(now + skew) }));
      assert.equal(ok.status, 200, ok.text);
    }
    // A scope date that is not the request's day.
    const headers = await sign(op());
    headers.authorization = headers.authorization.replace(/Credential=([^/]+)\/(\d{8})/, (_, k) => `Credential=${k}/20200101`);
    const r = await rawPost(s.url, headers, JSON.stringify({ UserPoolId: poolId }));
    assertAwsError(r, "InvalidSignatureException");
    assert.match(r.json.message, /^Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20200101' != '\d{8}'/);
    // Not a date at all.
    const h2 = await sign(op());
    h2["x-amz-date"] = "yesterday";
    assertAwsError(await rawPost(s.url, h2, JSON.stringify({ UserPoolId: poolId })), "IncompleteSignatureException");
    // The Date header is accepted instead of X-Amz-Date when that is what was signed.
    const h3 = await sign(op({ headers: { date: new Date().toUTCString() } }));
    assert.ok(h3["x-amz-date"]);
    const viaDate = await rawPost(s.url, h3, JSON.stringify({ UserPoolId: poolId }));
    assert.equal(viaDate.status, 200, viaDate.text);
  });

  test("missing, malformed and incomplete Authorization headers", async () => {
    const body = JSON.stringify({ UserPoolId: poolId });
    const unsigned = await call(s.url, "DescribeUserPool", body);
    assertAwsError(unsigned, "MissingAuthenticationTokenException");
    assert.equal(unsigned.json.message, "Missing Authentication Token");
    const good = await sign(op());
    const cases: [string, string | RegExp][] = [
      ["Bearer abc.def.ghi", /^Unsupported AWS 'algorithm'/],
      ["AWS4-HMAC-SHA256", /requires 'Credential' parameter.*requires 'Signature' parameter.*requires 'SignedHeaders' parameter/],
      ["AWS4-HMAC-SHA256 Credential", /not a valid key=value pair \(missing equal-sign\)/],
      [good.authorization.replace(/, Signature=[0-9a-f]+/, ""), /requires 'Signature' parameter/],
      [good.authorization.replace(/Credential=[^,]+/, "Credential=AKIA/20240101/us-east-1"), /^Credential must have exactly 5 slash-delimited elements/],
      [good.authorization.replace("aws4_request", "aws5_request"), /^Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'\.$/],
      [good.authorization.replace(/SignedHeaders=[^,]+/, "SignedHeaders=content-type;x-amz-date;x-amz-target"), /'Host' or ':authority' must be a 'SignedHeader'/],
      [good.authorization.replace(/SignedHeaders=[^,]+/, "SignedHeaders=content-type;host;x-amz-date"), /'X-Amz-Target' must be a 'SignedHeader'/],
    ];
    for (const [authorization, message] of cases) {
      const r = await rawPost(s.url, { ...good, authorization }, body);
      assertAwsError(r, "IncompleteSignatureException");
      assert.match(r.json.message, message as RegExp, authorization);
    }
    const noDate = { ...good };
    delete noDate["x-amz-date"];
    const r = await rawPost(s.url, noDate, body);
    assertAwsError(r, "IncompleteSignatureException");
    assert.match(r.json.message, /requires existence of either a 'X-Amz-Date' or a 'Date' header/);
    const wrongService = await signedCall(op({ service: "cognito-identity" }));
    assertAwsError(wrongService, "InvalidSignatureException");
    assert.equal(wrongService.json.message, "Credential should be scoped to correct service: 'cognito-idp'.");
    const shortSig = await rawPost(s.url, { ...good, authorization: good.authorization.replace(/Signature=[0-9a-f]+/, "Signature=abc") }, body);
    assertAwsError(shortSig, "InvalidSignatureException");
  });

  test("a security token must be signed when sent; the target must be signed", async () => {
    const unsignedToken = await signedCall(op({ ...TOKEN_KEY, unsignable: ["x-amz-security-token"] }));
    assertAwsError(unsignedToken, "IncompleteSignatureException");
    assert.match(unsignedToken.json.message, /'X-Amz-Security-Token' must be a 'SignedHeader'/);
    const signedToken = await signedCall(op(TOKEN_KEY));
    assert.equal(signedToken.status, 200, signedToken.text);
    const unsignedTarget = await signedCall(op({ unsignable: ["x-amz-target"] }));
    assertAwsError(unsignedTarget, "IncompleteSignatureException");
  });

  test("query strings and extra unsigned headers are canonicalised like the SDK does", async () => {
    const r = await signedCall(op({ query: { b: "2", a: ["z", "y"], "x*y": "ü~!" }, headers: { "x-amz-meta-data": "  spaced   out  " } }));
    assert.equal(r.status, 200, r.text);
    const h = await sign(op());
    const extra = await rawPost(s.url, { ...h, "user-agent": "whatever", "x-unsigned": "1" }, JSON.stringify({ UserPoolId: poolId }));
    assert.equal(extra.status, 200, extra.text);
  });

  test("the signature is checked before the body: an unsigned request learns nothing about it", async () => {
    const r = await call(s.url, "DescribeUserPool", "{not json");
    assertAwsError(r, "MissingAuthenticationTokenException");
    const v = await call(s.url, "AdminGetUser", JSON.stringify({ UserPoolId: "bad id", Username: "" }));
    assertAwsError(v, "MissingAuthenticationTokenException");
    // An IAM operation userpool does not implement still wants a signature first.
    assertAwsError(await call(s.url, "AdminLinkProviderForUser", "{}"), "MissingAuthenticationTokenException");
    const signed = await signedCall(op({ op: "AdminLinkProviderForUser", body: "{}" }));
    assertAwsError(signed, "UnsupportedOperationException");
  });

  test("public operations ignore any Authorization header", async () => {
    const { clientId } = await createClient(s, poolId);
    const body = JSON.stringify({ ClientId: clientId, Username: "pat", Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: "pat@example.com" }] });
    const garbage = await call(s.url, "SignUp", body, { authorization: "AWS4-HMAC-SHA256 Credential=nobody/1/2/3/4, SignedHeaders=host, Signature=00" });
    assert.equal(garbage.status, 200, garbage.text);
    const wrongKey = await signedCall({ url: s.url, op: "ResendConfirmationCode", body: JSON.stringify({ ClientId: clientId, Username: "pat" }), accessKeyId: "nobody", secretAccessKey: "x" });
    assert.equal(wrongKey.status, 200, wrongKey.text);
  });
});

describe("dev mode without credentials", () => {
  let s: TestServer;
  before(async () => { s = await startTestServer({ accessKeyId: undefined, secretAccessKey: undefined }); });
  after(() => s.close());

  test("accepts any signature, or none, on IAM operations and says so", async () => {
    assert.match(s.server.security.auth, /accept ANY signature/);
    const unsigned = await call(s.url, "CreateUserPool", JSON.stringify({ PoolName: "p" }));
    assert.equal(unsigned.status, 200, unsigned.text);
    const c = sdkClient(s.url, { accessKeyId: "anything", secretAccessKey: "at-all" });
    await c.send(new CreateUserPoolCommand({ PoolName: "q" }));
    c.destroy();
  });
});

describe("credentials configuration", () => {
  test("JSON and AKID:SECRET line files parse; mistakes are named", () => {
    assert.deepEqual(parseCredentials('[{"accessKeyId":"AKIA1","secretAccessKey":"s1"}]'), [{ accessKeyId: "AKIA1", secretAccessKey: "s1" }]);
    assert.deepEqual(parseCredentials('{"credentials":[{"accessKeyId":"AKIA1","secretAccessKey":"s1","sessionToken":"t"}]}'),
      [{ accessKeyId: "AKIA1", secretAccessKey: "s1", sessionToken: "t" }]);
    assert.deepEqual(parseCredentials("# keys\nAKIA1:s1\n\n  AKIA2 : se:cr/et+=  \n"),
      [{ accessKeyId: "AKIA1", secretAccessKey: "s1" }, { accessKeyId: "AKIA2", secretAccessKey: "se:cr/et+=" }]);
    assert.throws(() => parseCredentials("AKIA1 s1"), CredentialsError);
    assert.throws(() => parseCredentials("[{}]"), /access key id/);
    assert.throws(() => parseCredentials('[{"accessKeyId":"AKIA1","secretAccessKey":"has space"}]'), /without whitespace/);
    assert.throws(() => parseCredentials("{not json"), /not valid JSON/);
    const dir = mkdtempSync(join(tmpdir(), "userpool-creds-"));
    writeFileSync(join(dir, "empty"), "# nothing\n");
    assert.throws(() => loadCredentials({ credentialsFile: join(dir, "empty") }), /holds no credentials/);
    assert.throws(() => loadCredentials({ credentialsFile: join(dir, "missing") }), /cannot read credentials file/);
    writeFileSync(join(dir, "dup"), "AKIA1:a\n");
    assert.throws(() => loadCredentials({ credentialsFile: join(dir, "dup"), accessKeyId: "AKIA1", secretAccessKey: "b" }), /configured twice/);
    assert.throws(() => resolveConfig({ accessKeyId: "AKIA1" }), ConfigError);
  });

  test("our verifier accepts exactly what the SDK's signer produces (randomised)", async () => {
    let now = Date.now();
    const v = new SigV4Verifier({ credentials: [KEY], region: "ap-southeast-2", clock: { now: () => now } });
    for (let i = 0; i < 200; i++) {
      const body = randomBytes(i % 7 === 0 ? 0 : 1 + (i * 37) % 3000);
      const query: Record<string, string> = {};
      for (let j = 0; j < i % 4; j++) query[randomBytes(3).toString("base64url") + "é"] = randomBytes(4).toString("base64");
      const date = new Date(now - (i % 5) * 30_000);
      const extra: Record<string, string> = { [`x-amz-meta-${i % 3}`]: ` v\t${i}  x ` };
      const headers = await sign({ url: "http://127.0.0.1:9229", op: "ListUsers", ...KEY, region: "ap-southeast-2", body: body as never, date, headers: extra, query });
      const qs = Object.entries(query).map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`).join("&");
      const url = qs ? `/?${qs}` : "/";
      assert.deepEqual(v.verify({ method: "POST", url, headers: lower(headers), body }), { accessKeyId: KEY.accessKeyId });
      const flipped = Buffer.from(body);
      if (flipped.length) {
        flipped[i % flipped.length] ^= 1;
        assert.throws(() => v.verify({ method: "POST", url, headers: lower(headers), body: flipped }), /does not match/);
      }
    }
    now += 10 * 60_000;
    const headers = await sign({ url: "http://127.0.0.1:9229", op: "ListUsers", ...KEY, region: "ap-southeast-2", date: new Date(now - 10 * 60_000) });
    assert.throws(() => v.verify({ method: "POST", url: "/", headers: lower(headers), body: Buffer.from("{}") }), /Signature expired/);
    assert.equal(canonicalQuery("b=2&a=z&a=y&X-Amz-Signature=zz"), "a=y&a=z&b=2");
    assert.equal(amzDate(Date.UTC(2024, 0, 2, 3, 4, 5)), "20240102T030405Z");
  });
});

const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
