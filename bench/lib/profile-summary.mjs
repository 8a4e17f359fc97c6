#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function and by file, top N.
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from "node:fs";

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, "utf8"));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = prof.timeDeltas;
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i], (self.get(prof.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fnAgg = new Map(), fileAgg = new Map();
for (const [id, us] of self) {
  const cf = byId.get(id).callFrame;
  const where = cf.url ? cf.url.replace(/^file:\/\/\/work\/[^/]+\//, "").replace(/^.*node_modules\//, "nm/") : "(native/vm)";
  const fn = `${cf.functionName || "(anonymous)"} ${where}:${cf.lineNumber + 1}`;
  fnAgg.set(fn, (fnAgg.get(fn) ?? 0) + us);
  const f = where.startsWith("node:") ? where : where.split("/").slice(0, 3).join("/");
  fileAgg.set(f, (fileAgg.get(f) ?? 0) + us);
}
const show = (m, title) => {
  console.log(`\n${title} (total ${(total / 1e3).toFixed(0)} ms sampled)`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${k}`);
};
show(fnAgg, "self time by function");
show(fileAgg, "self time by file");
