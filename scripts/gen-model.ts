/**
 * Generates `src/generated/cognito-idp.ts` from the vendored botocore model
 * `model/cognito-idp-2016-04-18.json`: the shape table the validator walks, the operation table,
 * one error class per exception shape and a TypeScript type for every other shape.
 *
 *   npx tsx scripts/gen-model.ts                          regenerate from model/
 *   npx tsx scripts/gen-model.ts --from-wheel botocore-X-py3-none-any.whl
 *                                                         re-vendor the model from a botocore wheel
 *                                                         (documentation stripped), then regenerate
 *   npx tsx scripts/gen-model.ts --check                  exit 1 if the committed output is stale
 *
 * Java regular expressions from the model are translated to JavaScript (`u` flag) with Java's
 * semantics (see translateJavaPattern); every translation is listed in the generated header and
 * every pattern is compiled at generation time, so a pattern is never dropped silently.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, inflateRawSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MODEL_PATH = resolve(ROOT, "model/cognito-idp-2016-04-18.json");
const OUTPUT_PATH = resolve(ROOT, "src/generated/cognito-idp.ts");
const WHEEL_ENTRY = "botocore/data/cognito-idp/2016-04-18/service-2.json";

// ---------------------------------------------------------------------------------------------
// Model types (the subset of botocore's service-2.json that we read)

interface ModelMember {
  shape: string;
  deprecated?: boolean;
  deprecatedMessage?: string;
}

interface ModelShape {
  type: string;
  members?: Record<string, ModelMember>;
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  sparse?: boolean;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  exception?: boolean;
  fault?: boolean;
  document?: boolean;
}

interface ModelOperation {
  name: string;
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  authtype?: string;
  auth?: string[];
}

export interface Model {
  version?: string;
  metadata: { apiVersion: string; targetPrefix: string; [k: string]: unknown };
  operations: Record<string, ModelOperation>;
  shapes: Record<string, ModelShape>;
}

const SHAPE_TYPES = new Set(["structure", "list", "map", "string", "integer", "long", "boolean", "timestamp", "blob"]);

// ---------------------------------------------------------------------------------------------
// Java → JavaScript regular expressions

/** Java's `\s` without UNICODE_CHARACTER_CLASS: ASCII whitespace only (JS `\s` is Unicode-wide). */
const JAVA_WS = "\\t\\n\\x0B\\f\\r ";
/** Java's `.` excludes these line terminators (JS `.` does not exclude U+0085). */
const JAVA_DOT = "[^\\n\\r\\u0085\\u2028\\u2029]";
/** Characters JS accepts after a backslash in `u` mode outside a class (SyntaxCharacter and `/`). */
const JS_ESCAPABLE = new Set("^$\\.*+?()[]{}|/");
/** Letter escapes with the same meaning in Java and JavaScript. */
const SAME_LETTER_ESCAPES = new Set(["d", "D", "w", "W", "b", "B", "t", "n", "r", "f"]);

export interface PatternTranslation {
  /** JavaScript source to use as `new RegExp("^(?:" + source + ")$", "u")`. */
  source: string;
  /** Why `source` differs from the model's pattern (empty when it does not). */
  notes: string[];
}

export class UnsupportedPatternError extends Error {}

/**
 * Translates a Java regular expression (as used by AWS's server-side validation, a full match with
 * `Matcher.matches()`) into a JavaScript source with the same meaning under the `u` flag.
 * Throws UnsupportedPatternError for constructs it does not know, so generation fails loudly.
 */
