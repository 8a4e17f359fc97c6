/**
 * A small typed client over the AWS SDK for JavaScript v3 that adds SecretHash, as the AWS "resend a
 * confirmation code" examples do. It works against Amazon Cognito and against userpool alike.
 *
 * @example
 * const client = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: "http://localhost:9229" });
 * const details = await resendConfirmationCode({ client, clientId, username: "jane" });
 * // { Destination: "j***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" }
 */
import {
  ResendConfirmationCodeCommand, type CodeDeliveryDetailsType, type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { secretHash } from "../domain/secret-hash.js";

export { secretHash };

export interface ResendOptions {
  client: CognitoIdentityProviderClient;
  clientId: string;
  username: string;
  /** The app client's secret, when it has one: the SecretHash is computed from it. */
  clientSecret?: string;
  clientMetadata?: Record<string, string>;
}

export async function resendConfirmationCode(o: ResendOptions): Promise<CodeDeliveryDetailsType> {
  const out = await o.client.send(new ResendConfirmationCodeCommand({
    ClientId: o.clientId,
    Username: o.username,
    ...(o.clientSecret ? { SecretHash: secretHash(o.clientSecret, o.username, o.clientId) } : {}),
    ...(o.clientMetadata ? { ClientMetadata: o.clientMetadata } : {}),
  }));
  return out.CodeDeliveryDetails ?? {};
}
