/**
 * Model-driven input validation, with Amazon Cognito's (Coral's) wording.
 *
 * A request body is walked against its operation's input shape in two tiers, as AWS does:
 *  1. Wrong JSON types (a string where a number or structure belongs, a non-integer integer, a
 *     non-object body, nesting deeper than MAX_DEPTH) fail at once with `SerializationException`.
 *  2. Otherwise every constraint is checked independently (required, length, range, pattern, enum)
 *     and all violations are reported together in one `InvalidParameterException`:
 *     `2 validation errors detected: Value at 'username' failed to satisfy constraint: ...; ...`
 *
 * Decisions (see test/protocol/validate.test.ts):
 *  - String length counts Unicode code points (Java's codePointCount); lists and maps count elements;
 *    blobs count decoded bytes.
 *  - Patterns are the model's Java regexes, full match, compiled once with the `u` flag after the
 *    generator's translation (`patternTranslations`); messages quote the model's pattern.
 *  - The value is left out ("Value at 'x'") when the shape, an enclosing shape, or anything the
 *    value contains is sensitive, and for blobs. Missing values always read "Value null at 'x'".
 *  - Values render like Java's toString: strings raw, lists `[a, b]`, maps and structures `{k=v}`.
 *  - A JSON null member of a structure is an absent member, as in AWS's JSON protocols: it is deleted
 *    from the input in place, so no handler ever sees a null (a required one is then missing:
 *    "Value null at 'x' ... Member must not be null"). Null list elements and map values are kept
 *    where the model marks the list or map `sparse`; otherwise a null list element counts as missing,
 *    and a null map value is an absent entry (deleted), as Cognito accepts `{"DEVICE_KEY": null}`.
 *  - Map keys that fail their key shape's constraints give one item at the map's path:
 *    `Map keys must satisfy constraint: [<phrase>, ...]`.
 *  - Items are sorted by path (plain string compare), then null, min length, max length, range
 *    (>= then <=), pattern, enum, map keys. At most MAX_REPORTED_VIOLATIONS items are listed; the
 *    count in front is always the true total.
 *  - Unknown members are ignored (only checked for nesting depth).
 */
import {
  CognitoError,
  InternalErrorException,
  InvalidParameterException,
  operations,
  patternTranslations,
  shapes,
  type OperationName,
  type ShapeDef,
} from "../generated/cognito-idp.js";

/** Deepest JSON nesting accepted anywhere in a request body (the body object itself is depth 1). */
export const MAX_DEPTH = 64;
/** Most violation items written into one message. */
export const MAX_REPORTED_VIOLATIONS = 100;

const STRUCTURE = 0;
const LIST = 1;
const MAP = 2;
const STRING = 3;
const INTEGER = 4;
const LONG = 5;
const BOOLEAN = 6;
const TIMESTAMP = 7;
const BLOB = 8;
const DOCUMENT = 9;

const KINDS: Record<ShapeDef["type"], number> = {
  structure: STRUCTURE,
  list: LIST,
  map: MAP,
  string: STRING,
  integer: INTEGER,
  long: LONG,
  boolean: BOOLEAN,
  timestamp: TIMESTAMP,
  blob: BLOB,
};

/** Ranks of the phrases for one path, in message order. */
const R_NULL = 0;
const R_MIN_LEN = 1;
const R_MAX_LEN = 2;
const R_MIN_VALUE = 3;
const R_MAX_VALUE = 4;
const R_PATTERN = 5;
const R_ENUM = 6;
const R_MAP_KEYS = 7;
const R_UNKNOWN = 8;

/** A structure member's path: AWS's lowerCamel segments, or (jsonPaths) the member name as written. */
function memberPath(out: Violations, path: string, segment: string, name: string): string {
  if (out.jsonPaths) return path === "" ? out.prefix + name : `${path}.${name}`;
  return path === "" ? segment : `${path}.${segment}`;
}

interface MemberNode {
  name: string;
  /** lowerCamelCase path segment */
  segment: string;
  node: Node;
}

