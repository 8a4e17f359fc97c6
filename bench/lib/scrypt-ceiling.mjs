#!/usr/bin/env node
// The SignUp ceiling for `npm run bench`: how many scrypt hashes per second this machine does with userpool's
// parameters (N=16384, r=8, p=1, keylen 32), through async crypto.scrypt on the default libuv thread pool (the same
// pool userpool hashes on), keeping `--concurrency` hashes in flight for `--seconds`.
// Prints one JSON line: {"hashes": n, "seconds": s, "perSecond": r, "threadpool": k}.
import { randomBytes, scrypt } from "node:crypto";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" }, concurrency: { type: "string", default: "16" } } });
const seconds = Number(values.seconds);
const opts = { N: 16384, r: 8, p: 1 };
const one = () => new Promise((resolve, reject) => scrypt("Passw0rd!bench", randomBytes(16), 32, opts, (e, k) => (e ? reject(e) : resolve(k))));

// Warm up the pool's threads (their first 16 MiB allocations) outside the timed window.
await Promise.all(Array.from({ length: 4 }, one));
let done = 0;
const started = performance.now();
const deadline = started + seconds * 1000;
async function lane() {
  while (performance.now() < deadline) { await one(); done++; }
}
await Promise.all(Array.from({ length: Number(values.concurrency) }, lane));
const elapsed = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ hashes: done, seconds: elapsed, perSecond: done / elapsed, threadpool: Number(process.env.UV_THREADPOOL_SIZE ?? 4) }) + "\n");
