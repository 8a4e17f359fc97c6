// test-stores: sqlite, postgres
/**
 * openid-client v6 (panva's certified relying party) against userpool: discovery of the pool's issuer, the
 * authorization-code flow with PKCE, state and nonce (the login form driven with fetch and cookies), ID token
 * validation, userInfo and refresh; a confidential client authenticating with HTTP Basic.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as oidc from "openid-client";
import { ConfirmSignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import { createClient, createPool, PASSWORD, signUp } from "../helpers/fixtures.js";
import { FormBrowser } from "../helpers/hosted.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const CALLBACK = "http://localhost:3000/api/auth/callback/cognito";
let s: TestServer;
let poolId: string;
let issuer: URL;

before(async () => {
  s = await startTestServer();
  poolId = await createPool(s);
  issuer = new URL(`${s.url}/${poolId}`);
  const { clientId } = await createClient(s, poolId);
  await signUp(s, clientId, "erin", { email: "erin@example.com", given_name: "Erin" });
  await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "erin", ConfirmationCode: await s.latestCode(poolId, "erin") }));
});
after(() => s.close());

const oauthClient = (over: Record<string, unknown> = {}) => createClient(s, poolId, {
  ClientName: "rp", CallbackURLs: [CALLBACK], AllowedOAuthFlows: ["code"], AllowedOAuthScopes: ["openid", "email", "profile"],
  AllowedOAuthFlowsUserPoolClient: true, SupportedIdentityProviders: ["COGNITO"], ...over,
});

test("a public client: discovery, code + PKCE with state and nonce, ID token validated, userInfo, refresh", async () => {
  const { clientId } = await oauthClient();
  const config = await oidc.discovery(issuer, clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
  assert.equal(config.serverMetadata().issuer, issuer.href);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK, scope: "openid email profile", state, nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
  });
  const callback = await new FormBrowser(s.url).signIn(url.href, "erin", PASSWORD);
  assert.ok(callback.startsWith(`${CALLBACK}?`));

  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
    pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  assert.equal(claims.iss, issuer.href);
  assert.equal(claims.aud, clientId);
  assert.equal(claims.nonce, nonce);
  assert.equal(claims["cognito:username"], "erin");
  assert.equal(tokens.token_type.toLowerCase(), "bearer");

  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(info.email, "erin@example.com");
  assert.equal(info.given_name, "Erin");

  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
  assert.equal(refreshed.claims()!.sub, claims.sub);
  assert.notEqual(refreshed.access_token, tokens.access_token);

  // A wrong state is the relying party's check; a wrong verifier is the server's (invalid_grant).
  const again = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK, scope: "openid", state, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
  });
  const second = await new FormBrowser(s.url).signIn(again.href, "erin", PASSWORD);
  await assert.rejects(oidc.authorizationCodeGrant(config, new URL(second), { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: state }),
    (e: any) => e.error === "invalid_grant");
});

test("a confidential client authenticates with HTTP Basic (client_secret_basic)", async () => {
  const { clientId, secret } = await oauthClient({ GenerateSecret: true });
  const config = await oidc.discovery(issuer, clientId, secret!, oidc.ClientSecretBasic(secret!), { execute: [oidc.allowInsecureRequests] });
  const state = oidc.randomState();
  const verifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: CALLBACK, scope: "openid email", state, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
  });
  // The login page computes the SecretHash for a client with a secret (the app cannot from a browser).
  const callback = await new FormBrowser(s.url).signIn(url.href, "erin", PASSWORD);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state });
  assert.equal(tokens.claims()!.aud, clientId);
  const wrong = await oidc.discovery(issuer, clientId, "wrong-secret", oidc.ClientSecretBasic("wrong-secret"), { execute: [oidc.allowInsecureRequests] });
  // 401 with a Basic challenge: openid-client reports the challenge.
  await assert.rejects(oidc.refreshTokenGrant(wrong, tokens.refresh_token!), (e: any) => e.status === 401 && e.cause?.[0]?.scheme === "basic");
});
