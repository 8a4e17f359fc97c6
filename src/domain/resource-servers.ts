/** Resource servers: their view, limits and lookup with Cognito's errors. */
import { InvalidParameterException, LimitExceededException, ResourceNotFoundException } from "../generated/cognito-idp.js";
import type { Repos, ResourceServerRecord, ResourceServerScope } from "../store/types.js";

/** Cognito's quota: resource servers per user pool. */
export const MAX_RESOURCE_SERVERS = 25;

export const resourceServerView = (r: ResourceServerRecord) => ({
  UserPoolId: r.poolId, Identifier: r.identifier, Name: r.name, Scopes: r.scopes.map((s) => ({ ...s })),
});

/** The scopes as stored (no duplicate names). */
export function checkScopes(scopes: ResourceServerScope[] | undefined): ResourceServerScope[] {
  const list = (scopes ?? []).map((s) => ({ ScopeName: s.ScopeName, ScopeDescription: s.ScopeDescription }));
  const seen = new Set<string>();
  for (const s of list) {
    if (seen.has(s.ScopeName)) throw new InvalidParameterException(`Duplicate scope name: ${s.ScopeName}`);
    seen.add(s.ScopeName);
  }
  return list;
}

export async function loadResourceServer(store: Pick<Repos, "getResourceServer">, poolId: string, identifier: string): Promise<ResourceServerRecord> {
  const r = await store.getResourceServer(poolId, identifier);
  if (!r) throw new ResourceNotFoundException(`Resource server ${identifier} does not exist in user pool ${poolId}.`);
  return r;
}

export async function checkRoomForResourceServer(store: Pick<Repos, "countResourceServers">, poolId: string): Promise<void> {
  if ((await store.countResourceServers(poolId)) >= MAX_RESOURCE_SERVERS) {
    throw new LimitExceededException(`A user pool can have at most ${MAX_RESOURCE_SERVERS} resource servers.`);
  }
}
