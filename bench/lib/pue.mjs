#!/usr/bin/env node
// PreventUserExistenceErrors timing parity: ResendConfirmationCode for a known user and for an unknown name, one
// request at a time over one keep-alive socket, interleaved (each request right after one of the other kind).
// `interleavedResends` is the measurement, which `npm run bench` runs too. Run as a command it measures that alone,
// against `node bin/userpool.js` (dist/, after `npm run build`) on a fresh data dir and 200 signed-up users:
//   node bench/lib/pue.mjs [pairs=3000] [users=200] [--store postgres]
// It prints the median latency of each and unknown/known, interleaved and then in runs of 500 of each kind. With
// --store postgres the server runs on a throwaway durable PostgreSQL cluster (bench/lib/postgres.mjs, as
// `npm run bench -- --store postgres`). docs/security.md says what it measured.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { post } from "./api.mjs";

/**
 * `warm` + `pairs` pairs of resends (the known name `known(i)`, then the unknown name `unknown(i)`); resolves with the
 * latencies in ms of the last `pairs` of each. Any answer but 200 rejects. `run` > 1 sends them in runs instead: `run`
 * known names, then `run` unknown names, and so on, so that most requests follow one of their own kind (what a
 * client probing one name over and over sees); the default, 1, interleaves them.
 */
export async function interleavedResends(port, clientId, { known, unknown, pairs, warm, run = 1 }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const once = async (Username) => {
    const t = performance.now();
    const r = await post(port, "ResendConfirmationCode", { ClientId: clientId, Username }, agent);
    if (r.status !== 200) throw new Error(`PreventUserExistenceErrors resend answered ${r.status} ${JSON.stringify(r.json)}`);
    return performance.now() - t;
  };
  const out = { known: [], unknown: [] };
  try {
    for (let i = 0; i < pairs + warm; i += run) {
      const n = Math.min(run, pairs + warm - i);
      for (const [kind, name] of [["known", known], ["unknown", unknown]]) {
        for (let j = i; j < i + n; j++) {
          const ms = await once(name(j));
          if (j >= warm) out[kind].push(ms);
        }
      }
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
  const RUN = 500;
  const dir = mkdtempSync(join(tmpdir(), "userpool-pue-"));
  const pgLib = postgres ? await import("./postgres.mjs") : undefined;
  if (pgLib) await pgLib.startPostgres();
  const db = pgLib ? ["--database-url", await pgLib.databaseFor(dir)] : [];
  const bin = fileURLToPath(new URL("../../bin/userpool.js", import.meta.url));
  // The server's output goes to a file, not a pipe this process reads: a real delivery prints a dev console line, and
  // reading it here would make each known name's resend look slower by this process's own work. The first version
  // also kept every line it read and matched over all of them, which grew with the run.
  const out = join(dir, "server.out");
  const fd = openSync(out, "w");
  const child = spawn(process.execPath, ["--max-semi-space-size=4", bin, "-p", "0", "-d", dir, "--log-level", "warn", ...db], {
    stdio: ["ignore", fd, "inherit"], env: { ...process.env, USERPOOL_RESEND_LIMIT_PER_HOUR: "0" },
  });
  closeSync(fd);
  try {
    let port;
    for (let waited = 0; !port; waited += 20) {
      if (child.exitCode !== null) throw new Error(`userpool exited (${child.exitCode}) before it listened`);
      if (waited > 30_000) throw new Error("userpool did not print its address within 30 s");
      await new Promise((r) => setTimeout(r, 20));
      port = Number(readFileSync(out, "utf8").match(/http:\/\/[^\s]+:(\d+)/)?.[1] ?? 0);
    }
    const poolId = (await post(port, "CreateUserPool", { PoolName: "pue", AutoVerifiedAttributes: ["email"] })).json.UserPool.Id;
    const clientId = (await post(port, "CreateUserPoolClient", { UserPoolId: poolId, ClientName: "pue", PreventUserExistenceErrors: "ENABLED" })).json.UserPoolClient.ClientId;
    for (let i = 0; i < USERS; i++) {
      await post(port, "SignUp", { ClientId: clientId, Username: `user${i}`, Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: `user${i}@example.com` }] });
    }
    const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    for (const run of [1, RUN]) {
      const { known, unknown } = await interleavedResends(port, clientId, {
        known: (i) => `user${(i * 7919) % USERS}`, unknown: (i) => `nobody${run}-${i}`, pairs: PAIRS, warm: WARM, run,
      });
      console.log(`${postgres ? "PostgreSQL" : "SQLite"}, ${run === 1 ? "interleaved" : `in runs of ${run}`}: known ${median(known).toFixed(3)} ms, ` +
        `unknown ${median(unknown).toFixed(3)} ms, unknown/known ${(median(unknown) / median(known)).toFixed(3)} (${PAIRS} of each after ${WARM} warm-up, ${USERS} users)`);
    }
  } finally {
    child.kill();
    if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.on("exit", r));
    await pgLib?.stopPostgres();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
