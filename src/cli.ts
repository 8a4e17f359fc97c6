/** The `userpool` command: `serve` (the default), `migrate` and `resend-confirmation-code`. */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { readFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, configFromEnv, envNameOf, parseTriggers, resolveConfig, type Config } from "./config.js";
import { redactUrl } from "./log.js";

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { version: string };

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number >= 0");
  return n;
};

/**
 * A failure the CLI reports as one line, `userpool: <what went wrong> — <what to do>`, exiting with `exitCode`: 2 for
 * usage and configuration errors (everything that stops a server from starting), 1 for failures after it started.
 */
export class CliError extends Error {
  constructor(message: string, readonly hint?: string, readonly exitCode = 2, readonly cause?: unknown) { super(message); }
}

const flagOf = (key: keyof Config) => (key === "triggers" ? "--trigger" : "--" + key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()));

/** Where a setting came from: the flag, the environment variable, or (undefined) the default. */
function sourceOf(key: keyof Config, flags: Record<string, unknown>): string | undefined {
  if (flags[key] !== undefined || (key === "triggers" && flags.trigger !== undefined)) return flagOf(key);
  const env = envNameOf(key);
  return env && process.env[env] ? env : undefined;
}

/** A ConfigError as one line that names the flag or variable the bad value came from. */
function fromConfigError(e: ConfigError, flags: Record<string, unknown>): CliError {
  const source = e.key && sourceOf(e.key, flags);
  const message = source ? `${source}: ${e.message}` : e.message;
  const hint = e.hint ?? (source ? (source.startsWith("--") ? `change ${source}` : `change or unset ${source}`) : "see userpool serve --help");
  return new CliError(message, hint, 2, e);
}

/** What stopped the server from starting, in the operator's words, with the flag or variable that would fix it. */
export function startupFailure(e: unknown, config: Config): CliError {
  if (e instanceof CliError) return e;
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number; hostname?: string; severity?: string };
  const code = err?.code ?? (e instanceof AggregateError ? (e.errors[0] as NodeJS.ErrnoException)?.code : undefined);
  if (err?.syscall === "listen" || (err?.syscall === "getaddrinfo" && err.hostname === config.host)) {
    const hostHint = "choose one with --host or USERPOOL_HOST (127.0.0.1 for this machine, 0.0.0.0 for all)";
    if (code === "EADDRINUSE") {
      return new CliError(`port ${config.port} is in use (another userpool or cognito-local?)`, "choose one with --port or USERPOOL_PORT (0 picks a free one)", 2, e);
    }
    if (code === "EACCES") return new CliError(`port ${config.port} needs privileges this process does not have`, "choose one above 1023 with --port or USERPOOL_PORT", 2, e);
    if (code === "EADDRNOTAVAIL") return new CliError(`host ${config.host} is not an address of this machine`, hostHint, 2, e);
    return new CliError(`host ${config.host} cannot be used (${code === "ENOTFOUND" || code === "EAI_AGAIN" ? "the name does not resolve" : code})`, hostHint, 2, e);
  }
  const dataDir = resolvePath(config.dataDir);
  if (!config.databaseUrl && ((err?.path && (resolvePath(err.path).startsWith(dataDir) || dataDir.startsWith(resolvePath(err.path)))) || code === "SQLITE_CANTOPEN")) {
    const why = code === "EEXIST" || code === "ENOTDIR" ? "a file is in the way" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "read-only file system" : code;
    return new CliError(`data dir ${config.dataDir} cannot be used (${why})`, "choose a directory with --data-dir or USERPOOL_DATA_DIR", 2, e);
  }
  if (config.secretFile && err?.path && resolvePath(err.path) === resolvePath(config.secretFile)) {
    return new CliError(`secret file ${config.secretFile} cannot be used (${code})`, "choose another with --secret-file or USERPOOL_SECRET_FILE", 2, e);
  }
  if (config.databaseUrl && (err?.severity !== undefined || /^(E[A-Z]+|\d{2}[0-9A-Z]{3})$/.test(code ?? "") || e instanceof AggregateError)) {
    const why = err?.severity !== undefined ? err.message : code === "ENOTFOUND" || code === "EAI_AGAIN" ? "its host does not resolve"
      : code === "ECONNREFUSED" ? "connection refused: is PostgreSQL running there?" : (code ?? err?.message);
    return new CliError(`cannot use the PostgreSQL database ${redactUrl(config.databaseUrl)} (${why})`, "check --database-url or USERPOOL_DATABASE_URL", 2, e);
  }
  return new CliError(`could not start: ${err?.message ?? String(e)}`, "run with --verbose for the stack trace", 1, e);
}

