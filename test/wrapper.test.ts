/**
 * `node bin/userpool.js` (what `npx userpool` runs) serves from a child process started with the memory settings:
 * the flag and the environment reach it, signals pass through, and it never outlives the wrapper.
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);

async function startWrapper(env: Record<string, string> = {}): Promise<{ wrapper: ChildProcess; server: number; url: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("USERPOOL_") && k !== "NODE_OPTIONS" && k !== "MALLOC_ARENA_MAX"));
  const wrapper = spawn(process.execPath, ["bin/userpool.js", "-p", "0", "-d", mkdtempSync(join(tmpdir(), "userpool-wrapper-")), "--log-level", "warn"], {
    env: { ...clean, ...env }, stdio: ["ignore", "pipe", "pipe"],
  });
  process.once("exit", () => wrapper.kill("SIGKILL"));
  let out = "";
  wrapper.stdout!.on("data", (d) => { out += d; });
  wrapper.stderr!.on("data", (d) => { out += d; });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner in 30 s:\n${out}`)), 30_000);
    wrapper.stdout!.on("data", () => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    wrapper.once("exit", (code) => { clearTimeout(timer); reject(new Error(`wrapper exited ${code}:\n${out}`)); });
  });
  const [server] = childrenOf(wrapper.pid!);
  assert.ok(server, "the wrapper has a child");
  return { wrapper, server, url };
}

const exited = (p: ChildProcess) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
  if (p.exitCode !== null || p.signalCode !== null) resolve({ code: p.exitCode, signal: p.signalCode });
  else p.once("exit", (code, signal) => resolve({ code, signal }));
});

async function gone(pid: number, ms: number) {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return !alive(pid);
}

test("the server child runs with --max-semi-space-size=4 and MALLOC_ARENA_MAX=2; SIGTERM stops both cleanly", async () => {
  const { wrapper, server, url } = await startWrapper();
  const argv = readFileSync(`/proc/${server}/cmdline`, "utf8").split("\0");
  assert.ok(argv.includes("--max-semi-space-size=4"), argv.join(" "));
  const env = readFileSync(`/proc/${server}/environ`, "utf8").split("\0");
  assert.ok(env.includes("MALLOC_ARENA_MAX=2"));
  assert.equal((await fetch(`${url}/health`)).status, 200);
  wrapper.kill("SIGTERM");
  const end = await exited(wrapper);
  assert.ok(end.code === 0 || end.signal === "SIGTERM", JSON.stringify(end));
  assert.ok(await gone(server, 5000), "the server child stopped with it");
});

test("a MALLOC_ARENA_MAX of the caller's wins; the child dies with a wrapper killed by SIGKILL", async () => {
  const { wrapper, server } = await startWrapper({ MALLOC_ARENA_MAX: "4" });
  assert.ok(readFileSync(`/proc/${server}/environ`, "utf8").split("\0").includes("MALLOC_ARENA_MAX=4"));
  wrapper.kill("SIGKILL");
  await exited(wrapper);
  assert.ok(await gone(server, 5000), "the orphaned server ended itself");
});
