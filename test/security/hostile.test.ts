// test-stores: sqlite, postgres
/**
 * Hostile-input campaign against a real server process, on the store USERPOOL_TEST_STORE names. Requests are generated
 * from the service model for every implemented operation (each member missing, null, of the wrong type, too long, too
 * short, off-pattern, off-enum, huge numbers, -0, lone surrogates, extra and duplicate members, bodies that are not
 * objects), then the framing is attacked (nesting, invalid UTF-8, 10 MB bodies, truncated and slow bodies, content
 * types, targets). Every answer must be an AWS-shaped error (the expected `__type` where the mutation determines it,
 * the same answer as its twin where a mutation must change nothing: a null member is an absent one), never a 5xx; the
 * mutations that pass validation are sent once more with the ids of a live pool, client and user, to reach the
 * handlers and the store. The server must stay up and its memory bounded.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { operations, patternTranslations, shapes, type OperationName, type ShapeDef } from "../../src/generated/cognito-idp.js";
import { implementedOperations } from "../../src/ops/index.js";
import { validateInput } from "../../src/protocol/validate.js";
import { CLI, spawnServer } from "../helpers/cli.js";
import { databaseForDataDir, stopOwnCluster, type TestDatabase } from "../helpers/postgres.js";
import { assertAwsError, call, JSON_TYPE, rawPost, readResponse, TARGET, type RawResponse } from "./helpers.js";

/** The store of the server under attack: `USERPOOL_TEST_STORE=postgres` gives it a PostgreSQL database of its own. */
const POSTGRES = process.env.USERPOOL_TEST_STORE === "postgres";

// ---- values from the model

const regexes = new Map<string, RegExp>();
const re = (pattern: string) => {
  let r = regexes.get(pattern);
  if (!r) { r = new RegExp(`^(?:${patternTranslations[pattern] ?? pattern})$`, "u"); regexes.set(pattern, r); }
  return r;
};
const cpLen = (s: string) => [...s].length;
const fits = (d: ShapeDef, v: string) =>
  cpLen(v) >= (d.min ?? 0) && cpLen(v) <= (d.max ?? Infinity) && (!d.pattern || re(d.pattern).test(v)) && (!d.enum || d.enum.includes(v));
const fitLength = (d: ShapeDef, v: string) => {
  let s = v;
  while (cpLen(s) < (d.min ?? 0)) s += v;
  return d.max !== undefined ? [...s].slice(0, d.max).join("") : s;
};

const GOOD_STRINGS = [
  "us-east-1_abcdefghi", "abcdefghijklmnopqrstuvwxyz", "user@example.com", "+15555550100", "https://example.com/callback",
  "Passw0rd!", "123456", "arn:aws:iam::123456789012:role/userpool", "arn:aws:lambda:us-east-1:123456789012:function:f",
  "example", "email", "en-US", "custom:attr", "a", "1", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "{##Verify##} {####}",
];
const BAD_STRINGS = ["\u0000", " ", "\n\t", "<>", "💥", "a b", "\u202e", "\\", "\"", "%", "~", "é"];
/** For free text (no pattern, no enum): odd only in its code units (lone surrogates, a NUL), and a plain twin. */
const ODD_TEXT = "\ud800\u0000\udc00a";
const PLAIN_TEXT = "wxyz";

/** Values for shapes that name something live (a pool, client, user, password, token), by shape name. */
type Fixture = Record<string, string>;

function validString(d: ShapeDef): string | undefined {
  if (d.enum) return d.enum[0];
  for (const c of GOOD_STRINGS) {
    const v = fitLength(d, c);
    if (fits(d, v)) return v;
  }
  return undefined;
}

/**
 * A value that satisfies the shape, or undefined if none is found: structures get their required members, and the
 * optional ones the fixture has a value for.
 */
function valid(name: string, fixture: Fixture = {}, depth = 0): unknown {
  if (Object.hasOwn(fixture, name)) return fixture[name];
  const d = shapes[name];
  if (d.document) return {};
  switch (d.type) {
    case "string": return validString(d);
    case "integer": case "long": return d.min ?? (d.max !== undefined ? Math.min(1, d.max) : 1);
    case "boolean": return true;
    case "timestamp": return 1_700_000_000;
    case "blob": return Buffer.alloc(Math.max(d.min ?? 1, 1)).toString("base64");
    case "list": {
      if (!d.min) return [];
      const el = valid(d.member!, fixture, depth + 1);
      return el === undefined ? undefined : Array.from({ length: d.min }, () => structuredClone(el));
    }
    case "map": {
      if (!d.min) return {};
      const k = valid(d.key!, fixture, depth + 1);
      const v = valid(d.value!, fixture, depth + 1);
      return typeof k === "string" && v !== undefined ? { [k]: v } : undefined;
    }
    case "structure": {
      if (depth > 8) return undefined;
      const out: Record<string, unknown> = {};
      for (const [m, shape] of Object.entries(d.members ?? {})) {
        if (!d.required?.includes(m) && !Object.hasOwn(fixture, shape)) continue;
        const v = valid(shape, fixture, depth + 1);
        if (v === undefined) return undefined;
        out[m] = v;
      }
      return out;
    }
  }
}

const HUGE = "\u0001RAW\u0001";
/** JSON text with `raw` spliced in where the sentinel value sits (for literals JSON.stringify cannot write). */
const withRaw = (body: unknown, raw: string) => JSON.stringify(body).replace(JSON.stringify(HUGE), raw);

