#!/usr/bin/env node
// PreventUserExistenceErrors timing parity, on its own: ResendConfirmationCode for a signed-up user and for a new
// unknown name, one request at a time over one keep-alive socket, interleaved (each request right after one of the
// other kind), against `node bin/userpool.js` (dist/, after `npm run build`) on a fresh SQLite data dir.
//   node bench/lib/pue.mjs [pairs=3000] [users=200] [--store postgres]
// Prints the median latency of each and unknown/known. With --store postgres the server runs on a throwaway durable
// PostgreSQL cluster (bench/lib/postgres.mjs, as `npm run bench -- --store postgres`). docs/performance.md and
// docs/security.md say what it measured.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const storeAt = process.argv.indexOf("--store");
const postgres = storeAt > 0 && process.argv[storeAt + 1] === "postgres";
const [pairsArg, usersArg] = process.argv.slice(2).filter((a, i, all) => a !== "--store" && all[i - 1] !== "--store");
const PAIRS = Number(pairsArg ?? 3000);
const USERS = Number(usersArg ?? 200);
const WARM = 1000;
const dir = mkdtempSync(join(tmpdir(), "userpool-pue-"));
const pgLib = postgres ? await import("./postgres.mjs") : undefined;
if (pgLib) await pgLib.startPostgres();
const db = pgLib ? ["--database-url", await pgLib.databaseFor(dir)] : [];
const bin = fileURLToPath(new URL("../../bin/userpool.js", import.meta.url));
const child = spawn(process.execPath, ["--max-semi-space-size=4", bin, "-p", "0", "-d", dir, "--log-level", "warn", ...db], {
  stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, USERPOOL_RESEND_LIMIT_PER_HOUR: "0" },
});
let banner = "";
const port = await new Promise((resolve, reject) => {
  child.on("exit", (code) => reject(new Error(`userpool exited (${code}) before it listened`)));
  child.stdout.on("data", (d) => { banner += d; const m = banner.match(/http:\/\/[^\s]+:(\d+)/); if (m) resolve(Number(m[1])); });
});
child.stdout.resume();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const call = (op, body) => new Promise((resolve, reject) => {
  const data = JSON.stringify(body);
  const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", agent, headers: {
    "content-type": "application/x-amz-json-1.1", "x-amz-target": `AWSCognitoIdentityProviderService.${op}`, "content-length": Buffer.byteLength(data),
  } }, (res) => { let b = ""; res.on("data", (x) => (b += x)); res.on("end", () => resolve({ status: res.statusCode, json: JSON.parse(b || "{}") })); });
  req.on("error", reject);
  req.end(data);
});
try {
  const poolId = (await call("CreateUserPool", { PoolName: "pue", AutoVerifiedAttributes: ["email"] })).json.UserPool.Id;
  const clientId = (await call("CreateUserPoolClient", { UserPoolId: poolId, ClientName: "pue", PreventUserExistenceErrors: "ENABLED" })).json.UserPoolClient.ClientId;
  for (let i = 0; i < USERS; i++) {
    await call("SignUp", { ClientId: clientId, Username: `user${i}`, Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: `user${i}@example.com` }] });
  }
  const once = async (Username) => {
    const t = performance.now();
    const r = await call("ResendConfirmationCode", { ClientId: clientId, Username });
    if (r.status !== 200) throw new Error(`resend answered ${r.status} ${JSON.stringify(r.json)}`);
    return performance.now() - t;
  };
  const known = [], unknown = [];
  for (let i = 0; i < PAIRS + WARM; i++) {
    const a = await once(`user${(i * 7919) % USERS}`);
    const b = await once(`nobody${i}`);
    if (i >= WARM) { known.push(a); unknown.push(b); }
  }
  const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`${postgres ? "PostgreSQL" : "SQLite"}: known ${median(known).toFixed(3)} ms, unknown ${median(unknown).toFixed(3)} ms, unknown/known ${(median(unknown) / median(known)).toFixed(3)} (${PAIRS} pairs after ${WARM} warm-up pairs, ${USERS} users)`);
} finally {
  agent.destroy();
  child.kill();
  await new Promise((r) => child.on("exit", r));
  await pgLib?.stopPostgres();
  rmSync(dir, { recursive: true, force: true });
}
