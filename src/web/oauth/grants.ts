/** The token endpoint's grants by `grant_type`, one file each. */
import { authorizationCodeGrant } from "./grant-authorization-code.js";
import { clientCredentials } from "./grant-client-credentials.js";
import { refreshTokenGrant } from "./grant-refresh-token.js";
import type { Grant } from "./token.js";

export const grants: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentials,
};
