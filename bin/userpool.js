#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` / `npm run build`); falls back to the TypeScript source
// through tsx in a checkout that has not been built.
//
// The server runs with V8's young generation capped (--max-semi-space-size=4: semi-spaces of 4 MB instead of up to
// 16 MB), which keeps its peak memory ~20 MB lower under load at the same throughput (docs/performance.md). V8 reads
// that flag only when a process starts, so a plain `node bin/userpool.js [serve]` (also `npx userpool`; `npm start`
// passes the flag itself) starts the server as a child process with the flag and stands in for it: signals are
// passed on, its exit code or signal is the wrapper's, and it ends itself at once if the wrapper is gone (even
// killed with SIGKILL). The child also gets MALLOC_ARENA_MAX=2 unless the environment sets it (see below).
// Started with any node options (or NODE_OPTIONS naming the flag), or on Windows, it runs in this process as given.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SEMI_SPACE = "--max-semi-space-size=4";
const ONE_SHOT = new Set(["migrate", "outbox", "resend-confirmation-code", "help", "-h", "--help", "-V", "--version"]);

/**
 * Under npm (`npm start`, `npx userpool`), npm passes a signal on only to the shell it started, which dies of it (SIGTERM)
 * or outlives npm (SIGINT) without passing it on: the server would be left running. Started by npm, this process
 * watches its parent and grandparent (Linux: /proc) and calls `then` once either is gone.
 */
function whenNpmIsGone(then) {
  if (!process.env.npm_lifecycle_event && !process.env.npm_command) return;
  const ppidOf = (pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(") ") + 2).split(" ")[1]);
    } catch {
      return undefined;
    }
  };
  const parent = process.ppid;
  const grandparent = ppidOf(parent);
  const watch = setInterval(() => {
    if (process.ppid === parent && ppidOf(parent) === grandparent) return;
    clearInterval(watch);
    then();
  }, 250);
  watch.unref();
}

if (process.env.USERPOOL_WRAPPER_PID) {
  // The server child of the wrapper below: it must not outlive the wrapper.
  delete process.env.USERPOOL_WRAPPER_PID;
  process.channel?.unref();
  process.once("disconnect", () => process.kill(process.pid, "SIGKILL"));
} else if (!process.execArgv.length && !/--max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "") && !ONE_SHOT.has(process.argv[2]) &&
  // Windows has no signals to pass on (a child's kill() terminates it outright): there the server runs as started.
  process.platform !== "win32") {
  const child = spawn(process.execPath, [SEMI_SPACE, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    // Its own process group: a terminal's Ctrl-C reaches it once, passed on from here, not twice.
    // MALLOC_ARENA_MAX=2: glibc otherwise keeps an arena per thread that ran scrypt (16 MiB a hash on libuv's 4 threads)
    // and holds on to that memory: ~60 MB less peak RSS after SignUp/InitiateAuth load, same throughput.
    stdio: ["inherit", "inherit", "inherit", "ipc"], detached: true,
    env: { MALLOC_ARENA_MAX: "2", ...process.env, USERPOOL_WRAPPER_PID: String(process.pid) },
  });
  const forward = (signal) => () => { child.kill(signal); };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR2"];
  for (const s of signals) process.on(s, forward(s));
  whenNpmIsGone(forward("SIGTERM"));
  child.once("error", (err) => { process.stderr.write(`userpool: could not start the server process: ${err.message}\n`); process.exit(1); });
  child.once("exit", (code, signal) => {
    if (signal) {
      for (const s of signals) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
  await new Promise(() => {}); // the child's exit ends this process
} else if (!ONE_SHOT.has(process.argv[2])) {
  // The server in this process (`npm start` passes the flag itself): a SIGTERM of its own once npm is gone.
  whenNpmIsGone(() => process.kill(process.pid, "SIGTERM"));
}

const compiled = new URL("../dist/cli.js", import.meta.url);
let cli;
if (existsSync(fileURLToPath(compiled))) {
  cli = await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(new URL("../src/cli.ts", import.meta.url).href);
}
await cli.main();
