// test-stores: sqlite, postgres
/**
 * `publicUrl` (USERPOOL_PUBLIC_URL / --public-url) is the base of the tokens' issuer: `<publicUrl>/<poolId>`, as the
 * pool's OpenID configuration and JWKS (served at the listen address) announce it.
 */
import { AdminConfirmSignUpCommand, ConfirmSignUpCommand, GetUserCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, createPool, PASSWORD, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const PUBLIC = "https://auth.example.test";

/** The JSON of a JWT's header (0) or payload (1), decoded by hand (base64url of the dot-separated parts). */
function part(token: string, i: 0 | 1): Record<string, any> {
  const parts = token.split(".");
  assert.equal(parts.length, 3, "a JWS in compact form");
  return JSON.parse(Buffer.from(parts[i], "base64url").toString("utf8"));
}

describe("the issuer with publicUrl set", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    s = await startTestServer({ publicUrl: PUBLIC });
    poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  const signIn = async (USERNAME: string) =>
    (await s.client.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME, PASSWORD } })))
      .AuthenticationResult!;

  test("id and access tokens name <publicUrl>/<poolId> as iss, not the listen address", async () => {
    await signUp(s, clientId, "ivy", { email: "ivy@example.com" });
    await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "ivy" }));
    const r = await signIn("ivy");
    const id = part(r.IdToken!, 1);
    const access = part(r.AccessToken!, 1);
    assert.equal(id.iss, `${PUBLIC}/${poolId}`);
    assert.equal(access.iss, `${PUBLIC}/${poolId}`);
    assert.equal(id.token_use, "id");
    assert.equal(access.token_use, "access");
    assert.equal(id.aud, clientId);
    assert.equal(id["cognito:username"], "ivy");
    assert.ok(!String(id.iss).startsWith(s.url));
    // The server still accepts the access token it issued under that issuer.
    const me = await s.client.send(new GetUserCommand({ AccessToken: r.AccessToken! }));
    assert.equal(me.Username, "ivy");
  });

  test("a user confirmed with the delivered code gets the same issuer", async () => {
    await signUp(s, clientId, "cal", { email: "cal@example.com" });
    await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "cal", ConfirmationCode: await s.latestCode(poolId, "cal") }));
    const r = await signIn("cal");
    assert.equal(part(r.IdToken!, 1).iss, `${PUBLIC}/${poolId}`);
    assert.equal(part(r.AccessToken!, 1).iss, `${PUBLIC}/${poolId}`);
  });

  test("openid-configuration names that issuer and its jwks_uri; the JWKS holds the tokens' kid", async () => {
    const res = await fetch(`${s.url}/${poolId}/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /application\/json/);
    const config = (await res.json()) as { issuer: string; jwks_uri: string; id_token_signing_alg_values_supported: string[] };
    assert.equal(config.issuer, `${PUBLIC}/${poolId}`);
    assert.equal(config.jwks_uri, `${PUBLIC}/${poolId}/.well-known/jwks.json`);
    assert.deepEqual(config.id_token_signing_alg_values_supported, ["RS256"]);

    const r = await signIn("ivy");
    const idHeader = part(r.IdToken!, 0);
    const accessHeader = part(r.AccessToken!, 0);
    assert.equal(idHeader.alg, "RS256");
    assert.equal(typeof idHeader.kid, "string");
    assert.equal(accessHeader.kid, idHeader.kid);

    const jwksRes = await fetch(`${s.url}/${poolId}/.well-known/jwks.json`);
    assert.equal(jwksRes.status, 200);
    const jwks = (await jwksRes.json()) as { keys: Record<string, unknown>[] };
    const key = jwks.keys.find((k) => k.kid === idHeader.kid);
    assert.ok(key, `kid ${idHeader.kid} in ${JSON.stringify(jwks.keys.map((k) => k.kid))}`);
    assert.equal(key.kty, "RSA");
    assert.equal(key.alg, "RS256");
    assert.equal(key.use, "sig");
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) assert.equal(key[secret], undefined, `private member ${secret} is not published`);
  });

  test("another pool has its own issuer and key; an unknown pool's well-known documents are 404", async () => {
    const other = await createPool(s, { PoolName: "other" });
    const config = (await (await fetch(`${s.url}/${other}/.well-known/openid-configuration`)).json()) as { issuer: string };
    assert.equal(config.issuer, `${PUBLIC}/${other}`);
    const mine = (await (await fetch(`${s.url}/${poolId}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    const theirs = (await (await fetch(`${s.url}/${other}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] };
    assert.notEqual(mine.keys[0].kid, theirs.keys[0].kid);
    const missing = await fetch(`${s.url}/us-east-1_doesNotExist/.well-known/openid-configuration`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { __type: string }).__type, "ResourceNotFoundException");
  });
});

describe("the issuer without publicUrl", () => {
  test("defaults to the address the server listens on", async () => {
    const s = await startTestServer();
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "dee", { email: "dee@example.com" });
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "dee" }));
      const r = (await s.client.send(new InitiateAuthCommand({
        ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "dee", PASSWORD },
      }))).AuthenticationResult!;
      assert.equal(part(r.IdToken!, 1).iss, `${s.url}/${poolId}`);
      const config = (await (await fetch(`${s.url}/${poolId}/.well-known/openid-configuration`)).json()) as { issuer: string };
      assert.equal(config.issuer, `${s.url}/${poolId}`);
    } finally {
      await s.close();
    }
  });
});

describe("the issuer with a trailing slash on publicUrl", () => {
  // USERPOOL_PUBLIC_URL=https://auth.example.test/ is a natural way to write a base URL; the confirmation links built
  // from the same setting strip the slash (src/delivery/templates.ts confirmLink), and the issuer must not become
  // `https://auth.example.test//<poolId>`, which no verifier configured with the pool's issuer would accept.
  test("is still <publicUrl without the slash>/<poolId>", async () => {
    const s = await startTestServer({ publicUrl: `${PUBLIC}/` });
    try {
      const poolId = await createPool(s);
      const { clientId } = await createClient(s, poolId);
      await signUp(s, clientId, "sly", { email: "sly@example.com" });
      await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: "sly" }));
      const r = (await s.client.send(new InitiateAuthCommand({
        ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "sly", PASSWORD },
      }))).AuthenticationResult!;
      const config = (await (await fetch(`${s.url}/${poolId}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
      assert.equal(config.issuer, `${PUBLIC}/${poolId}`);
      assert.equal(config.jwks_uri, `${PUBLIC}/${poolId}/.well-known/jwks.json`);
      assert.equal(part(r.IdToken!, 1).iss, `${PUBLIC}/${poolId}`);
      assert.equal(part(r.AccessToken!, 1).iss, `${PUBLIC}/${poolId}`);
    } finally {
      await s.close();
    }
  });
});
