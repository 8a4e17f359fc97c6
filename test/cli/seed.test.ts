// test-stores: sqlite, postgres
/**
 * The seed file and export (issue 15, docs/seed.md) through the CLI as an operator runs it: `userpool seed FILE`,
 * `userpool export` and `--seed` / `USERPOOL_SEED` at start, against a data dir or (second pass) a PostgreSQL
 * database. Seeded users sign in with the AWS SDK (USER_PASSWORD_AUTH) and amazon-cognito-identity-js (SRP).
 */
import {
  DescribeUserPoolClientCommand, DescribeUserPoolCommand, GetGroupCommand, ListUsersCommand, type CognitoIdentityProviderClient,
} from "@aws-sdk/client-cognito-identity-provider";
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from "amazon-cognito-identity-js";
import { decodeJwt } from "jose";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCommand, spawnServer } from "../helpers/cli.js";
import { rejectsWith } from "../helpers/fixtures.js";
import { databaseForDataDir } from "../helpers/postgres.js";
import { sdkClient, startTestServer } from "../helpers/server.js";
import { passwordSignIn } from "../helpers/sign-in.js";
import { TEST_STORE } from "../helpers/store.js";

const POOL = "us-east-1_localpool";
const SECRET = "backendsecret0123456789abcdefghij";

/** A seed file as the docs show one: a pool that verifies email, two clients (one with a fixed secret), a group, two users. */
function seedFile(change: (f: any) => void = () => {}) {
  const f = {
    UserPools: [{
      Id: POOL, PoolName: "local", AutoVerifiedAttributes: ["email"],
      Schema: [{ Name: "tenant", AttributeDataType: "String" }],
      Clients: [
        { ClientId: "localclient", ClientName: "web", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
        { ClientId: "backend", ClientName: "backend", ClientSecret: SECRET, ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] },
      ],
      Groups: [{ GroupName: "admins", Description: "Administrators", Precedence: 1 }],
      Users: [
        {
          Username: "alice", Password: "Alice-Passw0rd!", Status: "CONFIRMED", Groups: ["admins"],
          Attributes: [{ Name: "email", Value: "alice@example.com" }, { Name: "email_verified", Value: "true" }, { Name: "custom:tenant", Value: "t1" }],
        },
        { Username: "bob", Password: "Bob-Passw0rd!", Status: "FORCE_CHANGE_PASSWORD", Attributes: [{ Name: "email", Value: "bob@example.com" }] },
      ],
    }],
  };
  change(f);
  return f;
}

const dirs: string[] = [];
const drops: (() => Promise<void>)[] = [];
after(async () => { for (const d of drops) await d(); });

/** A fresh data dir and the flags naming its store (`--database-url` on the PostgreSQL pass). */
async function freshStore() {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-seed-"));
  dirs.push(dataDir);
  if (TEST_STORE !== "postgres") return { dataDir, where: ["--data-dir", dataDir], env: {} as Record<string, string> };
  const db = await databaseForDataDir(dataDir);
  drops.push(db.drop);
  return { dataDir, where: ["--database-url", db.url], env: { USERPOOL_DATABASE_URL: db.url } };
}

function writeJson(dir: string, name: string, value: unknown) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

async function ok(args: string[], env: Record<string, string> = {}) {
  const r = await runCommand(args, env);
  assert.equal(r.status, 0, `userpool ${args.join(" ")}: ${r.stderr}`);
  assert.equal(r.stderr, "");
  return r.stdout;
}

const groupsIn = (token: string) => decodeJwt(token)["cognito:groups"];

function srpSignIn(url: string, clientId: string, username: string, password: string) {
  const storage = { m: new Map<string, string>(), setItem(k: string, v: string) { this.m.set(k, v); }, getItem(k: string) { return this.m.get(k) ?? null; },
    removeItem(k: string) { this.m.delete(k); }, clear() { this.m.clear(); } };
  const pool = new CognitoUserPool({ UserPoolId: POOL, ClientId: clientId, endpoint: url, Storage: storage as any });
  return new Promise<CognitoUserSession>((resolve, reject) => {
    new CognitoUser({ Username: username, Pool: pool, Storage: storage as any }).authenticateUser(
      new AuthenticationDetails({ Username: username, Password: password }),
      { onSuccess: resolve, onFailure: reject, newPasswordRequired: () => reject(new Error("unexpected newPasswordRequired")) });
  });
}