/**
 * One request and what must come back: `expect`, that `__type` (and `message`); `twin`, the same answer as that
 * other body (a mutation that must change nothing); neither, any answer but a 5xx.
 */
interface Case { op: OperationName; label: string; body: string; expect?: string; message?: RegExp; twin?: string }

const IPE = "InvalidParameterException";
const lowerCamel = (s: string) => s[0].toLowerCase() + s.slice(1);
const notNull = (where: string) =>
  new RegExp(`Value null at '${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}' failed to satisfy constraint: Member must not be null`);

type Path = (string | number)[];

function getAt(obj: unknown, path: Path): any {
  return path.reduce((o: any, k) => o[k], obj);
}

/** A copy of `obj` with `value` at `path` (deleted when undefined). */
function setAt(obj: Record<string, any>, path: Path, value: unknown): Record<string, any> {
  const copy = structuredClone(obj);
  const o = getAt(copy, path.slice(0, -1));
  if (value === undefined) delete o[path.at(-1)!];
  else o[path.at(-1)!] = value;
  return copy;
}

function wrongType(d: ShapeDef): unknown {
  switch (d.type) {
    case "string": return 12345;
    case "integer": case "long": case "timestamp": return "12";
    case "boolean": return "true";
    case "structure": case "map": return "a string";
    case "list": return { not: "a list" };
    case "blob": return 123;
  }
}

/**
 * Every mutation of every member of the structure `shapeName` found at `path` in `base` (`where` is that path as AWS's
 * messages write it), and of the structures inside it, in lists and in map values, down to `depth` 2.
 */
function memberCases(op: OperationName, base: Record<string, any>, shapeName: string, path: Path, where: string, out: Case[], depth: number) {
  const def = shapes[shapeName];
  const optional: string[] = [];
  const freeText: string[] = [];
  for (const [member, memberShape] of Object.entries(def.members ?? {})) {
    const d = shapes[memberShape];
    const p = [...path, member];
    const w = where ? `${where}.${lowerCamel(member)}` : lowerCamel(member);
    const body = (value: unknown, raw?: string) => {
      const b = setAt(base, p, value);
      return raw ? withRaw(b, raw) : JSON.stringify(b);
    };
    const add = (label: string, value: unknown, expect: string, message?: RegExp, raw?: string) =>
      out.push({ op, label: `${w}: ${label}`, body: body(value, raw), expect, message });
    /** A mutation that must answer what `twinValue` in its place answers. */
    const same = (label: string, value: unknown, twinValue: unknown, raw?: string) =>
      out.push({ op, label: `${w}: ${label}`, body: body(value, raw), twin: body(twinValue) });
    if (def.required?.includes(member)) {
      add("missing", undefined, IPE, notNull(w));
      add("null", null, IPE, notNull(w));
    } else {
      optional.push(member);
      if (depth === 0) same("null", null, undefined);
    }
    if (d.document) continue;
    add("wrong type", wrongType(d), "SerializationException");
    if (d.type === "string") {
      if (d.max !== undefined && d.max < 200_000) add("too long", "a".repeat(d.max + 1), IPE, /validation error/);
      if ((d.min ?? 0) > 0) add("too short", "a".repeat(d.min! - 1), IPE, /validation error/);
      if (d.pattern) {
        const bad = BAD_STRINGS.map((b) => fitLength(d, b)).find((v) => cpLen(v) >= (d.min ?? 0) && !re(d.pattern!).test(v));
        if (bad !== undefined) add("off pattern", bad, IPE, /regular expression pattern/);
      }
      if (d.enum) add("off enum", fitLength(d, "NOT_AN_ENUM_VALUE"), IPE, /validation error/);
      for (const raw of ["1e400", "-0", "0.5"]) add(`the number ${raw}`, HUGE, "SerializationException", undefined, raw);
      // Free text counts code points: an odd one answers what a plain one of the same length does.
      if (!d.pattern && !d.enum) {
        freeText.push(member);
        if (depth === 0) same("lone surrogates and a NUL", fitLength(d, ODD_TEXT), fitLength(d, PLAIN_TEXT));
      }
    }
    if (d.type === "list") {
      const el = valid(d.member!);
      if (d.max !== undefined && d.max < 5000 && el !== undefined) add("too many elements", Array.from({ length: d.max + 1 }, () => el), IPE, /validation error/);
      if ((d.min ?? 0) > 0) add("too few elements", [], IPE, /validation error/);
      if (d.sparse) out.push({ op, label: `${w}: a null element (sparse)`, body: body([null]) });
      else add("a null element", [null], IPE, notNull(`${w}.1.member`));
      if (shapes[d.member!].type === "structure" && el !== undefined && depth < 2) {
        memberCases(op, setAt(base, p, [el]), d.member!, [...p, 0], `${w}.1.member`, out, depth + 1);
      }
    }
    if (d.type === "map") {
      const k = valid(d.key!);
      const v = valid(d.value!);
      if (typeof k === "string") {
        if (d.sparse) out.push({ op, label: `${w}: a null value (sparse)`, body: body({ [k]: null }) });
        // A null value of a dense map is an absent entry (Cognito accepts {"DEVICE_KEY": null}): as an empty map.
        else same("a null value", { [k]: null }, {});
        if (shapes[d.value!].type === "structure" && v !== undefined && depth < 2) {
          memberCases(op, setAt(base, p, { [k]: v }), d.value!, [...p, k], `${w}.${k}`, out, depth + 1);
        }
      }
    }
    if (d.type === "integer" || d.type === "long" || d.type === "timestamp") {
      for (const raw of ["1e400", "-1e400", "9223372036854775808", "1" + "0".repeat(400)]) add(`huge number ${raw.slice(0, 24)}`, HUGE, "SerializationException", undefined, raw);
      if (d.type !== "timestamp") add("fraction", HUGE, "SerializationException", undefined, "1.5");
      if (depth === 0) same("-0", HUGE, 0, "-0");
    }
    if (d.type === "structure" && depth < 2) {
      const v = valid(memberShape);
      if (v !== undefined) memberCases(op, setAt(base, p, v), memberShape, p, w, out, depth + 1);
    }
  }
  // The mutations that must change nothing: one at a time at the top, all of a structure's at once one level down
  // (each success of CreateUserPool costs a key pair, about 0.1 s of CPU).
  const withMembers = (members: string[], value: (m: string) => unknown) => {
    const here = { ...getAt(base, path) };
    for (const m of members) {
      const v = value(m);
      if (v === undefined) delete here[m];
      else here[m] = v;
    }
    return JSON.stringify(path.length ? setAt(base, path, here) : here);
  };
  const together = (label: string, members: string[], value: (m: string) => unknown, twin: (m: string) => unknown) =>
    out.push({ op, label: `${where || "body"}: ${label}`, body: withMembers(members, value), twin: withMembers(members, twin) });
  if (optional.length > (depth === 0 ? 1 : 0) && depth < 2) together("every optional member null", optional, () => null, () => undefined);
  if (depth === 1 && freeText.length) {
    const fit = (m: string, text: string) => fitLength(shapes[def.members![m]], text);
    together("lone surrogates and a NUL in all free text", freeText, (m) => fit(m, ODD_TEXT), (m) => fit(m, PLAIN_TEXT));
  }
}

