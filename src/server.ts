/**
 * The userpool server: opens the store, starts the outbox worker and serves the Cognito API (`POST /`) beside
 * the dev inbox, health and well-known routes.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import type { Logger } from "pino";
import { ConfigError, parseServerSecret, type Config } from "./config.js";
import { cryptoRandom, systemClock, type Clock, type Random } from "./domain/clock.js";
import { TokenService } from "./domain/tokens.js";
import { createDelivery } from "./delivery/index.js";
import type { OutboxWorker } from "./delivery/outbox-worker.js";
import { checkProductionChannels, guardPoolChannels } from "./delivery/production.js";
import { createLogger } from "./log.js";
import { createHandlers } from "./ops/index.js";
import type { Deps } from "./ops/deps.js";
import { handleApi } from "./protocol/aws-json.js";
import { errorResponse, rawClientError, tooLarge } from "./protocol/errors.js";
import { CredentialsError, describeAuth, loadCredentials, SigV4Verifier } from "./protocol/sigv4.js";
import { clientIp, IpRateLimiter, MemoryBackend, parseRateLimit, StoreBackend } from "./domain/rate-limit.js";
import { openSqliteStore } from "./store/sqlite.js";
import type { Store } from "./store/types.js";
import { inboxMessages } from "./web/dev-inbox.js";
import { CORS_HEADERS, sendJson } from "./web/http.js";
import { wellKnown } from "./web/wellknown.js";
import { confirmUser } from "./web/confirm-user.js";
import { inboxEvents, inboxPage } from "./web/inbox-page.js";
import { createMetrics } from "./web/metrics.js";

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
  /** How the server protects itself, for the start-up banner: IAM authentication and the per-IP limit. */
  security: { auth: string; ipLimit: string };
  close(): Promise<void>;
}

/** The server secret that keys code HMACs: generated once per data dir, kept with mode 0600. */
export function loadServerSecret(dataDir: string, file = join(dataDir, "secret.key")): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and linked into place, so an instance sharing the file never reads it half-written.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, cryptoRandom.bytes(32).toString("hex") + "\n", { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another instance made it first: use theirs
    } finally {
      unlinkSync(tmp);
    }
  }
  chmodSync(file, 0o600);
  // The same rules as --server-secret (hex or base64, at least 32 bytes): one secret, one parser.
  try {
    return parseServerSecret(readFileSync(file, "utf8"));
  } catch (e) {
    throw e instanceof ConfigError ? new ConfigError(`${file}: ${e.message}`) : e;
  }
}

/**
 * The dev console printer: the lines printed in one turn of the event loop (one per delivered code) go out in one
 * write at the end of that turn, rather than in one write system call each.
 */
function batchedStdout(): (line: string) => void {
  let pending = "";
  const flush = () => {
    const text = pending;
    pending = "";
    process.stdout.write(text);
  };
  return (line) => {
    if (!pending) setImmediate(flush);
    pending += line + "\n";
  };
}

/** The request declares a body (Content-Length) over `limit`. */
const declaredOver = (req: IncomingMessage, limit: number) => Number(req.headers["content-length"] ?? 0) > limit;