export function translateJavaPattern(pattern: string): PatternTranslation {
  const notes = new Set<string>();
  let out = "";
  let i = 0;
  let dotAll = false;
  const fail = (why: string): never => {
    throw new UnsupportedPatternError(`cannot translate ${JSON.stringify(pattern)} at ${i}: ${why}`);
  };

  if (pattern.startsWith("(?s)")) {
    dotAll = true;
    i = 4;
    notes.add("inline flag (?s) is not JavaScript: `.` becomes [\\s\\S]");
  }

  // Copies \p{..}/\P{..}, \xHH, \uHHHH starting at the backslash; returns the new index.
  const copyCodedEscape = (at: number): number => {
    const letter = pattern[at + 1];
    if (letter === "p" || letter === "P") {
      if (pattern[at + 2] === "{") {
        const close = pattern.indexOf("}", at + 3);
        if (close < 0) fail("unterminated \\p{");
        const name = pattern.slice(at + 3, close);
        if (!/^[A-Za-z_]+$/.test(name)) fail(`unsupported property ${name}`);
        out += pattern.slice(at, close + 1);
        return close + 1;
      }
      const one = pattern[at + 2] ?? "";
      if (!/^[A-Z]$/.test(one)) fail("bad \\p escape");
      out += `\\${letter}{${one}}`;
      notes.add(`\\${letter}${one} is written \\${letter}{${one}} in JavaScript`);
      return at + 3;
    }
    if (letter === "x") {
      const hex = pattern.slice(at + 2, at + 4);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail("unsupported \\x escape");
      out += `\\x${hex}`;
      return at + 4;
    }
    // letter === "u"
    const hex = pattern.slice(at + 2, at + 6);
    if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail("bad \\u escape");
    out += `\\u${hex}`;
    return at + 6;
  };

  let lastWasQuantifiable = false;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const n = pattern[i + 1];
      if (n === undefined) fail("trailing backslash");
      if (n === "s") {
        out += `[${JAVA_WS}]`;
        notes.add("\\s is ASCII whitespace in Java: written out as [\\t\\n\\x0B\\f\\r ]");
        i += 2;
      } else if (n === "S") {
        out += `[^${JAVA_WS}]`;
        notes.add("\\S is non-ASCII-whitespace in Java: written out as [^\\t\\n\\x0B\\f\\r ]");
        i += 2;
      } else if (n === "p" || n === "P" || n === "x" || n === "u") {
        i = copyCodedEscape(i);
      } else if (SAME_LETTER_ESCAPES.has(n!) || /^[1-9]$/.test(n!)) {
        out += c + n;
        i += 2;
      } else if (/^[0-9A-Za-z]$/.test(n!)) {
        fail(`escape \\${n} has no JavaScript equivalent here`);
      } else if (JS_ESCAPABLE.has(n!)) {
        out += c + n;
        i += 2;
      } else {
        out += n;
        notes.add(`\\${n} is an invalid identity escape under the u flag: written as a plain ${n}`);
        i += 2;
      }
      lastWasQuantifiable = true;
      continue;
    }
    if (c === "[") {
      i = translateClass(i);
      lastWasQuantifiable = true;
      continue;
    }
    if (c === ".") {
      out += dotAll ? "[\\s\\S]" : JAVA_DOT;
      if (!dotAll) notes.add("`.` also excludes U+0085 in Java: written out as [^\\n\\r\\u0085\\u2028\\u2029]");
      i += 1;
      lastWasQuantifiable = true;
      continue;
    }
    if (c === "(") {
      if (pattern[i + 1] === "?") {
        const rest = pattern.slice(i + 2);
        const m = /^(:|=|!|<=|<!|<[A-Za-z][A-Za-z0-9]*>)/.exec(rest);
        if (!m) fail("inline flags or unsupported group");
        out += "(?" + m![0];
        i += 2 + m![0].length;
      } else {
        out += c;
        i += 1;
      }
      lastWasQuantifiable = false;
      continue;
    }
    if (c === "*" || c === "+" || c === "?" || c === "{") {
      let q = c;
      if (c === "{") {
        const m = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
        if (!m) fail("unescaped {");
        q = m![0];
      }
      if (!lastWasQuantifiable) fail("quantifier without a target");
      const next = pattern[i + q.length];
      if (next === "+") fail("possessive quantifier");
      out += q;
      i += q.length;
      if (next === "?") {
        out += "?";
        i += 1;
      }
      lastWasQuantifiable = false;
      continue;
    }
    out += c;
    i += 1;
    lastWasQuantifiable = c !== "|" && c !== "^" && c !== "$";
  }

  function translateClass(start: number): number {
    let j = start + 1;
    let negated = false;
    if (pattern[j] === "^") {
      negated = true;
      j += 1;
    }
    if (pattern[j] === "]") fail("empty or ]-leading class");
    let items = "";
    let hasNonSpace = false;
    while (j < pattern.length && pattern[j] !== "]") {
      const c = pattern[j]!;
      if (c === "[") fail("nested class (Java union)");
      if (c === "&" && pattern[j + 1] === "&") fail("class intersection");
      if (c === "\\") {
        const n = pattern[j + 1];
        if (n === undefined) fail("trailing backslash in class");
        if (n === "s") {
          items += JAVA_WS;
          notes.add("\\s is ASCII whitespace in Java: written out as [\\t\\n\\x0B\\f\\r ]");
          j += 2;
        } else if (n === "S") {
          hasNonSpace = true;
          j += 2;
        } else if (n === "p" || n === "P" || n === "x" || n === "u") {
          const saved = out;
          out = "";
          j = copyCodedEscape(j);
          items += out;
          out = saved;
        } else if (SAME_LETTER_ESCAPES.has(n!) && n !== "b" && n !== "B") {
          items += c + n;
          j += 2;
        } else if (/^[0-9A-Za-z]$/.test(n!)) {
          fail(`escape \\${n} in a class has no JavaScript equivalent here`);
        } else if (JS_ESCAPABLE.has(n!) || n === "-") {
          items += c + n;
          j += 2;
        } else {
          items += n;
          notes.add(`\\${n} is an invalid identity escape under the u flag: written as a plain ${n}`);
          j += 2;
        }
        continue;
      }
      items += c;
      j += 1;
    }
    if (j >= pattern.length) fail("unterminated class");
    if (hasNonSpace) {
      if (negated) fail("\\S inside a negated class");
      notes.add("\\S is non-ASCII-whitespace in Java: written out as [^\\t\\n\\x0B\\f\\r ]");
      out += items === "" ? `[^${JAVA_WS}]` : `(?:[^${JAVA_WS}]|[${items}])`;
    } else {
      out += `[${negated ? "^" : ""}${items}]`;
    }
    return j + 1;
  }

  // A compile check with the exact construction the validator uses.
  try {
    new RegExp(`^(?:${out})$`, "u");
  } catch (e) {
    fail(`translation ${JSON.stringify(out)} does not compile: ${(e as Error).message}`);
  }
  return { source: out, notes: [...notes] };
}

