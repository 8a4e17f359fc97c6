// test-stores: sqlite, postgres
/**
 * USER_SRP_AUTH through the AWS SDK (the client half from src/domain/srp.ts; the real client libraries are in
 * test/clients/), and the challenge session rules: single-use, bound to the client, valid AuthSessionValidity
 * minutes; a password from before verifiers; PreventUserExistenceErrors.
 */
import {
  AdminConfirmSignUpCommand, InitiateAuthCommand, RespondToAuthChallengeCommand, type ExplicitAuthFlowsType, type InitiateAuthCommandOutput,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { cryptoRandom } from "../../src/domain/clock.js";
import { hashPassword } from "../../src/domain/passwords.js";
import { claimSignature, clientKey, srpTimestamp } from "../../src/domain/srp.js";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const FLOWS: ExplicitAuthFlowsType[] = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];

describe("USER_SRP_AUTH and RespondToAuthChallenge", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId, { ExplicitAuthFlows: FLOWS }));
    await signUp(s, clientId, "sam", { email: "sam@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "sam" }));
  });
  after(() => s.close());

  const start = (USERNAME: string, cid = clientId) => {
    const a = randomBytes(128);
    const A = clientKey(poolId, USERNAME, "", "01", "02", a).A;
    return s.client.send(new InitiateAuthCommand({ ClientId: cid, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME, SRP_A: A } })).then((r) => ({ r, a }));
  };
  /** The PASSWORD_VERIFIER answer a client computes for `password`. */
  const answer = (r: InitiateAuthCommandOutput, a: Buffer, password: string, over: { cid?: string; session?: string | null } = {}) => {
    const p = r.ChallengeParameters!;
    const { key } = clientKey(poolId, p.USER_ID_FOR_SRP, password, p.SALT, p.SRP_B, a);
    const TIMESTAMP = srpTimestamp(new Date());
    const PASSWORD_CLAIM_SIGNATURE = claimSignature(key, poolId, p.USER_ID_FOR_SRP, Buffer.from(p.SECRET_BLOCK, "base64"), TIMESTAMP);
    return s.client.send(new RespondToAuthChallengeCommand({
      ClientId: over.cid ?? clientId, ChallengeName: "PASSWORD_VERIFIER",
      ...(over.session === null ? {} : { Session: over.session ?? r.Session }),
      ChallengeResponses: { USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP, PASSWORD_CLAIM_SIGNATURE },
    }));
  };

  test("PASSWORD_VERIFIER carries SALT, SECRET_BLOCK, SRP_B, USERNAME and USER_ID_FOR_SRP; the right proof gets tokens", async () => {
    const { r, a } = await start("sam");
    assert.equal(r.ChallengeName, "PASSWORD_VERIFIER");
    assert.deepEqual(Object.keys(r.ChallengeParameters!).sort(), ["SALT", "SECRET_BLOCK", "SRP_B", "USERNAME", "USER_ID_FOR_SRP"]);
    assert.equal(r.ChallengeParameters!.USER_ID_FOR_SRP, "sam");
    assert.match(r.ChallengeParameters!.SRP_B, /^[0-9a-f]+$/);
    const out = await answer(r, a, PASSWORD);
    assert.ok(out.AuthenticationResult!.AccessToken);
    assert.ok(out.AuthenticationResult!.RefreshToken);
    assert.equal(out.ChallengeName, undefined);
    // The refresh token from SRP refreshes.
    const refreshed = await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: out.AuthenticationResult!.RefreshToken! } }));
    assert.ok(refreshed.AuthenticationResult!.IdToken);
    // The same salt every time for one user.
    assert.equal((await start("sam")).r.ChallengeParameters!.SALT, r.ChallengeParameters!.SALT);
  });

  test("a wrong password is NotAuthorizedException; the session is then used up", async () => {
    const { r, a } = await start("sam");
    await rejectsWith(answer(r, a, "Wrong-passw0rd"), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(answer(r, a, PASSWORD), "NotAuthorizedException", "Invalid session for the user, session is expired.");
  });

  test("the answer's USERNAME must name the session's user", async () => {
    await signUp(s, clientId, "tia", { email: "tia@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "tia" }));
    const { r, a } = await start("sam");
    const p = r.ChallengeParameters!;
    const { key } = clientKey(poolId, p.USER_ID_FOR_SRP, PASSWORD, p.SALT, p.SRP_B, a);
    const TIMESTAMP = srpTimestamp(new Date());
    await rejectsWith(s.client.send(new RespondToAuthChallengeCommand({
      ClientId: clientId, ChallengeName: "PASSWORD_VERIFIER", Session: r.Session, ChallengeResponses: {
        USERNAME: "tia", PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP,
        PASSWORD_CLAIM_SIGNATURE: claimSignature(key, poolId, p.USER_ID_FOR_SRP, Buffer.from(p.SECRET_BLOCK, "base64"), TIMESTAMP),
      },
    })), "NotAuthorizedException", "Incorrect username or password.");
  });

  test("a session is single-use, bound to its client, and expires after AuthSessionValidity", async () => {
    const { r, a } = await start("sam");
    await answer(r, a, PASSWORD);
    await rejectsWith(answer(r, a, PASSWORD), "NotAuthorizedException", "Invalid session for the user, session is expired.");

    const { clientId: other } = await createClient(s, poolId, { ExplicitAuthFlows: FLOWS });
    const second = await start("sam");
    await rejectsWith(answer(second.r, second.a, PASSWORD, { cid: other }), "NotAuthorizedException", "Invalid session for the user, session is expired.");

    const third = await start("sam");
    await rejectsWith(answer(third.r, third.a, PASSWORD, { session: "x".repeat(40) }), "NotAuthorizedException", "Invalid session for the user, session is expired.");
    // The SECRET_BLOCK alone identifies the session (clients that leave Session out).
    assert.ok((await answer(third.r, third.a, PASSWORD, { session: null })).AuthenticationResult);

    // Default validity: 3 minutes.
    const late = await start("sam");
    s.clock.advance(3 * 60_000 + 1000);
    try {
      await rejectsWith(answer(late.r, late.a, PASSWORD), "NotAuthorizedException", "Invalid session for the user, session is expired.");
    } finally { s.clock.advance(-(3 * 60_000 + 1000)); }

    // A client with AuthSessionValidity 10: still good after 5 minutes.
    const { clientId: patient } = await createClient(s, poolId, { ExplicitAuthFlows: FLOWS, AuthSessionValidity: 10 });
    const slow = await start("sam", patient);
    s.clock.advance(5 * 60_000);
    try {
      assert.ok((await answer(slow.r, slow.a, PASSWORD, { cid: patient })).AuthenticationResult);
    } finally { s.clock.advance(-5 * 60_000); }
  });

  test("unknown, unconfirmed and flow-less: Cognito's answers", async () => {
    await rejectsWith(start("nobody"), "UserNotFoundException", "User does not exist.");
    await signUp(s, clientId, "uma", { email: "uma@example.com" });
    await rejectsWith(start("uma"), "UserNotConfirmedException", "User is not confirmed.");
    const { clientId: passwordOnly } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH"] });
    await rejectsWith(start("sam", passwordOnly), "InvalidParameterException", "USER_SRP_AUTH is not enabled for the client.");
    await rejectsWith(s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_SRP_AUTH", AuthParameters: { USERNAME: "sam" } })),
      "InvalidParameterException", "Missing required parameter SRP_A");
    await rejectsWith(s.client.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: "SMS_MFA", Session: "y".repeat(40), ChallengeResponses: { USERNAME: "sam" } })),
      "UnsupportedOperationException", /RespondToAuthChallenge with ChallengeName SMS_MFA/);
  });

  test("PreventUserExistenceErrors: an unknown user gets a challenge like any other (stable salt), then the wrong-password answer", async () => {
    const { clientId: hidden } = await createClient(s, poolId, { ExplicitAuthFlows: FLOWS, PreventUserExistenceErrors: "ENABLED" });
    const { r, a } = await start("ghost", hidden);
    assert.equal(r.ChallengeName, "PASSWORD_VERIFIER");
    assert.equal((await start("ghost", hidden)).r.ChallengeParameters!.SALT, r.ChallengeParameters!.SALT);
    await rejectsWith(answer(r, a, PASSWORD, { cid: hidden }), "NotAuthorizedException", "Incorrect username or password.");
  });

  test("a password from before verifiers: SRP fails as for a wrong password until one USER_PASSWORD_AUTH sign-in", async () => {
    const now = Date.now();
    await s.server.deps.store.insertUser({
      poolId, usernameKey: "old", username: "old", sub: "00000000-0000-4000-8000-00000000beef", status: "CONFIRMED", enabled: true,
      passwordHash: await hashPassword(PASSWORD, cryptoRandom), attributes: { email: "old@example.com" }, emailKey: "old@example.com",
      phone: null, createdAt: now, updatedAt: now,
    });
    const before = await start("old");
    await rejectsWith(answer(before.r, before.a, PASSWORD), "NotAuthorizedException", "Incorrect username or password.");
    await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "old", PASSWORD } }));
    const after = await start("old");
    assert.ok((await answer(after.r, after.a, PASSWORD)).AuthenticationResult!.IdToken);
  });
});
