/**
 * Challenge sessions live in the store: two servers on one PostgreSQL database (as behind a load balancer), a
 * challenge opened on one instance is answered on the other, once. PostgreSQL by nature (two instances share
 * only a PostgreSQL store), so this file starts its own database in whichever pass runs it.
 */
import {
  AdminCreateUserCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand, RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { claimSignature, clientKey, srpTimestamp } from "../../src/domain/srp.js";
import { PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { createDatabase, type TestDatabase } from "../helpers/postgres.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("challenge sessions across two instances on one PostgreSQL database", () => {
  let db: TestDatabase, dir: string, a: TestServer, b: TestServer, poolId: string, clientId: string;
  before(async () => {
    db = await createDatabase("userpool_sessions");
    dir = mkdtempSync(join(tmpdir(), "userpool-sessions-"));
    const common = { databaseUrl: db.url, secretFile: join(dir, "secret.key"), publicUrl: "http://userpool.test" };
    a = await startTestServer(common, { dataDir: join(dir, "a") });
    b = await startTestServer(common, { dataDir: join(dir, "b") });
    poolId = (await a.client.send(new CreateUserPoolCommand({ PoolName: "sessions" }))).UserPool!.Id!;
    clientId = (await b.client.send(new CreateUserPoolClientCommand({
      UserPoolId: poolId, ClientName: "app", ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }))).UserPoolClient!.ClientId!;
    await a.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "nia", TemporaryPassword: "Temp0rary!", MessageAction: "SUPPRESS" }));
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("NEW_PASSWORD_REQUIRED opened on A is answered on B, then SRP opened on B is answered on A, each once", async () => {
    const c = await a.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nia", PASSWORD: "Temp0rary!" } }));
    assert.equal(c.ChallengeName, "NEW_PASSWORD_REQUIRED");
    const npr = (s: TestServer) => s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "NEW_PASSWORD_REQUIRED", Session: c.Session, ChallengeResponses: { USERNAME: "nia", NEW_PASSWORD: PASSWORD },
    }));
    assert.ok((await npr(b)).AuthenticationResult!.AccessToken);
    await rejectsWith(npr(a), "NotAuthorizedException", "Invalid session for the user, session is expired.");

    const x = randomBytes(128);
    const r = await b.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "nia", SRP_A: clientKey(poolId, "nia", "", "01", "02", x).A } }));
    const p = r.ChallengeParameters!;
    const { key } = clientKey(poolId, p.USER_ID_FOR_SRP, PASSWORD, p.SALT, p.SRP_B, x);
    const TIMESTAMP = srpTimestamp(new Date());
    const verifier = (s: TestServer) => s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "PASSWORD_VERIFIER", Session: r.Session, ChallengeResponses: {
        USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP,
        PASSWORD_CLAIM_SIGNATURE: claimSignature(key, poolId, p.USER_ID_FOR_SRP, Buffer.from(p.SECRET_BLOCK, "base64"), TIMESTAMP),
      },
    }));
    // Both instances answer at once: exactly one gets the tokens.
    const outcomes = await Promise.allSettled([verifier(a), verifier(b)]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ["fulfilled", "rejected"]);
    const lost = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    assert.equal(lost.reason.message, "Invalid session for the user, session is expired.");
  });
});
