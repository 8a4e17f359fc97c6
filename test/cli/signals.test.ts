/**
 * SIGTERM or SIGINT to whatever started the server stops it gracefully (the store closed cleanly: SQLite's WAL file
 * is gone), for each way of starting it: `npm start`, `npx userpool` (npm exec → sh → bin/userpool.js), and
 * `node bin/userpool.js`. npm passes a signal on to its shell only, which dies of it: the server must notice.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cleanEnv, ROOT } from "../helpers/cli.js";

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const descendants = (pid: number): number[] => {
  let kids: number[] = [];
  try { kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number); } catch { /* gone */ }
  return kids.flatMap((k) => [k, ...descendants(k)]);
};

async function until(what: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!what() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return what();
}

const started = new Set<number>();
process.once("exit", () => { for (const p of started) try { process.kill(p, "SIGKILL"); } catch { /* gone */ } });

/** Starts `command` with the arguments `args` makes of the server's flags, in `ROOT`, and waits for the banner. */
async function start(command: string, args: (flags: string[]) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), "userpool-signals-"));
  const child = spawn(command, args(["-p", "0", "-d", dir, "--log-level", "warn"]), {
    cwd: ROOT, env: cleanEnv({ NODE_OPTIONS: "" }), stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(child.pid!);
  let out = "";
  child.stdout!.on("data", (d) => { out += d; });
  child.stderr!.on("data", (d) => { out += d; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 60 s:\n${out}`)), 60_000);
    child.stdout!.on("data", () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m && out.includes("use it:")) { clearTimeout(timer); resolve(m[1]); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${out}`)); });
  });
  const tree = descendants(child.pid!);
  for (const p of tree) started.add(p);
  assert.ok(existsSync(join(dir, "userpool.db-wal")), "the server has its store open");
  return { child, tree, url, dir, output: () => out };
}

async function stopsGracefully(s: Awaited<ReturnType<typeof start>>, signal: NodeJS.Signals) {
  assert.equal((await fetch(`${s.url}/health`)).status, 200);
  s.child.kill(signal);
  assert.ok(await until(() => s.tree.every((p) => !alive(p)) && !alive(s.child.pid!), 10_000),
    `every process stopped after ${signal}: still running ${s.tree.filter(alive).join(", ")}\n${s.output()}`);
  assert.equal(existsSync(join(s.dir, "userpool.db-wal")), false, "the store was closed, not abandoned");
  await fetch(`${s.url}/health`).then(() => assert.fail("still answering"), () => {});
}

const exitOf = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once("exit", () => resolve())));

describe("signals stop the server, whatever started it", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    test(`npm start, ${signal} to npm`, async () => {
      const s = await start("npm", (flags) => ["start", "--", ...flags]);
      await stopsGracefully(s, signal);
      await exitOf(s.child);
    });

    test(`node bin/userpool.js, ${signal}`, async () => {
      const s = await start(process.execPath, (flags) => ["bin/userpool.js", ...flags]);
      await stopsGracefully(s, signal);
      await exitOf(s.child);
      assert.ok(s.child.exitCode === 0 || s.child.signalCode === signal, `${s.child.exitCode} ${s.child.signalCode}`);
    });
  }

  // What `npx userpool` runs in a project that installed userpool: npm exec → sh -c userpool → bin/userpool.js →
  // the server child. In this checkout the package's own bin is not linked, so npm exec -c names it. SIGINT is not
  // tested here: npm hands it to that shell, which holds it until its child ends (a terminal's Ctrl-C reaches the
  // whole process group, so it works there); the README says so.
  test("npm exec (what npx userpool runs), SIGTERM to npm", async () => {
    const s = await start("npm", (flags) => ["exec", "-c", `node bin/userpool.js ${flags.join(" ")}`]);
    assert.ok(s.tree.length >= 3, "a shell, the wrapper and its server child run under npm");
    await stopsGracefully(s, "SIGTERM");
    await exitOf(s.child);
  });
});