test("serve --seed: the banner says what it did; seeded users sign in with USER_PASSWORD_AUTH and SRP, their groups in the tokens", async () => {
  const { dataDir, env } = await freshStore();
  const file = writeJson(dataDir, "seed.json", seedFile());
  const server = await spawnServer(["-p", "0", "-d", dataDir, "--log-level", "warn", "--seed", file], env);
  try {
    assert.match(server.stdout(), new RegExp(`  seed: +${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(6 created, 0 updated, 0 unchanged\\)\\n`));
    const client = sdkClient(server.url);
    const a = await passwordSignIn(client, "localclient", "alice", "Alice-Passw0rd!");
    assert.deepEqual(groupsIn(a.IdToken!), ["admins"]);
    assert.deepEqual(groupsIn(a.AccessToken!), ["admins"]);
    assert.equal(decodeJwt(a.IdToken!).iss, `${server.url}/${POOL}`);
    assert.equal(decodeJwt(a.IdToken!)["custom:tenant"], "t1");
    // The client's fixed secret is the one the file gave: SecretHash computed from it is accepted.
    const b = await passwordSignIn(client, "backend", "alice", "Alice-Passw0rd!", SECRET);
    assert.equal(decodeJwt(b.AccessToken!).client_id, "backend");
    const srp = await srpSignIn(server.url, "localclient", "alice", "Alice-Passw0rd!");
    assert.deepEqual(srp.getIdToken().decodePayload()["cognito:groups"], ["admins"]);
    // bob must choose a new password first, as an AdminCreateUser user does.
    await assert.rejects(srpSignIn(server.url, "localclient", "bob", "Bob-Passw0rd!"), /unexpected newPasswordRequired/);
    await rejectsWith(passwordSignIn(client, "localclient", "alice", "wrong-Passw0rd!"), "NotAuthorizedException", "Incorrect username or password.");
  } finally {
    await server.kill();
  }
  // Restarting with the same file changes nothing.
  const again = await spawnServer(["-p", "0", "-d", dataDir, "--log-level", "warn"], { ...env, USERPOOL_SEED: file });
  try {
    assert.match(again.stdout(), /  seed: .* \(0 created, 0 updated, 6 unchanged\)\n/);
  } finally {
    await again.kill();
  }
});

test("userpool seed FILE: idempotent; a changed file updates pools, clients and groups, never a password; nothing is deleted", async () => {
  const { dataDir, where } = await freshStore();
  const file = writeJson(dataDir, "seed.json", seedFile());
  assert.equal(await ok(["seed", file, ...where]), [
    `pool ${POOL} (local): created`, "client localclient (web): created", "client backend (backend): created", "group admins: created",
    "user Users[0]: created (CONFIRMED)", "user Users[1]: created (FORCE_CHANGE_PASSWORD)", `${file}: 6 created, 0 updated, 0 unchanged`, "",
  ].join("\n"));
  assert.match(await ok(["seed", file, ...where]), new RegExp(`: 0 created, 0 updated, 6 unchanged\\n$`));

  const changed = writeJson(dataDir, "changed.json", seedFile((f) => {
    const p = f.UserPools[0];
    p.PoolName = "renamed";
    p.MfaConfiguration = "OFF";
    p.Policies = { PasswordPolicy: { MinimumLength: 10, RequireUppercase: false, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } };
    p.Clients = [{ ...p.Clients[1], ClientSecret: undefined, GenerateSecret: true, ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }];
    p.Groups[0].Precedence = 5;
    p.Groups.push({ GroupName: "readers" });
    p.Users[0].Password = "Another-Passw0rd!";
    p.Users[0].Groups = ["admins", "readers"];
    p.Users[0].Attributes = [{ Name: "email", Value: "changed@example.com" }];
  }));
  const out = await ok(["seed", changed, ...where]);
  assert.match(out, /^pool us-east-1_localpool \(renamed\): updated$/m);
  assert.match(out, /^client backend \(backend\): updated$/m);
  assert.match(out, /^group admins: updated$/m);
  assert.match(out, /^group readers: created$/m);
  assert.match(out, /^user Users\[0\]: exists, unchanged$/m);

  const s = await startTestServer({}, { dataDir });
  try {
    const c: CognitoIdentityProviderClient = s.client;
    const pool = (await c.send(new DescribeUserPoolCommand({ UserPoolId: POOL }))).UserPool!;
    assert.equal(pool.Name, "renamed");
    assert.equal(pool.Policies!.PasswordPolicy!.MinimumLength, 10);
    const backend = (await c.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: "backend" }))).UserPoolClient!;
    assert.deepEqual(backend.ExplicitAuthFlows, ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]);
    assert.equal(backend.ClientSecret, SECRET, "GenerateSecret keeps the secret the client has");
    // Not in the changed file, still there: nothing is deleted.
    const web = (await c.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: "localclient" }))).UserPoolClient!;
    assert.equal(web.ClientName, "web");
    assert.equal((await c.send(new GetGroupCommand({ UserPoolId: POOL, GroupName: "admins" }))).Group!.Precedence, 5);
    // The password and attributes of the existing user are untouched; the new membership is added.
    const tokens = await passwordSignIn(c, "localclient", "alice", "Alice-Passw0rd!");
    assert.deepEqual(groupsIn(tokens.IdToken!), ["admins", "readers"]);
    assert.equal(decodeJwt(tokens.IdToken!).email, "alice@example.com");
    await rejectsWith(passwordSignIn(c, "localclient", "alice", "Another-Passw0rd!"), "NotAuthorizedException", "Incorrect username or password.");
    assert.equal((await c.send(new ListUsersCommand({ UserPoolId: POOL }))).Users!.length, 2);
  } finally {
    await s.close();
  }

  // A fixed secret in the file replaces the client's; without GenerateSecret or a secret, the client has none.
  const secrets = writeJson(dataDir, "secrets.json", seedFile((f) => { f.UserPools[0].Clients[0].ClientSecret = "webclientsecret0123456789abcd"; delete f.UserPools[0].Clients[1].ClientSecret; }));
  assert.match(await ok(["seed", secrets, ...where]), /^client localclient \(web\): updated\nclient backend \(backend\): updated$/m);
  const s2 = await startTestServer({}, { dataDir });
  try {
    const get = async (id: string) => (await s2.client.send(new DescribeUserPoolClientCommand({ UserPoolId: POOL, ClientId: id }))).UserPoolClient!;
    assert.equal((await get("localclient")).ClientSecret, "webclientsecret0123456789abcd");
    assert.equal((await get("backend")).ClientSecret, undefined);
  } finally {
    await s2.close();
  }
});

