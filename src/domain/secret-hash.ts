/** SecretHash = Base64(HMAC_SHA256(key = client secret, message = Username + ClientId)), all UTF-8. */
import { createHmac, timingSafeEqual } from "node:crypto";
import { NotAuthorizedException } from "../generated/cognito-idp.js";

export function secretHash(secret: string, username: string, clientId: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(username + clientId, "utf8").digest("base64");
}

/** Throws Cognito's NotAuthorizedException when a client with a secret gets a missing or wrong hash. */
export function checkSecretHash(client: { id: string; secret: string | null }, username: string, given: string | undefined): void {
  if (!client.secret) return;
  if (given === undefined) {
    throw new NotAuthorizedException(`Client ${client.id} is configured with secret but SECRET_HASH was not received`);
  }
  const want = Buffer.from(secretHash(client.secret, username, client.id));
  const got = Buffer.from(given);
  if (want.length !== got.length || !timingSafeEqual(want, got)) {
    throw new NotAuthorizedException(`Unable to verify secret hash for client ${client.id}`);
  }
}
