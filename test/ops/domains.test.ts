// test-stores: sqlite, postgres
/**
 * CreateUserPoolDomain, DescribeUserPoolDomain, UpdateUserPoolDomain and DeleteUserPoolDomain through the SDK:
 * prefix and custom domains, Cognito's checks and errors, and DescribeUserPool's Domain and CustomDomain.
 */
import {
  CreateUserPoolDomainCommand, DeleteUserPoolCommand, DeleteUserPoolDomainCommand, DescribeUserPoolCommand, DescribeUserPoolDomainCommand,
  UpdateUserPoolDomainCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createPool, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let s: TestServer;
let poolA: string, poolB: string;
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

before(async () => {
  s = await startTestServer();
  poolA = await createPool(s);
  poolB = await createPool(s);
});
after(() => s.close());

const create = (UserPoolId: string, Domain: string, extra: Record<string, unknown> = {}) =>
  s.client.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain, ...extra }));
const describe = async (Domain: string) => (await s.client.send(new DescribeUserPoolDomainCommand({ Domain }))).DomainDescription!;

test("a prefix domain: created, described (ACTIVE, the pool's account), and shown by DescribeUserPool", async () => {
  const out = await create(poolA, "my-app-auth");
  assert.equal(out.ManagedLoginVersion, 1);
  assert.match(out.CloudFrontDomain!, /^d[a-z0-9]{13}\.cloudfront\.net$/);
  const d = await describe("my-app-auth");
  assert.equal(d.UserPoolId, poolA);
  assert.equal(d.Domain, "my-app-auth");
  assert.equal(d.Status, "ACTIVE");
  assert.equal(d.AWSAccountId, "000000000000");
  assert.equal(d.CloudFrontDistribution, out.CloudFrontDomain);
  assert.match(d.Version!, /^\d{14}$/);
  assert.deepEqual(d.CustomDomainConfig, {});
  const pool = (await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolA }))).UserPool!;
  assert.equal(pool.Domain, "my-app-auth");
  assert.equal(pool.CustomDomain, undefined);
});

test("a prefix is checked as Cognito checks it: characters, reserved words, one per pool, unique on the server", async () => {
  for (const bad of ["My-App", "-edge", "edge-", "a_b", "auth.example"]) {
    await rejectsWith(create(poolB, bad), "InvalidParameterException", /^The domain name contains an invalid character\. .*\^\[a-z0-9\]/);
  }
  await rejectsWith(create(poolB, "my-aws-login"), "InvalidParameterException", "Domain cannot contain reserved word: aws");
  await rejectsWith(create(poolB, "amazonish"), "InvalidParameterException", "Domain cannot contain reserved word: amazon");
  await rejectsWith(create(poolB, "xcognitox"), "InvalidParameterException", "Domain cannot contain reserved word: cognito");
  await rejectsWith(create(poolB, "my-app-auth"), "InvalidParameterException", "Domain already associated with another user pool.");
  await rejectsWith(create(poolA, "second-prefix"), "InvalidParameterException", "User pool already has a domain configured.");
  await rejectsWith(create("us-east-1_nosuchpool", "free-name"), "ResourceNotFoundException", "User pool us-east-1_nosuchpool does not exist.");
  await rejectsWith(create(poolB, "free-name", { ManagedLoginVersion: 3 }), "InvalidParameterException", "ManagedLoginVersion must be 1 or 2.");
});

test("a custom domain beside the prefix: its certificate, its CloudFront domain, updates, and DescribeUserPool's CustomDomain", async () => {
  const out = await create(poolA, "auth.example.com", { CustomDomainConfig: { CertificateArn: CERT }, ManagedLoginVersion: 2 });
  assert.equal(out.ManagedLoginVersion, 2);
  assert.match(out.CloudFrontDomain!, /\.cloudfront\.net$/);
  let d = await describe("auth.example.com");
  assert.deepEqual(d.CustomDomainConfig, { CertificateArn: CERT });
  assert.equal(d.ManagedLoginVersion, 2);
  const pool = (await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolA }))).UserPool!;
  assert.equal(pool.Domain, "my-app-auth");
  assert.equal(pool.CustomDomain, "auth.example.com");
  await rejectsWith(create(poolA, "login.example.com", { CustomDomainConfig: { CertificateArn: CERT } }), "InvalidParameterException", "User pool already has a domain configured.");
  await rejectsWith(create(poolB, "auth.example.com", { CustomDomainConfig: { CertificateArn: CERT } }), "InvalidParameterException", "Domain already associated with another user pool.");
  for (const bad of ["example", "auth..example.com", "Auth.Example.com", "auth.example.123", "-a.example.com"]) {
    await rejectsWith(create(poolB, bad, { CustomDomainConfig: { CertificateArn: CERT } }), "InvalidParameterException", `Custom domain ${bad} is not a valid fully qualified domain name.`);
  }
  // Update: the certificate and the version; what is omitted stays.
  const other = CERT.replace(/5555$/, "6666");
  const up = await s.client.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolA, Domain: "auth.example.com", CustomDomainConfig: { CertificateArn: other } }));
  assert.equal(up.ManagedLoginVersion, 2);
  assert.equal(up.CloudFrontDomain, out.CloudFrontDomain);
  d = await describe("auth.example.com");
  assert.deepEqual(d.CustomDomainConfig, { CertificateArn: other });
  await s.client.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolA, Domain: "my-app-auth", ManagedLoginVersion: 2 }));
  assert.equal((await describe("my-app-auth")).ManagedLoginVersion, 2);
  await rejectsWith(s.client.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolA, Domain: "my-app-auth", CustomDomainConfig: { CertificateArn: other } })),
    "InvalidParameterException", "CustomDomainConfig can only be updated for a custom domain.");
  await rejectsWith(s.client.send(new UpdateUserPoolDomainCommand({ UserPoolId: poolB, Domain: "auth.example.com", ManagedLoginVersion: 1 })),
    "InvalidParameterException", "No such domain or user pool exists.");
});

test("an unknown domain is described as an empty description; delete frees a domain for another pool", async () => {
  assert.deepEqual(await describe("nobody-has-this"), {});
  assert.deepEqual(await describe("a\u0000b\ud800"), {}, "a name no domain can have is looked up nowhere");
  await rejectsWith(s.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolA, Domain: "x\u0000" })), "InvalidParameterException", "No such domain or user pool exists.");
  await rejectsWith(s.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolB, Domain: "my-app-auth" })), "InvalidParameterException", "No such domain or user pool exists.");
  await s.client.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolA, Domain: "my-app-auth" }));
  assert.deepEqual(await describe("my-app-auth"), {});
  assert.equal((await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolA }))).UserPool!.Domain, undefined);
  await create(poolB, "my-app-auth");
  assert.equal((await describe("my-app-auth")).UserPoolId, poolB);
  await create(poolA, "another-prefix");
  assert.equal((await s.client.send(new DescribeUserPoolCommand({ UserPoolId: poolA }))).UserPool!.Domain, "another-prefix");
});

test("deleting a pool frees its domains", async () => {
  const p = await createPool(s);
  await create(p, "short-lived");
  await create(p, "short.example.com", { CustomDomainConfig: { CertificateArn: CERT } });
  await s.client.send(new DeleteUserPoolCommand({ UserPoolId: p }));
  assert.deepEqual(await describe("short-lived"), {});
  assert.deepEqual(await describe("short.example.com"), {});
  await create(poolB, "short.example.com", { CustomDomainConfig: { CertificateArn: CERT } });
  assert.equal((await describe("short.example.com")).UserPoolId, poolB);
});
