/** AdminRespondToAuthChallenge (IAM): RespondToAuthChallenge for a client named with its pool. */
import type { AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse } from "../generated/cognito-idp.js";
import { loadPool, loadPoolClient } from "../domain/lookup.js";
import { respondToChallenge } from "../domain/sign-in.js";
import { UnsupportedOperationException } from "../protocol/errors.js";
import type { Deps, Handler } from "./deps.js";

export default function AdminRespondToAuthChallenge(deps: Pick<Deps, "store" | "tokens" | "clock" | "random" | "codeKey" | "config" | "log">): Handler<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse> {
  return async function adminRespondToAuthChallenge(input) {
    const client = await loadPoolClient(deps.store, input.UserPoolId, input.ClientId);
    const pool = await loadPool(deps.store, input.UserPoolId);
    const answer = await respondToChallenge(deps, pool, client, input);
    if (!answer) throw new UnsupportedOperationException(`AdminRespondToAuthChallenge with ChallengeName ${input.ChallengeName}`);
    return answer as AdminRespondToAuthChallengeResponse;
  };
}
