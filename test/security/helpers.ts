/** Raw HTTP and an independent SigV4 signer (@smithy/signature-v4, the SDK's own) for the security tests. */
import { SignatureV4 } from "@smithy/signature-v4";
import assert from "node:assert/strict";
import { createHash, createHmac } from "node:crypto";
import { request, type IncomingMessage } from "node:http";

export const TARGET = "AWSCognitoIdentityProviderService";
export const JSON_TYPE = "application/x-amz-json-1.1";

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: any }

/** One POST with exactly these headers (plus Host and Content-Length unless given) and body. */
export function rawPost(url: string, headers: Record<string, string>, body: string | Buffer = "{}", path = "/"): Promise<RawResponse> {
  const u = new URL(url);
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  return new Promise((resolve, reject) => {
    const req = request({
      host: u.hostname, port: u.port, method: "POST", path, agent: false,
      headers: { "content-length": String(bytes.length), ...headers },
    }, (res) => readResponse(res).then(resolve, reject));
    req.on("error", reject);
    req.end(bytes);
  });
}

/** A whole response: status, headers, the body as text and, when it is JSON, parsed. */
export function readResponse(res: IncomingMessage): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      let json: any;
      try { json = JSON.parse(text); } catch { json = undefined; }
      resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
    });
    res.on("error", reject);
  });
}

/** The API call with a JSON body and no signature. */
export const call = (url: string, op: string, body: unknown, headers: Record<string, string> = {}) =>
  rawPost(url, { "content-type": JSON_TYPE, "x-amz-target": `${TARGET}.${op}`, ...headers }, typeof body === "string" ? body : JSON.stringify(body));

/** Asserts an AWS-shaped error: status, `__type`, a string message, and the x-amzn-ErrorType header. */
export function assertAwsError(r: RawResponse, type?: string | RegExp, status = 400) {
  assert.ok(r.json && typeof r.json === "object", `not JSON: ${r.status} ${r.text.slice(0, 200)}`);
  assert.equal(typeof r.json.__type, "string", `no __type: ${r.text.slice(0, 200)}`);
  assert.equal(typeof r.json.message, "string", `no message: ${r.text.slice(0, 200)}`);
  if (typeof type === "string") assert.equal(r.json.__type, type, `expected ${type}: ${r.text.slice(0, 300)}`);
  else if (type) assert.match(r.json.__type, type, r.text.slice(0, 300));
  assert.equal(r.status, status, `status of ${r.text.slice(0, 200)}`);
  assert.equal(r.headers["x-amzn-errortype"], `${r.json.__type}:`);
}

class Sha256 {
  private h;
  constructor(secret?: string | Uint8Array) { this.h = secret ? createHmac("sha256", secret) : createHash("sha256"); }
  update(d: string | Uint8Array) { this.h.update(typeof d === "string" ? Buffer.from(d) : d); }
  async digest() { return new Uint8Array(this.h.digest()); }
}

export interface SignOptions {
  url: string;
  op: string;
  body?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  service?: string;
  date?: Date;
  headers?: Record<string, string>;
  path?: string;
  query?: Record<string, string | string[]>;
  /** Headers to leave out of SignedHeaders. */
  unsignable?: string[];
}

/** Signs like the SDK does; returns the headers to send (Host included). */
export async function sign(o: SignOptions): Promise<Record<string, string>> {
  const u = new URL(o.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey, sessionToken: o.sessionToken },
    region: o.region ?? "us-east-1", service: o.service ?? "cognito-idp", sha256: Sha256 as never, applyChecksum: false,
  });
  const headers: Record<string, string> = {
    host: u.host, "content-type": JSON_TYPE, "x-amz-target": `${TARGET}.${o.op}`, ...o.headers,
  };
  const signed = await signer.sign({
    method: "POST", protocol: "http:", hostname: u.hostname, port: Number(u.port), path: o.path ?? "/", query: o.query ?? {},
    headers, body: o.body ?? "{}",
  } as never, { signingDate: o.date, unsignableHeaders: o.unsignable ? new Set(o.unsignable) : undefined });
  return (signed as { headers: Record<string, string> }).headers;
}

/** Signs and sends. */
export async function signedCall(o: SignOptions): Promise<RawResponse> {
  const headers = await sign(o);
  const q = o.query ? "?" + new URLSearchParams(Object.entries(o.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))).toString() : "";
  return rawPost(o.url, headers, o.body ?? "{}", (o.path ?? "/") + q);
}
