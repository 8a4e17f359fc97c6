/**
 * `userpool export`: the store as a seed file (src/seed/file.ts), so that export → seed round-trips. Pools, clients
 * and groups in their Create* request shapes; users with their attributes (their `sub` too, so that a re-seeded user
 * keeps it), status and groups. Never a password (only its hash is stored); a client secret only when asked
 * (`withSecrets`), otherwise `GenerateSecret: true`, so that seeding the export gives the client a new secret.
 */
import { STANDARD_SCHEMA } from "../domain/attributes.js";
import type { ClientRecord, GroupRecord, PoolRecord, Store, UserRecord } from "../store/types.js";
import type { SeedClient, SeedFile, SeedGroup, SeedPool, SeedUser } from "./file.js";

const PAGE = 60;

async function all<T>(page: (after?: string) => Promise<{ items: T[]; next: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  for (;;) {
    const p = await page(after);
    out.push(...p.items);
    if (!p.next) return out;
    after = p.next;
  }
}

type Doc = Record<string, any>;

/** The CreateUserPool request that builds this pool's settings again (src/domain/pool.ts's buildPoolDoc, inverted). */
function poolInput(p: PoolRecord): SeedPool {
  const { Id, Name, Arn, SchemaAttributes, Policies, VerificationMessageTemplate, ...rest } = p.doc as Doc;
  const defaults = new Map(STANDARD_SCHEMA.map((a) => [a.Name as string, a]));
  const schema = ((SchemaAttributes ?? []) as Doc[]).flatMap((a): Doc[] => {
    const std = defaults.get(a.Name);
    if (std) return a.Required && !std.Required ? [{ Name: a.Name, AttributeDataType: a.AttributeDataType, Mutable: a.Mutable, Required: true }] : [];
    const { Name: name, Required: _r, ...custom } = a;
    return [{ Name: String(name).replace(/^custom:/, ""), ...custom }];
  });
  // The template's message texts are the top-level ones again (buildPoolDoc takes either); leaving them out of the
  // template keeps EmailMessage from meeting EmailMessageByLink, which CreateUserPool refuses.
  const { EmailMessage: _m, EmailSubject: _s, SmsMessage: _sms, ...template } = (VerificationMessageTemplate ?? {}) as Doc;
  return {
    Id: p.id, PoolName: p.name,
    ...(Policies?.PasswordPolicy ? { Policies: { PasswordPolicy: Policies.PasswordPolicy } } : {}),
    ...rest,
    ...(Object.keys(template).length ? { VerificationMessageTemplate: template } : {}),
    ...(schema.length ? { Schema: schema } : {}),
  };
}

function clientInput(c: ClientRecord, withSecrets: boolean): SeedClient {
  const { UserPoolId: _p, ClientId: _c, ClientName: _n, ...settings } = c.doc as Doc;
  return {
    ClientId: c.id, ClientName: c.name,
    ...(c.secret ? (withSecrets ? { ClientSecret: c.secret } : { GenerateSecret: true }) : {}),
    ...settings,
  };
}

const groupInput = (g: GroupRecord): SeedGroup => ({
  GroupName: g.name,
  ...(g.description === null ? {} : { Description: g.description }),
  ...(g.roleArn === null ? {} : { RoleArn: g.roleArn }),
  ...(g.precedence === null ? {} : { Precedence: g.precedence }),
});

function userInput(p: PoolRecord, u: UserRecord, groups: GroupRecord[]): SeedUser {
  // In an email/phone-as-username pool the username is the sub: the file names the user by the address again.
  const byAttribute = ((p.doc.UsernameAttributes ?? []) as string[]).length > 0;
  const name = byAttribute && u.username === u.sub ? (u.attributes.email ?? u.attributes.phone_number ?? u.username) : u.username;
  return {
    Username: name,
    Attributes: [{ Name: "sub", Value: u.sub }, ...Object.entries(u.attributes).map(([Name, Value]) => ({ Name, Value }))],
    Status: u.status,
    ...(groups.length ? { Groups: groups.map((g) => g.name).sort() } : {}),
  };
}

export async function exportSeed(store: Store, o: { withSecrets?: boolean } = {}): Promise<SeedFile> {
  const pools = await all((after) => store.listPools(PAGE, after));
  const out: SeedPool[] = [];
  for (const p of pools) {
    const [clients, groups, users] = await Promise.all([
      all((after) => store.listClients(p.id, PAGE, after)),
      all((after) => store.listGroups(p.id, PAGE, after)),
      all((after) => store.listUsers(p.id, { limit: PAGE, after })),
    ]);
    const seedUsers: SeedUser[] = [];
    for (const u of users) seedUsers.push(userInput(p, u, await store.groupsOfUser(p.id, u.usernameKey)));
    out.push({
      ...poolInput(p),
      Clients: clients.map((c) => clientInput(c, o.withSecrets === true)),
      Groups: groups.map(groupInput),
      Users: seedUsers,
    });
  }
  return { UserPools: out };
}