test("userpool export: the seed format without passwords or secrets (unless --with-secrets); export, seed, export gives the same file", async () => {
  const one = await freshStore();
  const file = writeJson(one.dataDir, "seed.json", seedFile((f) => {
    f.UserPools.push({ Id: "eu-west-1_byemail", PoolName: "by email", UsernameAttributes: ["email"], VerificationMessageTemplate: { DefaultEmailOption: "CONFIRM_WITH_LINK", EmailMessageByLink: "Click {##here##}" },
      Users: [{ Username: "carol@example.com", Password: "Carol-Passw0rd!", Status: "UNCONFIRMED" }] });
  }));
  await ok(["seed", file, ...one.where]);
  const text = await ok(["export", ...one.where]);
  const exported = JSON.parse(text);
  assert.doesNotMatch(text, /Passw0rd|"Password"/, "no password");
  assert.doesNotMatch(text, new RegExp(SECRET), "no secret");
  // Pools in id order, as ListUserPools pages them.
  assert.deepEqual(exported.UserPools.map((p: any) => p.Id), ["eu-west-1_byemail", POOL]);
  const [byEmail, local] = exported.UserPools;
  assert.deepEqual(local.Clients.map((c: any) => [c.ClientId, c.GenerateSecret]), [["backend", true], ["localclient", undefined]]);
  assert.deepEqual(local.Groups, [{ GroupName: "admins", Description: "Administrators", Precedence: 1 }]);
  const alice = local.Users.find((u: any) => u.Username === "alice");
  assert.equal(alice.Status, "CONFIRMED");
  assert.deepEqual(alice.Groups, ["admins"]);
  assert.ok(alice.Attributes.some((a: any) => a.Name === "custom:tenant" && a.Value === "t1"));
  assert.deepEqual(byEmail.Users.map((u: any) => [u.Username, u.Status]), [["carol@example.com", "UNCONFIRMED"]]);

  const out = join(one.dataDir, "with-secrets.json");
  assert.equal(await ok(["export", ...one.where, "--with-secrets", "--out", out]), "");
  assert.equal(JSON.parse(readFileSync(out, "utf8")).UserPools[1].Clients[0].ClientSecret, SECRET);
  assert.equal(statSync(out).mode & 0o777, 0o600, "a file with secrets is readable by its owner only");

  // The round trip: the export seeds an empty store, whose export is the same file (subs included).
  const two = await freshStore();
  const copy = writeJson(two.dataDir, "export.json", exported);
  assert.match(await ok(["seed", copy, ...two.where]), /: 8 created, 0 updated, 0 unchanged\n$/);
  const again = JSON.parse(await ok(["export", ...two.where]));
  assert.deepEqual(again, exported);
  // And seeding it back where it came from changes nothing.
  assert.match(await ok(["seed", copy, ...one.where]), /: 0 created, 0 updated, 8 unchanged\n$/);
});