/** The cases of one operation on top of `base`, a valid input. */
function operationCases(op: OperationName, base: Record<string, any>): Case[] {
  const out: Case[] = [];
  const input = operations[op].input!;
  memberCases(op, base, input, [], "", out, 0);
  const text = JSON.stringify(base);
  const rest = text.length > 2 ? `,${text.slice(1)}` : "}";
  const extras = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ExtraMember\u00e9":[1,{"a":null}],"Zz":"x"';
  out.push({ op, label: "extra members", body: `{${extras}${rest}`, twin: text });
  out.push({ op, label: "duplicate unknown keys", body: `{"Duplicate":1,"Duplicate":"x"${rest}`, twin: text });
  // A duplicate key: the last one counts (as with Jackson's default), whatever the first one held.
  for (const k of Object.keys(base)) {
    out.push({ op, label: `${lowerCamel(k)}: duplicate key, the last one valid`, body: `{${JSON.stringify(k)}:[1,{"x":null}]${rest}`, twin: text });
    if (shapes[input].required?.includes(k)) {
      out.push({ op, label: `${lowerCamel(k)}: duplicate key, the last one null`, body: `${text.slice(0, -1)},${JSON.stringify(k)}:null}`, expect: IPE, message: notNull(lowerCamel(k)) });
    }
  }
  const everyNull = Object.fromEntries(Object.keys(shapes[input].members ?? {}).map((m) => [m, null]));
  out.push({ op, label: "every member null", body: JSON.stringify(everyNull), twin: "{}" });
  out.push({ op, label: "deep nesting in an unknown member", body: `{"Deep":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, expect: "SerializationException" });
  const bodies = ["[]", "[{}]", "null", "1", "-0", "1e400", "\"s\"", "\"\\ud800\"", "true", "{", "{\"a\":", "\ufeff{}", "{}}", "{\"a\" 1}", "{\"a\":1,}", "{'a':1}", "NaN"];
  for (const bad of bodies) out.push({ op, label: `body ${JSON.stringify(bad)}`, body: bad, expect: "SerializationException" });
  return out;
}

/**
 * The campaign over every implemented operation. Without fixtures the ids are well-formed but unknown, so every
 * answer is determined; with a fixture per operation, the mutations that pass validation are sent with live ids
 * (their answers depend on what came before: any answer but a 5xx), for the operations that take one.
 */
function campaign(fixtures?: Map<OperationName, Fixture>): { cases: Case[]; baselines: Map<OperationName, string>; invalidBaselines: string[] } {
  const cases: Case[] = [];
  const baselines = new Map<OperationName, string>();
  const invalidBaselines: string[] = [];
  for (const op of implementedOperations()) {
    const base = valid(operations[op].input!, fixtures?.get(op)) as Record<string, unknown> | undefined;
    if (base === undefined) { invalidBaselines.push(`${op}: no valid input could be generated`); continue; }
    try { validateInput(op, structuredClone(base)); } catch (e) { invalidBaselines.push(`${op}: ${(e as Error).message}`); continue; }
    baselines.set(op, JSON.stringify(base));
    if (!fixtures) cases.push(...operationCases(op, base));
    else if (baselines.get(op) !== JSON.stringify(valid(operations[op].input!))) {
      for (const c of operationCases(op, base)) if (!c.expect) cases.push({ op, label: `live ids: ${c.label}`, body: c.body });
    }
  }
  return { cases, baselines, invalidBaselines };
}

// ---- raw HTTP that tolerates the server closing early

interface Outcome { res?: RawResponse; error?: string }

function send(url: string, headers: Record<string, string>, body: Buffer | string | ((w: (b: Buffer) => boolean) => Promise<void>), path = "/"): Promise<Outcome> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, method: "POST", path, agent: false, headers }, (res) => {
      readResponse(res).then((r) => resolve({ res: r }), (e: Error) => resolve({ error: e.message }));
    });
    req.on("error", (e) => resolve({ error: (e as NodeJS.ErrnoException).code ?? e.message }));
    if (typeof body === "function") body((b) => req.write(b)).then(() => req.end(), () => req.destroy());
    else req.end(body);
  });
}

const apiHeaders = (op: string, extra: Record<string, string> = {}) => ({ "content-type": JSON_TYPE, "x-amz-target": `${TARGET}.${op}`, ...extra });

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m![1]) * 1024;
}

async function pool<T>(items: T[], n: number, f: (t: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => { while (i < items.length) await f(items[i++]); }));
}

/** What an answer says, for comparing two: "200", or the error's type and message. */
const answerOf = (r: RawResponse) => (r.status === 200 ? "200" : `${r.json?.__type}: ${r.json?.message}`);

/** Sends the cases, 8 at a time; returns what went wrong. `twins` holds each twin's answer, by op and body. */
async function runCases(url: string, cases: Case[], twins = new Map<string, string>()): Promise<string[]> {
  const failures: string[] = [];
  await pool(cases, 8, async (c) => {
    const { res, error } = await send(url, apiHeaders(c.op), c.body);
    const what = `${c.op} ${c.label}`;
    if (!res) return void failures.push(`${what}: no response (${error})`);
    if (res.status >= 500) return void failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
    if (res.text.includes("polluted")) failures.push(`${what}: echoed a polluting member`);
    try {
      if (c.expect || res.status !== 200) assertAwsError(res, c.expect);
      else assert.ok(typeof res.json === "object" && res.json !== null && !Array.isArray(res.json), `200 without a JSON object: ${res.text.slice(0, 200)}`);
      if (c.message) assert.match(res.json.message, c.message);
      if (c.twin !== undefined) assert.equal(answerOf(res), twins.get(`${c.op} ${c.twin}`), `its twin ${c.twin.slice(0, 200)} answered otherwise`);
    } catch (e) {
      failures.push(`${what}: ${(e as Error).message.split("\n")[0]}`);
    }
  });
  return failures;
}

const PASSWORD = "Passw0rd!";

/**
 * Live ids for one operation's cases: a pool that auto-verifies email, a client without a secret, and an unconfirmed
 * user in it (confirmed and signed in when the operation takes an access token).
 */
async function liveFixture(url: string, op: OperationName): Promise<Fixture> {
  const ok = async (target: string, body: unknown) => {
    const r = await call(url, target, body);
    assert.equal(r.status, 200, `${target}: ${r.text}`);
    return r.json;
  };
  const poolId = (await ok("CreateUserPool", { PoolName: `hostile-${op}`, AutoVerifiedAttributes: ["email"] })).UserPool.Id;
  const clientId = (await ok("CreateUserPoolClient", {
    UserPoolId: poolId, ClientName: "hostile", ExplicitAuthFlows: ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
  })).UserPoolClient.ClientId;
  const username = "hostile-user";
  await ok("SignUp", { ClientId: clientId, Username: username, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "hostile@example.com" }] });
  const fixture: Fixture = { UserPoolIdType: poolId, ClientIdType: clientId, UsernameType: username, PasswordType: PASSWORD };
  if (!Object.values(shapes[operations[op].input!].members ?? {}).includes("TokenModelType")) return fixture;
  await ok("AdminConfirmSignUp", { UserPoolId: poolId, Username: username });
  const auth = await ok("InitiateAuth", { ClientId: clientId, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD } });
  return { ...fixture, TokenModelType: auth.AuthenticationResult.AccessToken };
}

describe(`hostile input (${POSTGRES ? "PostgreSQL" : "SQLite"})`, () => {
  let srv: Awaited<ReturnType<typeof spawnServer>>;
  let pid: number;
  let rssBefore = 0;
  let dataDir: string;
  let db: TestDatabase | undefined;
  let refused: Case[] = [];
  const TIMEOUT_MS = 1500;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "userpool-hostile-"));
    db = POSTGRES ? await databaseForDataDir(dataDir) : undefined;
    srv = await spawnServer(["-p", "0", "-d", dataDir, "--log-level", "warn", ...(db ? ["--database-url", db.url] : [])], {
      USERPOOL_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    }, { command: ["--max-old-space-size=128", ...CLI] }); // a leak ends the process (see the last test)
    pid = srv.child.pid!;
    // Warm up before the memory baseline: JIT, statement caches, and the allocator's arenas that keep the 16 MB
    // each concurrent scrypt (password hashing) used, which the cases with live ids would otherwise count.
    for (let i = 0; i < 200; i++) await rawPost(srv.url, apiHeaders("ListUserPools"), JSON.stringify({ MaxResults: 1 }));
    const { ClientIdType: ClientId } = await liveFixture(srv.url, "SignUp");
    for (let round = 0; round < 3; round++) {
      await Promise.all(Array.from({ length: 8 }, (_, i) => call(srv.url, "SignUp", { ClientId, Username: `warm-up-${round}-${i}`, Password: PASSWORD })));
    }
    rssBefore = rssBytes(pid);
  });
  after(async () => {
    await srv?.kill();
    await db?.drop();
    await stopOwnCluster();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const mb = (n: number) => Math.round(n / 1048576);
  const health = async () => {
    const r = await fetch(`${srv.url}/health`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { status: string }).status, "ok");
  };

  test('ListUserPools with "NextToken": null answers as if NextToken were absent (issue 19: it was a 500)', async () => {
    // Two pools (the warm-up made one): a first page of one has a NextToken, a page of five has all.
    assert.equal((await call(srv.url, "CreateUserPool", { PoolName: "page" })).status, 200);
    for (const MaxResults of [5, 1]) {
      const absent = await call(srv.url, "ListUserPools", { MaxResults });
      const asNull = await call(srv.url, "ListUserPools", { NextToken: null, MaxResults });
      assert.equal(asNull.status, 200, asNull.text);
      assert.deepEqual(asNull.json, absent.json);
      assert.equal(asNull.json.UserPools.length, MaxResults === 1 ? 1 : 2);
      assert.equal(typeof asNull.json.NextToken, MaxResults === 1 ? "string" : "undefined");
    }
    // A null required member is still a missing one.
    const nullMax = await call(srv.url, "ListUserPools", { NextToken: null, MaxResults: null });
    assertAwsError(nullMax, "InvalidParameterException");
    assert.equal(nullMax.json.message, "1 validation error detected: Value null at 'maxResults' failed to satisfy constraint: Member must not be null");
  });

  test("model-generated mutations of every implemented operation: the expected answer, never a 5xx", async (t) => {
    const { cases, baselines, invalidBaselines } = campaign();
    assert.deepEqual(invalidBaselines, [], "a valid input is generated for every implemented operation");
    assert.deepEqual([...baselines.keys()].sort(), implementedOperations());
    // What each twin answers: a mutation that must change nothing must get the same answer.
    const twins = new Map<string, string>();
    const twinCases = [...new Map(cases.filter((c) => c.twin !== undefined).map((c) => [`${c.op} ${c.twin}`, { op: c.op, body: c.twin! }])).values()];
    await pool(twinCases, 8, async ({ op, body }) => {
      const r = await rawPost(srv.url, apiHeaders(op), body);
      assert.ok(r.status < 500, `${op} twin ${body.slice(0, 200)}: ${r.status} ${r.text}`);
      twins.set(`${op} ${body}`, answerOf(r));
    });
    const failures = await runCases(srv.url, cases, twins);
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${cases.length} cases failed`);
    for (const op of implementedOperations()) {
      const labels = cases.filter((c) => c.op === op).map((c) => c.label);
      assert.ok(labels.length >= 5, `${op} got ${labels.length} cases`);
      assert.ok(labels.some((l) => l.endsWith(": null")) && labels.includes("every member null"), `${op} gets null members`);
    }
    refused = cases.filter((c) => c.expect);
    t.diagnostic(`${cases.length} generated cases (${twinCases.length} twins) over ${baselines.size} operations`);
    await health();
  });

  test("the mutations that pass validation, sent with the ids of a live pool, client and user: never a 5xx", async (t) => {
    const fixtures = new Map<OperationName, Fixture>();
    for (const op of implementedOperations()) fixtures.set(op, await liveFixture(srv.url, op));
    const { cases, baselines, invalidBaselines } = campaign(fixtures);
    assert.deepEqual(invalidBaselines, [], "a valid input with live ids is generated for every implemented operation");
    const failures = await runCases(srv.url, cases);
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${cases.length} cases failed`);
    t.diagnostic(`${cases.length} cases with live ids over ${baselines.size} operations`);
    await health();
  });

  test("framing: content types, targets, invalid UTF-8, huge numbers and nesting in known members", async () => {
    for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png"]) {
      assertAwsError(await rawPost(srv.url, apiHeaders("SignUp", { "content-type": type }), "{}"), "UnsupportedMediaTypeException", 415);
    }
    const targets = ["", "AWSCognitoIdentityProviderService", "AWSCognitoIdentityProviderService.", "AWSCognitoIdentityProviderService.Nope",
      "Other.SignUp", "AWSCognitoIdentityProviderService.__proto__", "AWSCognitoIdentityProviderService.constructor",
      "AWSCognitoIdentityProviderService.toString", "AWSCognitoIdentityProviderService.hasOwnProperty", "AWSCognitoIdentityProviderService.SignUp.x",
      "awscognitoidentityproviderservice.SignUp", "AWSCognitoIdentityProviderService.signUp", "x".repeat(8000)];
    for (const t of targets) {
      const r = await rawPost(srv.url, { "content-type": JSON_TYPE, ...(t ? { "x-amz-target": t } : {}) }, "{}");
      assertAwsError(r, "UnknownOperationException");
    }
    // Invalid UTF-8 in strings: decoded as U+FFFD, then refused by the patterns.
    const invalid = Buffer.concat([Buffer.from('{"ClientId":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","Username":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('","Password":"x"}')]);
    assertAwsError(await rawPost(srv.url, apiHeaders("SignUp"), invalid), "InvalidParameterException");
    assertAwsError(await rawPost(srv.url, apiHeaders("ConfirmSignUp"), Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), "SerializationException");
    // Lone surrogates and NULs through JSON escapes.
    assertAwsError(await rawPost(srv.url, apiHeaders("SignUp"), '{"ClientId":"abc","Username":"\\ud800\\u0000","Password":"Passw0rd!"}'), "InvalidParameterException");
    // Deep nesting inside known members, and a million-element list.
    const deepFilter = `{"UserPoolId":"us-east-1_abc","Filter":${"[".repeat(50_000)}${"]".repeat(50_000)}}`;
    assertAwsError(await rawPost(srv.url, apiHeaders("ListUsers"), deepFilter), "SerializationException");
    const deepAttrs = `{"ClientId":"abc","Username":"u","Password":"Passw0rd!","UserAttributes":[${'{"Name":'.repeat(1000)}"x"${"}".repeat(1000)}]}`;
    assertAwsError(await rawPost(srv.url, apiHeaders("SignUp"), deepAttrs), "SerializationException");
    const manyAttrs = JSON.stringify({ ClientId: "abc", Username: "u", Password: "Passw0rd!", UserAttributes: Array.from({ length: 30_000 }, () => ({ Name: "\u0000", Value: "v" })) });
    const many = await rawPost(srv.url, apiHeaders("SignUp"), manyAttrs);
    assertAwsError(many, "InvalidParameterException");
    assert.ok(many.text.length < 64 * 1024, `a bounded message, not ${many.text.length} bytes`);
    assertAwsError(await rawPost(srv.url, apiHeaders("ListUsers"), `{"UserPoolId":"us-east-1_abc","Limit":${"9".repeat(100_000)}}`), "SerializationException");
    // Non-POST methods and other paths are not the API.
    const get = await fetch(`${srv.url}/`, { headers: apiHeaders("SignUp") });
    assert.equal(get.status, 404);
    await health();
  });

  test("a 10 MB body is refused (413, AWS-shaped) without being buffered, declared or chunked", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    // 16 at once: were they buffered, the server would hold 160 MB (the memory test below would see it).
    const outcomes = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2
      ? send(srv.url, apiHeaders("SignUp", { "content-length": String(big.length) }), big)
      : send(srv.url, apiHeaders("SignUp", { "transfer-encoding": "chunked" }), async (write) => {
        for (let off = 0; off < big.length; off += 256 * 1024) {
          if (!write(big.subarray(off, off + 256 * 1024))) await new Promise((r) => setTimeout(r, 1));
        }
      }))));
    // The server lingers (reads and discards the rest of the upload) before closing, so no 413 is lost to a reset.
    for (const o of outcomes) {
      assert.ok(o.res, `every upload gets its 413 before the connection closes; one saw ${o.error}`);
      assertAwsError(o.res, "RequestEntityTooLargeException", 413);
      assert.equal(o.res.headers.connection, "close");
    }
    await health();
  });

  test("Expect: 100-continue: a body declared too large is refused before it is sent; one that fits is asked for", async () => {
    /** Sends the head; on `100 Continue` sends the body; resolves with everything read once a final answer is complete. */
    const exchange = (head: string, body: string) => new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(srv.url).port), "127.0.0.1");
      let got = "";
      let sent = false;
      const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no final answer in 5 s; got ${JSON.stringify(got)}`)); }, 5000);
      socket.on("data", (d) => {
        got += d;
        if (!sent && got.startsWith("HTTP/1.1 100 Continue\r\n\r\n")) { sent = true; socket.write(body); }
        const final = got.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
        const length = /content-length: (\d+)/i.exec(final);
        const split = final.indexOf("\r\n\r\n");
        if (length && split > 0 && Buffer.byteLength(final.slice(split + 4)) >= Number(length[1])) {
          clearTimeout(timer);
          socket.destroy();
          resolve(got);
        }
      });
      socket.on("error", () => undefined);
      socket.write(head);
    });
    const head = (op: string, length: number) =>
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${JSON_TYPE}\r\nX-Amz-Target: ${TARGET}.${op}\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\n\r\n`;
    const tooLarge = await exchange(head("SignUp", 10 * 1024 * 1024), "never sent");
    assert.match(tooLarge, /^HTTP\/1\.1 413 /, "the 413 comes first, with no 100 Continue before it");
    assert.match(tooLarge, /"__type":"RequestEntityTooLargeException"/);
    const body = JSON.stringify({ MaxResults: 1 });
    const fits = await exchange(head("ListUserPools", body.length), body);
    assert.match(fits, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
    await health();
  });

  test("a truncated body, bytes that are not HTTP, and oversized headers get an answer or a close, never a hang", async () => {
    const raw = (text: string, halfClose: boolean) => new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(srv.url).port), "127.0.0.1");
      let got = "";
      const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no answer or close in 5 s; got ${JSON.stringify(got)}`)); }, 5000);
      socket.on("data", (d) => { got += d; });
      socket.on("close", () => { clearTimeout(timer); resolve(got); });
      socket.on("error", () => undefined);
      socket.write(text);
      if (halfClose) socket.end();
    });
    const head = `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${JSON_TYPE}\r\nX-Amz-Target: ${TARGET}.SignUp\r\n`;
    const truncated = await raw(`${head}Content-Length: 100\r\n\r\n{"ClientId":"abc"`, true);
    if (truncated) assert.match(truncated, /^HTTP\/1\.1 4\d\d /);
    const garbage = await raw("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\r\n\r\n", false);
    assert.match(garbage, /^HTTP\/1\.1 400 Bad Request/);
    assert.match(garbage, /"__type":"SerializationException"/);
    const hugeHeaders = await raw(`${head}X-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`, false);
    assert.match(hugeHeaders, /^HTTP\/1\.1 431 /);
    assert.match(hugeHeaders, /"__type":"RequestHeaderFieldsTooLargeException"/);
    const smuggle = await raw(`${head}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, false);
    assert.match(smuggle, /^HTTP\/1\.1 400 /);
    await health();
  });

  test("slowloris: a request that trickles in is answered 408 (AWS-shaped) and closed within the request timeout", async () => {
    const slow = (first: string, drip: string) => new Promise<{ got: string; ms: number }>((resolve, reject) => {
      const started = Date.now();
      const socket = connect(Number(new URL(srv.url).port), "127.0.0.1");
      let got = "";
      const drips = setInterval(() => { if (!socket.destroyed) socket.write(drip); }, 200);
      const timer = setTimeout(() => { clearInterval(drips); socket.destroy(); reject(new Error("the server kept a slow request open for 10 s")); }, 10_000);
      socket.on("data", (d) => { got += d; });
      socket.on("close", () => { clearInterval(drips); clearTimeout(timer); resolve({ got, ms: Date.now() - started }); });
      socket.on("error", () => undefined);
      socket.write(first);
    });
    const [body, headers] = await Promise.all([
      slow(`POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${JSON_TYPE}\r\nX-Amz-Target: ${TARGET}.SignUp\r\nContent-Length: 100000\r\n\r\n{`, " "),
      slow("POST / HTTP/1.1\r\nHost: x\r\n", "X-A: b\r\n"),
    ]);
    for (const r of [body, headers]) {
      assert.match(r.got, /^HTTP\/1\.1 408 Request Timeout/);
      assert.match(r.got, /"__type":"RequestTimeoutException"/);
      assert.ok(r.ms >= TIMEOUT_MS - 100 && r.ms < TIMEOUT_MS + 3000, `closed after ${r.ms} ms`);
    }
    await health();
  });

  test("the OAuth endpoints (/oauth2/token, /oauth2/revoke): garbage forms, bad Basic headers, content types, repeated parameters, unknown grants, huge bodies: OAuth errors, never a 5xx", async (t) => {
    // A live confidential client with the client_credentials flow, and a public one, so that cases get past client authentication.
    const ok = async (target: string, body: unknown) => {
      const r = await call(srv.url, target, body);
      assert.equal(r.status, 200, `${target}: ${r.text}`);
      return r.json;
    };
    const poolId = (await ok("CreateUserPool", { PoolName: "hostile-oauth" })).UserPool.Id;
    await ok("CreateResourceServer", { UserPoolId: poolId, Identifier: "api", Name: "API", Scopes: [{ ScopeName: "read", ScopeDescription: "Read" }] });
    const m2m = (await ok("CreateUserPoolClient", {
      UserPoolId: poolId, ClientName: "m2m", GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["api/read"],
    })).UserPoolClient;
    const pub = (await ok("CreateUserPoolClient", { UserPoolId: poolId, ClientName: "public" })).UserPoolClient.ClientId;
    const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
    const good = `Basic ${b64(`${m2m.ClientId}:${m2m.ClientSecret}`)}`;
    const FORM = "application/x-www-form-urlencoded";
    const forms: (string | Buffer)[] = [
      "", "%", "%%%", "=&=&=", "&&&&", "a=%ZZ%", "grant_type", "grant_type=", "=client_credentials", "%00=%00",
      Buffer.from([0xff, 0xfe, 0x3d, 0xc3]), "grant_type=client_credentials&scope=%00", "grant_type=client_credentials&scope=" + "api/read%20".repeat(500),
      `client_id=%00&grant_type=client_credentials`, `client_id=${"a".repeat(10_000)}&grant_type=client_credentials`, `client_id=%C3%A9&grant_type=client_credentials`,
      `client_id=${pub}%00&grant_type=client_credentials`, `client_id=${pub}&client_id=${pub}&grant_type=client_credentials`,
      `client_id=${pub}&grant_type=client_credentials&grant_type=client_credentials`, `client_id=${pub}&token=a&token=b`,
      Array.from({ length: 5000 }, (_, i) => `p${i}=${i}`).join("&"), `client_id=${pub}&token=%ED%A0%80&grant_type=refresh_token`,
      ...["password", "urn:ietf:params:oauth:grant-type:jwt-bearer", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf",
        "client_credentials%00", "CLIENT_CREDENTIALS", "authorization_code%20"].map((g) => `client_id=${pub}&grant_type=${g}`),
    ];
    const basics = [
      "Basic", "Basic ", "Basic !!!", `Basic ${b64("nocolon")}`, `Basic ${b64(":")}`, `Basic ${b64("%E0%A4%A:x")}`, `Basic ${b64(`${m2m.ClientId}:%`)}`,
      `Basic ${b64("\u0000:x")}`, `Basic ${b64(Buffer.from([0xff, 0x3a, 0xfe]))}`, `Basic ${b64(`${"a".repeat(6000)}:x`)}`, "Bearer abc", `basic ${b64(`${m2m.ClientId}:${m2m.ClientSecret}`)}`,
      `Basic ${b64(`${m2m.ClientId}:${m2m.ClientSecret}`)}, Basic ${b64("x:y")}`,
    ];
    const types = [undefined, "text/plain", "application/json", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded; charset=utf-16", "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencodedx"];
    interface OAuthCase { label: string; path: string; headers: Record<string, string>; body: string | Buffer }
    const cases: OAuthCase[] = [];
    for (const path of ["/oauth2/token", "/oauth2/revoke"]) {
      for (const body of forms) cases.push({ label: `form ${JSON.stringify(body.toString()).slice(0, 60)}`, path, headers: { "content-type": FORM }, body });
      for (const auth of basics) {
        for (const body of ["grant_type=client_credentials", `grant_type=client_credentials&client_id=${pub}`, "token=abc"]) {
          cases.push({ label: `Authorization ${auth.slice(0, 40)} with ${body}`, path, headers: { "content-type": FORM, authorization: auth }, body });
        }
      }
      for (const type of types) {
        cases.push({ label: `content type ${type}`, path, headers: { ...(type ? { "content-type": type } : {}), authorization: good }, body: "grant_type=client_credentials&token=abc" });
      }
      for (const host of ["x".repeat(300), "[::1]", "a..b", ".", "auth.example.com:99999", "xn--e1afmkfd.example.com", "a.auth.us-east-1.amazoncognito.com"]) {
        cases.push({ label: `Host ${host.slice(0, 40)}`, path, headers: { "content-type": FORM, authorization: good, host }, body: "grant_type=client_credentials&token=abc" });
      }
    }
    const failures: string[] = [];
    let answered = 0;
    await pool(cases, 8, async (c) => {
      const { res, error } = await send(srv.url, c.headers, c.body, c.path);
      const what = `${c.path} ${c.label}`;
      if (!res) return void failures.push(`${what}: no response (${error})`);
      answered++;
      if (res.status >= 500) return void failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
      if (res.status === 200) return; // a valid grant or revocation that survived the mutation
      if (typeof res.json?.error !== "string" || !/^[a-z_]+$/.test(res.json.error)) failures.push(`${what}: ${res.status} without an OAuth error: ${res.text.slice(0, 200)}`);
      if (res.status === 401 && !String(res.headers["www-authenticate"] ?? "").startsWith("Basic ")) failures.push(`${what}: 401 without a Basic challenge`);
    });
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${cases.length} OAuth cases failed`);
    // The prototype's names are no grants.
    for (const g of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const r = await rawPost(srv.url, { "content-type": FORM }, `client_id=${pub}&grant_type=${g}`, "/oauth2/token");
      assert.deepEqual(r.json, { error: "unsupported_grant_type" }, g);
    }
    // Huge bodies, declared and chunked: refused (or the connection closed), never buffered, never a 5xx.
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    for (const path of ["/oauth2/token", "/oauth2/revoke"]) {
      const outcomes = await Promise.all([
        send(srv.url, { "content-type": FORM, "content-length": String(big.length) }, big, path),
        send(srv.url, { "content-type": FORM, "transfer-encoding": "chunked" }, async (write) => {
          for (let off = 0; off < big.length; off += 256 * 1024) {
            if (!write(big.subarray(off, off + 256 * 1024))) await new Promise((r) => setTimeout(r, 1));
          }
        }, path),
      ]);
      for (const o of outcomes) {
        if (o.res) assert.deepEqual([o.res.status, o.res.json?.error], [400, "invalid_request"], `${path}: ${o.res.text.slice(0, 200)}`);
      }
    }
    t.diagnostic(`${cases.length} OAuth endpoint cases, ${answered} answered`);
    await health();
  });

  test("the process stayed up, logged no error, and its memory grew by less than 200 MB in the campaign", async () => {
    await health();
    assert.equal(srv.child.exitCode, null);
    const afterFirst = rssBytes(pid);
    // Generous: the allocator keeps some of the 16 MB blocks of the concurrent scrypts (password hashes) of the cases
    // with live ids in its per-thread arenas, however long the warm-up.
    assert.ok(afterFirst - rssBefore < 200 * 1024 * 1024, `RSS grew by ${mb(afterFirst - rssBefore)} MB (from ${mb(rssBefore)} MB)`);
    assert.doesNotMatch(srv.output(), /"level":(50|60)/, "no error was logged");
  });

  // The rounds send only what is refused before any store is touched (oversized bodies, the refused mutations), so on
  // PostgreSQL they would measure the same code a second time: about 70 s of the PostgreSQL pass's two cores.
  test("its memory stays bounded over rounds of refused requests", { skip: POSTGRES && "refused before the store: measured in the SQLite pass" }, async (t) => {
    // Bounded, not leaking: the oversized bodies (one after the other) and the refused requests of the campaign, sent
    // again round after round, leave the resident size on a plateau (the accepted requests add pools and users, as they
    // should). The server's old space is capped at 128 MB (see `before`), so a leak in the JS heap ends the process
    // within these eight rounds, which the checks below see. The bodies go first: read right after 160 MB of them went
    // through, RSS moved by 25-75 MB from one round to the next on Node 24 with whether a collection and the
    // allocator's trim had run (195, 195, 246, 195, 254, 248 MB), where after the refused requests it stays within a few
    // MB (239, 239, 239, 244, 241, 239). The middle of three late rounds is compared with the middle of three earlier
    // ones, after two rounds that are not counted: a leak outside the JS heap of 14 MB a round (3 KB a refused request)
    // raises it past the 40 MB allowed. (Not the lowest: one early round that caught a trim read 50 MB below the
    // others on Node 24, 187 against 237, 237, 237, 238, 243 MB, and made a plateau look like growth.)
    const again = async () => {
      const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
      for (let i = 0; i < 16; i++) await send(srv.url, apiHeaders("SignUp", { "content-length": String(big.length) }), big);
      await pool(refused, 8, async (c) => { await send(srv.url, apiHeaders(c.op), c.body); });
      await health();
      return rssBytes(pid);
    };
    await again();
    await again();
    const rounds: number[] = [];
    for (let k = 0; k < 6; k++) rounds.push(await again());
    const middle = (xs: number[]) => xs.slice().sort((x, y) => x - y)[1];
    const [early, late] = [middle(rounds.slice(0, 3)), middle(rounds.slice(3))];
    t.diagnostic(`server RSS ${mb(rssBefore)} MB before the campaign; after each of six more rounds of the refused requests: ${rounds.map(mb).join(", ")} MB`);
    assert.ok(late - early < 40 * 1024 * 1024, `RSS kept growing: ${mb(early)} MB over rounds 1-3, ${mb(late)} MB over rounds 4-6 (the middle of each three)`);
    assert.equal(srv.child.exitCode, null);
    assert.doesNotMatch(srv.output(), /"level":(50|60)/, "no error was logged");
  });
});
