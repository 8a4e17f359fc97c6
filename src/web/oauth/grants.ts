/** The token endpoint's grants by `grant_type`, one file each. */
import { clientCredentials } from "./grant-client-credentials.js";
import type { Grant } from "./token.js";

export const grants: Record<string, Grant> = {
  client_credentials: clientCredentials,
};
