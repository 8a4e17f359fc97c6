/**
 * The userpool server, wired in one place: opens the store, listens, then builds — once, from a frozen
 * configuration that already knows the public URL — the delivery (channels, outbox worker), the operations, the
 * one `invoke`, the API endpoint and the route table (src/web/routes.ts). See docs/architecture.md.
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
import { createChannels } from "./delivery/channels/index.js";
import { createDelivery } from "./delivery/index.js";
import type { OutboxWorker } from "./delivery/outbox-worker.js";
import type { Retention } from "./delivery/retention.js";
import { checkProductionChannels } from "./domain/production.js";
import { clientIp, IpRateLimiter, MemoryBackend, parseRateLimit, StoreBackend } from "./domain/rate-limit.js";
import { createLogger } from "./log.js";
import { keyOf } from "./domain/pool.js";
import { withCustomSenders } from "./delivery/channels/custom-sender.js";
import { closeHandlerWorkers } from "./triggers/handler-file.js";
import type { Deps } from "./ops/deps.js";
import { createHandlers } from "./ops/index.js";
import { rawClientError } from "./protocol/errors.js";
import { createApiEndpoint, declaredOver } from "./protocol/http.js";
import { createInvoke } from "./protocol/invoke.js";
import { CredentialsError, describeAuth, loadCredentials, SigV4Verifier } from "./protocol/sigv4.js";
import { openSqliteStore } from "./store/sqlite.js";
import type { Store } from "./store/types.js";
import { SeedError, seedFromFile, type SeedReport } from "./seed/index.js";

/** What to do about a seed file that cannot be applied. */
export const seedHint = "fix the file (docs/seed.md) or choose another with --seed or USERPOOL_SEED";
import { sendJson } from "./web/http.js";
import { createMetrics } from "./web/metrics.js";
import { createRoutes } from "./web/routes.js";

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
  /** The outbox retention job (its `sweep()` runs one now). */
  retention: Retention;
  /** How the server protects itself, for the start-up banner: IAM authentication and the per-IP limit. */
  security: { auth: string; ipLimit: string };
  /** What the seed file changed (--seed), one line per pool, client, group and user. */
  seeded?: SeedReport;
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
  await checkProductionChannels(config, store).catch(async (e) => { if (!opts.store) await store.close(); throw e; });
  // The seed file (docs/seed.md): applied before the server takes requests, so that its ids answer from the start.
  let seeded: SeedReport | undefined;
  if (config.seed) {
    try {
      seeded = await seedFromFile({ store, clock, random, config }, config.seed);
      log.info({ seed: config.seed, changes: seeded }, "seed file applied");
    } catch (e) {
      if (!opts.store) await store.close();
      throw e instanceof SeedError ? new ConfigError(`${config.seed}: ${e.message}`, { key: "seed", hint: seedHint }) : e;
    }
  }

  // Listen first, so that the address (and so the public URL that tokens and links name) is known before anything
  // is built; requests are only taken once the handler is attached below, in this same turn of the event loop.
  const server = createServer({ connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(config.requestTimeoutMs / 4))) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
  } catch (e) {
    if (!opts.store) await store.close();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  const settings: Readonly<Config> = Object.freeze({ ...config, publicUrl: config.publicUrl ?? url });

  const tokens = new TokenService(settings.publicUrl!, clock, random, store, store);
  // A pool's CustomEmailSender / CustomSMSSender trigger takes its messages instead of the channel.
  const channels = withCustomSenders(createChannels(settings, { now: () => clock.now(), print: dev ? (opts.print ?? batchedStdout()) : undefined }),
    { store, config: settings, log, keyOf });
  const metrics = createMetrics(store, (medium) => (medium === "SMS" ? channels.SMS : channels.EMAIL).id, () => clock.now());
  const delivery = createDelivery({
    config: settings, channels, store, clock, random, log,
    onAttempt: (m, ch, outcome, ms) => metrics.observeAttempt(m, ch, outcome, ms, clock.now()),
    onQueued: (medium) => metrics.observeQueued(medium),
  });
  const deps: Deps = Object.freeze({ store, clock, random, config: settings, codeKey, tokens, log, withOutbox: delivery.withOutbox });
  const ipLimit = parseRateLimit(config.ipRateLimit ?? "off");
  const limiter = ipLimit ? new IpRateLimiter(ipLimit, store.dialect === "postgres"
    ? new StoreBackend(store, clock, ipLimit.windowMs, (err) => log.warn({ err }, "pruning per-IP counters failed"))
    : new MemoryBackend(config.ipRateLimitMaxTracked), clock) : undefined;
  const invoke = createInvoke({ handlers: createHandlers(deps), limitPublic: limiter && ((ctx) => limiter.check(ctx.sourceIp)) });
  const serveApi = createApiEndpoint({
    api: { invoke, log, authorize: verifier && ((r) => { verifier.verify(r); }) },
    bodyLimit: config.bodyLimit,
    observe: (operation, errorType, seconds) => metrics.observeRequest(operation, errorType, seconds),
  });
  const route = createRoutes({
    config: settings, store, invoke, metrics, changes: delivery.changes, issuer: (poolId) => tokens.issuer(poolId), serveApi,
    sourceIp: (req) => clientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], config.trustProxy),
    oauth: deps,
  });
  const security = {
    auth: describeAuth(config.mode, credentials.length),
    ipLimit: limiter ? limiter.describe() : `off${dev ? " (the dev default; --ip-rate-limit 100/10s turns it on)" : " (--ip-rate-limit off)"}`,
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err) => {
      log.error({ err }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { __type: "InternalErrorException", message: "Internal server error." });
      else res.destroy();
    });
  };
  server.on("request", handle);
  // `Expect: 100-continue` (curl sends it for bodies over 1 MB): a body declared too large gets its 413 at once,
  // before the client uploads it; any other is told to go on.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    if (!declaredOver(req, config.bodyLimit)) res.writeContinue();
    handle(req, res);
  });
  // Timeouts are checked every connectionsCheckingInterval (set above), so that they are honoured.
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
  delivery.start();

  let closed: Promise<void> | undefined;
  return {
    url, port, deps, worker: delivery.worker, retention: delivery.retention, security, seeded,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
        limiter?.close();
        await delivery.close();
        await store.close();
        // Handler-file triggers' warm workers (shared by the servers of one process: a later call starts a fresh one).
        await closeHandlerWorkers();
      })();
      return closed;
    },
  };
}
