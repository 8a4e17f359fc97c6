/**
 * Hostile-input campaign against a real server process. Requests are generated from the service model for every
 * implemented operation (each member missing, of the wrong type, too long, too short, off-pattern, off-enum, huge
 * numbers, extra members), then the framing is attacked (nesting, invalid UTF-8, 10 MB bodies, truncated and slow
 * bodies, content types, targets). Every answer must be an AWS-shaped error (the expected `__type` where the
 * mutation determines it), never a 5xx; the server must stay up and its memory bounded.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { operations, patternTranslations, shapes, type OperationName, type ShapeDef } from "../../src/generated/cognito-idp.js";
import { implementedOperations } from "../../src/ops/index.js";
import { validateInput } from "../../src/protocol/validate.js";
import { spawnServer } from "../helpers/cli.js";
import { assertAwsError, JSON_TYPE, rawPost, readResponse, TARGET, type RawResponse } from "./helpers.js";

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

function validString(d: ShapeDef): string | undefined {
  if (d.enum) return d.enum[0];
  for (const c of GOOD_STRINGS) {
    const v = fitLength(d, c);
    if (fits(d, v)) return v;
  }
  return undefined;
}

/** A value that satisfies the shape (only required members of structures), or undefined if none is found. */
function valid(name: string, depth = 0): unknown {
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
      const el = valid(d.member!, depth + 1);
      return el === undefined ? undefined : Array.from({ length: d.min }, () => structuredClone(el));
    }
    case "map": {
      if (!d.min) return {};
      const k = valid(d.key!, depth + 1);
      const v = valid(d.value!, depth + 1);
      return typeof k === "string" && v !== undefined ? { [k]: v } : undefined;
    }
    case "structure": {
      if (depth > 8) return undefined;
      const out: Record<string, unknown> = {};
      for (const m of d.required ?? []) {
        const v = valid(d.members![m], depth + 1);
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

interface Case { op: OperationName; label: string; body: string | Buffer; expect?: string; message?: RegExp; sameAsBaseline?: boolean }

const lowerCamel = (s: string) => s[0].toLowerCase() + s.slice(1);

function setAt(obj: Record<string, any>, path: string[], value: unknown): Record<string, any> {
  const copy = structuredClone(obj);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
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

/** Every mutation of every member of `shapeName` (nested structures up to `maxDepth`), on top of `base`. */
function memberCases(op: OperationName, base: Record<string, any>, shapeName: string, path: string[], out: Case[], depth: number) {
  const def = shapes[shapeName];
  for (const [member, memberShape] of Object.entries(def.members ?? {})) {
    const d = shapes[memberShape];
    const p = [...path, member];
    const where = p.map(lowerCamel).join(".");
    const add = (label: string, value: unknown, expect: string, message?: RegExp, raw?: string) => {
      const body = setAt(base, p, value);
      out.push({ op, label: `${where}: ${label}`, body: raw ? withRaw(body, raw) : JSON.stringify(body), expect, message });
    };
    if (def.required?.includes(member)) add("missing", undefined, "InvalidParameterException", new RegExp(`Value null at '${where.replace(/\./g, "\\.")}' failed to satisfy constraint: Member must not be null`));
    if (d.document) continue;
    add("wrong type", wrongType(d), "SerializationException");
    if (d.type === "string") {
      if (d.max !== undefined && d.max < 200_000) add("too long", "a".repeat(d.max + 1), "InvalidParameterException", /validation error/);
      if ((d.min ?? 0) > 0) add("too short", "a".repeat(d.min! - 1), "InvalidParameterException", /validation error/);
      if (d.pattern) {
        const bad = BAD_STRINGS.map((b) => fitLength(d, b)).find((v) => cpLen(v) >= (d.min ?? 0) && !re(d.pattern!).test(v));
        if (bad !== undefined) add("off pattern", bad, "InvalidParameterException", /regular expression pattern/);
      }
      if (d.enum) add("off enum", fitLength(d, "NOT_AN_ENUM_VALUE"), "InvalidParameterException", /validation error/);
    }
    if (d.type === "list") {
      const el = valid(d.member!);
      if (d.max !== undefined && d.max < 5000 && el !== undefined) add("too many elements", Array.from({ length: d.max + 1 }, () => el), "InvalidParameterException", /validation error/);
      if ((d.min ?? 0) > 0) add("too few elements", [], "InvalidParameterException", /validation error/);
      add("null element", [null], "InvalidParameterException", /Member must not be null/);
    }
    if (d.type === "integer" || d.type === "long" || d.type === "timestamp") {
      for (const raw of ["1e400", "-1e400", "9223372036854775808", "1" + "0".repeat(400)]) add(`huge number ${raw.slice(0, 24)}`, HUGE, "SerializationException", undefined, raw);
      if (d.type !== "timestamp") add("fraction", HUGE, "SerializationException", undefined, "1.5");
    }
    if (d.type === "structure" && depth < 2) {
      const v = valid(memberShape);
      if (v !== undefined) memberCases(op, setAt(base, p, v), memberShape, p, out, depth + 1);
    }
  }
}

function campaign(): { cases: Case[]; baselines: Map<OperationName, string>; invalidBaselines: string[] } {
  const cases: Case[] = [];
  const baselines = new Map<OperationName, string>();
  const invalidBaselines: string[] = [];
  for (const op of implementedOperations()) {
    const input = operations[op].input;
    const base = (input ? valid(input) : {}) as Record<string, unknown> | undefined;
    if (base === undefined) { invalidBaselines.push(`${op}: no valid input could be generated`); continue; }
    try { validateInput(op, base); } catch (e) { invalidBaselines.push(`${op}: ${(e as Error).message}`); continue; }
    baselines.set(op, JSON.stringify(base));
    if (input) memberCases(op, base, input, [], cases, 0);
    const text = JSON.stringify(base);
    const extras = '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"ExtraMember\u00e9":[1,{"a":null}],"Zz":"x"';
    cases.push({ op, label: "extra members", body: `{${extras}${text.length > 2 ? "," : ""}${text.slice(1)}`, sameAsBaseline: true });
    cases.push({ op, label: "duplicate keys", body: `{"Duplicate":1,"Duplicate":"x"${text.length > 2 ? "," : ""}${text.slice(1)}`, sameAsBaseline: true });
    cases.push({ op, label: "deep nesting in an unknown member", body: `{"Deep":${"[".repeat(100_000)}${"]".repeat(100_000)}}`, expect: "SerializationException" });
    for (const bad of ["[]", "null", "1", "\"s\"", "true", "{", "{\"a\":", "\ufeff{}", "{}}", "{\"a\" 1}"]) {
      cases.push({ op, label: `body ${JSON.stringify(bad)}`, body: bad, expect: "SerializationException" });
    }
  }
  return { cases, baselines, invalidBaselines };
}

// ---- raw HTTP that tolerates the server closing early

interface Outcome { res?: RawResponse; error?: string }

function send(url: string, headers: Record<string, string>, body: Buffer | string | ((w: (b: Buffer) => boolean) => Promise<void>)): Promise<Outcome> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, method: "POST", path: "/", agent: false, headers }, (res) => {
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

describe("hostile input", () => {
  let srv: Awaited<ReturnType<typeof spawnServer>>;
  let pid: number;
  let rssBefore = 0;
  const TIMEOUT_MS = 1500;
  before(async () => {
    srv = await spawnServer(["-p", "0", "-d", mkdtempSync(join(tmpdir(), "userpool-hostile-")), "--log-level", "warn"], {
      USERPOOL_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    pid = srv.child.pid!;
    // Warm up (JIT, statement caches) before the memory baseline.
    for (let i = 0; i < 200; i++) await rawPost(srv.url, apiHeaders("ListUserPools"), JSON.stringify({ MaxResults: 1 }));
    rssBefore = rssBytes(pid);
  });
  after(() => { srv?.child.kill("SIGTERM"); });

  const health = async () => {
    const r = await fetch(`${srv.url}/health`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { status: string }).status, "ok");
  };

  test("model-generated mutations of every implemented operation: expected __type, never a 5xx", async (t) => {
    const { cases, baselines, invalidBaselines } = campaign();
    assert.deepEqual(invalidBaselines, [], "a valid input is generated for every implemented operation");
    assert.deepEqual([...baselines.keys()].sort(), implementedOperations());
    // What each baseline answers (extra members must not change that).
    const baselineType = new Map<string, string>();
    for (const [op, body] of baselines) {
      const r = await rawPost(srv.url, apiHeaders(op), body);
      assert.ok(r.status < 500, `${op} baseline: ${r.status} ${r.text}`);
      baselineType.set(op, r.status === 200 ? "200" : r.json?.__type);
    }
    const failures: string[] = [];
    const perOp = new Map<string, number>();
    await pool(cases, 8, async (c) => {
      perOp.set(c.op, (perOp.get(c.op) ?? 0) + 1);
      const { res, error } = await send(srv.url, apiHeaders(c.op), c.body);
      const what = `${c.op} ${c.label}`;
      if (!res) return void failures.push(`${what}: no response (${error})`);
      if (res.status >= 500) return void failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
      if (c.sameAsBaseline) {
        const got = res.status === 200 ? "200" : res.json?.__type;
        if (got !== baselineType.get(c.op)) failures.push(`${what}: ${got}, the baseline answered ${baselineType.get(c.op)}`);
        if (res.status === 200 && (typeof res.json !== "object" || res.json === null)) failures.push(`${what}: 200 without a JSON object`);
        if (res.text.includes("polluted")) failures.push(`${what}: echoed a polluting member`);
        return;
      }
      try {
        assertAwsError(res, c.expect);
        if (c.message) assert.match(res.json.message, c.message);
      } catch (e) {
        failures.push(`${what}: ${(e as Error).message.split("\n")[0]}`);
      }
    });
    assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${cases.length} cases failed`);
    for (const op of implementedOperations()) assert.ok((perOp.get(op) ?? 0) >= 5, `${op} got ${perOp.get(op)} cases`);
    assert.ok(cases.length > 1000, `only ${cases.length} cases`);
    t.diagnostic(`${cases.length} generated cases over ${baselines.size} operations`);
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

  test("the process stayed up and its memory stayed bounded", async (t) => {
    await health();
    assert.equal(srv.child.exitCode, null);
    const afterFirst = rssBytes(pid);
    const growth = afterFirst - rssBefore;
    assert.ok(growth < 120 * 1024 * 1024, `RSS grew by ${Math.round(growth / 1048576)} MB (from ${Math.round(rssBefore / 1048576)} MB)`);
    // Bounded, not leaking: the same campaign and oversized bodies once more leave the resident size where it was.
    await pool(campaign().cases, 8, async (c) => { await send(srv.url, apiHeaders(c.op), c.body); });
    const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
    await Promise.all(Array.from({ length: 16 }, () => send(srv.url, apiHeaders("SignUp", { "content-length": String(big.length) }), big)));
    await health();
    const afterSecond = rssBytes(pid);
    const mb = (n: number) => Math.round(n / 1048576);
    t.diagnostic(`server RSS ${mb(rssBefore)} MB before, ${mb(afterFirst)} MB after the campaign, ${mb(afterSecond)} MB after it ran again`);
    assert.ok(afterSecond - afterFirst < 40 * 1024 * 1024, `RSS kept growing: ${mb(afterFirst)} -> ${mb(afterSecond)} MB on the second run`);
    assert.doesNotMatch(srv.output(), /"level":(50|60)/, "no error was logged");
  });
});