/** Secret values of the environment and the command line, replaced wherever they would be printed. */
function redact(text: string, argv: string[]): string {
  const secrets = [process.env.USERPOOL_SERVER_SECRET, process.env.USERPOOL_SECRET_ACCESS_KEY, process.env.USERPOOL_SMS_WEBHOOK_SECRET];
  argv.forEach((a, i) => {
    if (/^--(server-secret|sms-webhook-secret|client-secret)$/.test(a)) secrets.push(argv[i + 1]);
    const m = /^--(server-secret|sms-webhook-secret|client-secret)=(.+)$/.exec(a);
    if (m) secrets.push(m[2]);
  });
  let out = text.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]+@/g, "$1***@"); // a password in any URL
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join("***");
  return out;
}

/** --verbose, --log-level debug|trace or USERPOOL_LOG_LEVEL=debug|trace: a failure also prints its stack. */
const verbose = (argv: string[]) => argv.includes("--verbose") || /^(debug|trace)$/.test(process.env.USERPOOL_LOG_LEVEL ?? "")
  || argv.some((a, i) => (a === "--log-level" && /^(debug|trace)$/.test(argv[i + 1] ?? "")) || /^--log-level=(debug|trace)$/.test(a));

async function serve({ trigger, verbose: _verbose, ...flags }: Partial<Config> & { trigger?: string[]; verbose?: boolean }) {
  let config: Config;
  try {
    config = resolveConfig(configFromEnv(), { ...flags, ...(trigger ? { triggers: parseTriggers(trigger) } : {}) });
  } catch (e) {
    throw e instanceof ConfigError ? fromConfigError(e, { ...flags, trigger }) : e;
  }
  const { startServer } = await import("./server.js");
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (e) {
    throw e instanceof ConfigError ? fromConfigError(e, { ...flags, trigger }) : startupFailure(e, config);
  }
  const limit = (n: number, env: string) => (n === 0 ? `unlimited (${env}=0)` : `${n}/hour per user`);
  // Which mode, and why: the flag, the environment, or the default.
  const modeSource = flags.mode !== undefined ? "set by --mode" : process.env.USERPOOL_MODE ? "set by USERPOOL_MODE"
    : "the default; --mode production for a deployment";
  const lines = [
    `userpool ${pkg.version} listening on ${server.url} (${config.mode} mode: ${modeSource})`,
    `  store:   ${config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `SQLite ${config.dataDir}/userpool.db (sync ${config.sqliteSync}${config.sqliteSync === "normal" ? ": survives a crash of the process; --sqlite-sync full for one of the machine" : ": every commit fsynced"})`}`,
    `  limits:  resend ${limit(config.resendLimitPerHour, "USERPOOL_RESEND_LIMIT_PER_HOUR")}, confirm ${limit(config.confirmLimitPerHour, "USERPOOL_CONFIRM_LIMIT_PER_HOUR")}`,
    `  lockout: ${config.lockoutAfterFailures === 0 ? "off (USERPOOL_LOCKOUT_AFTER_FAILURES=0): wrong passwords are never locked out"
      : `after ${config.lockoutAfterFailures} wrong passwords, 1 s doubling up to ${config.lockoutMaxSeconds} s`}`,
    `           forgot password ${limit(config.forgotPasswordLimitPerHour, "USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR")}, confirm forgot password ${limit(config.confirmForgotPasswordLimitPerHour, "USERPOOL_CONFIRM_FORGOT_PASSWORD_LIMIT_PER_HOUR")}, ` +
      `admin reset ${limit(config.adminResetLimitPerHour, "USERPOOL_ADMIN_RESET_LIMIT_PER_HOUR")}, attribute code ${limit(config.attributeCodeLimitPerHour, "USERPOOL_ATTRIBUTE_CODE_LIMIT_PER_HOUR")}, ` +
      `verify attribute ${limit(config.verifyAttributeLimitPerHour, "USERPOOL_VERIFY_ATTRIBUTE_LIMIT_PER_HOUR")}, change password ${limit(config.changePasswordLimitPerHour, "USERPOOL_CHANGE_PASSWORD_LIMIT_PER_HOUR")}`,
    `  security: ${server.security.auth}`,
    `  passwords: scrypt N=2^${config.passwordHashCost} (${flags.passwordHashCost !== undefined ? "set by --password-hash-cost" : process.env.USERPOOL_PASSWORD_HASH_COST ? "set by USERPOOL_PASSWORD_HASH_COST"
      : config.mode === "dev" ? "the dev default, light for test suites; production's is 2^14" : "the production default"}; weaker hashes are replaced at sign-in)`,
    `  ip limit: ${server.security.ipLimit}`,
    ...(config.seed && server.seeded ? [`  seed:    ${config.seed} (${(await import("./seed/index.js")).summarize(server.seeded)})`] : []),
    config.mode === "dev" ? `  inbox:   ${server.url}/_dev/inbox (JSON: /_dev/inbox/messages; codes are also printed here)` : "  inbox:   off (production mode)",
    ...(await import("./delivery/describe.js")).describeDelivery(config),
    `  use it:  AWS_ENDPOINT_URL=${server.url} <your app or aws cognito-idp ...>`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function migrate(flags: { databaseUrl?: string; dataDir?: string }) {
  // Only the store's location matters here: a USERPOOL_MODE=production environment (keys, secret, channels) is
  // the server's business, not the schema's.
  let config: Config;
  try {
    config = resolveConfig(configFromEnv(), flags, { mode: "dev" });
  } catch (e) {
    throw e instanceof ConfigError ? fromConfigError(e, flags) : e;
  }
  try {
    await migrateStore(config);
  } catch (e) {
    throw startupFailure(e, config);
  }
}

async function migrateStore(config: Config) {
  if (config.databaseUrl) {
    const { migratePostgresUrl } = await import("./store/postgres.js");
    const applied = await migratePostgresUrl(config.databaseUrl);
    process.stdout.write(`${redactUrl(config.databaseUrl)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}\n`);
    return;
  }
  const { openSqliteStore } = await import("./store/sqlite.js");
  const { join } = await import("node:path");
  const file = join(config.dataDir, "userpool.db");
  await openSqliteStore({ file }).close(); // opening migrates
  process.stdout.write(`${file}: up to date\n`);
}

// ---- userpool outbox list / retry (docs/delivery.md, issue 17)
async function withStore<T>(flags: { databaseUrl?: string; dataDir?: string }, fn: (store: import("./store/types.js").Store) => Promise<T>): Promise<T> {
  const config = resolveConfig(configFromEnv(), flags, { mode: "dev" });
  const store = config.databaseUrl
    ? await (await import("./store/postgres.js")).openPostgresStore({ url: config.databaseUrl, poolSize: 2 })
    : (await import("./store/sqlite.js")).openSqliteStore({ file: (await import("node:path")).join(config.dataDir, "userpool.db") });
  try { return await fn(store); } finally { await store.close(); }
}

async function outboxList(o: { databaseUrl?: string; dataDir?: string; status?: string; limit: number }) {
  const c = await import("./delivery/outbox-commands.js");
  let status;
  try { status = o.status ? c.parseStatuses(o.status) : undefined; } catch (e) { throw new ConfigError((e as Error).message); }
  await withStore(o, (store) => c.listOutbox(store, { status, limit: o.limit }, (l) => process.stdout.write(l + "\n")));
}

async function outboxRetry(id: string | undefined, o: { databaseUrl?: string; dataDir?: string; allAbandoned?: boolean }) {
  if (!id === !o.allAbandoned) throw new ConfigError("outbox retry takes a message id or --all-abandoned (not both)");
  const c = await import("./delivery/outbox-commands.js");
  process.exitCode = await withStore(o, (store) => c.retryOutbox(store, id ? { id } : { allFailed: true }, Date.now(),
    (l) => process.stdout.write(l + "\n"), (l) => process.stderr.write(`userpool: ${l}\n`)));
}

// ---- userpool seed FILE / userpool export (docs/seed.md)
async function seedCommand(file: string, o: { databaseUrl?: string; dataDir?: string; passwordHashCost?: number; accountId?: string }) {
  const { seedFromFile, SeedError, summarize } = await import("./seed/index.js");
  const { cryptoRandom, systemClock } = await import("./domain/clock.js");
  let config: Config;
  try {
    config = resolveConfig(configFromEnv(), o, { mode: "dev", ...(o.passwordHashCost === undefined ? {} : { passwordHashCost: o.passwordHashCost }) });
  } catch (e) {
    throw e instanceof ConfigError ? fromConfigError(e, o) : e;
  }
  try {
    const report = await withStore(o, (store) => seedFromFile({ store, clock: systemClock, random: cryptoRandom, config }, file));
    for (const line of report) process.stdout.write(line + "\n");
    process.stdout.write(`${file}: ${summarize(report)}\n`);
  } catch (e) {
    if (e instanceof SeedError) throw new CliError(`${file}: ${e.message}`, "fix the file (see docs/seed.md)", 2, e);
    throw e instanceof CliError || e instanceof ConfigError ? e : startupFailure(e, config);
  }
}

async function exportCommand(o: { databaseUrl?: string; dataDir?: string; out?: string; withSecrets?: boolean }) {
  const { exportSeed } = await import("./seed/index.js");
  let config: Config;
  try {
    config = resolveConfig(configFromEnv(), o, { mode: "dev" });
  } catch (e) {
    throw e instanceof ConfigError ? fromConfigError(e, o) : e;
  }
  if (!config.databaseUrl && !(await import("node:fs")).existsSync((await import("node:path")).join(config.dataDir, "userpool.db"))) {
    throw new CliError(`no userpool database in ${config.dataDir}`, "name the data dir with --data-dir or USERPOOL_DATA_DIR (or --database-url)");
  }
  let seed;
  try {
    seed = await withStore(o, (store) => exportSeed(store, { withSecrets: o.withSecrets }));
  } catch (e) {
    throw startupFailure(e, config);
  }
  const text = JSON.stringify(seed, null, 2) + "\n";
  if (o.out) (await import("node:fs")).writeFileSync(o.out, text, { mode: o.withSecrets ? 0o600 : 0o644 });
  else process.stdout.write(text);
}

async function resend(o: { clientId: string; username: string; clientSecret?: string; endpoint?: string; region?: string }) {
  // The SDK's notice that its future releases need Node 22 is about the SDK, not this command: keep stderr for AWS errors.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const { CognitoIdentityProviderClient } = await import("@aws-sdk/client-cognito-identity-provider");
  const { resendConfirmationCode } = await import("./client/index.js");
  const client = new CognitoIdentityProviderClient({
    region: o.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    // The operation needs no credentials; supply placeholders so the SDK does not go looking for them.
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "anonymous", secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "anonymous" },
  });
  try {
    const d = await resendConfirmationCode({ client, clientId: o.clientId, username: o.username, clientSecret: o.clientSecret });
    process.stdout.write(`Method of delivery is ${d.DeliveryMedium} (${d.Destination})\n`);
  } catch (e: any) {
    process.stderr.write(`${e?.name ?? "Error"}: ${e?.message ?? String(e)}\n`);
    process.exitCode = 1;
  }
}

export function buildProgram(): Command {
  const program = new Command("userpool")
    .description("A self-hosted server wire-compatible with Amazon Cognito user pools.")
    .version(pkg.version)
    .option("--verbose", "print the stack trace of a failure (also --log-level debug or USERPOOL_LOG_LEVEL=debug)")
    // Commander's own errors (unknown option, bad value) are thrown, not printed: main() prints them as one line.
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText("after", "\nThe server's options (port, data dir, mode, store, delivery, security): userpool serve --help\n" +
      "Exit status: 0 ok, 1 a failure after the server started (or an AWS error of a one-shot command), 2 a usage or configuration error.");

  const serveOptions = (c: Command) => c
    .option("-p, --port <port>", "port to listen on (env USERPOOL_PORT; default 9229; 0 picks a free one)", int)
    .option("--host <host>", "address to bind (env USERPOOL_HOST; default 127.0.0.1; 0.0.0.0 for all)")
    .option("-d, --data-dir <dir>", "where the SQLite database and server secret live (env USERPOOL_DATA_DIR; default ./.userpool)")
    .addOption(new Option("--mode <mode>", "dev or production (env USERPOOL_MODE; default dev)").choices(["dev", "production"]))
    .option("--region <region>", "region in pool ids and ARNs (env USERPOOL_REGION; default us-east-1)")
    .option("--public-url <url>", "base URL tokens name as issuer (env USERPOOL_PUBLIC_URL; default the listen address)")
    .option("--resend-limit-per-hour <n>", "per-user ResendConfirmationCode limit, 0 = unlimited (env USERPOOL_RESEND_LIMIT_PER_HOUR; default 5)", int)
    .option("--confirm-limit-per-hour <n>", "per-user ConfirmSignUp attempts, 0 = unlimited (env USERPOOL_CONFIRM_LIMIT_PER_HOUR; default 15)", int)
    .option("--lockout-after-failures <n>", "wrong passwords in a row before a user is locked out (1 s, doubling), 0 = no lockout (env USERPOOL_LOCKOUT_AFTER_FAILURES; default 5)", int)
    .option("--lockout-max-seconds <s>", "the longest lockout (env USERPOOL_LOCKOUT_MAX_SECONDS; default 900)", int)
    .option("--forgot-password-limit-per-hour <n>", "per-user ForgotPassword codes, 0 = unlimited (env USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR; default 5)", int)
    .option("--confirm-forgot-password-limit-per-hour <n>", "per-user ConfirmForgotPassword attempts, 0 = unlimited (env USERPOOL_CONFIRM_FORGOT_PASSWORD_LIMIT_PER_HOUR; default 20)", int)
    .option("--admin-reset-limit-per-hour <n>", "per-user AdminResetUserPassword codes, 0 = unlimited (env USERPOOL_ADMIN_RESET_LIMIT_PER_HOUR; default 5)", int)
    .option("--attribute-code-limit-per-hour <n>", "per-user attribute verification codes, 0 = unlimited (env USERPOOL_ATTRIBUTE_CODE_LIMIT_PER_HOUR; default 5)", int)
    .option("--verify-attribute-limit-per-hour <n>", "per-user VerifyUserAttribute attempts, 0 = unlimited (env USERPOOL_VERIFY_ATTRIBUTE_LIMIT_PER_HOUR; default 15)", int)
    .option("--change-password-limit-per-hour <n>", "per-user ChangePassword attempts, 0 = unlimited (env USERPOOL_CHANGE_PASSWORD_LIMIT_PER_HOUR; default 5)", int)
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent (env USERPOOL_LOG_LEVEL; default info)")
    .option("--database-url <url>", "postgres://… to use PostgreSQL instead of SQLite, e.g. for several instances (env USERPOOL_DATABASE_URL)")
    .addOption(new Option("--sqlite-sync <level>", "SQLite durability: normal survives a crash of the process, full (an fsync per group commit) also one of the machine (env USERPOOL_SQLITE_SYNC; default normal in dev mode, full in production)").choices(["normal", "full"]))
    .option("--secret-file <file>", "the server secret keying code HMACs; instances sharing a database need the same one (env USERPOOL_SECRET_FILE; default <data-dir>/secret.key)")
    .option("--smtp-url <url>", "smtp[s]://user:pass@host:port of the mail relay; STARTTLS when offered (env USERPOOL_SMTP_URL; default: dev inbox only)")
    .option("--email-from <address>", "sender unless the pool's EmailConfiguration.From is set (env USERPOOL_EMAIL_FROM; default no-reply@verificationemail.com)")
    .option("--sms-webhook-url <url>", "where SMS messages are POSTed as signed JSON (env USERPOOL_SMS_WEBHOOK_URL; default: dev inbox only)")
    .option("--sms-webhook-secret <secret>", "HMAC-SHA256 key for the X-Userpool-Signature header; required in production (env USERPOOL_SMS_WEBHOOK_SECRET)")
    .option("--delivery-max-attempts <n>", "at most this many tries of any message, then it fails (env USERPOOL_DELIVERY_MAX_ATTEMPTS; default: until its code expires, 5 where nothing expires)", int)
    .option("--delivery-base-delay-ms <ms>", "first retry delay, doubled each time, ±10% jitter (env USERPOOL_DELIVERY_BASE_DELAY_MS; default 1000)", int)
    .option("--delivery-max-delay-ms <ms>", "longest retry delay (env USERPOOL_DELIVERY_MAX_DELAY_MS; default 300000)", int)
    .option("--trigger <arn=url|arn=file:path>", "reach a Lambda trigger ARN of a pool's LambdaConfig through an HTTP endpoint that answers the event, or a local handler file " +
      "(.mjs/.cjs exporting handler(event, context), run in a worker thread, reloaded on change in dev mode); repeatable (env USERPOOL_TRIGGERS, comma-separated; docs/triggers.md)",
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option("--lambda-endpoint <url>", "the Lambda Invoke API (sam local start-lambda, the runtime interface emulator, LocalStack) that runs every trigger ARN not mapped by --trigger (env USERPOOL_LAMBDA_ENDPOINT)")
    .option("--trigger-timeout-ms <ms>", "how long a trigger may take (env USERPOOL_TRIGGER_TIMEOUT_MS; default 5000, Cognito's)", int)
    .option("--trigger-attempts <n>", "calls of a trigger that times out, cannot be reached or is throttled (429/502/503/504), as Cognito retries (env USERPOOL_TRIGGER_ATTEMPTS; default 3)", int)
    .option("--outbox-retention-days <days>", "sent, superseded and expired messages are deleted this long after they were queued (env USERPOOL_OUTBOX_RETENTION_DAYS; default 7)",
      (v: string) => { const n = Number(v); if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number of days >= 0"); return n; })
    .option("--outbox-lease-ms <ms>", "how long a claimed message stays with its instance before another may deliver it (env USERPOOL_OUTBOX_LEASE_MS; default 30000)", int)
    .option("--credentials-file <file>", "access keys for the IAM-authorised (Admin*, pool management) operations: JSON [{accessKeyId, secretAccessKey}] or AKID:SECRET lines; " +
      "also env USERPOOL_ACCESS_KEY_ID + USERPOOL_SECRET_ACCESS_KEY (env USERPOOL_CREDENTIALS_FILE; required in production; docs/security.md)")
    .option("--server-secret <hex|base64>", "the server secret keying code HMACs, >= 32 bytes; prefer the env variable, command lines are visible to other users " +
      "(env USERPOOL_SERVER_SECRET; production needs it or an existing --secret-file)")
    .option("--ip-rate-limit <n/window>", "per-client-IP limit on the public operations, e.g. 100/10s, 20/s, off (env USERPOOL_IP_RATE_LIMIT; default off in dev, 100/10s in production)")
    .option("--trust-proxy <hops>", "reverse proxies in front that append X-Forwarded-For; the client IP is taken from it (env USERPOOL_TRUST_PROXY; default 0)", int)
    .option("--request-timeout-ms <ms>", "a request (headers and body) must arrive within this, else 408 (env USERPOOL_REQUEST_TIMEOUT_MS; default 30000)", int)
    .option("--password-hash-cost <n>", "scrypt cost of new password hashes as log2 N, 4-20; a weaker stored hash is replaced at the next sign-in (env USERPOOL_PASSWORD_HASH_COST; default 8 in dev mode, 14 in production, its floor)", int)
    .option("--seed <file>", "a seed file of pools, clients, groups and users with fixed ids, applied at every start; idempotent, deletes nothing (env USERPOOL_SEED; docs/seed.md)")
    .option("--verbose", "print the stack trace of a start-up failure (also --log-level debug or USERPOOL_LOG_LEVEL=debug)");

  serveOptions(program.command("serve", { isDefault: true }).description("serve the Cognito user-pool API (the default command)"))
    .action((flags) => serve(flags));

  program.command("migrate")
    .description("create or update the database schema, then exit (serve does this too at start)")
    .option("--database-url <url>", "the PostgreSQL database (env USERPOOL_DATABASE_URL)")
    .option("-d, --data-dir <dir>", "the SQLite store's directory, when no database url is given (env USERPOOL_DATA_DIR; default ./.userpool)")
    .action((o) => migrate(o));

  // ---- outbox (issue 17)
  const outbox = program.command("outbox").description("inspect the outbox and requeue failed messages (against --data-dir or --database-url)");
  const storeOptions = (c: Command) => c
    .option("--database-url <url>", "the PostgreSQL database (env USERPOOL_DATABASE_URL)")
    .option("-d, --data-dir <dir>", "the SQLite store's directory, when no database url is given (env USERPOOL_DATA_DIR; default ./.userpool)");
  storeOptions(outbox.command("list")
    .description("one line per message, newest first: id, status, medium, address, pool/user, purpose, attempts, times, last error")
    .option("--status <list>", "only these statuses, comma-separated: queued, processing, sent, superseded, expired, failed (failed includes abandoned)")
    .option("--limit <n>", "at most this many (default 100)", int, 100))
    .action((o) => outboxList(o));
  storeOptions(outbox.command("retry")
    .description("requeue a failed (or abandoned) message, or all of them, unless what it carries has expired")
    .argument("[id]", "the message id (from outbox list)")
    .option("--all-abandoned", "every failed or abandoned message"))
    .action((id, o) => outboxRetry(id, o));

  // ---- seed / export (issue 15, docs/seed.md)
  storeOptions(program.command("seed")
    .description("apply a seed file (pools, clients, groups, users with fixed ids) to a data dir or database, then exit; " +
      "idempotent: existing pools and clients are updated to the file, missing users created, nothing deleted")
    .argument("<file>", "the seed file (JSON; docs/seed.md)")
    .option("--password-hash-cost <n>", "scrypt cost of the seeded users' password hashes as log2 N, 4-20 (env USERPOOL_PASSWORD_HASH_COST; default 8; a weaker hash is replaced at the user's next sign-in)", int)
    .option("--account-id <id>", "the account id in new pools' ARNs (env USERPOOL_ACCOUNT_ID; default 000000000000)"))
    .action((file, o) => seedCommand(file, o));
  storeOptions(program.command("export")
    .description("write the pools, clients, groups and users of a data dir or database as a seed file (no passwords; " +
      "no client secrets unless --with-secrets): userpool seed takes it back")
    .option("--out <file>", "write to this file instead of stdout")
    .option("--with-secrets", "include the app clients' secrets (otherwise GenerateSecret: true, and a seed makes new ones)"))
    .action((o) => exportCommand(o));

  program.command("resend-confirmation-code")
    .description("resend a sign-up confirmation code, as the AWS examples do (against AWS, or userpool with --endpoint or AWS_ENDPOINT_URL)")
    .requiredOption("--client-id <id>", "the app client id")
    .requiredOption("--username <name>", "the user's username (or alias)")
    .option("--client-secret <secret>", "the app client's secret, if it has one (the SecretHash is computed from it)")
    .option("--endpoint <url>", "the endpoint, e.g. http://localhost:9229 (default: AWS_ENDPOINT_URL, else AWS)")
    .option("--region <region>", "the region (default: AWS_REGION, else us-east-1)")
    .action((o) => resend(o));
  return program;
}

const COMMANDS = ["serve", "migrate", "outbox", "seed", "export", "resend-confirmation-code"];

/** Prints a failure as `userpool: <what went wrong> — <what to do>` (the stack too when verbose) and exits. */
function fail(e: unknown, argv: string[]): never {
  const args = argv.slice(2);
  let failure: CliError;
  if (e instanceof CommanderError) {
    if (e.exitCode === 0) process.exit(0); // --help, --version
    const command = args.find((a) => COMMANDS.includes(a)) ?? "serve";
    failure = new CliError(e.message.replace(/^error: /, ""), `see userpool ${command} --help`, 2, e);
  } else if (e instanceof ConfigError) {
    failure = fromConfigError(e, {});
  } else if (e instanceof CliError) {
    failure = e;
  } else {
    failure = new CliError(`${(e as Error)?.message ?? String(e)}`, "run with --verbose for the stack trace", 1, e);
  }
  // One line: a multi-line message (production mode's list of needs) is joined with semicolons.
  const what = failure.message.replace(/:\n\s*-\s*/g, ": ").replace(/\n\s*-\s*/g, "; ").replace(/\s*\n\s*/g, " ");
  let text = `userpool: ${what}${failure.hint ? ` — ${failure.hint}` : ""}\n`;
  if (verbose(args)) text += `${((failure.cause ?? failure) as Error)?.stack ?? ""}\n`;
  process.stderr.write(redact(text, args));
  process.exit(failure.exitCode);
}

export async function main(argv = process.argv) {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    fail(e, argv);
  }
}
