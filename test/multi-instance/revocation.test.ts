/**
 * Sign-out, revocation and lockout across two userpool processes on one PostgreSQL database (as behind a load
 * balancer): a token revoked on one instance is refused by the other, and wrong passwords counted on both lock the
 * user on both, because both live in the database. (PostgreSQL by nature: no store marker, it runs in the SQLite pass
 * with its own database, like multi-instance.test.ts.)
 */
import {
  AdminConfirmSignUpCommand, AdminDisableUserCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, GlobalSignOutCommand,
  RevokeTokenCommand, SignUpCommand, type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { spawnServer, type ServerProcess } from "../helpers/cli.js";
import { PASSWORD, rejectsWith } from "../helpers/fixtures.js";
import { createDatabase, type TestDatabase } from "../helpers/postgres.js";
import { sdkClient } from "../helpers/server.js";
import { getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

const startInstance = (name: string, args: string[]) => spawnServer(["serve", "--port", "0", "--log-level", "warn", ...args], {}, { name });

describe("sign-out, revocation and lockout over two instances on one PostgreSQL database", () => {
  let db: TestDatabase, dir: string, a: ServerProcess, b: ServerProcess;
  let ca: CognitoIdentityProviderClient, cb: CognitoIdentityProviderClient;
  let poolId: string, clientId: string;

  before(async () => {
    db = await createDatabase("userpool_revoke");
    dir = mkdtempSync(join(tmpdir(), "userpool-revoke-"));
    const common = ["--database-url", db.url, "--secret-file", join(dir, "secret.key"), "--public-url", "http://userpool.test"];
    a = await startInstance("A", [...common, "--data-dir", join(dir, "a")]);
    b = await startInstance("B", [...common, "--data-dir", join(dir, "b"), "--lockout-after-failures", "5", "--lockout-max-seconds", "600"]);
    ca = sdkClient(a.url);
    cb = sdkClient(b.url);
    poolId = (await ca.send(new CreateUserPoolCommand({ PoolName: "revoke", AutoVerifiedAttributes: ["email"] }))).UserPool!.Id!;
    clientId = (await cb.send(new CreateUserPoolClientCommand({
      UserPoolId: poolId, ClientName: "app", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    }))).UserPoolClient!.ClientId!;
    for (const u of ["ivy", "jay", "kim", "lee"]) {
      await ca.send(new SignUpCommand({ ClientId: clientId, Username: u, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${u}@example.com` }] }));
      await cb.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: u }));
    }
  });

  after(async () => {
    ca?.destroy();
    cb?.destroy();
    await Promise.all([a?.kill(), b?.kill()]);
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the banner says how the lockout is configured", () => {
    assert.match(a.stdout(), /lockout: after 5 wrong passwords, 1 s doubling up to 900 s/);
    assert.match(b.stdout(), /lockout: after 5 wrong passwords, 1 s doubling up to 600 s/);
  });

  test("RevokeToken on one instance: the other refuses the refresh token and the access token", async () => {
    const t = await passwordSignIn(ca, clientId, "ivy");
    assert.equal((await getUser(cb, t.AccessToken!)).Username, "ivy");
    await cb.send(new RevokeTokenCommand({ ClientId: clientId, Token: t.RefreshToken! }));
    await rejectsWith(getUser(ca, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(refreshAuth(ca, clientId, t.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
  });

  test("GlobalSignOut on one instance, AdminDisableUser on the other: refused on both", async () => {
    const t1 = await passwordSignIn(cb, clientId, "jay");
    await ca.send(new GlobalSignOutCommand({ AccessToken: t1.AccessToken! }));
    await rejectsWith(getUser(cb, t1.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(refreshAuth(cb, clientId, t1.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
    const t2 = await passwordSignIn(ca, clientId, "kim");
    await cb.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: "kim" }));
    await rejectsWith(getUser(ca, t2.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    await rejectsWith(passwordSignIn(ca, clientId, "kim"), "NotAuthorizedException", "User is disabled.");
  });

  test("wrong passwords counted on both instances lock the user on both", async () => {
    for (let i = 0; i < 5; i++) {
      await rejectsWith(passwordSignIn(i % 2 ? cb : ca, clientId, "lee", "Wr0ng-password"), "NotAuthorizedException", "Incorrect username or password.");
    }
    // Locked for 1 s from the fifth failure, on both instances, even with the right password.
    await rejectsWith(passwordSignIn(ca, clientId, "lee"), "NotAuthorizedException", "Password attempts exceeded");
    await rejectsWith(passwordSignIn(cb, clientId, "lee"), "NotAuthorizedException", "Password attempts exceeded");
    await new Promise((r) => setTimeout(r, 1100));
    assert.ok((await passwordSignIn(cb, clientId, "lee")).AccessToken);
  });
});
