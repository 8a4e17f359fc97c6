/**
 * The seed file (docs/seed.md): pools, app clients, groups and users in Cognito's own request shapes, with fixed ids.
 *
 * ```json
 * {"UserPools": [{"Id": "us-east-1_localpool", "PoolName": "local", …CreateUserPool fields…,
 *   "Clients": [{"ClientId": "localclient", "ClientSecret": "…"?, "ClientName": "web", …CreateUserPoolClient fields…}],
 *   "Groups": [{"GroupName": "admins", …CreateGroup fields…}],
 *   "Users": [{"Username": "alice", "Password": "…", "Attributes": [{"Name": "email", "Value": "…"}],
 *              "Status": "CONFIRMED", "Groups": ["admins"]}]}]}
 * ```
 *
 * The file is checked against the official service model's constraints: a pool is CreateUserPool's request plus
 * `Id`, a client CreateUserPoolClient's (without `UserPoolId`) plus `ClientId`, a group CreateGroup's (without
 * `UserPoolId`), a user AdminCreateUser's member shapes. Every error names its JSON path on one line.
 */
import { CognitoError, patternTranslations, shapes, type ShapeDef } from "../generated/cognito-idp.js";
import { ShapeValidator } from "../protocol/validate.js";

export interface SeedUser {
  Username: string;
  Password?: string;
  Attributes?: { Name: string; Value?: string }[];
  Status?: "CONFIRMED" | "UNCONFIRMED" | "FORCE_CHANGE_PASSWORD" | "RESET_REQUIRED";
  Groups?: string[];
}

export interface SeedClient extends Record<string, unknown> {
  ClientId: string;
  ClientName: string;
  ClientSecret?: string;
  GenerateSecret?: boolean;
}

export interface SeedGroup {
  GroupName: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
}

export interface SeedPool extends Record<string, unknown> {
  Id: string;
  PoolName: string;
  Clients?: SeedClient[];
  Groups?: SeedGroup[];
  Users?: SeedUser[];
}

export interface SeedFile {
  UserPools: SeedPool[];
}

/** A seed file that cannot be applied: `path` is the JSON path (`UserPools[0].Clients[1].ClientId`), or "" for the file. */
export class SeedError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(path ? `${path}: ${detail}` : detail);
  }
}

/** A structure of the model without some members (the pool id that the seed file's nesting supplies). */
function without(name: string, drop: string[]): ShapeDef {
  const def = shapes[name]!;
  return {
    ...def,
    members: Object.fromEntries(Object.entries(def.members ?? {}).filter(([k]) => !drop.includes(k))),
    required: (def.required ?? []).filter((r) => !drop.includes(r)),
  };
}

/** The seed file's shapes, made of the model's: what the validator walks. */
const SEED_SHAPES: Record<string, ShapeDef> = {
  ...shapes,
  SeedFile: { type: "structure", members: { UserPools: "SeedUserPoolList" }, required: ["UserPools"] },
  SeedUserPoolList: { type: "list", member: "SeedUserPool" },
  SeedUserPool: {
    type: "structure",
    members: { Id: "UserPoolIdType", ...shapes.CreateUserPoolRequest!.members, Clients: "SeedClientList", Groups: "SeedGroupList", Users: "SeedUserList" },
    required: ["Id", ...(shapes.CreateUserPoolRequest!.required ?? [])],
  },
  SeedClientList: { type: "list", member: "SeedClient" },
  SeedClient: (() => {
    const def = without("CreateUserPoolClientRequest", ["UserPoolId"]);
    return { ...def, members: { ClientId: "ClientIdType", ...def.members }, required: ["ClientId", ...def.required!] };
  })(),
  SeedGroupList: { type: "list", member: "SeedGroup" },
  SeedGroup: without("CreateGroupRequest", ["UserPoolId"]),
  SeedUserList: { type: "list", member: "SeedUser" },
  // AdminCreateUser's member shapes: Username, the password (TemporaryPassword's shape), UserAttributes' list.
  SeedUser: {
    type: "structure",
    members: {
      Username: shapes.AdminCreateUserRequest!.members!.Username!, Password: shapes.AdminCreateUserRequest!.members!.TemporaryPassword!,
      Attributes: shapes.AdminCreateUserRequest!.members!.UserAttributes!, Status: "SeedUserStatusType", Groups: "SeedGroupNameList",
    },
    required: ["Username"],
  },
  SeedUserStatusType: { type: "string", enum: ["CONFIRMED", "UNCONFIRMED", "FORCE_CHANGE_PASSWORD", "RESET_REQUIRED"] },
  SeedGroupNameList: { type: "list", member: "GroupNameType" },
};

