/**
 * AWS Signature Version 4 verification for the operations the model marks "iam" (the Admin* and pool-management
 * operations). Written on node:crypto from the published SigV4 algorithm; the real AWS SDK is the test oracle.
 *
 * What a request must carry (else the error AWS JSON services answer, all HTTP 400 as AWS sends them):
 *  - `Authorization: AWS4-HMAC-SHA256 Credential=<akid>/<yyyymmdd>/<region>/cognito-idp/aws4_request,
 *    SignedHeaders=<a;b;c>, Signature=<64 hex>`          (none: MissingAuthenticationTokenException;
 *                                                          malformed: IncompleteSignatureException)
 *  - an access key id we know                              (else UnrecognizedClientException)
 *  - `X-Amz-Date` (or `Date`) within 5 minutes of our clock and on the scope's date (else InvalidSignatureException,
 *    "Signature expired: ..." / "Signature not yet current: ..." / "Date in Credential scope does not match ...")
 *  - the scope's region = the configured region, service `cognito-idp`
 *  - `host` and `x-amz-target` among the signed headers (the target is what picks the operation: leaving it
 *    unsigned would let a captured DescribeUserPool be replayed as DeleteUserPool), and `x-amz-security-token`
 *    too when one is sent; a key configured with a session token requires that token
 *  - a signature over the canonical request with the SHA-256 of the exact body bytes, compared in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { CognitoError } from "../generated/cognito-idp.js";
import type { Clock } from "../domain/clock.js";

export const ALGORITHM = "AWS4-HMAC-SHA256";
export const SERVICE = "cognito-idp";
/** How far X-Amz-Date may be from the server's clock, either way. */
export const MAX_SKEW_MS = 5 * 60 * 1000;

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests signed with this key must carry exactly this X-Amz-Security-Token. */
  sessionToken?: string;
}

export interface SignedRequest {
  method: string;
  /** The request target as received: path and query (`/`, `/?a=b`). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

// ---- the errors, as AWS words them

export const INVALID_TOKEN = "The security token included in the request is invalid.";
export const SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

export const missingAuthenticationToken = () => new CognitoError("MissingAuthenticationTokenException", "Missing Authentication Token", 400);
export const incompleteSignature = (message: string) => new CognitoError("IncompleteSignatureException", message, 400);
export const unrecognizedClient = () => new CognitoError("UnrecognizedClientException", INVALID_TOKEN, 400);
export const invalidSignature = (message = SIGNATURE_MISMATCH) => new CognitoError("InvalidSignatureException", message, 400);

// ---- credentials from configuration

export class CredentialsError extends Error {}

const AKID = /^[A-Za-z0-9_+=,.@-]{3,128}$/;
const SECRET = /^\S{1,256}$/;

function checkCredential(c: Credential, where: string): Credential {
  if (typeof c.accessKeyId !== "string" || !AKID.test(c.accessKeyId)) {
    throw new CredentialsError(`${where}: access key id must be 3-128 letters, digits or _+=,.@-`);
  }
  if (typeof c.secretAccessKey !== "string" || !SECRET.test(c.secretAccessKey)) {
    throw new CredentialsError(`${where}: secret access key for ${c.accessKeyId} must be 1-256 characters without whitespace`);
  }
  if (c.sessionToken !== undefined && (typeof c.sessionToken !== "string" || !c.sessionToken)) {
    throw new CredentialsError(`${where}: sessionToken for ${c.accessKeyId} must be a non-empty string`);
  }
  return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) };
}

/**
 * A credentials file is either JSON — `[{"accessKeyId": "...", "secretAccessKey": "...", "sessionToken"?: "..."}]`
 * or `{"credentials": [...]}` — or text with one `ACCESS_KEY_ID:SECRET_ACCESS_KEY` per line (blank lines and
 * lines starting with `#` are skipped). A file whose first non-blank character is `[` or `{` is read as JSON.
 */
export function parseCredentials(text: string, source = "credentials file"): Credential[] {
  const trimmed = text.trim();
  let list: Credential[];
  if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
    let doc: unknown;
    try {
      doc = JSON.parse(trimmed);
    } catch (e) {
      throw new CredentialsError(`${source}: not valid JSON (${(e as Error).message})`);
    }
    const arr = Array.isArray(doc) ? doc : (doc as { credentials?: unknown })?.credentials;
    if (!Array.isArray(arr)) throw new CredentialsError(`${source}: expected a JSON array of {accessKeyId, secretAccessKey} or {"credentials": [...]}`);
    list = arr.map((c, i) => checkCredential((c ?? {}) as Credential, `${source} entry ${i + 1}`));
  } else {
    list = [];
    trimmed.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith("#")) return;
      const colon = line.indexOf(":");
      if (colon < 0) throw new CredentialsError(`${source} line ${i + 1}: expected ACCESS_KEY_ID:SECRET_ACCESS_KEY`);
      list.push(checkCredential({ accessKeyId: line.slice(0, colon).trim(), secretAccessKey: line.slice(colon + 1).trim() }, `${source} line ${i + 1}`));
    });
  }
  return list;
}

