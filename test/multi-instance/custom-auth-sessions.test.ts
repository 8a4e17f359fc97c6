/**
 * CUSTOM_AUTH across two instances on one PostgreSQL database (as behind a load balancer): a custom challenge opened
 * on one instance is answered on the other, once, and its private parameters came along in the store. PostgreSQL by
 * nature (two instances share only a PostgreSQL store), so this file starts its own database in whichever pass runs it.
 */
import {
  AdminCreateUserCommand, AdminSetUserPasswordCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand, RespondToAuthChallengeCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { rejectsWith } from "../helpers/fixtures.js";
import { createDatabase, type TestDatabase } from "../helpers/postgres.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const DEFINE = fn("define"), CREATE = fn("create"), VERIFY = fn("verify");

describe("custom challenges across two instances on one PostgreSQL database", () => {
  let db: TestDatabase, dir: string, a: TestServer, b: TestServer, lambda: WebhookServer, clientId: string;
  let code = "";
  before(async () => {
    lambda = await startWebhookServer((_req, body, res) => {
      const e = JSON.parse(body);
      const last = (e.request.session ?? []).at(-1);
      let response: object;
      if (e.triggerSource === "DefineAuthChallenge_Authentication") {
        response = last ? { issueTokens: last.challengeResult, failAuthentication: !last.challengeResult } : { challengeName: "CUSTOM_CHALLENGE" };
      } else if (e.triggerSource === "CreateAuthChallenge_Authentication") {
        code = String(100000 + Math.floor(Math.random() * 900000));
        response = { publicChallengeParameters: {}, privateChallengeParameters: { code }, challengeMetadata: null };
      } else {
        response = { answerCorrect: e.request.challengeAnswer === e.request.privateChallengeParameters.code };
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ...e, response }));
    });
    db = await createDatabase("userpool_custom_auth");
    dir = mkdtempSync(join(tmpdir(), "userpool-custom-auth-"));
    const common = {
      databaseUrl: db.url, secretFile: join(dir, "secret.key"), publicUrl: "http://userpool.test",
      triggers: { [DEFINE]: lambda.url, [CREATE]: lambda.url, [VERIFY]: lambda.url },
    };
    a = await startTestServer(common, { dataDir: join(dir, "a") });
    b = await startTestServer(common, { dataDir: join(dir, "b") });
    const poolId = (await a.client.send(new CreateUserPoolCommand({
      PoolName: "custom", LambdaConfig: { DefineAuthChallenge: DEFINE, CreateAuthChallenge: CREATE, VerifyAuthChallengeResponse: VERIFY },
    }))).UserPool!.Id!;
    clientId = (await b.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "app" }))).UserPoolClient!.ClientId!;
    await a.client.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: "ola", MessageAction: "SUPPRESS" }));
    await a.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: "ola", Password: "Passw0rd!", Permanent: true }));
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await lambda?.close();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("opened on A, answered on B once; a second answer on A is refused", async () => {
    const c = await a.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "ola" } }));
    assert.equal(c.ChallengeName, "CUSTOM_CHALLENGE");
    const respond = (s: TestServer) => s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "CUSTOM_CHALLENGE", Session: c.Session, ChallengeResponses: { USERNAME: "ola", ANSWER: code },
    }));
    assert.ok((await respond(b)).AuthenticationResult?.AccessToken);
    await rejectsWith(respond(a), "NotAuthorizedException", "Invalid session for the user, session is expired.");
  });
});
