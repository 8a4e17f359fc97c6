/**
 * The PreTokenGeneration trigger (DG: user-pool-lambda-pre-token-generation). `LambdaConfig.PreTokenGenerationConfig`
 * with `LambdaVersion: V2_0` (or `V3_0`) sends the version 2 event, whose answer may change both tokens and the
 * access token's scopes; `LambdaConfig.PreTokenGeneration` (or `V1_0`) sends version 1, whose answer changes the ID
 * token. Both may override the groups (`cognito:groups` in both tokens, `cognito:roles`, `cognito:preferred_role`).
 * Claims that identify the token or its sign-in cannot be changed: a response naming one is ignored for it
 * (docs/triggers.md lists them).
 */
import type { GroupRecord, PoolRecord, UserRecord } from "../store/types.js";
import { commonEvent, invokeTrigger, type TriggerDeps } from "./invoke.js";
import { eventAttributes, unrecognizable } from "./lifecycle.js";

export type TokenGenerationSource =
  | "TokenGeneration_Authentication" | "TokenGeneration_NewPasswordChallenge" | "TokenGeneration_RefreshTokens"
  | "TokenGeneration_HostedAuth" | "TokenGeneration_AuthenticateDevice";

export const DEFAULT_SCOPES = ["aws.cognito.signin.user.admin"];

/** What the trigger changes in the tokens (applied by `TokenService.issue`). */
export interface TokenCustomization {
  id: { add: Record<string, unknown>; suppress: string[] };
  access: { add: Record<string, unknown>; suppress: string[]; scopesToAdd: string[]; scopesToSuppress: string[] };
  /** Set: these groups replace the user's in the tokens (roles and preferred role likewise). */
  groups?: { groups: string[]; roles: string[]; preferredRole: string | null };
}

/** Claims no trigger can add, override or suppress (those of the token and sign-in themselves). */
export const PROTECTED_ID_CLAIMS = new Set([
  "acr", "amr", "aud", "at_hash", "auth_time", "azp", "cognito:username", "exp", "iat", "identities", "iss", "jti", "nbf", "nonce",
  "origin_jti", "event_id", "sub", "token_use", "cognito:groups", "cognito:roles", "cognito:preferred_role",
]);
export const PROTECTED_ACCESS_CLAIMS = new Set([
  ...PROTECTED_ID_CLAIMS, "client_id", "scope", "username", "version", "device_key",
]);

export function preTokenGenerationTrigger(pool: PoolRecord): { arn: string; version: 1 | 2 } | undefined {
  const lc = (pool.doc.LambdaConfig ?? {}) as { PreTokenGeneration?: string; PreTokenGenerationConfig?: { LambdaVersion?: string; LambdaArn?: string } };
  const cfg = lc.PreTokenGenerationConfig;
  if (cfg?.LambdaArn) return { arn: cfg.LambdaArn, version: cfg.LambdaVersion === "V2_0" || cfg.LambdaVersion === "V3_0" ? 2 : 1 };
  return lc.PreTokenGeneration ? { arn: lc.PreTokenGeneration, version: 1 } : undefined;
}

export interface PreTokenGenerationInput {
  pool: PoolRecord;
  source: TokenGenerationSource;
  user: Pick<UserRecord, "username" | "sub" | "attributes" | "status">;
  clientId: string;
  /** The user's groups, in token order. */
  groups: GroupRecord[];
  clientMetadata?: Record<string, string>;
}

