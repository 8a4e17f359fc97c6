/**
 * ResendConfirmationCode (public): a new code for an UNCONFIRMED user, superseding the old one, to the
 * auto-verified attribute (phone before email); at most `resendLimitPerHour` per user.
 */
import {
  InvalidParameterException, NotAuthorizedException, UserNotFoundException,
  type CodeDeliveryDetailsType, type ResendConfirmationCodeRequest, type ResendConfirmationCodeResponse,
} from "../generated/cognito-idp.js";
import { preventsUserExistenceErrors } from "../domain/client.js";
import { deliveryTarget, issueSignUpCode } from "../domain/confirmation.js";
import { simulatedDelivery } from "../domain/existence.js";
import { countAttempt } from "../domain/limits.js";
import { loadClient, resolveUser } from "../domain/lookup.js";
import { autoVerified } from "../domain/pool.js";
import { checkSecretHash } from "../domain/secret-hash.js";
import type { Deps, Handler } from "./deps.js";

export default (deps: Pick<Deps, "store" | "clock" | "random" | "codeKey" | "config" | "wakeOutbox">): Handler<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse> =>
  async (input) => {
    const { store, clock, config } = deps;
    const { client, pool } = await loadClient(store, input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const hide = preventsUserExistenceErrors(client);
    let sent = false;
    const details = await store.tx(async (tx): Promise<CodeDeliveryDetailsType> => {
      const user = await resolveUser(tx, pool, input.Username);
      if (!autoVerified(pool.doc).length) throw new InvalidParameterException("Cannot resend codes. Auto verification not turned on.");
      if (!user || !user.enabled) {
        // PreventUserExistenceErrors=ENABLED: an unknown or disabled user gets a delivery that looks real.
        if (hide) return simulatedDelivery(deps, pool, input.Username);
        if (!user) throw new UserNotFoundException("Username/client id combination not found.");
        throw new NotAuthorizedException("User is disabled.");
      }
      if (user.status !== "UNCONFIRMED") throw new InvalidParameterException("User is already confirmed.");
      const target = deliveryTarget(pool, user.attributes);
      if (!target) throw new InvalidParameterException("User has no attribute matching desired auto verified attributes.");
      await countAttempt(tx, pool.id, user.usernameKey, "resend", config.resendLimitPerHour, clock.now());
      sent = true;
      return issueSignUpCode(tx, deps, pool, user, target, "ResendCode");
    });
    if (sent) deps.wakeOutbox();
    return { CodeDeliveryDetails: details };
  };
