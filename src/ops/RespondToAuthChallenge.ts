/**
 * RespondToAuthChallenge (public): the answer to PASSWORD_VERIFIER (USER_SRP_AUTH) or NEW_PASSWORD_REQUIRED, by the
 * challenge session (src/domain/sign-in.ts, src/domain/sessions.ts).
 */
import type { RespondToAuthChallengeRequest, RespondToAuthChallengeResponse } from "../generated/cognito-idp.js";
import { loadClient } from "../domain/lookup.js";
import { respondToChallenge } from "../domain/sign-in.js";
import { UnsupportedOperationException } from "../protocol/errors.js";
import type { Deps, Handler } from "./deps.js";

export default function RespondToAuthChallenge(deps: Pick<Deps, "store" | "tokens" | "clock" | "random" | "codeKey" | "config" | "log">): Handler<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse> {
  return async function respondToAuthChallenge(input) {
    const { client, pool } = await loadClient(deps.store, input.ClientId);
    const answer = await respondToChallenge(deps, pool, client, input);
    if (!answer) throw new UnsupportedOperationException(`RespondToAuthChallenge with ChallengeName ${input.ChallengeName}`);
    return answer as RespondToAuthChallengeResponse;
  };
}
