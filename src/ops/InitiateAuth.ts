/**
 * InitiateAuth (public): USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH. Cognito's order of answers: an UNCONFIRMED
 * user learns so even with a wrong password.
 */
import {
  InvalidParameterException, NotAuthorizedException, UserNotConfirmedException, UserNotFoundException,
  type InitiateAuthRequest, type InitiateAuthResponse,
} from "../generated/cognito-idp.js";
import { allowsFlow, preventsUserExistenceErrors } from "../domain/client.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { dummyHash, hashCostOf, hashPassword, verifyPassword } from "../domain/passwords.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { hashToken } from "../domain/tokens.js";
import { UnsupportedOperationException } from "../protocol/errors.js";
import type { Deps, Handler } from "./deps.js";

const WRONG = "Incorrect username or password.";
export default function InitiateAuth({ store, tokens, clock, random, config, log }: Pick<Deps, "store" | "tokens" | "clock" | "random" | "config" | "log">): Handler<InitiateAuthRequest, InitiateAuthResponse> {
  /** Compared against when the user does not exist, so that path costs one scrypt at the configured cost like the others. */
  const DUMMY_HASH = dummyHash(config.passwordHashCost);
  return async function initiateAuth(input) {
    const { client, pool } = await loadClient(store, input.ClientId);
    const params = input.AuthParameters ?? {};
    const flow = input.AuthFlow;
    if (flow === "ADMIN_NO_SRP_AUTH" || flow === "ADMIN_USER_PASSWORD_AUTH") throw new InvalidParameterException("Initiate Auth method not supported.");

    if (flow === "USER_PASSWORD_AUTH") {
      if (!allowsFlow(client, "USER_PASSWORD_AUTH")) throw new InvalidParameterException("USER_PASSWORD_AUTH flow not enabled for this client");
      if (params.USERNAME === undefined) throw new InvalidParameterException("Missing required parameter USERNAME");
      if (params.PASSWORD === undefined) throw new InvalidParameterException("Missing required parameter PASSWORD");
      checkSecretHash(client, params.USERNAME, params.SECRET_HASH);
      const user = await resolveUser(store, pool, params.USERNAME);
      if (!user) {
        await verifyPassword(params.PASSWORD, DUMMY_HASH);
        if (preventsUserExistenceErrors(client)) throw new NotAuthorizedException(WRONG);
        throw new UserNotFoundException("User does not exist.");
      }
      if (user.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
      if (!(await verifyPassword(params.PASSWORD, user.passwordHash))) throw new NotAuthorizedException(WRONG);
      if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
      // A hash weaker than the configured cost (made in dev mode, or before the cost was raised) is replaced now,
      // while the password is at hand; only if it is still the one just checked.
      if (hashCostOf(user.passwordHash) < config.passwordHashCost) {
        const stronger = await hashPassword(params.PASSWORD, random, config.passwordHashCost);
        await store.replacePasswordHash(pool.id, user.usernameKey, user.passwordHash!, stronger)
          .catch((err) => log.warn({ err }, "replacing a weaker password hash failed"));
      }
      const { refreshExpiresAt, ...result } = await tokens.issue(pool, client, user, true);
      await store.insertRefreshToken({
        tokenHash: hashToken(result.RefreshToken!), poolId: pool.id, clientId: client.id, usernameKey: user.usernameKey,
        expiresAt: refreshExpiresAt!, createdAt: clock.now(),
      });
      return { ChallengeParameters: {}, AuthenticationResult: result };
    }

    if (flow === "REFRESH_TOKEN_AUTH" || flow === "REFRESH_TOKEN") {
      if (params.REFRESH_TOKEN === undefined) throw new InvalidParameterException("Missing required parameter REFRESH_TOKEN");
      const saved = await store.getRefreshToken(hashToken(params.REFRESH_TOKEN));
      if (!saved || saved.clientId !== client.id || saved.expiresAt < clock.now()) throw new NotAuthorizedException("Invalid Refresh Token");
      const user = await store.getUser(pool.id, saved.usernameKey);
      if (!user) throw new NotAuthorizedException("Invalid Refresh Token");
      if (client.secret) {
        // Cognito accepts a SECRET_HASH computed over the username or the sub here.
        try { checkSecretHash(client, user.username, params.SECRET_HASH); } catch { checkSecretHash(client, user.sub, params.SECRET_HASH); }
      }
      if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
      const { refreshExpiresAt: _, ...result } = await tokens.issue(pool, client, user, false);
      return { ChallengeParameters: {}, AuthenticationResult: result };
    }
    throw new UnsupportedOperationException(`InitiateAuth with AuthFlow ${flow}`);
  };
}