/** The body's bytes; null when it is over `limit`; undefined when the client went away (or timed out) first. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null | undefined> {
  return new Promise((resolve) => {
    req.on("close", () => { if (!req.complete) resolve(undefined); });
    // Too large: answer at once, discarding the rest of the body unbuffered (see the lingering close in serveApi).
    if (declaredOver(req, limit)) { req.resume(); return resolve(null); }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) { req.removeAllListeners("data"); resolve(null); req.resume(); return; }
      chunks.push(c);
    });
    req.on("end", () => resolve(size > limit ? null : chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    // An aborted or timed-out upload: nobody is left to answer (and it is no server error worth logging).
    req.on("error", () => resolve(undefined));
  });
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const clock = opts.clock ?? systemClock;
  const random = opts.random ?? cryptoRandom;
  const log = opts.log ?? createLogger(config.logLevel);
  const dev = config.mode === "dev";
  // Production never generates the secret: resolveConfig made sure one is configured (docs/security.md).
  const codeKey = config.serverSecret ? parseServerSecret(config.serverSecret) : loadServerSecret(config.dataDir, config.secretFile);
  let credentials;
  try {
    credentials = loadCredentials(config);
  } catch (e) {
    throw e instanceof CredentialsError ? new ConfigError(e.message) : e;
  }
  // Without credentials (dev mode only) IAM operations accept any signature; the banner says so.
  // Signatures are fresh by the wall clock the client signed with, not by the injected domain clock.
  const verifier = credentials.length ? new SigV4Verifier({ credentials, region: config.region, clock: systemClock }) : undefined;
  // The PostgreSQL store (and its driver) is only loaded when configured: it is a large part of a cold start.
  const store = opts.store ?? (config.databaseUrl
    ? await (await import("./store/postgres.js")).openPostgresStore({
      url: config.databaseUrl, serverSecret: codeKey, onError: (err) => log.error({ err }, "postgres: pooled connection failed"),
    })
    : openSqliteStore({ file: join(config.dataDir, "userpool.db"), synchronous: config.sqliteSync }));
  let publicUrl = config.publicUrl ?? "";
  const tokens = new TokenService(() => publicUrl, clock, random);

  const print = dev ? (opts.print ?? batchedStdout()) : undefined;
  await checkProductionChannels(config, store).catch(async (e) => { if (!opts.store) await store.close(); throw e; });
  const metrics = createMetrics(store, (medium) => (medium === "SMS" ? delivery.channels.SMS : delivery.channels.EMAIL).id);
  const delivery = createDelivery({
    config, store, clock, random, log, print, onAttempt: (m, ch, outcome, ms) => metrics.observeAttempt(m, ch, outcome, ms, clock.now()),
    onQueued: (medium) => metrics.observeQueued(medium),
  });
  const worker = delivery.worker;
  const deps: Deps = { store, clock, random, config, codeKey, tokens, log, wakeOutbox: delivery.wake, outboxHandoff: delivery.handoff };
  const ipLimit = parseRateLimit(config.ipRateLimit ?? "off");
  const limiter = ipLimit ? new IpRateLimiter(ipLimit, store.dialect === "postgres"
    ? new StoreBackend(store, clock, ipLimit.windowMs, (err) => log.warn({ err }, "pruning per-IP counters failed"))
    : new MemoryBackend(config.ipRateLimitMaxTracked), clock) : undefined;
  const api = {
    handlers: guardPoolChannels(createHandlers(deps), config), log,
    authorize: verifier && ((r: Parameters<SigV4Verifier["verify"]>[0]) => { verifier.verify(r); }),
    limitPublic: limiter && ((ctx: { sourceIp: string }) => limiter.check(ctx.sourceIp)),
  };
  const security = {
    auth: describeAuth(config.mode, credentials.length),
    ipLimit: limiter ? limiter.describe() : `off${dev ? " (the dev default; --ip-rate-limit 100/10s turns it on)" : " (--ip-rate-limit off)"}`,
  };

  async function serveApi(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const started = performance.now();
    const body = await readBody(req, config.bodyLimit);
    if (body === undefined) return; // the client left, or the request timed out (answered in clientError)
    const out = body === null
      ? { ...errorResponse(tooLarge(config.bodyLimit)), operation: undefined }
      : await handleApi(api, req.headers, body,
        { requestId, sourceIp: sourceIp(req) },
        { method: req.method!, url: req.url ?? "/" });
    res.writeHead(out.status, {
      ...CORS_HEADERS, ...out.headers, "Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": requestId,
      "Content-Length": Buffer.byteLength(out.body),
    });
    metrics.observeRequest(out.operation, out.status >= 400 ? (out.errorType ?? `HTTP${out.status}`) : undefined, (performance.now() - started) / 1000);
    if (body !== null || req.complete) return void res.end(out.body);
    // A lingering close: the 413 goes out whole now (its Content-Length tells the client it is complete), but the
    // response only ends, and node:http closes the connection, once the rest of the upload has been read and
    // discarded. Closing while the client is still sending would reset the connection, and a reset can take the
    // unread 413 with it. The request timeout bounds the wait (clientError then destroys the socket).
    res.write(out.body);
    const end = () => { if (!res.writableEnded) res.end(); };
    req.once("end", end);
    req.once("close", end);
  }

  const sourceIp = (req: IncomingMessage) => clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.trustProxy);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const requestId = randomUUID();
    // The Cognito API, nearly every request, needs no URL parsing (serveApi writes its request id with its head).
    if (req.method === "POST" && req.url === "/") return serveApi(req, res, requestId);
    // Every other answer carries one too, as AWS's do: preflights, 404s, JWKS, the dev inbox.
    res.setHeader("x-amzn-RequestId", requestId);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Methods": "POST, GET, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
        "Access-Control-Max-Age": "86400",
      });
      return res.end();
    }
    if (req.method === "POST" && url.pathname === "/") return serveApi(req, res, requestId);
    if (req.method === "GET" && url.pathname === "/health") return sendJson(res, 200, { status: "ok", mode: config.mode });
    if (dev && url.pathname === "/_dev/inbox/messages" && (req.method === "GET" || req.method === "DELETE")) {
      return inboxMessages(store, req, res, url);
    }
    if (req.method === "GET" && url.pathname === "/metrics") return metrics.handle(res);
    if (req.method === "GET" && /^\/confirmUser\/?$/.test(url.pathname)) {
      return confirmUser(api.handlers, store, res, url, { requestId, sourceIp: sourceIp(req) }, api.limitPublic);
    }
    if (dev && req.method === "GET" && url.pathname === "/_dev/inbox") return inboxPage(store, res, url);
    if (dev && req.method === "GET" && url.pathname === "/_dev/inbox/events") return inboxEvents(store, delivery.changes, req, res);
    const wk = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
    if (req.method === "GET" && wk) return wellKnown(store, res, wk[1], wk[2], tokens.issuer(wk[1]));
    sendJson(res, 404, { __type: "NotFound", message: `No route for ${req.method} ${url.pathname}. The Cognito API is POST /.` });
  }

  // Timeouts are checked every connectionsCheckingInterval (default 30 s), so check often enough to honour them.
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err) => {
      log.error({ err }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { __type: "InternalErrorException", message: "Internal server error." });
      else res.destroy();
    });
  };
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.requestTimeoutMs / 4))) }, handle);
  // `Expect: 100-continue` (curl sends it for bodies over 1 MB): a body declared too large gets its 413 at once,
  // before the client uploads it; any other is told to go on.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!declaredOver(req, config.bodyLimit)) res.writeContinue();
    handle(req, res);
  });
  server.headersTimeout = Math.min(10_000, config.requestTimeoutMs);
  server.requestTimeout = config.requestTimeoutMs;
  // Slow, oversized or malformed requests get an AWS-shaped error before the connection closes.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    const inFlight = (socket as unknown as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent && err.code !== "ECONNRESET") {
      socket.end(rawClientError(err.code, config.requestTimeoutMs));
      setTimeout(() => socket.destroy(), 1000).unref();
    } else socket.destroy();
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  if (!publicUrl) publicUrl = url;
  deps.config = { ...config, publicUrl }; // the CONFIRM_WITH_LINK links name it
  delivery.start();

  let closed: Promise<void> | undefined;
  return {
    url, port, deps, worker, security,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
        limiter?.close();
        await delivery.close();
        await store.close();
      })();
      return closed;
    },
  };
}