interface Node {
  kind: number;
  name: string;
  /** The shape itself is sensitive. */
  sensitive: boolean;
  /** Its value must not be rendered: sensitive, a blob, or holding something sensitive. */
  opaque: boolean;
  min: number;
  max: number;
  pattern: string | undefined;
  re: RegExp | undefined;
  enumSet: Set<string> | undefined;
  enumText: string;
  members: Map<string, MemberNode>;
  required: MemberNode[];
  /** A list or map whose elements may be null. */
  sparse: boolean;
  member: Node | undefined;
  key: Node | undefined;
  value: Node | undefined;
}

interface Violation {
  path: string;
  rank: number;
  seq: number;
  /** "Value 'x'", "Value" (left out) or "Value null" */
  value: string;
  phrase: string;
}

function compareViolations(a: Violation, b: Violation): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.rank - b.rank || a.seq - b.seq;
}

/**
 * Counts every violation but keeps only the first MAX_REPORTED_VIOLATIONS in message order, so a
 * hostile body with hundreds of thousands of bad elements costs O(n log k), not a full sort.
 */
class Violations {
  count = 0;
  private kept: Violation[] = [];

  /**
   * `jsonPaths`: paths as a JSON document names them (`Clients[1].ExplicitAuthFlows[0]`, member names as written)
   * instead of AWS's (`clients.2.member.explicitAuthFlows.1.member`); and members the shape does not have are
   * violations too (a seed file's typo must not pass silently). Off for requests, as AWS ignores unknown members.
   */
  constructor(readonly jsonPaths = false, readonly prefix = "") {}

  add(path: string, rank: number, value: string, phrase: string): void {
    this.kept.push({ path, rank, seq: this.count++, value, phrase });
    if (this.kept.length >= 8 * MAX_REPORTED_VIOLATIONS) this.prune();
  }

  private prune(): void {
    this.kept.sort(compareViolations);
    if (this.kept.length > MAX_REPORTED_VIOLATIONS) this.kept.length = MAX_REPORTED_VIOLATIONS;
  }

  /** The violations kept, in message order. */
  items(): { path: string; value: string; phrase: string }[] {
    this.prune();
    return this.kept.map(({ path, value, phrase }) => ({ path, value, phrase }));
  }

