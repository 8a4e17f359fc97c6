/**
 * CUSTOM_AUTH (InitiateAuth, AdminInitiateAuth) and its CUSTOM_CHALLENGE answers ((Admin)RespondToAuthChallenge):
 * the pool's DefineAuthChallenge trigger decides, round after round, whether to issue tokens, to fail, or to present
 * another challenge, which CreateAuthChallenge makes and VerifyAuthChallengeResponse judges (src/triggers/custom-auth.ts).
 *
 * - Every round is a challenge session (sessions.ts: in the store, single-use, the client's AuthSessionValidity,
 *   3 minutes by default); it carries the rounds so far (the `session` list the triggers see) and the challenge's
 *   private parameters, which never leave the server.
 * - SRP first: AuthParameters with `CHALLENGE_NAME: SRP_A` (what amazon-cognito-identity-js sends for CUSTOM_AUTH)
 *   start with `session: [{SRP_A, true}]`; when DefineAuthChallenge answers PASSWORD_VERIFIER the client gets the
 *   SRP challenge of USER_SRP_AUTH, and its proof adds `{PASSWORD_VERIFIER, true}` before DefineAuthChallenge runs
 *   again. A wrong password ends the sign-in there, as USER_SRP_AUTH does (and counts for the lockout).
 * - At most MAX_CHALLENGES challenges per sign-in; a DefineAuthChallenge that asks for more fails it.
 */
import { required } from "./auth-params.js";
import {
  InvalidLambdaResponseException, InvalidParameterException, NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException,
  UserNotFoundException, type ChallengeNameType,
} from "../generated/cognito-idp.js";
import type { ClientRecord, PoolRecord, UserRecord } from "../store/types.js";
import {
  challengeArn, NOT_CONFIGURED, runCreateAuthChallenge, runDefineAuthChallenge, runVerifyAuthChallengeResponse,
  type ChallengeCall, type ChallengeResult, type DefineAnswer,
} from "../triggers/custom-auth.js";
import { DEFAULT_AUTH_FLOWS, preventsUserExistenceErrors } from "./client.js";
import { resolveUser } from "./lookup.js";
import { keyOf } from "./pool.js";
import { checkSecretHash } from "./secret-hash.js";
import { INVALID_SESSION, openSession, takeSession } from "./sessions.js";
import { completeSignIn, RESET_REQUIRED, startSrp, WRONG_PASSWORD, type ChallengeAnswer, type SignInDeps } from "./sign-in.js";

/** How many challenges one sign-in may present (our guard; Cognito documents no number). */
export const MAX_CHALLENGES = 10;
export const CUSTOM_AUTH_NOT_ENABLED = "CUSTOM_AUTH flow not enabled for this client";

/** What a custom sign-in carries from one round to the next (in the challenge session's state). */
export interface CustomAuthState {
  /** The username (or, for an unknown user under PreventUserExistenceErrors, the name typed). */
  username: string;
  userNotFound: boolean;
  rounds: ChallengeResult[];
  privateChallengeParameters?: Record<string, string>;
  challengeMetadata?: string | null;
}

/** ALLOW_CUSTOM_AUTH (a default flow of new clients); a legacy flow list (no ALLOW_ values) always allows it. */
export function allowsCustomAuth(client: ClientRecord): boolean {
  const flows = (client.doc.ExplicitAuthFlows as string[] | undefined) ?? DEFAULT_AUTH_FLOWS;
  return flows.includes("ALLOW_CUSTOM_AUTH") || !flows.some((f) => f.startsWith("ALLOW_"));
}


const challengeCall = (pool: PoolRecord, client: ClientRecord, user: UserRecord | undefined, name: string,
  clientMetadata?: Record<string, string>): ChallengeCall => ({
  pool, clientId: client.id, clientMetadata, preventUserExistenceErrors: preventsUserExistenceErrors(client),
  user: user
    ? { username: user.username, sub: user.sub, status: user.status, attributes: user.attributes, userNotFound: false }
    : { username: name, attributes: {}, userNotFound: true },
});

/** InitiateAuth / AdminInitiateAuth with AuthFlow CUSTOM_AUTH. */
export async function startCustomAuth(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, params: Record<string, string>,
  clientMetadata?: Record<string, string>): Promise<ChallengeAnswer> {
  if (!allowsCustomAuth(client)) throw new InvalidParameterException(CUSTOM_AUTH_NOT_ENABLED);
  if (!challengeArn(pool, "DefineAuthChallenge")) throw new InvalidParameterException(NOT_CONFIGURED);
  const name = required(params, "USERNAME");
  checkSecretHash(client, name, params.SECRET_HASH);
  const user = await resolveUser(deps.store, pool, name);
  if (!user && !preventsUserExistenceErrors(client)) throw new UserNotFoundException("User does not exist.");
  if (user?.status === "UNCONFIRMED") throw new UserNotConfirmedException("User is not confirmed.");
  if (user?.status === "RESET_REQUIRED") throw new PasswordResetRequiredException(RESET_REQUIRED);
  const state: CustomAuthState = { username: user?.username ?? name, userNotFound: !user, rounds: [] };
  const c = challengeCall(pool, client, user, name, clientMetadata);
  if (params.CHALLENGE_NAME === "SRP_A") {
    required(params, "SRP_A");
    state.rounds = [{ challengeName: "SRP_A", challengeResult: true, challengeMetadata: null }];
    const d = await runDefineAuthChallenge(deps, c, state.rounds);
    if (!d.failAuthentication && !d.issueTokens && d.challengeName === "PASSWORD_VERIFIER") {
      return startSrp(deps, pool, client, params, { custom: state });
    }
    return nextStep(deps, pool, client, user, state, c, d);
  }
  return nextStep(deps, pool, client, user, state, c, await runDefineAuthChallenge(deps, c, state.rounds));
}

