/**
 * InitiateAuth (public): USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, USER_SRP_AUTH (src/domain/sign-in.ts) and CUSTOM_AUTH
 * (src/domain/custom-auth.ts). Cognito's order of answers: an UNCONFIRMED
 * user learns so even with a wrong password.
 */
import {
  InvalidParameterException, NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException, UserNotFoundException,
  type InitiateAuthRequest, type InitiateAuthResponse,
} from "../generated/cognito-idp.js";
import { allowsFlow, preventsUserExistenceErrors } from "../domain/client.js";
import { simulatedUserKey } from "../domain/existence.js";
import { checkPassword } from "../domain/lockout.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { dummyHash, verifyPassword } from "../domain/passwords.js";
import { afterPasswordCheck, RESET_REQUIRED, startSrp } from "../domain/sign-in.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { issueSignInTokens, refreshSignIn, rotatesRefreshTokens } from "../domain/token-origins.js";
import { startCustomAuth } from "../domain/custom-auth.js";
import { signInMigrated } from "../domain/user-migration.js";
import { userMigrationArn } from "../triggers/user-migration.js";
import { UnsupportedOperationException } from "../protocol/errors.js";
import { runPreAuthentication } from "../triggers/lifecycle.js";
import type { Deps, Handler } from "./deps.js";

const WRONG = "Incorrect username or password.";
/** Our wording (Cognito documents the rule, not the message): a rotating client refreshes with GetTokensFromRefreshToken. */
const ROTATION_NEEDS_GET_TOKENS = "Refresh token rotation is enabled for this client: use GetTokensFromRefreshToken.";

export default function InitiateAuth(deps: Pick<Deps, "store" | "tokens" | "clock" | "config" | "random" | "codeKey" | "log">): Handler<InitiateAuthRequest, InitiateAuthResponse> {
  const { store } = deps;
  /** Compared against when the user does not exist, so that path costs one scrypt at the configured cost like the others. */
  const DUMMY_HASH = dummyHash(deps.config.passwordHashCost);
  return async function initiateAuth(input, ctx) {
    const { client, pool } = await loadClient(store, input.ClientId);
    const params = input.AuthParameters ?? {};
    const flow = input.AuthFlow;
    if (flow === "ADMIN_NO_SRP_AUTH" || flow === "ADMIN_USER_PASSWORD_AUTH") throw new InvalidParameterException("Initiate Auth method not supported.");

    if (flow === "USER_SRP_AUTH") return startSrp(deps, pool, client, params, { clientMetadata: input.ClientMetadata });
    if (flow === "CUSTOM_AUTH") return startCustomAuth(deps, pool, client, params, input.ClientMetadata);

    if (flow === "USER_PASSWORD_AUTH") {
      if (!allowsFlow(client, "USER_PASSWORD_AUTH") && ctx?.frontDoor !== "hosted-ui") throw new InvalidParameterException("USER_PASSWORD_AUTH flow not enabled for this client");
      if (params.USERNAME === undefined) throw new InvalidParameterException("Missing required parameter USERNAME");
      if (params.PASSWORD === undefined) throw new InvalidParameterException("Missing required parameter PASSWORD");
      checkSecretHash(client, params.USERNAME, params.SECRET_HASH);
      const user = await resolveUser(store, pool, params.USERNAME);
      // A pool migrating its users: the UserMigration trigger may know this name (src/domain/user-migration.ts).
      if (!user && userMigrationArn(pool)) return signInMigrated(deps, pool, client, params.USERNAME, params.PASSWORD, input.ClientMetadata);
      if (!user) {
        if (preventsUserExistenceErrors(client)) {
          // A name that is no user's is locked out as a real user would be, so the lockout does not tell who exists.
          await checkPassword(deps, { poolId: pool.id, usernameKey: simulatedUserKey(deps.codeKey, pool.id, params.USERNAME) },
            async () => { await verifyPassword(params.PASSWORD!, DUMMY_HASH); return false; });
          throw new NotAuthorizedException(WRONG);
        }
        await verifyPassword(params.PASSWORD, DUMMY_HASH);
        throw new UserNotFoundException("User does not exist.");
      }
      if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
      if (user.status === "RESET_REQUIRED") throw new PasswordResetRequiredException(RESET_REQUIRED);
      await runPreAuthentication(deps, { pool, user, clientId: client.id, clientMetadata: input.ClientMetadata });
      if (!(await checkPassword(deps, user, () => verifyPassword(params.PASSWORD!, user.passwordHash)))) throw new NotAuthorizedException(WRONG);
      const challenged = await afterPasswordCheck(deps, pool, client, user, params.PASSWORD);
      if (challenged) return challenged;
      if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
      return { ChallengeParameters: {}, AuthenticationResult: await issueSignInTokens(deps, pool, client, user, { clientMetadata: input.ClientMetadata }) };
    }

    if (flow === "REFRESH_TOKEN_AUTH" || flow === "REFRESH_TOKEN") {
      if (params.REFRESH_TOKEN === undefined) throw new InvalidParameterException("Missing required parameter REFRESH_TOKEN");
      if (rotatesRefreshTokens(client)) throw new NotAuthorizedException(ROTATION_NEEDS_GET_TOKENS);
      const result = await refreshSignIn(deps, pool, client, params.REFRESH_TOKEN, {
        rotate: false, clientMetadata: input.ClientMetadata,
        // Cognito accepts a SECRET_HASH computed over the username or the sub here.
        checkSecret: (user) => {
          try { checkSecretHash(client, user.username, params.SECRET_HASH); } catch { checkSecretHash(client, user.sub, params.SECRET_HASH); }
        },
      });
      return { ChallengeParameters: {}, AuthenticationResult: result };
    }
    throw new UnsupportedOperationException(`InitiateAuth with AuthFlow ${flow}`);
  };
}