test("a seed file that cannot be applied: one line naming the JSON path (and the flag or variable), exit 2, nothing written", async () => {
  const { dataDir, where, env } = await freshStore();
  const fails = async (args: string[], line: RegExp, e: Record<string, string> = {}) => {
    const r = await runCommand(args, e);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^userpool: [^\n]+ — [^\n]+\n$/);
    assert.match(r.stderr, line);
  };
  const bad = writeJson(dataDir, "bad.json", seedFile((f) => { f.UserPools[0].Clients[1].ExplicitAuthFlows[0] = "ALLOW_EVERYTHING"; }));
  await fails(["seed", bad, ...where],
    /^userpool: \S+bad\.json: UserPools\[0\]\.Clients\[1\]\.ExplicitAuthFlows\[0\]: Value 'ALLOW_EVERYTHING' failed to satisfy constraint: Member must satisfy enum value set: \[.*\] — fix the file \(see docs\/seed\.md\)$/m);
  await fails(["-p", "0", "-d", dataDir, "--seed", bad], /^userpool: --seed: \S+bad\.json: UserPools\[0\]\.Clients\[1\]\.ExplicitAuthFlows\[0\]: /, env);
  await fails(["-p", "0", "-d", dataDir], /^userpool: USERPOOL_SEED: \S+bad\.json: UserPools\[0\]\.Clients\[1\]\.ExplicitAuthFlows\[0\]: .* — fix the file \(docs\/seed\.md\) or choose another with --seed or USERPOOL_SEED$/m,
    { ...env, USERPOOL_SEED: bad });
  // Checked against the pool's password policy before anything is written.
  const weak = writeJson(dataDir, "weak.json", seedFile((f) => { f.UserPools[0].Users[1].Password = "weak"; }));
  await fails(["seed", weak, ...where], /: UserPools\[0\]\.Users\[1\]\.Password: Password did not conform with policy: Password not long enough — /);
  await fails(["seed", join(dataDir, "missing.json"), ...where], /missing\.json: cannot be read \(no such file\) — /);
  const exported = JSON.parse(await ok(["export", ...where]));
  assert.deepEqual(exported, { UserPools: [] }, "nothing was written");

  // What an existing pool cannot change, and a client id another pool has.
  await ok(["seed", writeJson(dataDir, "good.json", seedFile()), ...where]);
  await fails(["seed", writeJson(dataDir, "alias.json", seedFile((f) => { f.UserPools[0].AliasAttributes = ["email"]; })), ...where],
    /: UserPools\[0\]: AliasAttributes of the existing pool us-east-1_localpool cannot change/);
  await fails(["seed", writeJson(dataDir, "other.json", { UserPools: [{ Id: "us-east-1_other", PoolName: "other", Clients: [{ ClientId: "backend", ClientName: "x" }] }] }), ...where],
    /: UserPools\[0\]\.Clients\[0\]\.ClientId: the client exists in another pool \(us-east-1_localpool\)/);
});

test("--help of seed and export, serve --help names --seed; export of a data dir without a database says so", async () => {
  const top = await ok(["--help"]);
  for (const word of ["seed", "export"]) assert.match(top, new RegExp(`^  ${word} `, "m"), word);
  const seed = await ok(["seed", "--help"]);
  for (const flag of ["<file>", "--data-dir", "--database-url", "--password-hash-cost", "docs/seed.md"]) assert.ok(seed.includes(flag), flag);
  const exp = await ok(["export", "--help"]);
  for (const flag of ["--data-dir", "--database-url", "--out", "--with-secrets"]) assert.ok(exp.includes(flag), flag);
  assert.match(await ok(["serve", "--help"]), /--seed <file> .*USERPOOL_SEED/s);
  const empty = mkdtempSync(join(tmpdir(), "userpool-seed-empty-"));
  const r = await runCommand(["export", "--data-dir", empty]);
  assert.deepEqual([r.status, r.stdout], [2, ""]);
  assert.equal(r.stderr, `userpool: no userpool database in ${empty} — name the data dir with --data-dir or USERPOOL_DATA_DIR (or --database-url)\n`);
  const missing = await runCommand(["seed"]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, "userpool: missing required argument 'file' — see userpool seed --help\n");
});
