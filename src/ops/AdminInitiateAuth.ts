/**
 * AdminInitiateAuth (IAM): ADMIN_USER_PASSWORD_AUTH (legacy name ADMIN_NO_SRP_AUTH) here; USER_SRP_AUTH and
 * REFRESH_TOKEN_AUTH exactly as InitiateAuth answers them, for a client named with its pool. Each flow only when
 * the client's ExplicitAuthFlows allow it.
 */
import { InvalidParameterException, type AdminInitiateAuthRequest, type AdminInitiateAuthResponse } from "../generated/cognito-idp.js";
import { loadPool, loadPoolClient } from "../domain/lookup.js";
import { adminPasswordAuth } from "../domain/sign-in.js";
import InitiateAuth from "./InitiateAuth.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminInitiateAuth(deps: Parameters<typeof InitiateAuth>[0] & Pick<Deps, "store" | "tokens" | "clock" | "random" | "codeKey" | "config">): Handler<AdminInitiateAuthRequest, AdminInitiateAuthResponse> {
  const initiateAuth = InitiateAuth(deps);
  return async function adminInitiateAuth(input, ctx) {
    const client = await loadPoolClient(deps.store, input.UserPoolId, input.ClientId);
    const pool = await loadPool(deps.store, input.UserPoolId);
    const flow = input.AuthFlow;
    if (flow === "ADMIN_USER_PASSWORD_AUTH" || flow === "ADMIN_NO_SRP_AUTH") {
      return adminPasswordAuth(deps, pool, client, input.AuthParameters ?? {}, input.ClientMetadata) as Promise<AdminInitiateAuthResponse>;
    }
    if (flow === "USER_PASSWORD_AUTH") throw new InvalidParameterException("Initiate Auth method not supported.");
    return initiateAuth({ ClientId: input.ClientId, AuthFlow: flow, AuthParameters: input.AuthParameters, ClientMetadata: input.ClientMetadata }, ctx);
  };
}
