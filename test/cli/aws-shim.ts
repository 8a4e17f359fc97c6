/**
 * A stand-in for `aws cognito-idp …` where the AWS CLI is not installed: the same command line becomes the same AWS
 * JSON 1.1 request through fetch. It knows the model's shapes (lists, maps, structures in the CLI's shorthand
 * `Name=email,Value=…`), `--query A.B` and `--output text|json`; the IAM operations are sent unsigned (a dev server
 * without credentials takes them). Only what the README's quick start uses is promised.
 */
import { operations, shapes, TARGET_PREFIX, type ShapeDef } from "../../src/generated/cognito-idp.js";

const args = process.argv.slice(2);
let endpoint = process.env.AWS_ENDPOINT_URL;
let query: string | undefined;
let output = "json";
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--endpoint-url") endpoint = args[++i];
  else if (a === "--query") query = args[++i];
  else if (a === "--output") output = args[++i];
  else if (a === "--region") i++;
  else rest.push(a);
}
const [service, command, ...flags] = rest;
if (service !== "cognito-idp" || !command) { process.stderr.write("aws-shim: only `aws cognito-idp <command>` is supported\n"); process.exit(2); }
const op = command.split("-").map((w) => w[0].toUpperCase() + w.slice(1)).join("") as keyof typeof operations;
if (!operations[op]) { process.stderr.write(`aws-shim: unknown command ${command}\n`); process.exit(2); }
const input = shapes[operations[op].input!];

/** `k=v,k2=v2` (the CLI's shorthand) → an object. */
const shorthand = (v: string) => Object.fromEntries(v.split(",").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
const scalar = (shape: ShapeDef, v: string): unknown => (v.startsWith("{") || v.startsWith("[") ? JSON.parse(v)
  : shape.type === "integer" || shape.type === "long" ? Number(v) : shape.type === "boolean" ? v === "true"
    : shape.type === "structure" || shape.type === "map" ? shorthand(v) : v);

const body: Record<string, unknown> = {};
for (let i = 0; i < flags.length; i++) {
  const flag = flags[i].replace(/^--(no-)?/, "");
  const name = Object.keys(input.members ?? {}).find((m) => m.toLowerCase() === flag.replace(/-/g, ""));
  if (!name) { process.stderr.write(`aws-shim: unknown option ${flags[i]}\n`); process.exit(2); }
  const values: string[] = [];
  while (i + 1 < flags.length && !flags[i + 1].startsWith("--")) values.push(flags[++i]);
  const shape = shapes[input.members![name]];
  if (shape.type === "boolean" && values.length === 0) body[name] = !flags[i].startsWith("--no-");
  else if (shape.type === "list") body[name] = values.flatMap((v) => (v.startsWith("[") ? JSON.parse(v) : [scalar(shapes[shape.member!], v)]));
  else body[name] = scalar(shape, values.join(" "));
}

const res = await fetch(`${endpoint}/`, {
  method: "POST", body: JSON.stringify(body),
  headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `${TARGET_PREFIX}.${op}` },
});
const json = (await res.json()) as Record<string, unknown>;
if (!res.ok) {
  process.stderr.write(`\nAn error occurred (${String(json.__type).split("#").pop()}) when calling the ${op} operation: ${json.message}\n`);
  process.exit(254);
}
let out: unknown = json;
if (query) for (const key of query.split(".")) out = (out as Record<string, unknown>)?.[key];
process.stdout.write(output === "text" && typeof out !== "object" ? `${out}\n` : `${JSON.stringify(out, null, 4)}\n`);
