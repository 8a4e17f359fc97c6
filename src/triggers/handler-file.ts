/**
 * A local handler file as a Lambda function (`--trigger <arn>=file:./triggers/pre-signup.mjs`): a Node ESM or
 * CommonJS module exporting `handler(event, context)` (async, or callback style with a third `callback` argument).
 * It runs in a worker thread of its own, kept warm between calls like a Lambda execution environment, off the event
 * loop that serves requests. A call that outlives the timeout terminates the worker (a fresh one serves the next
 * call). In dev mode the file's modification time is checked on every call and a changed file gets a fresh worker, so
 * an edit takes effect on the next call without a restart.
 */
import { statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CallOutcome } from "./outcome.js";

/** The worker's code (eval'd: no build step, the same under tsx and compiled JavaScript). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
let loaded;
const load = () => (loaded ??= import(workerData.url).then((m) => {
  const handler = typeof m.handler === "function" ? m.handler : (m.default && typeof m.default.handler === "function" ? m.default.handler : undefined);
  if (!handler) throw Object.assign(new Error("the module does not export a handler(event, context) function"), { name: "Runtime.HandlerNotFound" });
  return handler;
}));
const errorOf = (e) => e instanceof Error
  ? { errorType: e.name || "Error", errorMessage: e.message, stackTrace: String(e.stack || "").split("\\n").slice(1).map((l) => l.trim()) }
  : { errorType: "Error", errorMessage: typeof e === "string" ? e : JSON.stringify(e) ?? String(e) };
parentPort.on("message", async ({ id, event, context: c }) => {
  let settled = false;
  const finish = (err, value) => {
    if (settled) return;
    settled = true;
    if (err !== undefined && err !== null) { parentPort.postMessage({ id, error: errorOf(err) }); return; }
    let payload;
    try { payload = JSON.stringify(value === undefined ? null : value); } catch (e) { parentPort.postMessage({ id, error: errorOf(e) }); return; }
    parentPort.postMessage({ id, payload });
  };
  const context = {
    ...c,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, c.deadline - Date.now()),
    done: (err, value) => finish(err, value),
    succeed: (value) => finish(null, value),
    fail: (err) => finish(err ?? new Error("handler failed")),
  };
  try {
    const handler = await load();
    const out = handler.length >= 3 ? handler(event, context, (err, value) => finish(err, value)) : handler(event, context);
    if (out && typeof out.then === "function") finish(null, await out);
    else if (handler.length < 3) finish(null, out);
  } catch (e) { finish(e); }
});
`;

interface Pending { resolve: (o: CallOutcome) => void; timer: NodeJS.Timeout }
interface Runner { worker: Worker; mtimeMs: number; pending: Map<string, Pending> }

const runners = new Map<string, Runner>();

function start(path: string, mtimeMs: number): Runner {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url: pathToFileURL(path).href + `?v=${mtimeMs}` } });
  const runner: Runner = { worker, mtimeMs, pending: new Map() };
  worker.on("message", (m: { id: string; payload?: string; error?: { errorType: string; errorMessage: string } }) => {
    const p = runner.pending.get(m.id);
    if (!p) return;
    runner.pending.delete(m.id);
    clearTimeout(p.timer);
    p.resolve(m.error ? { functionError: m.error.errorMessage, errorType: m.error.errorType } : { payload: m.payload ?? "null" });
  });
  const fail = (reason: string) => {
    if (runners.get(path) === runner) runners.delete(path);
    for (const [id, p] of runner.pending) { clearTimeout(p.timer); p.resolve({ reason, retry: true }); runner.pending.delete(id); }
  };
  worker.on("error", (e) => fail(`the handler's worker failed (${e.name}: ${e.message})`));
  worker.on("exit", (code) => fail(`the handler's worker exited with code ${code}`));
  // After the listeners (adding a "message" listener refs the port again): an idle warm worker keeps no process alive.
  worker.unref();
  return runner;
}

/** The worker for a file: the warm one, or a new one when there is none or (dev mode) the file changed. */
function runnerFor(path: string, reload: boolean): Runner {
  let r = runners.get(path);
  if (r && reload) {
    let mtimeMs = r.mtimeMs;
    try { mtimeMs = statSync(path).mtimeMs; } catch { /* a missing file fails at import in the worker */ }
    if (mtimeMs !== r.mtimeMs) {
      runners.delete(path);
      void r.worker.terminate();
      r = undefined;
    }
  }
  if (!r) {
    let mtimeMs = 0;
    try { mtimeMs = statSync(path).mtimeMs; } catch { /* as above */ }
    r = start(path, mtimeMs);
    runners.set(path, r);
  }
  return r;
}

export interface FileCall { path: string; arn: string; event: unknown; timeoutMs: number; reload: boolean }

/** Runs the file's handler once: its JSON answer, its error, or why it could not be run (a timeout among them). */
export function invokeHandlerFile(call: FileCall): Promise<CallOutcome> {
  const runner = runnerFor(call.path, call.reload);
  const id = randomUUID();
  const name = functionNameOf(call.arn);
  const context = {
    functionName: name.functionName,
    functionVersion: "$LATEST",
    invokedFunctionArn: call.arn,
    memoryLimitInMB: "128",
    awsRequestId: id,
    logGroupName: `/aws/lambda/${name.functionName}`,
    logStreamName: `userpool/[$LATEST]${id.replace(/-/g, "")}`,
    deadline: Date.now() + call.timeoutMs,
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      runner.pending.delete(id);
      // A handler that does not answer in time may be stuck: its worker goes, a fresh one serves the next call.
      if (runners.get(call.path) === runner) runners.delete(call.path);
      void runner.worker.terminate();
      resolve({ reason: "Socket timeout while invoking Lambda function", retry: true });
    }, call.timeoutMs);
    runner.pending.set(id, { resolve, timer });
    runner.worker.postMessage({ id, event: call.event, context });
  });
}

/** Terminates every handler worker (the server's close). */
export async function closeHandlerWorkers(): Promise<void> {
  const all = [...runners.values()];
  runners.clear();
  await Promise.all(all.map((r) => r.worker.terminate()));
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]` → its name and qualifier. */
export function functionNameOf(arn: string): { functionName: string; qualifier?: string; region?: string } {
  const parts = arn.split(":");
  return { functionName: parts[6] ?? arn, qualifier: parts[7], region: parts[3] };
}
