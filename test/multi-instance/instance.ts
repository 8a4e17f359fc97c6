/** A userpool server in a child process of its own, as an operator would run it, for the multi-instance tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const ENTRY = fileURLToPath(new URL("./userpool.ts", import.meta.url));

export interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process printed on stdout so far (dev mode prints each delivered message's code line). */
  stdout(): string;
  stderr(): string;
  /** Sends the signal and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `userpool serve --port 0 <args>` and resolves once it printed `listening on http://…`. */
export function startInstance(name: string, args: string[], timeoutMs = 60_000): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY, "serve", "--port", "0", "--log-level", "warn", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stderr!.on("data", (c) => { err += c; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${out}\n${err}`)); }, timeoutMs);
    const early = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before listening:\n${out}\n${err}`));
    };
    child.once("exit", early);
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.off("exit", early);
        resolve({
          name, url: m[1], child, stdout: () => out, stderr: () => err,
          async kill(signal: NodeJS.Signals = "SIGTERM") {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    });
  });
}

/** Runs a one-shot `userpool <args>` command to its end. */
export function runCommand(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY, ...args], { stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c) => { stdout += c; });
    child.stderr!.on("data", (c) => { stderr += c; });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