/** The configured credentials: the file's, then the USERPOOL_ACCESS_KEY_ID/USERPOOL_SECRET_ACCESS_KEY pair. */
export function loadCredentials(c: { credentialsFile?: string; accessKeyId?: string; secretAccessKey?: string }): Credential[] {
  const out: Credential[] = [];
  if (c.credentialsFile) {
    let text: string;
    try {
      text = readFileSync(c.credentialsFile, "utf8");
    } catch (e) {
      throw new CredentialsError(`cannot read credentials file ${c.credentialsFile}: ${(e as Error).message}`);
    }
    const list = parseCredentials(text, c.credentialsFile);
    if (list.length === 0) throw new CredentialsError(`credentials file ${c.credentialsFile} holds no credentials`);
    out.push(...list);
  }
  // The pair is whole or absent: resolveConfig refuses one without the other.
  if (c.accessKeyId && c.secretAccessKey) {
    out.push(checkCredential({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }, "USERPOOL_ACCESS_KEY_ID"));
  }
  const seen = new Set<string>();
  for (const k of out) {
    if (seen.has(k.accessKeyId)) throw new CredentialsError(`access key id ${k.accessKeyId} is configured twice`);
    seen.add(k.accessKeyId);
  }
  return out;
}

// ---- canonical request pieces

/** RFC 3986 encoding, as SigV4 wants it (unreserved characters only stay as they are). */
export function uriEscape(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

const safeDecode = (s: string) => {
  try { return decodeURIComponent(s.replace(/\+/g, "%20")); } catch { return s; }
};

/** Non-S3 services sign the normalized path, each segment URI-encoded once more than on the wire. */
export function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  const normalized = `${path.startsWith("/") ? "/" : ""}${segments.join("/")}${segments.length > 0 && path.endsWith("/") ? "/" : ""}`;
  return uriEscape(normalized).replace(/%2F/g, "/");
}

export function canonicalQuery(query: string): string {
  if (!query) return "";
  const pairs: [string, string][] = [];
  for (const part of query.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const name = uriEscape(safeDecode(eq < 0 ? part : part.slice(0, eq)));
    if (name === "X-Amz-Signature") continue;
    pairs.push([name, uriEscape(safeDecode(eq < 0 ? "" : part.slice(eq + 1)))]);
  }
  pairs.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

const headerValue = (v: string | string[] | undefined): string =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim().replace(/\s+/g, " ")).join(",");

const header = (h: SignedRequest["headers"], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data, "utf8").digest();

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `20240102T030405Z` from epoch milliseconds. */
export const amzDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, "").replace(".000", "");

function parseAmzDate(v: string): number | undefined {
  const m = AMZ_DATE.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  // Reject dates that roll over (20240231T...) so the scope-date comparison means what it says.
  return amzDate(t) === v ? t : undefined;
}

