/** Pools, clients and users for the operation tests, created through the real SDK. */
import {
  CreateUserPoolClientCommand, CreateUserPoolCommand, SignUpCommand,
  type CreateUserPoolClientCommandInput, type CreateUserPoolCommandInput,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { secretHash } from "../../src/domain/secret-hash.js";
import type { TestServer } from "./server.js";

export const PASSWORD = "Passw0rd!";

export async function createPool(s: TestServer, input: Partial<CreateUserPoolCommandInput> = {}) {
  const out = await s.client.send(new CreateUserPoolCommand({ PoolName: "test-pool", AutoVerifiedAttributes: ["email"], ...input }));
  return out.UserPool!.Id!;
}

export async function createClient(s: TestServer, poolId: string, input: Partial<CreateUserPoolClientCommandInput> = {}) {
  const out = await s.client.send(new CreateUserPoolClientCommand({
    UserPoolId: poolId, ClientName: "test-client", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"], ...input,
  }));
  const c = out.UserPoolClient!;
  return { clientId: c.ClientId!, secret: c.ClientSecret };
}

export async function signUp(s: TestServer, clientId: string, username: string, attrs: Record<string, string> = {}, secret?: string) {
  return s.client.send(new SignUpCommand({
    ClientId: clientId, Username: username, Password: PASSWORD,
    UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })),
    ...(secret ? { SecretHash: secretHash(secret, username, clientId) } : {}),
  }));
}

/** Asserts that `p` rejects with the SDK's typed exception of that name and, if given, that exact message. */
export async function rejectsWith(p: Promise<unknown>, name: string, message?: string | RegExp) {
  await assert.rejects(p, (e: any) => {
    assert.equal(e.name, name, `expected ${name}, got ${e.name}: ${e.message}`);
    if (typeof message === "string") assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    assert.equal(e.$metadata?.httpStatusCode, name === "InternalErrorException" ? 500 : 400);
    return true;
  });
}

/** A fresh server with one pool (auto-verifying email unless `pool` says otherwise) and one app client. */
export async function serverWithPool(pool: Partial<CreateUserPoolCommandInput> = {}) {
  const { startTestServer } = await import("./server.js");
  const s = await startTestServer();
  const poolId = await createPool(s, pool);
  const { clientId } = await createClient(s, poolId);
  return { s, poolId, clientId };
}
