#!/usr/bin/env node
// Re-renders latest.md / latest.svg from a results JSON (after a change to the report layout, without a new run).
//   node bench/lib/rerender.mjs bench/results/<date>.json [out-prefix=bench/results/latest]
import { readFileSync, writeFileSync } from "node:fs";
import { markdown, svg } from "./report.mjs";

const [file, prefix = new URL("../results/latest", import.meta.url).pathname] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, "utf8"));
if (!r.resend) {
  // A sign-in-only run (--only signin) has no resend matrix to chart: its Markdown goes to stdout, latest.* untouched.
  process.stdout.write(markdown(r));
} else {
  writeFileSync(`${prefix}.md`, markdown(r));
  writeFileSync(`${prefix}.svg`, svg(r));
  console.log(`wrote ${prefix}.md and ${prefix}.svg`);
}