/** After the SRP proof of a custom sign-in that started with SRP_A (sign-in.ts, PASSWORD_VERIFIER). */
export async function continueCustomAuth(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord, custom: CustomAuthState,
  clientMetadata?: Record<string, string>): Promise<ChallengeAnswer> {
  const state: CustomAuthState = { ...custom, rounds: [...custom.rounds, { challengeName: "PASSWORD_VERIFIER", challengeResult: true, challengeMetadata: null }] };
  const c = challengeCall(pool, client, user, user.username, clientMetadata);
  return nextStep(deps, pool, client, user, state, c, await runDefineAuthChallenge(deps, c, state.rounds));
}

/** (Admin)RespondToAuthChallenge with ChallengeName CUSTOM_CHALLENGE: USERNAME and ANSWER (and SECRET_HASH). */
export async function answerCustomChallenge(deps: SignInDeps, pool: PoolRecord, client: ClientRecord,
  input: { ChallengeResponses?: Record<string, string>; Session?: string; ClientMetadata?: Record<string, string> }): Promise<ChallengeAnswer> {
  const responses = input.ChallengeResponses ?? {};
  const name = required(responses, "USERNAME");
  const answer = required(responses, "ANSWER");
  checkSecretHash(client, name, responses.SECRET_HASH);
  const s = await takeSession(deps.store, input.Session, client, "CUSTOM_CHALLENGE", deps.clock.now());
  const st = s.state as unknown as CustomAuthState;
  const user = st.userNotFound ? undefined : await deps.store.getUser(pool.id, s.usernameKey);
  const named = keyOf(pool.doc, name) === s.usernameKey || (!st.userNotFound && (await resolveUser(deps.store, pool, name))?.usernameKey === s.usernameKey);
  if ((!user && !st.userNotFound) || !named) throw new NotAuthorizedException(INVALID_SESSION);
  const c = challengeCall(pool, client, user, st.username, input.ClientMetadata);
  const correct = await runVerifyAuthChallengeResponse(deps, c, st.privateChallengeParameters ?? {}, answer);
  const state: CustomAuthState = {
    username: st.username, userNotFound: st.userNotFound,
    rounds: [...st.rounds, { challengeName: "CUSTOM_CHALLENGE", challengeResult: correct, challengeMetadata: st.challengeMetadata ?? null }],
  };
  return nextStep(deps, pool, client, user, state, c, await runDefineAuthChallenge(deps, c, state.rounds));
}

/** What DefineAuthChallenge decided: tokens, failure, or the next challenge (made by CreateAuthChallenge). */
async function nextStep(deps: SignInDeps, pool: PoolRecord, client: ClientRecord, user: UserRecord | undefined, state: CustomAuthState,
  c: ChallengeCall, d: DefineAnswer): Promise<ChallengeAnswer> {
  if (d.failAuthentication) throw new NotAuthorizedException(WRONG_PASSWORD);
  if (d.issueTokens) {
    // An unknown user (PreventUserExistenceErrors) never gets tokens, whatever the function says.
    if (!user) throw new NotAuthorizedException(WRONG_PASSWORD);
    if (!user.enabled) throw new NotAuthorizedException("User is disabled.");
    return completeSignIn(deps, pool, client, user);
  }
  if (d.challengeName !== "CUSTOM_CHALLENGE") {
    throw new InvalidLambdaResponseException(d.challengeName
      ? `Invalid DefineAuthChallenge lambda response: challengeName ${d.challengeName} cannot be presented here.`
      : "Invalid DefineAuthChallenge lambda response: neither issueTokens, failAuthentication nor a challengeName.");
  }
  if (state.rounds.filter((r) => r.challengeName === "CUSTOM_CHALLENGE").length >= MAX_CHALLENGES) throw new NotAuthorizedException(WRONG_PASSWORD);
  const created = await runCreateAuthChallenge(deps, c, d.challengeName, state.rounds);
  const usernameKey = user?.usernameKey ?? keyOf(pool.doc, state.username);
  const Session = await openSession(deps.store, deps.random, deps.clock.now(), client, usernameKey, "CUSTOM_CHALLENGE", {
    ...state, privateChallengeParameters: created.privateChallengeParameters, challengeMetadata: created.challengeMetadata,
  });
  return {
    ChallengeName: "CUSTOM_CHALLENGE" as ChallengeNameType, Session,
    ChallengeParameters: { ...created.publicChallengeParameters, USERNAME: state.username },
  };
}
