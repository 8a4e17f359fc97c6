/**
 * PreventUserExistenceErrors=ENABLED: answers for users that do not exist look like answers for users that do.
 * The simulated destination is derived from the server secret, so the same name always gets the same answer.
 */
import { createHmac } from "node:crypto";
import type { CodeDeliveryDetailsType } from "../generated/cognito-idp.js";
import type { PoolRecord } from "../store/types.js";
import type { Random } from "./clock.js";
import { codeHmac } from "./codes.js";
import { isEmail, isPhone } from "./attributes.js";
import { maskEmail, maskPhone } from "./mask.js";
import { autoVerified } from "./pool.js";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

export function simulatedDelivery(deps: { codeKey: Buffer; random: Random }, pool: PoolRecord, name: string): CodeDeliveryDetailsType {
  // The same work as a real delivery's code: generate and HMAC one, then drop it.
  codeHmac(deps.codeKey, pool.id, name, "SIGN_UP", deps.random.code());
  const auto = autoVerified(pool.doc);
  if (auto.includes("phone_number") && (isPhone(name) || !auto.includes("email"))) {
    const digits = isPhone(name) ? name : "+1" + String(createHmac("sha256", deps.codeKey).update(name).digest().readUInt32BE(0)).padStart(10, "5").slice(0, 10);
    return { Destination: maskPhone(digits), DeliveryMedium: "SMS", AttributeName: "phone_number" };
  }
  if (isEmail(name)) return { Destination: maskEmail(name), DeliveryMedium: "EMAIL", AttributeName: "email" };
  const h = createHmac("sha256", deps.codeKey).update(name).digest();
  const first = [...name][0]?.toLowerCase() ?? LETTERS[h[0] % 26];
  return { Destination: `${first}***@${LETTERS[h[1] % 26]}***`, DeliveryMedium: "EMAIL", AttributeName: "email" };
}