/** The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

const clip = (s: string) => (s.length > 200 ? s.slice(0, 200) + "..." : s);

export function parseAuthorization(value: string): ParsedAuthorization {
  const v = value.trim();
  const space = v.indexOf(" ");
  const algorithm = space < 0 ? v : v.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${clip(algorithm)}'. Sign with ${ALGORITHM}.`);
  }
  const params = new Map<string, string>();
  for (const raw of v.slice(algorithm.length).split(",")) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf("=");
    if (eq < 0) {
      throw incompleteSignature(`'${clip(part)}' not a valid key=value pair (missing equal-sign) in Authorization header: '${clip(v)}'.`);
    }
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ["Credential", "Signature", "SignedHeaders"].filter((k) => !params.get(k));
  if (missing.length) {
    throw incompleteSignature(missing.map((k) => `Authorization header requires '${k}' parameter.`).join(" ") + ` Authorization=${clip(v)}`);
  }
  const credential = params.get("Credential")!;
  const scope = credential.split("/");
  if (scope.length !== 5) {
    throw incompleteSignature(`Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${clip(credential)}'`);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  return {
    accessKeyId, scopeDate, region, service, terminator,
    signedHeaders: params.get("SignedHeaders")!.split(";").map((h) => h.trim()),
    signature: params.get("Signature")!,
  };
}

export interface VerifierOptions {
  credentials: Credential[];
  region: string;
  clock: Clock;
}

/** Verifies SigV4 signatures against a fixed set of configured credentials. */
export class SigV4Verifier {
  private readonly keys = new Map<string, Credential>();
  private readonly signingKeys = new Map<string, Buffer>();
  readonly region: string;
  private readonly clock: Clock;

  constructor(opts: VerifierOptions) {
    for (const c of opts.credentials) this.keys.set(c.accessKeyId, c);
    this.region = opts.region;
    this.clock = opts.clock;
  }

  /** The derived key for one secret, day and region (cached; the cache is dropped when it grows past 1,000). */
  private signingKey(c: Credential, date: string, region: string): Buffer {
    const id = `${c.accessKeyId}/${date}/${region}`;
    let k = this.signingKeys.get(id);
    if (!k) {
      k = hmac(hmac(hmac(hmac("AWS4" + c.secretAccessKey, date), region), SERVICE), "aws4_request");
      if (this.signingKeys.size >= 1000) this.signingKeys.clear();
      this.signingKeys.set(id, k);
    }
    return k;
  }