  message(): string {
    this.prune();
    const n = this.count;
    const items = this.kept.map((v) => `${v.value} at '${v.path}' failed to satisfy constraint: ${v.phrase}`);
    return `${n} validation error${n === 1 ? "" : "s"} detected: ${items.join("; ")}`;
  }
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT64_LIMIT = 9223372036854775807; // as a double: 2^63

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function lowerCamel(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

/** Length in Unicode code points (a lone surrogate counts as one, as in Java). */
function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  switch (typeof v) {
    case "string":
      return "a string";
    case "number":
      return Number.isInteger(v) ? "a number" : "a non-integer number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return `a value of type ${typeof v}`;
  }
}

function typeError(path: string, expected: string, v: unknown): CognitoError {
  const where = path === "" ? "for the request body" : `at '${path}'`;
  return new CognitoError("SerializationException", `Unexpected value type ${where}: expected ${expected}, got ${describe(v)}.`);
}

function depthError(path: string): CognitoError {
  const where = path === "" ? "" : ` at '${path}'`;
  return new CognitoError("SerializationException", `Request nesting exceeds the maximum depth of ${MAX_DEPTH}${where}.`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Throws if any value inside v sits deeper than MAX_DEPTH (v itself is at `depth`). */
function checkDepth(v: unknown, depth: number, path: string): void {
  if (typeof v !== "object" || v === null) return;
  if (depth > MAX_DEPTH) throw depthError(path);
  if (Array.isArray(v)) {
    for (const el of v) checkDepth(el, depth + 1, path);
  } else {
    for (const k of Object.keys(v)) checkDepth((v as Record<string, unknown>)[k], depth + 1, path);
  }
}

/** Java-toString-like rendering of a non-sensitive value. */
function render(node: Node | undefined, v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((el) => render(node?.member, el)).join(", ")}]`;
  if (typeof v === "object") {
    const obj = v as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(obj)) {
      const child = node?.kind === MAP ? node.value : node?.members.get(k)?.node;
      if (node?.kind === STRUCTURE && !child) continue; // unknown member
      if (obj[k] === null) continue;
      parts.push(`${k}=${render(child, obj[k])}`);
    }
    return `{${parts.join(", ")}}`;
  }
  return String(v);
}

/** A validator bound to one shape table (the generated model by default). */
export class ShapeValidator {
  private readonly nodes = new Map<string, Node>();
  private readonly regexes = new Map<string, RegExp>();

  constructor(
    private readonly table: Record<string, ShapeDef>,
    private readonly translations: Record<string, string> = {},
  ) {}

  /** Compiles (once) and returns the node of a shape. */
  node(name: string): Node {
    const cached = this.nodes.get(name);
    if (cached) return cached;
    const def = Object.hasOwn(this.table, name) ? this.table[name] : undefined;
    if (!def) throw new Error(`unknown shape ${name}`);
    const node: Node = {
      kind: def.document ? DOCUMENT : KINDS[def.type],
      name,
      sensitive: def.sensitive === true,
      opaque: def.sensitive === true || def.type === "blob",
      min: def.min ?? -Infinity,
      max: def.max ?? Infinity,
      pattern: def.pattern,
      re: def.pattern === undefined ? undefined : this.regex(def.pattern),
      enumSet: def.enum ? new Set(def.enum) : undefined,
      enumText: def.enum ? def.enum.join(", ") : "",
      members: new Map(),
      required: [],
      sparse: def.sparse === true,
      member: undefined,
      key: undefined,
      value: undefined,
    };
    if (node.kind === undefined) throw new Error(`shape ${name} has unknown type ${def.type}`);
    this.nodes.set(name, node); // before the children, so a recursive shape terminates
    if (node.kind === STRUCTURE) {
      for (const [m, shape] of Object.entries(def.members ?? {})) {
        node.members.set(m, { name: m, segment: lowerCamel(m), node: this.node(shape) });
      }
      for (const r of def.required ?? []) {
        const m = node.members.get(r);
        if (m) node.required.push(m);
      }
      for (const m of node.members.values()) if (m.node.opaque) node.opaque = true;
    } else if (node.kind === LIST) {
      node.member = this.node(def.member!);
      if (node.member.opaque) node.opaque = true;
    } else if (node.kind === MAP) {
      node.key = this.node(def.key!);
      node.value = this.node(def.value!);
      if (node.key.opaque || node.value.opaque) node.opaque = true;
    }
    return node;
  }

  private regex(pattern: string): RegExp {
    let re = this.regexes.get(pattern);
    if (!re) {
      const source = Object.hasOwn(this.translations, pattern) ? this.translations[pattern]! : pattern;
      re = new RegExp(`^(?:${source})$`, "u");
      this.regexes.set(pattern, re);
    }
    return re;
  }

  /**
   * Validates `input` (a parsed JSON body; undefined or null counts as `{}`) against a structure
   * shape, deleting its null structure members in place. Throws CognitoError only:
   * SerializationException, InvalidParameterException, or InternalErrorException for a bug in here.
   */
  validate(shapeName: string, input: unknown): void {
    let violations: Violations;
    try {
      const root = this.node(shapeName);
      violations = new Violations();
      const body = input === undefined || input === null ? {} : input;
      walk(root, body, "", false, 1, violations);
    } catch (e) {
      if (e instanceof CognitoError) throw e;
      if (e instanceof RangeError) throw depthError(""); // stack exhausted: nesting far too deep
      const internal = new InternalErrorException("Internal error while validating the request.");
      Object.defineProperty(internal, "cause", { value: e }); // for the server log, never the response
      throw internal;
    }
    if (violations.count > 0) throw new InvalidParameterException(violations.message());
  }

  /**
   * Checks `input` against a structure shape with JSON paths (`prefix` in front of every path, e.g. `UserPools[0].`)
   * and unknown members reported, returning the violations instead of throwing them. Wrong JSON types still throw
   * SerializationException (its message names the JSON path). Null structure members are deleted in place.
   */
  check(shapeName: string, input: unknown, prefix = ""): { count: number; items: { path: string; value: string; phrase: string }[] } {
    const violations = new Violations(true, prefix);
    walk(this.node(shapeName), input === undefined || input === null ? {} : input, "", false, 1, violations);
    return { count: violations.count, items: violations.items() };
  }
}

function missing(out: Violations, path: string): void {
  out.add(path, R_NULL, "Value null", "Member must not be null");
}

function valueText(node: Node, v: unknown, hidden: boolean): string {
  return hidden || node.opaque ? "Value" : `Value '${render(node, v)}'`;
}

/**
 * Walks one non-null value. `hidden` is true when the shape or an enclosing one is sensitive;
 * `depth` is the JSON nesting level of `v` (the body is 1).
 */
function walk(node: Node, v: unknown, path: string, hidden: boolean, depth: number, out: Violations): void {
  const h = hidden || node.sensitive;
  switch (node.kind) {
    case STRING: {
      if (typeof v !== "string") throw typeError(path, "a string", v);
      const failures = stringFailures(node, v);
      if (failures) {
        const vt = valueText(node, v, h);
        for (const [rank, phrase] of failures) out.add(path, rank, vt, phrase);
      }
      return;
    }
    case STRUCTURE: {
      if (!isObject(v)) throw typeError(path, "a structure (JSON object)", v);
      if (depth > MAX_DEPTH) throw depthError(path);
      for (const k of Object.keys(v)) {
        const value = v[k];
        if (value === null || value === undefined) {
          delete v[k]; // absent, not a value: handlers test `!== undefined`
          continue;
        }
        const m = node.members.get(k);
        if (m === undefined) {
          const p = memberPath(out, path, lowerCamel(k), k);
          checkDepth(value, depth + 1, p);
          if (out.jsonPaths) out.add(p, R_UNKNOWN, "", `not a member of ${node.name}`);
          continue;
        }
        walk(m.node, value, memberPath(out, path, m.segment, m.name), h, depth + 1, out);
      }
      for (const m of node.required) {
        const value = Object.hasOwn(v, m.name) ? v[m.name] : undefined;
        if (value === null || value === undefined) missing(out, memberPath(out, path, m.segment, m.name));
      }
      return;
    }
    case LIST: {
      if (!Array.isArray(v)) throw typeError(path, "a list (JSON array)", v);
      if (depth > MAX_DEPTH) throw depthError(path);
      checkSize(node, v, v.length, path, h, out);
      const member = node.member!;
      for (let i = 0; i < v.length; i++) {
        const el: unknown = v[i];
        const p = out.jsonPaths ? `${path}[${i}]` : `${path}.${i + 1}.member`;
        if (el === null || el === undefined) {
          if (!node.sparse) missing(out, p);
        } else walk(member, el, p, h, depth + 1, out);
      }
      return;
    }
    case MAP: {
      if (!isObject(v)) throw typeError(path, "a map (JSON object)", v);
      if (depth > MAX_DEPTH) throw depthError(path);
      const keys = Object.keys(v);
      checkSize(node, v, keys.length, path, h, out);
      const keyNode = node.key!;
      const valueNode = node.value!;
      let keyPhrases: Set<string> | undefined;
      for (const k of keys) {
        const failures = keyNode.kind === STRING ? stringFailures(keyNode, k) : undefined;
        if (failures) {
          keyPhrases ??= new Set();
          for (const [, phrase] of failures) keyPhrases.add(phrase);
        }
        const value = v[k];
        const p = `${path}.${k}`;
        if (value === null || value === undefined) {
          // A null value of a dense map is an absent entry, as Cognito takes it: amazon-cognito-identity-js's
          // refreshSession sends AuthParameters {"DEVICE_KEY": null}, and Cognito answers it.
          if (!node.sparse) delete v[k];
        } else walk(valueNode, value, p, h, depth + 1, out);
      }
      if (keyPhrases) {
        out.add(path, R_MAP_KEYS, valueText(node, v, h), `Map keys must satisfy constraint: [${[...keyPhrases].join(", ")}]`);
      }
      return;
    }
    case INTEGER:
    case LONG: {
      if (typeof v !== "number" || !Number.isInteger(v)) throw typeError(path, node.kind === INTEGER ? "an integer" : "a long integer", v);
      if (node.kind === INTEGER ? v < INT32_MIN || v > INT32_MAX : v < -INT64_LIMIT || v >= INT64_LIMIT) {
        throw new CognitoError(
          "SerializationException",
          `Number out of range at '${path}': ${node.kind === INTEGER ? "a 32-bit" : "a 64-bit"} integer is expected.`,
        );
      }
      if (v < node.min) out.add(path, R_MIN_VALUE, valueText(node, v, h), `Member must have value greater than or equal to ${node.min}`);
      if (v > node.max) out.add(path, R_MAX_VALUE, valueText(node, v, h), `Member must have value less than or equal to ${node.max}`);
      return;
    }
    case BOOLEAN: {
      if (typeof v !== "boolean") throw typeError(path, "a boolean", v);
      return;
    }
    case TIMESTAMP: {
      if (typeof v !== "number" || !Number.isFinite(v)) throw typeError(path, "a timestamp (epoch seconds as a JSON number)", v);
      return;
    }
    case BLOB: {
      if (typeof v !== "string") throw typeError(path, "a base64-encoded string", v);
      if (v.length % 4 === 1 || !BASE64.test(v)) {
        throw new CognitoError("SerializationException", `Invalid base64 value at '${path}'.`);
      }
      let padding = 0;
      if (v.endsWith("==")) padding = 2;
      else if (v.endsWith("=")) padding = 1;
      const bytes = Math.floor(((v.length - padding) * 3) / 4);
      if (bytes < node.min) out.add(path, R_MIN_LEN, "Value", `Member must have length greater than or equal to ${node.min}`);
      if (bytes > node.max) out.add(path, R_MAX_LEN, "Value", `Member must have length less than or equal to ${node.max}`);
      return;
    }
    case DOCUMENT: {
      checkDepth(v, depth, path);
      return;
    }
  }
}

function checkSize(node: Node, v: unknown, size: number, path: string, hidden: boolean, out: Violations): void {
  if (size < node.min) out.add(path, R_MIN_LEN, valueText(node, v, hidden), `Member must have length greater than or equal to ${node.min}`);
  if (size > node.max) out.add(path, R_MAX_LEN, valueText(node, v, hidden), `Member must have length less than or equal to ${node.max}`);
}

/** The [rank, phrase] pairs a string fails, or undefined when it satisfies its shape. */
function stringFailures(node: Node, s: string): [number, string][] | undefined {
  // Code points <= UTF-16 units <= 2 * code points: count exactly only when the units can't decide.
  const units = s.length;
  let tooShort = units < node.min;
  let tooLong = false;
  if (units > node.max || (!tooShort && units < 2 * node.min)) {
    const cp = codePointLength(s);
    tooShort = cp < node.min;
    tooLong = cp > node.max;
  }
  const badPattern = node.re !== undefined && !node.re.test(s);
  const badEnum = node.enumSet !== undefined && !node.enumSet.has(s);
  if (!tooShort && !tooLong && !badPattern && !badEnum) return undefined;
  const failures: [number, string][] = [];
  if (tooShort) failures.push([R_MIN_LEN, `Member must have length greater than or equal to ${node.min}`]);
  if (tooLong) failures.push([R_MAX_LEN, `Member must have length less than or equal to ${node.max}`]);
  if (badPattern) failures.push([R_PATTERN, `Member must satisfy regular expression pattern: ${node.pattern}`]);
  if (badEnum) failures.push([R_ENUM, `Member must satisfy enum value set: [${node.enumText}]`]);
  return failures;
}

const defaultValidator = new ShapeValidator(shapes, patternTranslations);

/**
 * Validates a request body against an operation's input shape and deletes its null structure
 * members in place (see the module comment): what a handler receives has no null member.
 */
export function validateInput(operation: OperationName, input: unknown): void {
  if (!Object.hasOwn(operations, operation)) {
    throw new CognitoError("UnknownOperationException", `Unknown operation ${String(operation)}`);
  }
  const shape = operations[operation].input;
  if (shape === undefined) {
    if (input !== undefined && input !== null && !isObject(input)) throw typeError("", "a JSON object", input);
    return;
  }
  defaultValidator.validate(shape, input);
}

/** Validates a value against any structure shape of the generated model (null members deleted in place). */
export function validateShape(shapeName: string, input: unknown): void {
  defaultValidator.validate(shapeName, input);
}
