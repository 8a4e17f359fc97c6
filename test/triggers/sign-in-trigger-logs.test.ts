// test-stores: sqlite, postgres
/**
 * The sign-in triggers carry secrets (UserMigration: the password; custom auth: the challenge's answer in its private
 * parameters and the user's answer): a trace-level log of migrations and custom sign-ins, failing and succeeding,
 * holds none of them.
 */
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { after, before, test } from "node:test";
import { pino } from "pino";
import { createClient, createPool } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { startWebhookServer, type WebhookServer } from "../delivery/helpers.js";

const ARN = "arn:aws:lambda:us-east-1:123456789012:function:sign-in-triggers";
const MIGRATED_PASSWORD = "Old-Passw0rd-4711";
const WRONG_PASSWORD = "Wrong-Passw0rd-0815";
const SECRET_CODE = "739154";
const WRONG_CODE = "604218";
const json = (res: ServerResponse, status: number, body: unknown) => { res.writeHead(status, { "Content-Type": "application/json" }); res.end(JSON.stringify(body)); };

let s: TestServer, lambda: WebhookServer;
const lines: string[] = [];

before(async () => {
  lambda = await startWebhookServer((_req, body, res) => {
    const e = JSON.parse(body);
    const session: any[] = e.request.session ?? [];
    switch (e.triggerSource) {
      case "UserMigration_Authentication":
        if (e.request.password !== MIGRATED_PASSWORD) return json(res, 400, { errorMessage: "Bad password" });
        return json(res, 200, { ...e, response: { ...e.response, userAttributes: { email: "old@example.com" }, finalUserStatus: "CONFIRMED" } });
      case "DefineAuthChallenge_Authentication": {
        const last = session.at(-1);
        return json(res, 200, { ...e, response: last ? { issueTokens: last.challengeResult, failAuthentication: !last.challengeResult } : { challengeName: "CUSTOM_CHALLENGE" } });
      }
      case "CreateAuthChallenge_Authentication":
        return json(res, 200, { ...e, response: { publicChallengeParameters: { hint: "the code" }, privateChallengeParameters: { code: SECRET_CODE }, challengeMetadata: "CODE" } });
      case "VerifyAuthChallengeResponse_Authentication":
        return json(res, 200, { ...e, response: { answerCorrect: e.request.challengeAnswer === e.request.privateChallengeParameters.code } });
    }
    json(res, 500, {});
  });
  const log = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
  s = await startTestServer({ triggers: { [ARN]: lambda.url }, triggerAttempts: 1 }, { log });
});
after(async () => { await s.close(); await lambda.close(); });

test("a trace log of migrations and custom sign-ins holds no password, no challenge answer", async () => {
  const poolId = await createPool(s, {
    LambdaConfig: { UserMigration: ARN, DefineAuthChallenge: ARN, CreateAuthChallenge: ARN, VerifyAuthChallengeResponse: ARN },
  });
  const { clientId } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] });
  const password = (PASSWORD: string) => s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "olduser", PASSWORD } }));
  await assert.rejects(password(WRONG_PASSWORD));
  assert.ok((await password(MIGRATED_PASSWORD)).AuthenticationResult);

  const custom = async (answer: string) => {
    const c = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "CUSTOM_AUTH", AuthParameters: { USERNAME: "olduser" } }));
    assert.deepEqual(c.ChallengeParameters, { hint: "the code", USERNAME: "olduser" }, "the private parameters stay on the server");
    return s.client.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: "CUSTOM_CHALLENGE", Session: c.Session, ChallengeResponses: { USERNAME: "olduser", ANSWER: answer } }));
  };
  await assert.rejects(custom(WRONG_CODE), (e: any) => e.name === "NotAuthorizedException");
  assert.ok((await custom(SECRET_CODE)).AuthenticationResult);

  assert.ok(lines.some((l) => l.includes("UserMigration trigger call failed")), "the failed migration call was logged (without the event)");
  const all = lines.join("");
  for (const secret of [MIGRATED_PASSWORD, WRONG_PASSWORD, SECRET_CODE, WRONG_CODE]) assert.ok(!all.includes(secret), `the log holds ${secret}`);
});
