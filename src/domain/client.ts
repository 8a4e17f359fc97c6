/** App client settings as DescribeUserPoolClient shows them, with Cognito's defaults. */
import { InvalidParameterException } from "../generated/cognito-idp.js";

type Doc = Record<string, any>;

const LEGACY_FLOWS = new Set(["ADMIN_NO_SRP_AUTH", "CUSTOM_AUTH_FLOW_ONLY", "USER_PASSWORD_AUTH"]);
export const DEFAULT_AUTH_FLOWS = ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"];

/** Builds the stored client document from Create/UpdateUserPoolClient input; omitted settings take defaults. */
export function buildClientDoc(input: Doc, poolId: string, clientId: string): Doc {
  const flows: string[] | undefined = input.ExplicitAuthFlows;
  if (flows && flows.some((f) => LEGACY_FLOWS.has(f)) && flows.some((f) => f.startsWith("ALLOW_"))) {
    throw new InvalidParameterException("The ExplicitAuthFlow values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY and USER_PASSWORD_AUTH cannot be combined with ALLOW_ values.");
  }
  const doc: Doc = {
    UserPoolId: poolId,
    ClientName: input.ClientName,
    ClientId: clientId,
    RefreshTokenValidity: input.RefreshTokenValidity ?? 30,
    AccessTokenValidity: input.AccessTokenValidity ?? 60,
    IdTokenValidity: input.IdTokenValidity ?? 60,
    TokenValidityUnits: { AccessToken: "minutes", IdToken: "minutes", RefreshToken: "days", ...(input.TokenValidityUnits ?? {}) },
    ReadAttributes: input.ReadAttributes,
    WriteAttributes: input.WriteAttributes,
    ExplicitAuthFlows: flows ?? DEFAULT_AUTH_FLOWS,
    SupportedIdentityProviders: input.SupportedIdentityProviders,
    CallbackURLs: input.CallbackURLs,
    LogoutURLs: input.LogoutURLs,
    DefaultRedirectURI: input.DefaultRedirectURI,
    AllowedOAuthFlows: input.AllowedOAuthFlows,
    AllowedOAuthScopes: input.AllowedOAuthScopes,
    AllowedOAuthFlowsUserPoolClient: input.AllowedOAuthFlowsUserPoolClient ?? false,
    AnalyticsConfiguration: input.AnalyticsConfiguration,
    PreventUserExistenceErrors: input.PreventUserExistenceErrors ?? "LEGACY",
    EnableTokenRevocation: input.EnableTokenRevocation ?? true,
    EnablePropagateAdditionalUserContextData: input.EnablePropagateAdditionalUserContextData ?? false,
    AuthSessionValidity: input.AuthSessionValidity ?? 3,
    RefreshTokenRotation: input.RefreshTokenRotation,
  };
  return Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));
}

export const preventsUserExistenceErrors = (client: { doc: Doc }) => client.doc.PreventUserExistenceErrors === "ENABLED";

export function allowsFlow(client: { doc: Doc }, flow: "USER_PASSWORD_AUTH" | "REFRESH_TOKEN_AUTH"): boolean {
  const flows: string[] = client.doc.ExplicitAuthFlows ?? DEFAULT_AUTH_FLOWS;
  if (flow === "REFRESH_TOKEN_AUTH") return true; // Cognito always allows refresh for legacy clients; ALLOW_ clients list it by default.
  return flows.includes("ALLOW_USER_PASSWORD_AUTH") || flows.includes("USER_PASSWORD_AUTH");
}
