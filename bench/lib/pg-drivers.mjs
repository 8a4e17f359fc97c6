#!/usr/bin/env node
// Issue 16's driver question, measured: `pg` (userpool's driver) against postgres.js (pipelining, a different
// protocol implementation) on the same throwaway durable cluster, in one run. Each driver runs the baseline's durable
// INSERT (autocommit, a prepared statement, synchronous_commit on) and a primary-key SELECT, with 1, 16 and 64
// concurrent callers for 3 s each, two rounds alternated, through a pool of 10 connections (userpool's size); it prints
// queries/s and the client process's CPU µs per query (user + system over queries), the cost a driver adds to every
// round trip of userpool's. No HTTP: only the driver and the database.
//
//   node bench/lib/pg-drivers.mjs [--duration 3] [--rounds 2]
//
// Result on 2026-12-07 (2 cores, load ~2): pg 82-109 µs per query, postgres.js 110-215 µs, and pg answered more
// queries/s at every concurrency (docs/postgres.md): userpool stays on pg.
import pg from "pg";
import postgres from "postgres";
import { parseArgs } from "node:util";
import { startPostgres } from "./postgres.mjs";

const { values } = parseArgs({ options: { duration: { type: "string", default: "3" }, rounds: { type: "string", default: "2" } } });
const ms = Number(values.duration) * 1000;
const cluster = await startPostgres();
try {
  const setup = new pg.Client({ connectionString: cluster.adminUrl });
  await setup.connect();
  await setup.query("CREATE TABLE drivers_bench (id BIGSERIAL PRIMARY KEY, username TEXT NOT NULL, code TEXT NOT NULL, created_at BIGINT NOT NULL)");
  await setup.query("INSERT INTO drivers_bench (username, code, created_at) VALUES ('user0000001', '123456', 0)");
  await setup.end();
  const pool = new pg.Pool({ connectionString: cluster.adminUrl, max: 10 });
  const sql = postgres(cluster.adminUrl, { max: 10, onnotice: () => undefined });
  const code = () => String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
  const cases = {
    "pg INSERT": () => pool.query({ name: "ins", text: "INSERT INTO drivers_bench (username, code, created_at) VALUES ($1, $2, $3)", values: ["user0000001", code(), Date.now()] }),
    "postgres.js INSERT": () => sql`INSERT INTO drivers_bench (username, code, created_at) VALUES (${"user0000001"}, ${code()}, ${Date.now()})`,
    "pg SELECT": () => pool.query({ name: "sel", text: "SELECT id, username, code FROM drivers_bench WHERE id = $1", values: [1] }),
    "postgres.js SELECT": () => sql`SELECT id, username, code FROM drivers_bench WHERE id = ${1}`,
  };
  const run = async (name, concurrency, duration) => {
    const f = cases[name];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => { while (performance.now() - t0 < duration) { await f(); n++; } }));
    const cpu = process.cpuUsage(cpu0);
    return { qps: n / ((performance.now() - t0) / 1000), cpuUs: (cpu.user + cpu.system) / n };
  };
  for (const name of Object.keys(cases)) await run(name, 16, 1000); // warm-up: connections, prepared statements, JIT
  const results = {};
  for (let round = 0; round < Number(values.rounds); round++) {
    const names = round % 2 ? Object.keys(cases).reverse() : Object.keys(cases);
    for (const c of [1, 16, 64]) for (const name of names) (results[`${name} c=${c}`] ??= []).push(await run(name, c, ms));
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  console.log(`PostgreSQL ${cluster.version}, ${values.rounds} round(s) of ${values.duration} s, medians\n`);
  console.log("| driver, statement, callers | queries/s | client CPU µs per query |\n|---|---:|---:|");
  for (const [key, rs] of Object.entries(results)) {
    console.log(`| ${key} | ${Math.round(median(rs.map((r) => r.qps))).toLocaleString("en-US")} | ${median(rs.map((r) => r.cpuUs)).toFixed(1)} |`);
  }
  await pool.end();
  await sql.end();
} finally {
  await cluster.stop();
}