const validator = new ShapeValidator(SEED_SHAPES, patternTranslations);

/** What a member that is not in its shape reads as: which members the seed file's shapes have. */
const MEMBERS: Record<string, string> = {
  SeedFile: "the file has UserPools",
  SeedUserPool: "a pool has CreateUserPool's members and Id, Clients, Groups, Users",
  SeedClient: "a client has CreateUserPoolClient's members but UserPoolId, and ClientId",
  SeedGroup: "a group has CreateGroup's members but UserPoolId",
  SeedUser: "a user has Username, Password, Attributes, Status, Groups",
};
const unknownMember = (phrase: string) =>
  phrase.replace(/^not a member of (\w+)$/, (_, shape: string) => `unknown member (${MEMBERS[shape] ?? `not in ${shape}`})`);

/** `<region>_<letters and digits>`, as Cognito's pool ids are (the model's pattern allows any `[\w-]+` in front). */
const POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d+_[0-9a-zA-Z]+$/;

/**
 * Parses and checks a seed file's text against the model's constraints and the seed rules that need no store
 * (Cognito's id shapes, names unique within the file, user groups defined in the file). Throws SeedError.
 */
export function parseSeed(text: string): SeedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new SeedError("", `not JSON (${(e as Error).message})`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new SeedError("", 'expected a JSON object {"UserPools": [...]}');
  let result;
  try {
    result = validator.check("SeedFile", doc);
  } catch (e) {
    if (!(e instanceof CognitoError)) throw e;
    const m = /^Unexpected value type at '([^']*)': (.*?)\.?$/.exec(e.message) ?? /^(?:.*) at '([^']*)'(?:: )?(.*?)\.?$/.exec(e.message);
    throw m ? new SeedError(m[1]!, m[2] || e.message) : new SeedError("", e.message);
  }
  if (result.count > 0) {
    const [first] = result.items;
    const more = result.count > 1 ? ` (and ${result.count - 1} more)` : "";
    throw new SeedError(first!.path, (first!.value ? `${first!.value} failed to satisfy constraint: ${first!.phrase}` : unknownMember(first!.phrase)) + more);
  }
  const seed = doc as SeedFile;
  const poolIds = new Map<string, number>();
  const clientIds = new Map<string, string>();
  seed.UserPools.forEach((pool, p) => {
    const at = `UserPools[${p}]`;
    if (!POOL_ID.test(pool.Id)) throw new SeedError(`${at}.Id`, `${pool.Id} is not a Cognito pool id: <region>_<letters and digits>, e.g. us-east-1_localpool`);
    if (poolIds.has(pool.Id)) throw new SeedError(`${at}.Id`, `${pool.Id} is also UserPools[${poolIds.get(pool.Id)}]'s id`);
    poolIds.set(pool.Id, p);
    (pool.Clients ?? []).forEach((c, i) => {
      if (clientIds.has(c.ClientId)) throw new SeedError(`${at}.Clients[${i}].ClientId`, `the same client id as ${clientIds.get(c.ClientId)}`);
      clientIds.set(c.ClientId, `${at}.Clients[${i}]`);
      if (c.ClientSecret !== undefined && c.GenerateSecret === false) {
        throw new SeedError(`${at}.Clients[${i}].GenerateSecret`, "false, but the client has a ClientSecret");
      }
    });
    const groups = new Set<string>();
    (pool.Groups ?? []).forEach((g, i) => {
      if (groups.has(g.GroupName)) throw new SeedError(`${at}.Groups[${i}].GroupName`, `${g.GroupName} is named twice in this pool`);
      groups.add(g.GroupName);
    });
    const usernames = new Set<string>();
    (pool.Users ?? []).forEach((u, i) => {
      if (usernames.has(u.Username)) throw new SeedError(`${at}.Users[${i}].Username`, "the same username as an earlier user of this pool");
      usernames.add(u.Username);
      (u.Groups ?? []).forEach((g, j) => {
        if (!groups.has(g)) throw new SeedError(`${at}.Users[${i}].Groups[${j}]`, `${g} is not one of this pool's Groups`);
      });
    });
  });
  return seed;
}
