#!/usr/bin/env node
// PreventUserExistenceErrors timing parity: ResendConfirmationCode for a known user and for an unknown name, one
// request at a time over one keep-alive socket, interleaved (each request right after one of the other kind).
// `interleavedResends` is the measurement, which `npm run bench` runs too. Run as a command it measures that alone,
// against `node bin/userpool.js` (dist/, after `npm run build`) on a fresh data dir and 200 signed-up users:
//   node bench/lib/pue.mjs [pairs=3000] [users=200] [--store postgres]
// It prints the median latency of each and unknown/known. With --store postgres the server runs on a throwaway
// durable PostgreSQL cluster (bench/lib/postgres.mjs, as `npm run bench -- --store postgres`). docs/security.md says
// what it measured.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { post } from "./api.mjs";

/**
 * `warm` + `pairs` pairs of resends (the known name `known(i)`, then the unknown name `unknown(i)`); resolves with the
 * latencies in ms of the last `pairs` of each. Any answer but 200 rejects.
 */
export async function interleavedResends(port, clientId, { known, unknown, pairs, warm }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = async (Username) => {
    const t = performance.now();
    const r = await post(port, "ResendConfirmationCode", { ClientId: clientId, Username }, agent);
    if (r.status !== 200) throw new Error(`PreventUserExistenceErrors resend answered ${r.status} ${JSON.stringify(r.json)}`);
    return performance.now() - t;
  };
  const out = { known: [], unknown: [] };
  try {
    for (let i = 0; i < pairs + warm; i++) {
      const a = await once(known(i));
      const b = await once(unknown(i));
      if (i >= warm) { out.known.push(a); out.unknown.push(b); }
    }
  } finally {
    agent.destroy();
  }
  return out;
}

async function main() {
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
  try {
    let banner = "";
    const port = await new Promise((resolve, reject) => {
      child.on("exit", (code) => reject(new Error(`userpool exited (${code}) before it listened`)));
      child.stdout.on("data", (d) => { banner += d; const m = banner.match(/http:\/\/[^\s]+:(\d+)/); if (m) resolve(Number(m[1])); });
    });
    child.stdout.resume();
    const poolId = (await post(port, "CreateUserPool", { PoolName: "pue", AutoVerifiedAttributes: ["email"] })).json.UserPool.Id;
    const clientId = (await post(port, "CreateUserPoolClient", { UserPoolId: poolId, ClientName: "pue", PreventUserExistenceErrors: "ENABLED" })).json.UserPoolClient.ClientId;
    for (let i = 0; i < USERS; i++) {
      await post(port, "SignUp", { ClientId: clientId, Username: `user${i}`, Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: `user${i}@example.com` }] });
    }
    const { known, unknown } = await interleavedResends(port, clientId, {
      known: (i) => `user${(i * 7919) % USERS}`, unknown: (i) => `nobody${i}`, pairs: PAIRS, warm: WARM,
    });
    const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    console.log(`${postgres ? "PostgreSQL" : "SQLite"}: known ${median(known).toFixed(3)} ms, unknown ${median(unknown).toFixed(3)} ms, ` +
      `unknown/known ${(median(unknown) / median(known)).toFixed(3)} (${PAIRS} pairs after ${WARM} warm-up pairs, ${USERS} users)`);
  } finally {
    child.kill();
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on("exit", r));
    await pgLib?.stopPostgres();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
