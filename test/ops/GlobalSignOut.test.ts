// test-stores: sqlite, postgres
/** GlobalSignOut: every sign-in of the user, on every client, ends; a later sign-in works; other users are untouched. */
import { GlobalSignOutCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createClient, rejectsWith, serverWithPool } from "../helpers/fixtures.js";
import type { TestServer } from "../helpers/server.js";
import { confirmedUser, getUser, passwordSignIn, refreshAuth } from "../helpers/sign-in.js";

describe("GlobalSignOut", () => {
  let s: TestServer, poolId: string, clientId: string;
  before(async () => {
    ({ s, poolId, clientId } = await serverWithPool());
    await confirmedUser(s, poolId, clientId, "gil");
    await confirmedUser(s, poolId, clientId, "other");
  });
  after(() => s.close());
  const signOut = (AccessToken: string) => s.client.send(new GlobalSignOutCommand({ AccessToken }));

  test("revokes every refresh and access token of the user on every client", async () => {
    const { clientId: second } = await createClient(s, poolId);
    const a = await passwordSignIn(s.client, clientId, "gil");
    const b = await passwordSignIn(s.client, second, "gil");
    const o = await passwordSignIn(s.client, clientId, "other");
    await signOut(a.AccessToken!);
    for (const [cid, t] of [[clientId, a], [second, b]] as const) {
      await rejectsWith(getUser(s.client, t.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
      await rejectsWith(refreshAuth(s.client, cid, t.RefreshToken!), "NotAuthorizedException", "Refresh Token has been revoked");
    }
    // The revoked token cannot sign out again; someone else's tokens still work; a new sign-in works.
    await rejectsWith(signOut(a.AccessToken!), "NotAuthorizedException", "Access Token has been revoked");
    assert.equal((await getUser(s.client, o.AccessToken!)).Username, "other");
    const again = await passwordSignIn(s.client, clientId, "gil");
    assert.equal((await getUser(s.client, again.AccessToken!)).Username, "gil");
  });

  test("an invalid or expired access token is refused", async () => {
    await rejectsWith(signOut("not-a-token"), "NotAuthorizedException", "Invalid Access Token");
    const t = await passwordSignIn(s.client, clientId, "gil");
    s.clock.advance(3601_000);
    try {
      await rejectsWith(signOut(t.AccessToken!), "NotAuthorizedException", "Access Token has expired");
    } finally {
      s.clock.advance(-3601_000);
    }
    // The expired attempt changed nothing.
    assert.equal((await getUser(s.client, t.AccessToken!)).Username, "gil");
  });
});
