// test-stores: sqlite, postgres
/**
 * `POST /oauth2/revoke`: a refresh token is revoked with the access tokens issued from it, for a public client
 * (`client_id` in the body) and a confidential one (HTTP Basic); Cognito's OAuth errors otherwise.
 */
import { UpdateUserPoolClientCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createClient, createPool, rejectsWith } from "../../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../../helpers/sign-in.js";

let s: TestServer;
let poolId: string;
let pub: string;
let conf: { id: string; secret: string };

before(async () => {
  s = await startTestServer();
  poolId = await createPool(s);
  pub = (await createClient(s, poolId)).clientId;
  const c = await createClient(s, poolId, { GenerateSecret: true });
  conf = { id: c.clientId, secret: c.secret! };
  await confirmedUser(s, poolId, pub, "rita");
  await confirmedUser(s, poolId, conf.id, "sam", conf.secret);
});
after(() => s.close());

const basic = (id: string, secret: string) => "Basic " + Buffer.from(`${id}:${secret}`).toString("base64");
const revoke = (body: string, headers: Record<string, string> = {}) => fetch(`${s.url}/oauth2/revoke`, {
  method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body,
});
const form = (p: Record<string, string>) => new URLSearchParams(p).toString();

test("a public client revokes its refresh token: 200, empty body; the refresh token and its access token stop working", async () => {
  const t = await passwordSignIn(s.client, pub, "rita");
  await getUser(s.client, t.AccessToken!);
  const res = await revoke(form({ token: t.RefreshToken!, client_id: pub }));
  assert.equal(res.status, 200);
  assert.equal(await res.text(), "");
  await rejectsWith(refreshAuth(s.client, pub, t.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
  await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
  // Again, and an unknown token: still 200 (RFC 7009: the token is unusable either way).
  assert.equal((await revoke(form({ token: t.RefreshToken!, client_id: pub }))).status, 200);
  assert.equal((await revoke(form({ token: "not-a-token-this-server-issued", client_id: pub }))).status, 200);
});

test("a confidential client authenticates with HTTP Basic; without its secret it is invalid_client", async () => {
  const t = await passwordSignIn(s.client, conf.id, "sam", undefined, conf.secret);
  let res = await revoke(form({ token: t.RefreshToken!, client_id: conf.id }));
  assert.equal(res.status, 400);
  assert.equal((await res.json()).error, "invalid_client");
  res = await revoke(form({ token: t.RefreshToken! }), { Authorization: basic(conf.id, "wrong") });
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error, "invalid_client");
  res = await revoke(form({ token: t.RefreshToken! }), { Authorization: basic(conf.id, conf.secret) });
  assert.equal(res.status, 200);
  await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
});

test("errors: no token, an access or ID token, another client's token, revocation turned off, an unknown client", async () => {
  const t = await passwordSignIn(s.client, pub, "rita");
  const expectError = async (res: Response, error: string, status = 400) => {
    assert.equal(res.status, status);
    assert.equal((await res.json()).error, error);
  };
  await expectError(await revoke(form({ client_id: pub })), "invalid_request");
  await expectError(await revoke(form({ token: "", client_id: pub })), "invalid_request");
  await expectError(await revoke(form({ token: t.AccessToken!, client_id: pub })), "unsupported_token_type");
  await expectError(await revoke(form({ token: t.IdToken!, client_id: pub })), "unsupported_token_type");
  await expectError(await revoke(form({ token: t.RefreshToken! }), { Authorization: basic(conf.id, conf.secret) }), "invalid_request");
  await getUser(s.client, t.AccessToken!); // refused above: still valid
  await expectError(await revoke(form({ token: t.RefreshToken!, client_id: "nosuchclient" })), "invalid_client");
  await expectError(await revoke(form({ token: t.RefreshToken!, client_id: pub, extra: "1" }) + "&token=again"), "invalid_request");
  await s.client.send(new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: pub, EnableTokenRevocation: false, ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }));
  await expectError(await revoke(form({ token: t.RefreshToken!, client_id: pub })), "invalid_request");
  await getUser(s.client, t.AccessToken!);
});