  /** Returns the access key id the request was signed with; throws the AWS error otherwise. */
  verify(req: SignedRequest): { accessKeyId: string } {
    const h = req.headers;
    const authorization = header(h, "authorization");
    if (authorization === undefined || authorization.trim() === "") throw missingAuthenticationToken();
    const auth = parseAuthorization(authorization);

    if (auth.terminator !== "aws4_request") {
      throw incompleteSignature(`Credential should be scoped with a valid terminator: 'aws4_request', not '${clip(auth.terminator)}'.`);
    }
    const signed = new Set(auth.signedHeaders);
    for (const name of auth.signedHeaders) {
      if (!name || name !== name.toLowerCase()) {
        throw incompleteSignature(`SignedHeaders must be lower-case header names separated by ';', got '${clip(auth.signedHeaders.join(";"))}'.`);
      }
    }
    if (!signed.has("host")) throw incompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    if (!signed.has("x-amz-target")) throw incompleteSignature("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
    const token = header(h, "x-amz-security-token");
    if (token !== undefined && !signed.has("x-amz-security-token")) {
      throw incompleteSignature("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
    }

    // The request time: X-Amz-Date, else Date.
    const xAmzDate = header(h, "x-amz-date");
    const httpDate = header(h, "date");
    let requestTime: number | undefined;
    let requestDate: string;
    if (xAmzDate !== undefined) {
      requestTime = parseAmzDate(xAmzDate.trim());
      requestDate = xAmzDate.trim();
    } else if (httpDate !== undefined) {
      const t = Date.parse(httpDate);
      requestTime = Number.isNaN(t) ? undefined : t;
      requestDate = requestTime === undefined ? httpDate : amzDate(requestTime);
    } else {
      throw incompleteSignature(`Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${clip(authorization.trim())}`);
    }
    if (requestTime === undefined) {
      throw incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${clip(xAmzDate ?? httpDate ?? "")}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    }
    const now = this.clock.now();
    const minutes = Math.round(MAX_SKEW_MS / 60000);
    if (requestTime < now - MAX_SKEW_MS) {
      throw invalidSignature(`Signature expired: ${requestDate} is now earlier than ${amzDate(now - MAX_SKEW_MS)} (${amzDate(now)} - ${minutes} min.)`);
    }
    if (requestTime > now + MAX_SKEW_MS) {
      throw invalidSignature(`Signature not yet current: ${requestDate} is still later than ${amzDate(now + MAX_SKEW_MS)} (${amzDate(now)} + ${minutes} min.)`);
    }
    if (auth.scopeDate !== requestDate.slice(0, 8)) {
      throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${clip(auth.scopeDate)}' != '${requestDate.slice(0, 8)}', from '${requestDate}'.`);
    }
    if (auth.service !== SERVICE) throw invalidSignature(`Credential should be scoped to correct service: '${SERVICE}'.`);
    if (auth.region !== this.region) throw invalidSignature("Credential should be scoped to a valid region.");

    const cred = this.keys.get(auth.accessKeyId);
    if (!cred) throw unrecognizedClient();
    // A long-term key has no session token: one sent with it is invalid, as AWS answers for a made-up token.
    if (cred.sessionToken === undefined && token !== undefined) throw unrecognizedClient();
    if (cred.sessionToken !== undefined) {
      const want = Buffer.from(cred.sessionToken);
      const got = Buffer.from(token ?? "");
      if (want.length !== got.length || !timingSafeEqual(want, got)) throw unrecognizedClient();
    }

    const given = /^[0-9a-f]{64}$/.test(auth.signature) ? Buffer.from(auth.signature, "hex") : undefined;
    const q = req.url.indexOf("?");
    const path = q < 0 ? req.url : req.url.slice(0, q);
    const sortedNames = [...signed].sort();
    const canonical = [
      req.method.toUpperCase(),
      canonicalPath(path || "/"),
      canonicalQuery(q < 0 ? "" : req.url.slice(q + 1)),
      sortedNames.map((n) => `${n}:${headerValue(h[n])}\n`).join(""),
      sortedNames.join(";"),
      sha256Hex(req.body),
    ].join("\n");
    const scope = `${auth.scopeDate}/${auth.region}/${SERVICE}/aws4_request`;
    const stringToSign = `${ALGORITHM}\n${requestDate}\n${scope}\n${sha256Hex(canonical)}`;
    const expected = createHmac("sha256", this.signingKey(cred, auth.scopeDate, auth.region)).update(stringToSign, "utf8").digest();
    // Compared in constant time; a malformed signature is compared against itself so it costs the same.
    const ok = timingSafeEqual(expected, given ?? expected) && given !== undefined;
    if (!ok) throw invalidSignature();
    return { accessKeyId: cred.accessKeyId };
  }
}

/** The start-up line that says how IAM operations are authenticated, and why. */
export function describeAuth(mode: "dev" | "production", keyCount: number): string {
  const keys = `${keyCount} key${keyCount === 1 ? "" : "s"}`;
  if (mode === "production") return `production mode: SigV4 required for IAM operations (${keys}), /_dev off, codes never logged`;
  if (keyCount > 0) return `dev mode: SigV4 required for IAM operations (${keys}); /_dev on, codes printed`;
  return "dev mode: IAM operations accept ANY signature (no credentials configured; set USERPOOL_ACCESS_KEY_ID + " +
    "USERPOOL_SECRET_ACCESS_KEY or --credentials-file); /_dev on, codes printed";
}