// ---------------------------------------------------------------------------------------------
// Re-vendoring from a botocore wheel

/** Reads one entry from a zip archive (stored or deflated; zip64 end record supported). */
export function readZipEntry(zip: Buffer, wanted: (name: string) => boolean): { name: string; data: Buffer } | undefined {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let p = zip.length - 22; p >= Math.max(0, zip.length - 22 - 0xffff); p--) {
    if (zip.readUInt32LE(p) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file (no end of central directory)");
  let entries = zip.readUInt16LE(eocd + 10);
  let cdOffset = zip.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || entries === 0xffff) {
    const locator = eocd - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== 0x07064b50) throw new Error("zip64 locator missing");
    const z64 = Number(zip.readBigUInt64LE(locator + 8));
    entries = Number(zip.readBigUInt64LE(z64 + 32));
    cdOffset = Number(zip.readBigUInt64LE(z64 + 48));
  }
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("corrupt central directory");
    const method = zip.readUInt16LE(p + 10);
    let compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString("utf8", p + 46, p + 46 + nameLen);
    if (wanted(name)) {
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // zip64 extra field: the 64-bit values appear in this order, only for the saturated ones.
        let e = p + 46 + nameLen;
        const end = e + extraLen;
        while (e < end) {
          const id = zip.readUInt16LE(e);
          const size = zip.readUInt16LE(e + 2);
          if (id === 0x0001) {
            let q = e + 4;
            if (zip.readUInt32LE(p + 24) === 0xffffffff) q += 8;
            if (compressedSize === 0xffffffff) {
              compressedSize = Number(zip.readBigUInt64LE(q));
              q += 8;
            }
            if (localOffset === 0xffffffff) localOffset = Number(zip.readBigUInt64LE(q));
          }
          e += 4 + size;
        }
      }
      if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`corrupt local header for ${name}`);
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const raw = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return { name, data: Buffer.from(raw) };
      if (method === 8) return { name, data: inflateRawSync(raw) };
      throw new Error(`unsupported zip compression method ${method} for ${name}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}

/** Removes `documentation` and `documentationUrl` members at every depth. */
export function stripDocumentation(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDocumentation);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === "documentation" || k === "documentationUrl") continue;
      out[k] = stripDocumentation(v);
    }
    return out;
  }
  return value;
}

function revendorFromWheel(wheelPath: string): void {
  const zip = readFileSync(wheelPath);
  const entry = readZipEntry(zip, (n) => n === WHEEL_ENTRY || n === `${WHEEL_ENTRY}.gz`);
  if (!entry) throw new Error(`${wheelPath} has no ${WHEEL_ENTRY}(.gz)`);
  const text = (entry.name.endsWith(".gz") ? gunzipSync(entry.data) : entry.data).toString("utf8");
  const model = stripDocumentation(JSON.parse(text)) as Model;
  if (!model.operations || !model.shapes) throw new Error(`${entry.name} does not look like a service model`);
  writeFileSync(MODEL_PATH, JSON.stringify(model, null, 1));
  console.log(
    `re-vendored ${entry.name} from ${wheelPath}: ${Object.keys(model.operations).length} operations, ` +
      `${Object.keys(model.shapes).length} shapes`,
  );
}

// ---------------------------------------------------------------------------------------------
// Code generation

/** Names a generated type must not take: TS/ES/Node/DOM globals and our own exports. */
const RESERVED_TYPE_NAMES = new Set([
  // ECMAScript and TypeScript library globals and utility types
  "AggregateError", "Array", "ArrayBuffer", "ArrayLike", "AsyncGenerator", "AsyncIterable", "AsyncIterator",
  "Atomics", "Awaited", "BigInt", "BigInt64Array", "BigUint64Array", "Boolean", "Capitalize", "ConstructorParameters",
  "DataView", "Date", "Error", "EvalError", "Exclude", "Extract", "FinalizationRegistry", "Float32Array",
  "Float64Array", "Function", "Generator", "Infinity", "InstanceType", "Int16Array", "Int32Array", "Int8Array",
  "Intl", "Iterable", "IterableIterator", "Iterator", "JSON", "Lowercase", "Map", "Math", "NaN", "NoInfer",
  "NonNullable", "Number", "Object", "Omit", "OmitThisParameter", "Parameters", "Partial", "Pick", "Promise",
  "PromiseLike", "PropertyKey", "Proxy", "RangeError", "Readonly", "ReadonlyArray", "ReadonlyMap", "ReadonlySet",
  "Record", "ReferenceError", "Reflect", "RegExp", "Required", "ReturnType", "Set", "SharedArrayBuffer", "String",
  "Symbol", "SyntaxError", "TemplateStringsArray", "ThisParameterType", "ThisType", "TypeError", "URIError",
  "Uint16Array", "Uint32Array", "Uint8Array", "Uint8ClampedArray", "Uncapitalize", "Uppercase", "WeakMap",
  "WeakRef", "WeakSet",
  // Node and web-platform globals (also in lib.dom)
  "AbortController", "AbortSignal", "Blob", "Buffer", "BroadcastChannel", "Console", "Crypto", "CryptoKey",
  "CustomEvent", "Document", "DOMException", "Element", "Event", "EventTarget", "File", "FormData", "Headers",
  "History", "Image", "Location", "MessageChannel", "MessageEvent", "MessagePort", "Navigator", "Node",
  "NodeJS", "Notification", "Option", "Performance", "Range", "ReadableStream", "Request", "Response", "Screen",
  "Selection", "Storage", "Text", "TextDecoder", "TextEncoder", "TransformStream", "URL", "URLSearchParams",
  "WebSocket", "Window", "Worker", "WritableStream",
]);
/** This module's own exports. */
const OWN_EXPORTS = new Set([
  "API_VERSION", "CognitoError", "OperationName", "ShapeDef", "TARGET_PREFIX", "operations",
  "patternTranslations", "shapes",
]);
for (const n of OWN_EXPORTS) RESERVED_TYPE_NAMES.add(n);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const prop = (name: string): string => (IDENT.test(name) ? name : JSON.stringify(name));
const str = (s: string): string => JSON.stringify(s);
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Generated {
  source: string;
  renames: Record<string, string>;
  translations: Record<string, PatternTranslation>;
}

/**
 * Where the service checks a member otherwise than the model says. DomainType's pattern and length are those of a
 * prefix domain, but the same member carries a custom domain's fully qualified name (`auth.example.com`), which
 * Cognito accepts: CreateUserPoolDomain and its kin check the domain themselves, with Cognito's messages.
 */
const SERVICE_CORRECTIONS: Record<string, (s: ModelShape) => ModelShape> = {
  DomainType: ({ pattern: _pattern, max: _max, ...rest }) => ({ ...rest, max: 253 }),
};

export function generate(source: Model): Generated {
  const model: Model = { ...source, shapes: { ...source.shapes } };
  for (const [name, correct] of Object.entries(SERVICE_CORRECTIONS)) {
    if (model.shapes[name]) model.shapes[name] = correct(model.shapes[name]!);
  }
  const shapeNames = Object.keys(model.shapes).sort(byName);
  const opNames = Object.keys(model.operations).sort(byName);

  for (const name of shapeNames) {
    const s = model.shapes[name]!;
    if (!SHAPE_TYPES.has(s.type)) throw new Error(`shape ${name} has unknown type ${s.type}`);
  }

  // Deterministic renames of type names that clash with globals or our own exports.
  const taken = new Set(shapeNames);
  const renames: Record<string, string> = {};
  for (const name of shapeNames) {
    if (!RESERVED_TYPE_NAMES.has(name)) continue;
    let candidate = `${name}Shape`;
    while (taken.has(candidate) || RESERVED_TYPE_NAMES.has(candidate)) candidate += "_";
    taken.add(candidate);
    renames[name] = candidate;
  }
  const tsName = (shape: string): string => renames[shape] ?? shape;

  // Patterns: translate and compile every one.
  const translations: Record<string, PatternTranslation> = {};
  const patterns = [...new Set(shapeNames.map((n) => model.shapes[n]!.pattern).filter((p): p is string => p !== undefined))].sort(byName);
  for (const p of patterns) {
    const t = translateJavaPattern(p);
    if (t.source !== p) translations[p] = t;
    else new RegExp(`^(?:${p})$`, "u"); // throws if it does not compile
  }

  const L: string[] = [];
  const emit = (line = ""): void => {
    L.push(line);
  };

  const ops = model.operations;
  emit("// generated, do not edit: produced by `npx tsx scripts/gen-model.ts` from");
  emit(`// model/cognito-idp-2016-04-18.json (botocore service-2.json, API version ${model.metadata.apiVersion},`);
  emit(`// ${opNames.length} operations, ${shapeNames.length} shapes).`);
  emit("//");
  emit("// Type names renamed to avoid a clash with a TypeScript/JavaScript global or with this module's exports");
  emit("// (the `shapes` table keeps the model's names):");
  const renamed = Object.keys(renames).sort(byName);
  if (renamed.length === 0) emit("//   (none)");
  for (const n of renamed) {
    const why = OWN_EXPORTS.has(n) ? "an export of this module" : "a global of the same name";
    emit(`//   ${n} -> ${renames[n]} (${why})`);
  }
  emit("//");
  emit("// Regular expressions are AWS's (Java, full match). The validator compiles each as");
  emit('// new RegExp("^(?:" + source + ")$", "u"); the patterns below are translated so that they compile and');
  emit("// keep Java's meaning; error messages always quote the model's pattern. Translations:");
  const translated = Object.keys(translations).sort(byName);
  if (translated.length === 0) emit("//   (none)");
  for (const p of translated) {
    emit(`//   ${p}`);
    emit(`//     -> ${translations[p]!.source}`);
    for (const note of translations[p]!.notes) emit(`//        ${note}`);
  }
  emit("/* eslint-disable */");
  emit();
  emit(`export const TARGET_PREFIX = ${str(model.metadata.targetPrefix)};`);
  emit(`export const API_VERSION = ${str(model.metadata.apiVersion)};`);
  emit();

  // ---- shape table
  emit("export interface ShapeDef {");
  emit('  type: "structure" | "list" | "map" | "string" | "integer" | "long" | "boolean" | "timestamp" | "blob";');
  emit("  members?: Record<string, string>;");
  emit("  required?: string[];");
  emit("  min?: number;");
  emit("  max?: number;");
  emit("  pattern?: string;");
  emit("  enum?: string[];");
  emit("  sensitive?: boolean;");
  emit("  /** A list or map whose elements may be null (Smithy's @sparse). */");
  emit("  sparse?: boolean;");
  emit("  member?: string;");
  emit("  key?: string;");
  emit("  value?: string;");
  emit("  document?: boolean;");
  emit("}");
  emit();
  emit("/** Every shape of the model, by the model's name (members map member name -> shape name). */");
  emit("export const shapes: Record<string, ShapeDef> = {");
  for (const name of shapeNames) {
    const s = model.shapes[name]!;
    const f: string[] = [`type: ${str(s.type)}`];
    if (s.members) {
      const members = Object.entries(s.members).map(([m, d]) => `${prop(m)}: ${str(d.shape)}`);
      f.push(`members: { ${members.join(", ")} }`);
    }
    if (s.required) f.push(`required: [${s.required.map(str).join(", ")}]`);
    if (s.min !== undefined) f.push(`min: ${s.min}`);
    if (s.max !== undefined) f.push(`max: ${s.max}`);
    if (s.pattern !== undefined) f.push(`pattern: ${str(s.pattern)}`);
    if (s.enum) f.push(`enum: [${s.enum.map(str).join(", ")}]`);
    if (s.sensitive) f.push("sensitive: true");
    if (s.sparse) f.push("sparse: true");
    if (s.member) f.push(`member: ${str(s.member.shape)}`);
    if (s.key) f.push(`key: ${str(s.key.shape)}`);
    if (s.value) f.push(`value: ${str(s.value.shape)}`);
    if (s.document) f.push("document: true");
    emit(`  ${prop(name)}: { ${f.join(", ")} },`);
  }
  emit("};");
  emit();
  emit("/** Model pattern -> JavaScript source, for the patterns that needed a translation (see header). */");
  emit("export const patternTranslations: Record<string, string> = {");
  for (const p of translated) emit(`  ${str(p)}: ${str(translations[p]!.source)},`);
  emit("};");
  emit();

  // ---- operations
  emit("export type OperationName =");
  opNames.forEach((n, k) => emit(`  | ${str(n)}${k === opNames.length - 1 ? ";" : ""}`));
  emit();
  emit('/** auth is "none" for the public operations (authtype none / smithy.api#noAuth), else "iam". */');
  emit(
    'export const operations: Record<OperationName, { input?: string; output?: string; errors: string[]; auth: "none" | "iam" }> = {',
  );
  for (const n of opNames) {
    const o = ops[n]!;
    const f: string[] = [];
    if (o.input) f.push(`input: ${str(o.input.shape)}`);
    if (o.output) f.push(`output: ${str(o.output.shape)}`);
    f.push(`errors: [${(o.errors ?? []).map((e) => str(e.shape)).join(", ")}]`);
    const none = o.authtype === "none" || (o.auth ?? []).includes("smithy.api#noAuth");
    f.push(`auth: ${str(none ? "none" : "iam")}`);
    emit(`  ${prop(n)}: { ${f.join(", ")} },`);
  }
  emit("};");
  emit();

  // ---- errors
  emit("/** An error answered as `{\"__type\": type, \"message\": message}` with the given HTTP status. */");
  emit("export class CognitoError extends Error {");
  emit("  readonly type: string;");
  emit("  readonly statusCode: number;");
  emit("  constructor(type: string, message: string, statusCode = 400) {");
  emit("    super(message);");
  emit("    this.name = type;");
  emit("    this.type = type;");
  emit("    this.statusCode = statusCode;");
  emit("  }");
  emit("}");
  const exceptions = shapeNames.filter((n) => model.shapes[n]!.exception);
  for (const n of exceptions) {
    const s = model.shapes[n]!;
    const status = s.fault ? 500 : 400;
    emit();
    if (s.members && "reasonCode" in s.members) {
      emit(`export class ${n} extends CognitoError {`);
      emit("  readonly reasonCode?: string;");
      emit("  constructor(message: string, reasonCode?: string) {");
      emit(`    super(${str(n)}, message, ${status});`);
      emit("    if (reasonCode !== undefined) this.reasonCode = reasonCode;");
      emit("  }");
      emit("}");
    } else {
      emit(`export class ${n} extends CognitoError {`);
      emit("  constructor(message: string) {");
      emit(`    super(${str(n)}, message, ${status});`);
      emit("  }");
      emit("}");
    }
  }
  emit();

  // ---- types
  const typeRef = (shape: string): string => {
    const s = model.shapes[shape];
    if (!s) throw new Error(`reference to unknown shape ${shape}`);
    return tsName(shape);
  };
  for (const n of shapeNames) {
    const s = model.shapes[n]!;
    if (s.exception) continue;
    const t = tsName(n);
    if (s.document) {
      emit(`export type ${t} = unknown;`);
      continue;
    }
    switch (s.type) {
      case "structure": {
        const members = Object.entries(s.members ?? {});
        if (members.length === 0) {
          emit(`export interface ${t} {}`);
          break;
        }
        const required = new Set(s.required ?? []);
        emit(`export interface ${t} {`);
        for (const [m, d] of members) {
          if (d.deprecated) emit(`  /** @deprecated${d.deprecatedMessage ? ` ${d.deprecatedMessage}` : ""} */`);
          emit(`  ${prop(m)}${required.has(m) ? "" : "?"}: ${typeRef(d.shape)};`);
        }
        emit("}");
        break;
      }
      case "string":
        emit(`export type ${t} = ${s.enum ? s.enum.map(str).join(" | ") : "string"};`);
        break;
      case "blob":
        emit(`export type ${t} = string;`);
        break;
      case "integer":
      case "long":
      case "timestamp":
        emit(`export type ${t} = number;`);
        break;
      case "boolean":
        emit(`export type ${t} = boolean;`);
        break;
      case "list":
        emit(`export type ${t} = ${typeRef(s.member!.shape)}[];`);
        break;
      case "map":
        emit(`export type ${t} = Record<string, ${typeRef(s.value!.shape)}>;`);
        break;
    }
  }

  for (const name of shapeNames) {
    const s = model.shapes[name]!;
    for (const d of Object.values(s.members ?? {})) typeRef(d.shape);
    for (const k of ["member", "key", "value"] as const) if (s[k]) typeRef(s[k]!.shape);
  }
  for (const n of opNames) {
    const o = ops[n]!;
    if (o.input) typeRef(o.input.shape);
    if (o.output) typeRef(o.output.shape);
    for (const e of o.errors ?? []) if (!model.shapes[e.shape]?.exception) throw new Error(`${n}: ${e.shape} is no exception`);
  }

  return { source: L.join("\n") + "\n", renames, translations };
}

function main(argv: string[]): void {
  const wheel = argv.indexOf("--from-wheel");
  if (wheel >= 0) {
    const path = argv[wheel + 1];
    if (!path) throw new Error("--from-wheel needs the path of a botocore wheel");
    revendorFromWheel(path);
  }
  const model = JSON.parse(readFileSync(MODEL_PATH, "utf8")) as Model;
  const { source, renames, translations } = generate(model);
  if (argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(OUTPUT_PATH, "utf8");
    } catch {
      /* missing counts as stale */
    }
    if (current !== source) {
      console.error("src/generated/cognito-idp.ts is stale: run `npx tsx scripts/gen-model.ts`");
      process.exit(1);
    }
    return;
  }
  writeFileSync(OUTPUT_PATH, source);
  console.log(
    `wrote src/generated/cognito-idp.ts: ${Object.keys(model.operations).length} operations, ` +
      `${Object.keys(model.shapes).length} shapes, ${Object.keys(renames).length} renamed, ` +
      `${Object.keys(translations).length} patterns translated`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
