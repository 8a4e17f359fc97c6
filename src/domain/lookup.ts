/** Finding the pool, the app client and the user a request names, with Cognito's not-found errors. */
import { ResourceNotFoundException } from "../generated/cognito-idp.js";
import type { ClientRecord, PoolRecord, Repos, UserRecord } from "../store/types.js";
import { isEmail, isPhone } from "./attributes.js";
import { aliasAttributes, keyOf, usernameAttributes } from "./pool.js";

export async function loadPool(store: Repos, poolId: string): Promise<PoolRecord> {
  const pool = await store.getPool(poolId);
  if (!pool) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
  return pool;
}

export async function loadClient(store: Repos, clientId: string): Promise<{ client: ClientRecord; pool: PoolRecord }> {
  const client = await store.getClient(clientId);
  const pool = client && (await store.getPool(client.poolId));
  if (!client || !pool) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return { client, pool };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Resolves what a request calls "Username": the username itself, the user's `sub`, or, where the pool allows,
 * an email or phone number used as username (UsernameAttributes) or a verified alias (AliasAttributes).
 */
export async function resolveUser(store: Repos, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  const direct = await store.getUser(pool.id, keyOf(pool.doc, name));
  if (direct) return direct;
  return resolveOtherwise(store, pool, name);
}

/**
 * The other ways `resolveUser` may find `name` when it is no username key, in order: decided by the name's shape and
 * the pool alone, never by what the store holds (so a caller may choose its path by it without telling anything).
 */
export function otherLookups(pool: PoolRecord, name: string): ("sub" | "email" | "phone_number" | "preferred_username")[] {
  const asUsername = usernameAttributes(pool.doc);
  const asAlias = aliasAttributes(pool.doc);
  const ways: ReturnType<typeof otherLookups> = UUID.test(name) ? ["sub"] : [];
  if (isEmail(name) && (asUsername.includes("email") || asAlias.includes("email"))) ways.push("email");
  if (isPhone(name) && (asUsername.includes("phone_number") || asAlias.includes("phone_number"))) ways.push("phone_number");
  if (asAlias.includes("preferred_username")) ways.push("preferred_username");
  return ways;
}

/**
 * `resolveUser` after its first lookup (the username key itself) found nothing: for a caller that made that lookup
 * its own way (ConfirmSignUp reads the user with their code).
 */
export async function resolveOtherwise(store: Repos, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  const asUsername = usernameAttributes(pool.doc);
  for (const way of otherLookups(pool, name)) {
    if (way === "sub") {
      const bySub = await store.getUserBySub(pool.id, name.toLowerCase());
      if (bySub) return bySub;
    } else if (way === "preferred_username") {
      return findByPreferredUsername(store, pool, name);
    } else {
      const found = way === "email" ? await store.findUsersByEmail(pool.id, keyOf(pool.doc, name)) : await store.findUsersByPhone(pool.id, name);
      // As an alias (not as the username itself) only a verified address counts.
      const usable = asUsername.includes(way) ? found : found.filter((u) => u.attributes[`${way}_verified`] === "true");
      if (usable.length) return usable[0];
    }
  }
  return undefined;
}

/**
 * A preferred_username alias (needs no verification; unique in the pool, attribute-changes.ts keeps it so). It has
 * no column of its own: the pool's users holding one are scanned, compared as the pool compares usernames.
 */
export async function findByPreferredUsername(store: Repos, pool: PoolRecord, name: string): Promise<UserRecord | undefined> {
  const want = keyOf(pool.doc, name);
  let after: string | undefined;
  do {
    const page = await store.listUsers(pool.id, { filter: { field: "attribute", name: "preferred_username", op: "^=", value: "" }, limit: 500, after });
    const hit = page.items.find((u) => keyOf(pool.doc, u.attributes.preferred_username ?? "") === want);
    if (hit) return hit;
    after = page.next ?? undefined;
  } while (after);
  return undefined;
}

/** A client named together with its pool (the IAM operations): both must exist and belong together. */
export async function loadPoolClient(store: Repos, poolId: string, clientId: string): Promise<ClientRecord> {
  await loadPool(store, poolId);
  const client = await store.getClient(clientId);
  if (!client || client.poolId !== poolId) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  return client;
}
