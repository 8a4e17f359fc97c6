// test-stores: sqlite, postgres
/**
 * AdminInitiateAuth: ADMIN_USER_PASSWORD_AUTH (and the legacy ADMIN_NO_SRP_AUTH), USER_SRP_AUTH answered by
 * AdminRespondToAuthChallenge, REFRESH_TOKEN_AUTH; each only when the client's ExplicitAuthFlows allow it.
 */
import {
  AdminConfirmSignUpCommand, AdminInitiateAuthCommand, AdminRespondToAuthChallengeCommand, CreateUserPoolClientCommand,
  type AuthFlowType, type ExplicitAuthFlowsType,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { claimSignature, clientKey, srpTimestamp } from "../../src/domain/srp.js";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

describe("AdminInitiateAuth", () => {
  let s: TestServer, poolId: string, clientId: string;
  const ALL: ExplicitAuthFlowsType[] = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"];
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId, { ExplicitAuthFlows: ALL }));
    await signUp(s, clientId, "ali", { email: "ali@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "ali" }));
  });
  after(() => s.close());

  const auth = (AuthFlow: AuthFlowType, AuthParameters: Record<string, string>, cid = clientId, pid = poolId) =>
    s.client.send(new AdminInitiateAuthCommand({ UserPoolId: pid, ClientId: cid, AuthFlow, AuthParameters }));

  test("ADMIN_USER_PASSWORD_AUTH gives tokens; wrong password, unknown and unconfirmed users get Cognito's errors", async () => {
    const out = await auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD });
    assert.ok(out.AuthenticationResult!.AccessToken);
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD: "Wrong-passw0rd" }), "NotAuthorizedException", "Incorrect username or password.");
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "nobody", PASSWORD }), "UserNotFoundException", "User does not exist.");
    await signUp(s, clientId, "una", { email: "una@example.com" });
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "una", PASSWORD: "Wrong-passw0rd" }), "UserNotConfirmedException", "User is not confirmed.");
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali" }), "InvalidParameterException", "Missing required parameter PASSWORD");
  });

  test("REFRESH_TOKEN_AUTH refreshes; USER_PASSWORD_AUTH is not an AdminInitiateAuth flow", async () => {
    const out = await auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD });
    const refreshed = await auth("REFRESH_TOKEN_AUTH", { REFRESH_TOKEN: out.AuthenticationResult!.RefreshToken! });
    assert.ok(refreshed.AuthenticationResult!.IdToken);
    await rejectsWith(auth("REFRESH_TOKEN_AUTH", { REFRESH_TOKEN: "nonsense" }), "NotAuthorizedException", "Invalid Refresh Token");
    await rejectsWith(auth("USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD }), "InvalidParameterException", "Initiate Auth method not supported.");
  });

  test("USER_SRP_AUTH, answered by AdminRespondToAuthChallenge", async () => {
    const a = randomBytes(128);
    const r = await auth("USER_SRP_AUTH", { USERNAME: "ali", SRP_A: clientKey(poolId, "ali", "", "01", "02", a).A });
    const p = r.ChallengeParameters!;
    assert.equal(r.ChallengeName, "PASSWORD_VERIFIER");
    const { key } = clientKey(poolId, p.USER_ID_FOR_SRP, PASSWORD, p.SALT, p.SRP_B, a);
    const TIMESTAMP = srpTimestamp(new Date());
    const out = await s.client.send(new AdminRespondToAuthChallengeCommand({
      UserPoolId: poolId, ClientId: clientId, ChallengeName: "PASSWORD_VERIFIER", Session: r.Session,
      ChallengeResponses: {
        USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP,
        PASSWORD_CLAIM_SIGNATURE: claimSignature(key, poolId, p.USER_ID_FOR_SRP, Buffer.from(p.SECRET_BLOCK, "base64"), TIMESTAMP),
      },
    }));
    assert.ok(out.AuthenticationResult!.AccessToken);
  });

  test("each flow only when the client allows it; the legacy ADMIN_NO_SRP_AUTH list allows the admin flow", async () => {
    const { clientId: srpOnly } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"] });
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD }, srpOnly), "InvalidParameterException", "Auth flow not enabled for this client");
    await rejectsWith(auth("ADMIN_NO_SRP_AUTH", { USERNAME: "ali", PASSWORD }, srpOnly), "InvalidParameterException", "Auth flow not enabled for this client");
    const { clientId: adminOnly } = await createClient(s, poolId, { ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] });
    await rejectsWith(auth("USER_SRP_AUTH", { USERNAME: "ali", SRP_A: "abc" }, adminOnly), "InvalidParameterException", "USER_SRP_AUTH is not enabled for the client.");
    const legacy = await s.client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "legacy", ExplicitAuthFlows: ["ADMIN_NO_SRP_AUTH"] }));
    const out = await auth("ADMIN_NO_SRP_AUTH", { USERNAME: "ali", PASSWORD }, legacy.UserPoolClient!.ClientId!);
    assert.ok(out.AuthenticationResult!.IdToken);
  });

  test("a client of another pool is ResourceNotFoundException", async () => {
    const other = await createPool(s);
    await rejectsWith(auth("ADMIN_USER_PASSWORD_AUTH", { USERNAME: "ali", PASSWORD }, clientId, other), "ResourceNotFoundException", `User pool client ${clientId} does not exist.`);
  });
});
