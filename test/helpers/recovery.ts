/** Helpers for the issue-12 suites: confirmed users (verified email/phone) and USER_PASSWORD_AUTH sign-in. */
import { ConfirmSignUpCommand, InitiateAuthCommand } from "@aws-sdk/client-cognito-identity-provider";
import { signUp } from "./fixtures.js";
import type { TestServer } from "./server.js";

/**
 * Signs a user up and confirms them with the delivered code, so the attribute the code went to is verified. In an
 * email-as-username pool (`attrs` without an email, `username` an address) the messages name the user's sub.
 */
export async function confirmedUser(s: TestServer, poolId: string, clientId: string, username: string, attrs: Record<string, string>) {
  const up = await signUp(s, clientId, username, attrs);
  const code = await s.latestCode(poolId, username.includes("@") && !attrs.email ? up.UserSub! : username);
  await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }));
  return up.UserSub!;
}

/** USER_PASSWORD_AUTH sign-in; resolves to the access token. */
export async function signIn(s: TestServer, clientId: string, username: string, password: string) {
  const out = await s.client.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: password },
  }));
  return out.AuthenticationResult!.AccessToken!;
}

/** The newest message of a purpose for a user, waiting until it is delivered. */
export async function newest(s: TestServer, poolId: string, username: string, purpose: string) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = (await s.inbox({ poolId, username })).find((m) => m.purpose === purpose && m.status === "sent");
    if (found || Date.now() > deadline) {
      if (!found) throw new Error(`no ${purpose} message for ${username}`);
      return found;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
