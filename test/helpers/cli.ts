/**
 * The `userpool` command in a child process, as an operator runs it: a server started with `spawnServer` (resolved
 * once its start-up banner is out) or a one-shot command run with `runCommand`. By default the CLI runs from the
 * source (`CLI` below); `command` runs something else (e.g. `bin/userpool.js`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Node's arguments that run the CLI from source: `node ...CLI <userpool args>`. Under `npm test` this file is itself
 * compiled (scripts/test.mjs), and so is run-cli beside it: that runs without tsx. A test run through tsx runs it
 * through tsx.
 */
export const CLI = import.meta.url.endsWith(".js")
  ? [fileURLToPath(new URL("./run-cli.js", import.meta.url))]
  : ["--import", "tsx", fileURLToPath(new URL("./run-cli.ts", import.meta.url))];

/** The environment without any USERPOOL_* variable of the caller's, plus `extra`. */
export const cleanEnv = (extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("USERPOOL_"))), ...extra,
});

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** stdout and stderr as printed so far, interleaved. */
  output(): string;
  /** stdout alone (dev mode prints each delivered message's code line there). */
  stdout(): string;
  stderr(): string;
  /** Sends the signal (unless the process has ended) and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface SpawnOptions {
  /** Node's arguments before the userpool arguments (default: CLI, the source). */
  command?: string[];
  name?: string;
  timeoutMs?: number;
}

/** Starts `userpool <args>` (a server) with `env` on top of a clean environment; resolves once its banner is out. */
export function spawnServer(args: string[], env: Record<string, string> = {}, o: SpawnOptions = {}): Promise<ServerProcess> {
  const name = o.name ?? "server";
  const timeoutMs = o.timeoutMs ?? 60_000;
  const child = spawn(process.execPath, [...(o.command ?? CLI), ...args], { cwd: ROOT, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  process.once("exit", () => child.kill("SIGKILL")); // never outlive the test process
  let out = "";
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => { out += d; stdout += d; });
  child.stderr!.on("data", (d) => { out += d; stderr += d; });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${out}`)); }, timeoutMs);
    const early = (code: number | null, signal: string | null) => { clearTimeout(timer); reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${out}`)); };
    child.once("exit", early);
    const check = () => {
      const m = /listening on (http:\/\/\S+)/.exec(stdout);
      if (!m || !stdout.includes("use it:")) return; // the banner's last line
      clearTimeout(timer);
      child.off("exit", early);
      child.stdout!.off("data", check);
      resolve({
        child, url: m[1], output: () => out, stdout: () => stdout, stderr: () => stderr,
        async kill(signal: NodeJS.Signals = "SIGTERM") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on("data", check);
  });
}

/** Runs a one-shot `userpool <args>` to its end (from source unless `command` says otherwise). */
export function runCommand(args: string[], env: Record<string, string> = {}, command: string[] = CLI): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, ...args], { cwd: ROOT, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c) => { stdout += c; });
    child.stderr!.on("data", (c) => { stderr += c; });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
