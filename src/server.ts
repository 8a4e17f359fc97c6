/**
 * The userpool server: opens the store, starts the outbox worker and serves the Cognito API (`POST /`) beside
 * the dev inbox, health and well-known routes.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { cryptoRandom, systemClock, type Clock, type Random } from "./domain/clock.js";
import { TokenService } from "./domain/tokens.js";
import { inboxChannel } from "./delivery/channels/inbox.js";
import { OutboxWorker } from "./delivery/outbox-worker.js";
import { createLogger } from "./log.js";
import { createHandlers } from "./ops/index.js";
import type { Deps } from "./ops/deps.js";
import { handleApi } from "./protocol/aws-json.js";
import { errorResponse, tooLarge } from "./protocol/errors.js";
import { openSqliteStore } from "./store/sqlite.js";
import type { Store } from "./store/types.js";
import { inboxMessages } from "./web/dev-inbox.js";
import { CORS_HEADERS, sendJson } from "./web/http.js";
import { wellKnown } from "./web/wellknown.js";

export interface ServerOptions {
  clock?: Clock;
  random?: Random;
  log?: Logger;
  /** Where dev-mode console lines go (the delivered codes); defaults to stdout. */
  print?: (line: string) => void;
  store?: Store;
}

export interface RunningServer {
  url: string;
  port: number;
  deps: Deps;
  worker: OutboxWorker;
  close(): Promise<void>;
}

/** The server secret that keys code HMACs: generated once per data dir, kept with mode 0600. */
export function loadServerSecret(dataDir: string): Buffer {
  const file = join(dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, cryptoRandom.bytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, "utf8").trim(), "hex");
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return resolve(null);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) { req.removeAllListeners("data"); resolve(null); req.resume(); return; }
      chunks.push(c);
    });
    req.on("end", () => resolve(size > limit ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? cryptoRandom;
  const log = opts.log ?? createLogger(config.logLevel);
  const dev = config.mode === "dev";
  const codeKey = loadServerSecret(config.dataDir);
  const store = opts.store ?? openSqliteStore({ file: join(config.dataDir, "userpool.db") });
  let publicUrl = config.publicUrl ?? "";
  const tokens = new TokenService(() => publicUrl, clock, random);

  const print = dev ? (opts.print ?? ((line: string) => process.stdout.write(line + "\n"))) : undefined;
  const channel = inboxChannel(print);
  const worker = new OutboxWorker({
    store, clock, random, log, channelFor: () => channel, maxAttempts: 5, baseDelayMs: 1000, leaseMs: 30_000, batch: 50, pollMs: 1000,
  });
  const deps: Deps = { store, clock, random, config, codeKey, tokens, log, wakeOutbox: worker.wake };
  const api = { handlers: createHandlers(deps), log };

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const requestId = randomUUID();
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "POST, GET, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
        "Access-Control-Max-Age": "86400",
      });
      return res.end();
    }
    if (req.method === "POST" && url.pathname === "/") {
      const body = await readBody(req, config.bodyLimit);
      const out = body === null
        ? { ...errorResponse(tooLarge(config.bodyLimit)), operation: undefined }
        : await handleApi(api, req.headers, body, { requestId, sourceIp: req.socket.remoteAddress ?? "" });
      res.writeHead(out.status, {
        ...CORS_HEADERS, ...out.headers, "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": requestId,
        "Content-Length": Buffer.byteLength(out.body), ...(body === null ? { Connection: "close" } : {}),
      });
      return res.end(out.body);
    }
    if (req.method === "GET" && url.pathname === "/health") return sendJson(res, 200, { status: "ok", mode: config.mode });
    if (dev && url.pathname === "/_dev/inbox/messages" && (req.method === "GET" || req.method === "DELETE")) {
      return inboxMessages(store, req, res, url);
    }
    const wk = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
    if (req.method === "GET" && wk) return wellKnown(store, res, wk[1], wk[2], tokens.issuer(wk[1]));
    sendJson(res, 404, { __type: "NotFound", message: `No route for ${req.method} ${url.pathname}. The Cognito API is POST /.` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err) => {
      log.error({ err }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { __type: "InternalErrorException", message: "Internal server error." });
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (!publicUrl) publicUrl = url;
  worker.start();

  let closed: Promise<void> | undefined;
  return {
    url, port, deps, worker,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
        await worker.stop();
        await store.close();
      })();
      return closed;
    },
  };
}