export function preTokenGenerationEvent(input: PreTokenGenerationInput, version: 1 | 2, region: string) {
  const withRole = input.groups.filter((g) => g.roleArn);
  const request: Record<string, unknown> = {
    userAttributes: eventAttributes(input.user),
    groupConfiguration: {
      groupsToOverride: input.groups.map((g) => g.name),
      iamRolesToOverride: [...new Set(withRole.map((g) => g.roleArn!))],
      preferredRole: withRole[0]?.roleArn ?? null,
    },
  };
  if (version === 2) request.scopes = [...DEFAULT_SCOPES];
  request.clientMetadata = input.clientMetadata ?? {};
  return {
    ...commonEvent(input.pool.id, region, input.source, input.user.username, input.clientId, String(version)),
    request,
    response: version === 2 ? { claimsAndScopeOverrideDetails: null } : { claimsOverrideDetails: null },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const object = (v: unknown): Record<string, unknown> | undefined => {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw unrecognizable();
  return v;
};
const strings = (v: unknown): string[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== "string")) throw unrecognizable();
  return v as string[];
};

/** Claims to add or override: V1 takes strings only, V2 any JSON value; protected claims are left out. */
function claims(v: unknown, version: 1 | 2, protectedClaims: Set<string>): Record<string, unknown> {
  const o = object(v) ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, value] of Object.entries(o)) {
    if (value === null || value === undefined) continue;
    if (version === 1 && typeof value !== "string") throw unrecognizable();
    if (!protectedClaims.has(k)) out[k] = value;
  }
  return out;
}

function groupOverride(v: unknown): TokenCustomization["groups"] {
  const o = object(v);
  if (!o) return undefined;
  const preferred = o.preferredRole;
  if (preferred !== undefined && preferred !== null && typeof preferred !== "string") throw unrecognizable();
  return { groups: strings(o.groupsToOverride), roles: strings(o.iamRolesToOverride), preferredRole: (preferred as string | undefined) ?? null };
}

/** Reads the function's answer into what changes in the tokens. */
export function readCustomization(out: unknown, version: 1 | 2): TokenCustomization {
  if (!isObject(out)) throw unrecognizable();
  const response = object(out.response) ?? {};
  const c: TokenCustomization = { id: { add: {}, suppress: [] }, access: { add: {}, suppress: [], scopesToAdd: [], scopesToSuppress: [] } };
  const keep = (names: string[], protectedClaims: Set<string>) => names.filter((n) => !protectedClaims.has(n));
  if (version === 1) {
    const d = object(response.claimsOverrideDetails);
    if (!d) return c;
    c.id = { add: claims(d.claimsToAddOrOverride, 1, PROTECTED_ID_CLAIMS), suppress: keep(strings(d.claimsToSuppress), PROTECTED_ID_CLAIMS) };
    c.groups = groupOverride(d.groupOverrideDetails);
    return c;
  }
  const d = object(response.claimsAndScopeOverrideDetails);
  if (!d) return c;
  const id = object(d.idTokenGeneration) ?? {};
  const access = object(d.accessTokenGeneration) ?? {};
  c.id = { add: claims(id.claimsToAddOrOverride, 2, PROTECTED_ID_CLAIMS), suppress: keep(strings(id.claimsToSuppress), PROTECTED_ID_CLAIMS) };
  c.access = {
    add: claims(access.claimsToAddOrOverride, 2, PROTECTED_ACCESS_CLAIMS), suppress: keep(strings(access.claimsToSuppress), PROTECTED_ACCESS_CLAIMS),
    scopesToAdd: strings(access.scopesToAdd), scopesToSuppress: strings(access.scopesToSuppress),
  };
  for (const s of [...c.access.scopesToAdd, ...c.access.scopesToSuppress]) if (/\s/.test(s) || !s) throw unrecognizable();
  c.groups = groupOverride(d.groupOverrideDetails);
  return c;
}

/** Runs the pool's PreTokenGeneration trigger, if any: what it changes in the tokens. */
export async function runPreTokenGeneration(deps: TriggerDeps, input: PreTokenGenerationInput): Promise<TokenCustomization | undefined> {
  const t = preTokenGenerationTrigger(input.pool);
  if (!t) return undefined;
  const out = await invokeTrigger(deps, {
    poolId: input.pool.id, trigger: "PreTokenGeneration", arn: t.arn, event: preTokenGenerationEvent(input, t.version, deps.config.region),
  });
  return readCustomization(out, t.version);
}
