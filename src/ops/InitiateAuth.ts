/**
 * InitiateAuth (public): USER_PASSWORD_AUTH and USER_SRP_AUTH (src/domain/sign-in.ts), REFRESH_TOKEN_AUTH, and
 * CUSTOM_AUTH (src/domain/custom-auth.ts).
 */
import {
  InvalidParameterException, NotAuthorizedException, type InitiateAuthRequest, type InitiateAuthResponse,
} from "../generated/cognito-idp.js";
import { allowsFlow } from "../domain/client.js";
import { loadClient } from "../domain/lookup.js";
import { passwordAuth, startSrp } from "../domain/sign-in.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import { refreshSignIn, rotatesRefreshTokens } from "../domain/token-origins.js";
import { startCustomAuth } from "../domain/custom-auth.js";
import { UnsupportedOperationException } from "../protocol/errors.js";
import type { Deps, Handler } from "./deps.js";

/** Our wording (Cognito documents the rule, not the message): a rotating client refreshes with GetTokensFromRefreshToken. */
const ROTATION_NEEDS_GET_TOKENS = "Refresh token rotation is enabled for this client: use GetTokensFromRefreshToken.";

export default function InitiateAuth(deps: Pick<Deps, "store" | "tokens" | "clock" | "config" | "random" | "codeKey" | "log">): Handler<InitiateAuthRequest, InitiateAuthResponse> {
  const { store } = deps;
  return async function initiateAuth(input, ctx) {
    const { client, pool } = await loadClient(store, input.ClientId);
    const params = input.AuthParameters ?? {};
    const flow = input.AuthFlow;
    if (flow === "ADMIN_NO_SRP_AUTH" || flow === "ADMIN_USER_PASSWORD_AUTH") throw new InvalidParameterException("Initiate Auth method not supported.");

    if (flow === "USER_SRP_AUTH") return startSrp(deps, pool, client, params, { clientMetadata: input.ClientMetadata });
    if (flow === "CUSTOM_AUTH") return startCustomAuth(deps, pool, client, params, input.ClientMetadata);

    if (flow === "USER_PASSWORD_AUTH") {
      if (!allowsFlow(client, "USER_PASSWORD_AUTH") && ctx?.frontDoor !== "hosted-ui") throw new InvalidParameterException("USER_PASSWORD_AUTH flow not enabled for this client");
      return passwordAuth(deps, pool, client, params, input.ClientMetadata);
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
