/**
 * Applying a seed file (src/seed/file.ts) to a store, idempotently: a pool or app client that is missing is created
 * with the file's id, one that exists is updated to the file's configuration; groups likewise; a user is created
 * only when missing (an existing user, and their password, are left as they are; group memberships the file lists
 * are added); nothing is deleted. Everything goes through the code the operations use: `buildPoolDoc` /
 * `updatePoolDoc`, `buildClientDoc`, the group repository, `readAttributes`, the password policy, and
 * `passwordWrite` (scrypt hash and SRP verifier together, so both USER_PASSWORD_AUTH and SRP sign in).
 */
import { CognitoError } from "../generated/cognito-idp.js";
import { readAttributes } from "../domain/attributes.js";
import { buildClientDoc } from "../domain/client.js";
import type { Clock, Random } from "../domain/clock.js";
import { newClientSecret, poolArn } from "../domain/ids.js";
import { checkPasswordPolicy } from "../domain/passwords.js";
import { requireChannels } from "../domain/production.js";
import { buildPoolDoc, keyOf, newUsername, passwordPolicy, schemaNames, updatePoolDoc, usernameAttributes } from "../domain/pool.js";
import { passwordWrite, temporaryPasswordExpiry, writePassword } from "../domain/set-password.js";
import { newSigningKey } from "../domain/tokens.js";
import type { ClientRecord, GroupRecord, PoolRecord, Store, UserRecord } from "../store/types.js";
import { SeedError, type SeedFile, type SeedPool } from "./file.js";

export interface SeedDeps {
  store: Store;
  clock: Clock;
  random: Random;
  /** `mode` and the channels: in production a pool may not auto-verify a medium without a channel, as with CreateUserPool. */
  config: Parameters<typeof requireChannels>[0] & { accountId: string; passwordHashCost: number };
}

/** What applying changed, one line per pool, client, group and user: `created`, `updated` or `unchanged`. */
export type SeedReport = string[];

/** Settings an existing pool cannot change (as UpdateUserPool cannot): a difference is an error, not a silent no-op. */
const IMMUTABLE = ["AliasAttributes", "UsernameAttributes", "UsernameConfiguration", "SchemaAttributes"] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  return v;
}

/** A domain error (Cognito's message) at a path of the file. */
function at<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CognitoError) throw new SeedError(path, e.message);
    throw e;
  }
}

const poolInput = (p: SeedPool) => {
  const { Id: _id, Clients: _c, Groups: _g, Users: _u, ...input } = p;
  return input;
};

export async function applySeed(deps: SeedDeps, seed: SeedFile): Promise<SeedReport> {
  // Instances sharing a database that start together apply the same file at once: a pool or client the other one
  // inserted first is a key conflict here, and the next pass finds it and updates it (or leaves it unchanged). Their
  // passes can interleave so that each conflicts on a different one (this pass planned the client before the other
  // inserted it, after the pool it conflicted on last time), so there is a pass for every pool and client the file
  // makes: each failed pass means the other instance made one of them. (Users and groups made meanwhile count as
  // existing: no conflict.) Seen in CI with one retry: `UNIQUE constraint failed: clients.id` on the second pass.
  const passes = 2 + seed.UserPools.reduce((n, p) => n + 1 + (p.Clients?.length ?? 0), 0);
  for (let pass = 1; ; pass++) {
    try {
      return await applyOnce(deps, seed);
    } catch (e) {
      if (e instanceof SeedError || pass >= passes) throw e;
    }
  }
}

async function applyOnce(deps: SeedDeps, seed: SeedFile): Promise<SeedReport> {
  const report: SeedReport = [];
  // Everything that can be refused is checked before the first write.
  const plans = [];
  for (const [p, pool] of seed.UserPools.entries()) plans.push(await planPool(deps, pool, `UserPools[${p}]`));
  for (const plan of plans) await applyPool(deps, plan, report);
  return report;
}

type Plan = Awaited<ReturnType<typeof planPool>>;

async function planPool({ store, config }: SeedDeps, pool: SeedPool, path: string) {
  const region = pool.Id.slice(0, pool.Id.indexOf("_"));
  at(`${path}.AutoVerifiedAttributes`, () => requireChannels(config, pool.AutoVerifiedAttributes as string[] | undefined));
  const existing = await store.getPool(pool.Id);
  const doc = at(path, () => buildPoolDoc(poolInput(pool), pool.Id, existing ? String(existing.doc.Arn) : poolArn(region, config.accountId, pool.Id)));
  if (existing) {
    for (const k of IMMUTABLE) {
      if (!same(existing.doc[k], doc[k])) {
        throw new SeedError(path, `${k} of the existing pool ${pool.Id} cannot change (as with UpdateUserPool); delete the pool or give it another Id`);
      }
    }
  }
  const clients = [];
  for (const [i, c] of (pool.Clients ?? []).entries()) {
    const cpath = `${path}.Clients[${i}]`;
    const { ClientId, ClientSecret: _s, ...input } = c;
    const current = await store.getClient(ClientId);
    if (current && current.poolId !== pool.Id) throw new SeedError(`${cpath}.ClientId`, `the client exists in another pool (${current.poolId})`);
    clients.push({ seed: c, current, doc: at(cpath, () => buildClientDoc(input, pool.Id, ClientId)) });
  }
  const users = [];
  const policyDoc = existing ? updatePoolDoc(existing.doc, poolInput(pool)) : doc;
  for (const [i, u] of (pool.Users ?? []).entries()) {
    const upath = `${path}.Users[${i}]`;
    const attributes = at(`${upath}.Attributes`, () => readAttributes((u.Attributes ?? []).filter((a) => a.Name !== "sub"), schemaNames(doc)));
    const sub = u.Attributes?.find((a) => a.Name === "sub")?.Value;
    if (sub !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(sub)) {
      throw new SeedError(`${upath}.Attributes`, "sub must be a lower-case UUID");
    }
    if (u.Password !== undefined) at(`${upath}.Password`, () => checkPasswordPolicy(u.Password!, passwordPolicy(policyDoc)));
    users.push({ seed: u, path: upath, attributes, sub });
  }
  return { seed: pool, existing, doc, clients, users, path };
}

