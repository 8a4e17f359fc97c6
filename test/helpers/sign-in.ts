/** Signing in and using tokens through the real SDK, for the sign-out, revocation and lockout tests. */
import {
  AdminConfirmSignUpCommand, GetUserCommand, InitiateAuthCommand, type AuthenticationResultType, type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { secretHash } from "../../src/domain/secret-hash.js";
import { PASSWORD, signUp } from "./fixtures.js";
import type { TestServer } from "./server.js";

/** A confirmed user `username` (email `<username>@example.com`) in the pool. */
export async function confirmedUser(s: TestServer, poolId: string, clientId: string, username: string, secret?: string) {
  await signUp(s, clientId, username, { email: `${username}@example.com` }, secret);
  await s.client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
}

export async function passwordSignIn(c: CognitoIdentityProviderClient, clientId: string, username: string, password = PASSWORD, secret?: string): Promise<AuthenticationResultType> {
  const out = await c.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH",
    AuthParameters: { USERNAME: username, PASSWORD: password, ...(secret ? { SECRET_HASH: secretHash(secret, username, clientId) } : {}) },
  }));
  return out.AuthenticationResult!;
}

export function refreshAuth(c: CognitoIdentityProviderClient, clientId: string, refreshToken: string, extra: Record<string, string> = {}) {
  return c.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: "REFRESH_TOKEN_AUTH", AuthParameters: { REFRESH_TOKEN: refreshToken, ...extra } }));
}

export const getUser = (c: CognitoIdentityProviderClient, AccessToken: string) => c.send(new GetUserCommand({ AccessToken }));
