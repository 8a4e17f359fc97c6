#!/usr/bin/env node
// `npm test`: runs every test/**/*.test.ts with node:test through tsx (Node 20's runner does not expand globs).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? find(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

const only = process.argv.slice(2);
const files = (only.length ? only : find("test")).sort();
if (files.length === 0) {
  console.error("npm test: no test files found under test/");
  process.exit(1);
}
const r = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=2", ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