async function applyPool(deps: SeedDeps, plan: Plan, report: SeedReport) {
  const { store, clock, random } = deps;
  const now = clock.now();
  const id = plan.seed.Id;
  let pool: PoolRecord;
  if (!plan.existing) {
    pool = { id, name: plan.seed.PoolName, doc: plan.doc, signingKey: (await newSigningKey(random)) as Record<string, unknown>, createdAt: now, updatedAt: now };
    await store.insertPool(pool);
    report.push(`pool ${id} (${pool.name}): created`);
  } else {
    const doc = updatePoolDoc(plan.existing.doc, poolInput(plan.seed));
    pool = { ...plan.existing, name: String(doc.Name), doc };
    if (same(plan.existing.doc, doc) && plan.existing.name === pool.name) {
      report.push(`pool ${id} (${pool.name}): unchanged`);
    } else {
      pool.updatedAt = now;
      await store.updatePool(pool);
      report.push(`pool ${id} (${pool.name}): updated`);
    }
  }

  for (const c of plan.clients) {
    const secret = c.seed.ClientSecret ?? (c.seed.GenerateSecret ? (c.current?.secret ?? newClientSecret(random)) : null);
    const record: ClientRecord = { id: c.seed.ClientId, poolId: id, name: c.seed.ClientName, secret, doc: c.doc, createdAt: c.current?.createdAt ?? now, updatedAt: now };
    if (!c.current) {
      await store.insertClient(record);
      report.push(`client ${record.id} (${record.name}): created`);
    } else if (same(c.current.doc, c.doc) && c.current.name === record.name && c.current.secret === secret) {
      report.push(`client ${record.id} (${record.name}): unchanged`);
    } else {
      const current = c.current;
      await store.tx(async (tx) => {
        await tx.updateClient(record);
        if (current.secret !== secret) await tx.setClientSecret(record.id, secret, now);
      });
      report.push(`client ${record.id} (${record.name}): updated`);
    }
  }

  for (const g of plan.seed.Groups ?? []) {
    const current = await store.getGroup(id, g.GroupName);
    const group: GroupRecord = {
      poolId: id, name: g.GroupName, description: g.Description ?? null, roleArn: g.RoleArn ?? null, precedence: g.Precedence ?? null,
      createdAt: current?.createdAt ?? now, updatedAt: now,
    };
    if (!current) {
      // false: another instance applying the same file made it a moment ago.
      report.push(`group ${g.GroupName}: ${(await store.insertGroup(group)) ? "created" : "unchanged"}`);
    } else if (current.description === group.description && current.roleArn === group.roleArn && current.precedence === group.precedence) {
      report.push(`group ${g.GroupName}: unchanged`);
    } else {
      await store.updateGroup(group);
      report.push(`group ${g.GroupName}: updated`);
    }
  }

  for (const u of plan.users) await applyUser(deps, pool, u, report);
}

async function applyUser(deps: SeedDeps, pool: PoolRecord, u: Plan["users"][number], report: SeedReport) {
  const { store, clock, random, config } = deps;
  const attributes = { ...u.attributes };
  const sub = u.sub ?? random.uuid();
  const username = at(`${u.path}.Username`, () => newUsername(pool.doc, u.seed.Username, attributes, sub));
  const key = keyOf(pool.doc, username);
  let user = await store.getUser(pool.id, key);
  // The number of the user in the file, not the username: usernames are sensitive in the model (they stay out of logs).
  const name = `user ${u.path.replace(/^.*\./, "")}`;
  if (user) {
    report.push(`${name}: exists, unchanged`);
  } else {
    for (const attr of usernameAttributes(pool.doc)) {
      const value = attributes[attr];
      if (!value) continue;
      const holders = attr === "email" ? await store.findUsersByEmail(pool.id, keyOf(pool.doc, value)) : await store.findUsersByPhone(pool.id, value);
      if (holders.length) throw new SeedError(`${u.path}.Username`, `An account with the given ${attr} already exists.`);
    }
    const status = u.seed.Status ?? "CONFIRMED";
    const now = clock.now();
    const w = u.seed.Password === undefined ? undefined : await passwordWrite(pool.id, username, u.seed.Password, random, config.passwordHashCost);
    const record: UserRecord = {
      poolId: pool.id, usernameKey: key, username, sub, status, enabled: true, passwordHash: w?.passwordHash ?? null, attributes,
      emailKey: attributes.email ? keyOf(pool.doc, attributes.email) : null, phone: attributes.phone_number ?? null, createdAt: now, updatedAt: now,
    };
    const inserted = await store.tx(async (tx) => {
      if (!(await tx.insertUser(record))) return false; // another instance applying the same file made it a moment ago
      if (w) {
        await writePassword(tx, record, w, now, { status, expiresAt: status === "FORCE_CHANGE_PASSWORD" ? temporaryPasswordExpiry(pool.doc, now) : null });
      }
      return true;
    });
    user = inserted ? record : (await store.getUser(pool.id, key))!;
    report.push(`${name}: ${inserted ? `created (${status})` : "exists, unchanged"}`);
  }
  for (const g of u.seed.Groups ?? []) {
    const added = await store.addUserToGroup(pool.id, g, user.usernameKey, clock.now());
    if (added !== "member") throw new SeedError(u.path, `could not add the user to group ${g} (${added})`);
  }
}
