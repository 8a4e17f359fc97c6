/** Server configuration: defaults, then `USERPOOL_*` environment variables, then command-line flags. */
import { existsSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { parseRateLimit } from "./domain/rate-limit.js";
export interface Config {
  mode: "dev" | "production";
  host: string;
  port: number;
  /** Where the embedded SQLite database and the server secret live. */
  dataDir: string;
  region: string;
  accountId: string;
  /** The base URL tokens name as issuer (`<publicUrl>/<poolId>`); defaults to the address the server listens on. */
  publicUrl?: string;
  /** Per-user ResendConfirmationCode limit per hour; 0 means unlimited. */
  resendLimitPerHour: number;
  /** Per-user ConfirmSignUp attempts per hour; 0 means unlimited. */
  confirmLimitPerHour: number;
  /** Wrong passwords in a row before a user is locked out for 1 s, doubling (src/domain/lockout.ts); 0 means no lockout. */
  lockoutAfterFailures: number;
  /** The longest lock, in seconds (Cognito's "about 15 minutes"). */
  lockoutMaxSeconds: number;
  /** Per-user ForgotPassword codes per hour; 0 means unlimited. */
  forgotPasswordLimitPerHour: number;
  /** Per-user ConfirmForgotPassword attempts per hour; 0 means unlimited. */
  confirmForgotPasswordLimitPerHour: number;
  /** Per-user AdminResetUserPassword codes per hour; 0 means unlimited. */
  adminResetLimitPerHour: number;
  /** Per-user attribute verification codes (GetUserAttributeVerificationCode, and an email/phone change) per hour; 0 means unlimited. */
  attributeCodeLimitPerHour: number;
  /** Per-user VerifyUserAttribute attempts per hour; 0 means unlimited. */
  verifyAttributeLimitPerHour: number;
  /** Per-user ChangePassword attempts per hour; 0 means unlimited. */
  changePasswordLimitPerHour: number;
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
  // ---- store (docs/postgres.md)
  /** `postgres://…` selects the PostgreSQL store (for several instances); unset = SQLite in `dataDir`. */
  databaseUrl?: string;
  /**
   * The SQLite store's durability: `normal` (WAL, synchronous=NORMAL: a commit survives a crash of the process, and the
   * WAL is fsynced at checkpoints) or `full` (synchronous=FULL: every group commit is fsynced, so it also survives a
   * crash of the machine or a power cut). Unset: `full` in production mode, `normal` in dev mode.
   */
  sqliteSync?: "normal" | "full";
  /** The file with the server secret that keys code HMACs; default `<dataDir>/secret.key`. Instances sharing a database share it. */
  secretFile?: string;
  /** How long a claimed outbox message stays with its claimer before another instance may take it over. */
  outboxLeaseMs: number;
  // ---- delivery (docs/delivery.md)
  /** `smtp[s]://user:pass@host:port` of the mail relay; unset = email goes to the dev inbox only. */
  smtpUrl?: string;
  /** Sender of verification email unless the pool's EmailConfiguration.From says otherwise. */
  emailFrom: string;
  /** Where SMS messages are POSTed as signed JSON; unset = SMS goes to the dev inbox only. */
  smsWebhookUrl?: string;
  /** HMAC-SHA256 key for the `X-Userpool-Signature` header of SMS webhook calls. */
  smsWebhookSecret?: string;
  /**
   * Set: the most tries of any message (then `failed`). Unset (the default): a message carrying a code is tried until
   * the code expires, one where nothing expires 5 times (docs/delivery.md).
   */
  deliveryMaxAttempts?: number;
  /** First retry delay; each later one doubles (plus jitter) up to `deliveryMaxDelayMs`. */
  deliveryBaseDelayMs: number;
  deliveryMaxDelayMs: number;
  /** Sent, superseded and expired outbox messages are deleted this many days (fractions allowed) after they were queued. */
  outboxRetentionDays: number;
  /**
   * Lambda trigger ARN → how it is reached: an http(s) URL that receives the event, or `file:<path>` of a local
   * handler module (resolved to an absolute path here). docs/triggers.md.
   */
  triggers: Record<string, string>;
  /** The Lambda Invoke API (`sam local start-lambda`, the runtime interface emulator, LocalStack) for every ARN not in `triggers`. */
  lambdaEndpoint?: string;
  /** How long a trigger endpoint may take before the operation fails with UnexpectedLambdaException. */
  triggerTimeoutMs: number;
  /** Calls per trigger invocation when a call fails in a way that can be retried (timeout, unreachable, 429, 502-504). */
  triggerAttempts: number;
  // ---- security (docs/security.md)
  /** File of credentials for the IAM-authorised operations: JSON `[{accessKeyId, secretAccessKey}]` or `AKID:SECRET` lines. */
  credentialsFile?: string;
  /** One more credential from the environment (USERPOOL_ACCESS_KEY_ID / USERPOOL_SECRET_ACCESS_KEY). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** The server secret itself, hex or base64 of at least 32 bytes; wins over `secretFile`. Required in production (or an existing `secretFile`). */
  serverSecret?: string;
  /** Per-IP limit on the public operations, e.g. `100/10s`, or `off`; default off in dev, 100/10s in production. */
  ipRateLimit?: string;
  /** Most client IPs the in-memory limiter tracks at once (the oldest is evicted beyond). */
  ipRateLimitMaxTracked: number;
  /** Reverse proxies in front that append to X-Forwarded-For; 0 = use the socket address. */
  trustProxy: number;
  /** The longest a request may take to arrive (headers and body) before it is answered 408 and closed. */
  requestTimeoutMs: number;
  /** scrypt's N for new password hashes, as a power of two; unset: 8 in dev mode, 14 in production (its floor). */
  passwordHashCost: number;
  /** A seed file (docs/seed.md) applied at start, after the migrations and before listening. */
  seed?: string;
}

/** The per-user limits of issue 12 (password recovery, attribute verification), named like the resend limit. */
export const RECOVERY_LIMITS = [
  "forgotPasswordLimitPerHour", "confirmForgotPasswordLimitPerHour", "adminResetLimitPerHour", "attributeCodeLimitPerHour",
  "verifyAttributeLimitPerHour", "changePasswordLimitPerHour",
] as const;

export const DEFAULTS: Config = {
  mode: "dev",
  host: "127.0.0.1",
  port: 9229,
  dataDir: ".userpool",
  region: "us-east-1",
  accountId: "000000000000",
  resendLimitPerHour: 5,
  confirmLimitPerHour: 15,
  lockoutAfterFailures: 5,
  lockoutMaxSeconds: 900,
  forgotPasswordLimitPerHour: 5,
  confirmForgotPasswordLimitPerHour: 20,
  adminResetLimitPerHour: 5,
  attributeCodeLimitPerHour: 5,
  verifyAttributeLimitPerHour: 15,
  changePasswordLimitPerHour: 5,
  logLevel: "info",
  bodyLimit: 1024 * 1024,
  outboxLeaseMs: 30_000,
  emailFrom: "no-reply@verificationemail.com",
  deliveryBaseDelayMs: 1000,
  deliveryMaxDelayMs: 5 * 60 * 1000,
  outboxRetentionDays: 7,
  triggers: {},
  triggerTimeoutMs: 5000,
  triggerAttempts: 3,
  ipRateLimitMaxTracked: 100_000,
  trustProxy: 0,
  requestTimeoutMs: 30_000,
  passwordHashCost: undefined as unknown as number, // resolveConfig: by mode
};

/** `arn=url,arn=url` (USERPOOL_TRIGGERS): split at the first `=` of each entry (ARNs contain none). */
export function parseTriggers(list: string | string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of (Array.isArray(list) ? list : list.split(",")).map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf("=");
    if (eq <= 0) throw new ConfigError(`trigger mapping must be <lambda arn>=<url> or <lambda arn>=file:<path>, not ${entry}`, { key: "triggers" });
    out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

/** A numeric variable's value: a number, or an error that names the variable (never `port must be …, not NaN`). */
const num = (v: string, name = "") => {
  const n = Number(v.trim());
  if (v.trim() === "" || Number.isNaN(n)) throw new ConfigError(`${name} must be a number, not ${JSON.stringify(v)}`, { hint: `fix or unset ${name}` });
  return n;
};

/** Environment variable → config key, with the parser for its value. */
const ENV: Record<string, [keyof Config, (v: string, name?: string) => unknown]> = {
  USERPOOL_MODE: ["mode", String],
  USERPOOL_HOST: ["host", String],
  USERPOOL_PORT: ["port", num],
  USERPOOL_DATA_DIR: ["dataDir", String],
  USERPOOL_REGION: ["region", String],
  USERPOOL_ACCOUNT_ID: ["accountId", String],
  USERPOOL_PUBLIC_URL: ["publicUrl", String],
  USERPOOL_RESEND_LIMIT_PER_HOUR: ["resendLimitPerHour", num],
  USERPOOL_CONFIRM_LIMIT_PER_HOUR: ["confirmLimitPerHour", num],
  USERPOOL_LOCKOUT_AFTER_FAILURES: ["lockoutAfterFailures", num],
  USERPOOL_LOCKOUT_MAX_SECONDS: ["lockoutMaxSeconds", num],
  USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR: ["forgotPasswordLimitPerHour", num],
  USERPOOL_CONFIRM_FORGOT_PASSWORD_LIMIT_PER_HOUR: ["confirmForgotPasswordLimitPerHour", num],
  USERPOOL_ADMIN_RESET_LIMIT_PER_HOUR: ["adminResetLimitPerHour", num],
  USERPOOL_ATTRIBUTE_CODE_LIMIT_PER_HOUR: ["attributeCodeLimitPerHour", num],
  USERPOOL_VERIFY_ATTRIBUTE_LIMIT_PER_HOUR: ["verifyAttributeLimitPerHour", num],
  USERPOOL_CHANGE_PASSWORD_LIMIT_PER_HOUR: ["changePasswordLimitPerHour", num],
  USERPOOL_LOG_LEVEL: ["logLevel", String],
  USERPOOL_DATABASE_URL: ["databaseUrl", String],
  USERPOOL_SQLITE_SYNC: ["sqliteSync", String],
  USERPOOL_SECRET_FILE: ["secretFile", String],
  USERPOOL_OUTBOX_LEASE_MS: ["outboxLeaseMs", num],
  USERPOOL_SMTP_URL: ["smtpUrl", String],
  USERPOOL_EMAIL_FROM: ["emailFrom", String],
  USERPOOL_SMS_WEBHOOK_URL: ["smsWebhookUrl", String],
  USERPOOL_SMS_WEBHOOK_SECRET: ["smsWebhookSecret", String],
  USERPOOL_DELIVERY_MAX_ATTEMPTS: ["deliveryMaxAttempts", num],
  USERPOOL_DELIVERY_BASE_DELAY_MS: ["deliveryBaseDelayMs", num],
  USERPOOL_DELIVERY_MAX_DELAY_MS: ["deliveryMaxDelayMs", num],
  USERPOOL_OUTBOX_RETENTION_DAYS: ["outboxRetentionDays", num],
  USERPOOL_TRIGGERS: ["triggers", parseTriggers],
  USERPOOL_LAMBDA_ENDPOINT: ["lambdaEndpoint", String],
  USERPOOL_TRIGGER_TIMEOUT_MS: ["triggerTimeoutMs", num],
  USERPOOL_TRIGGER_ATTEMPTS: ["triggerAttempts", num],
  USERPOOL_CREDENTIALS_FILE: ["credentialsFile", String],
  USERPOOL_ACCESS_KEY_ID: ["accessKeyId", String],
  USERPOOL_SECRET_ACCESS_KEY: ["secretAccessKey", String],
  USERPOOL_SERVER_SECRET: ["serverSecret", String],
  USERPOOL_IP_RATE_LIMIT: ["ipRateLimit", String],
  USERPOOL_IP_RATE_LIMIT_MAX_TRACKED: ["ipRateLimitMaxTracked", num],
  USERPOOL_TRUST_PROXY: ["trustProxy", num],
  USERPOOL_REQUEST_TIMEOUT_MS: ["requestTimeoutMs", num],
  USERPOOL_PASSWORD_HASH_COST: ["passwordHashCost", num],
  USERPOOL_SEED: ["seed", String],
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Config> {
  const out: Partial<Config> = {};
  for (const [name, [key, parse]] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== "") (out as Record<string, unknown>)[key] = parse(v, name);
  }
  return out;
}

/** The environment variable that sets a config key (`port` → `USERPOOL_PORT`). */
export function envNameOf(key: keyof Config): string | undefined {
  return Object.entries(ENV).find(([, [k]]) => k === key)?.[0];
}

/**
 * A configuration the server cannot start with. `key` names the setting it is about (the CLI then names the flag or
 * variable it came from); `hint` says what to do.
 */
export class ConfigError extends Error {
  key?: keyof Config;
  hint?: string;
  constructor(message: string, o: { key?: keyof Config; hint?: string } = {}) {
    super(message);
    this.key = o.key;
    this.hint = o.hint;
  }
}

/** pino's levels (and `silent`): anything else is refused here rather than by pino's stack trace at start. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

/** Refuses a setting that is not a whole number of at least `min`; `what` describes it (e.g. "milliseconds"). */
function wholeNumbers(c: Config, keys: readonly (keyof Config)[], min: number, what = "a whole number") {
  for (const k of keys) {
    const v = c[k] as number;
    if (!Number.isInteger(v) || v < min) throw new ConfigError(`${k} must be ${what} >= ${min}, not ${v}`, { key: k });
  }
}

export function resolveConfig(...layers: Partial<Config>[]): Config {
  const c: Config = Object.assign({}, DEFAULTS, ...layers.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))));
  if (c.mode !== "dev" && c.mode !== "production") throw new ConfigError(`mode must be dev or production, not ${c.mode}`, { key: "mode" });
  // The issuer is `<publicUrl>/<poolId>`: a trailing slash would make it `…//<poolId>`, which verifiers reject.
  if (c.publicUrl !== undefined) c.publicUrl = c.publicUrl.replace(/\/+$/, "");
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) throw new ConfigError(`port must be 0-65535, not ${c.port}`, { key: "port" });
  wholeNumbers(c, ["resendLimitPerHour", "confirmLimitPerHour", ...RECOVERY_LIMITS], 0, "a whole number (0 = unlimited)");
  wholeNumbers(c, ["lockoutAfterFailures"], 0, "a whole number (0 = no lockout)");
  wholeNumbers(c, ["lockoutMaxSeconds"], 1, "a whole number of seconds");
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region)) throw new ConfigError(`region looks wrong: ${c.region}`, { key: "region", hint: "use a region name such as us-east-1" });
  if (!LOG_LEVELS.includes(c.logLevel)) throw new ConfigError(`log level must be one of ${LOG_LEVELS.join(", ")}, not ${c.logLevel}`, { key: "logLevel" });
  // Production does not trade durability for speed unless told to; dev mode does.
  c.sqliteSync ??= c.mode === "production" ? "full" : "normal";
  if (c.sqliteSync !== "normal" && c.sqliteSync !== "full") throw new ConfigError(`sqlite sync must be normal or full, not ${c.sqliteSync}`, { key: "sqliteSync" });
  if (c.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(c.databaseUrl)) {
    throw new ConfigError("database url must start with postgres:// or postgresql://", { key: "databaseUrl" });
  }
  wholeNumbers(c, ["outboxLeaseMs"], 100, "a whole number of milliseconds");
  // Password hashes: light in dev mode, never below the cost every hash had before this was a setting in production.
  c.passwordHashCost ??= c.mode === "production" ? 14 : 8;
  const minCost = c.mode === "production" ? 14 : 4;
  if (!Number.isInteger(c.passwordHashCost) || c.passwordHashCost < minCost || c.passwordHashCost > 20) {
    throw new ConfigError(`password hash cost must be a whole number ${minCost}-20 (scrypt N = 2^cost${c.mode === "production" ? "; production's floor is 14" : ""}), not ${c.passwordHashCost}`, { key: "passwordHashCost" });
  }
  checkDeliveryConfig(c);
  checkSecurityConfig(c);
  return c;
}

function checkDeliveryConfig(c: Config) {
  const url = (name: string, v: string, protocols: string[], key?: keyof Config) => {
    let u: URL;
    try { u = new URL(v); } catch { throw new ConfigError(`${name} is not a URL`, { key }); }
    if (!protocols.includes(u.protocol)) throw new ConfigError(`${name} must start with ${protocols.map((p) => p + "//").join(" or ")}`, { key });
  };
  if (c.smtpUrl) url("smtp url", c.smtpUrl, ["smtp:", "smtps:"], "smtpUrl");
  if (c.smsWebhookUrl) url("sms webhook url", c.smsWebhookUrl, ["http:", "https:"], "smsWebhookUrl");
  for (const [arn, to] of Object.entries(c.triggers)) {
    if (!/^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(arn)) throw new ConfigError(`trigger ${arn} is not a Lambda function ARN`, { key: "triggers" });
    if (to.startsWith("file:")) {
      const file = resolvePath(to.slice("file:".length).replace(/^\/\/(?=\/)/, ""));
      if (!/\.(mjs|cjs|js)$/.test(file)) throw new ConfigError(`trigger file for ${arn} must be a .mjs, .cjs or .js module, not ${to}`, { key: "triggers" });
      if (!existsSync(file)) throw new ConfigError(`trigger file for ${arn} does not exist: ${file}`, { key: "triggers" });
      c.triggers = { ...c.triggers, [arn]: `file:${file}` };
      continue;
    }
    url(`trigger url for ${arn}`, to, ["http:", "https:"], "triggers");
  }
  if (c.lambdaEndpoint !== undefined) {
    c.lambdaEndpoint = c.lambdaEndpoint.replace(/\/+$/, "");
    url("lambda endpoint", c.lambdaEndpoint, ["http:", "https:"], "lambdaEndpoint");
  }
  wholeNumbers(c, ["triggerAttempts"], 1);
  if (c.deliveryMaxAttempts !== undefined) wholeNumbers(c, ["deliveryMaxAttempts"], 1);
  if (!Number.isFinite(c.outboxRetentionDays) || c.outboxRetentionDays < 0) {
    throw new ConfigError(`outboxRetentionDays must be a number of days >= 0, not ${c.outboxRetentionDays}`);
  }
  wholeNumbers(c, ["deliveryBaseDelayMs", "deliveryMaxDelayMs", "triggerTimeoutMs"], 0, "a whole number of milliseconds");
}

/** The server secret (`--server-secret`, or a `--secret-file`'s text): hex (an even number of hex digits) or base64/base64url, >= 32 bytes. */
export function parseServerSecret(text: string): Buffer {
  const t = text.trim();
  let key: Buffer;
  if (/^([0-9a-fA-F]{2})+$/.test(t)) key = Buffer.from(t, "hex");
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) key = Buffer.from(t, "base64");
  else throw new ConfigError("server secret must be hex or base64 (e.g. the output of `openssl rand -hex 32`)");
  if (key.length < 32) throw new ConfigError(`server secret must be at least 32 bytes (64 hex digits), not ${key.length}`);
  return key;
}

function checkSecurityConfig(c: Config) {
  if (c.serverSecret !== undefined) {
    try { parseServerSecret(c.serverSecret); } catch (e) { if (e instanceof ConfigError) e.key = "serverSecret"; throw e; }
  }
  if (Boolean(c.accessKeyId) !== Boolean(c.secretAccessKey)) {
    throw new ConfigError("USERPOOL_ACCESS_KEY_ID and USERPOOL_SECRET_ACCESS_KEY must be set together");
  }
  c.ipRateLimit ??= c.mode === "production" ? "100/10s" : "off";
  try {
    parseRateLimit(c.ipRateLimit);
  } catch (e) {
    throw new ConfigError(`ip rate limit: ${(e as Error).message}`, { key: "ipRateLimit" });
  }
  wholeNumbers(c, ["ipRateLimitMaxTracked", "requestTimeoutMs"], 1);
  wholeNumbers(c, ["trustProxy"], 0);
  if (c.mode === "production") {
    const missing = productionRequirements(c);
    if (missing.length) {
      throw new ConfigError(`production mode refuses to start; it needs:\n${missing.map((m) => `  - ${m}`).join("\n")}`,
        { hint: "configure them, or run without --mode production for a dev server" });
    }
  }
}

/**
 * Everything production mode requires that this configuration lacks, one line each (empty = ready). The one
 * place production requirements are checked: add new ones here.
 */
export function productionRequirements(c: Config): string[] {
  const missing: string[] = [];
  if (!c.credentialsFile && !(c.accessKeyId && c.secretAccessKey)) {
    missing.push("credentials for the IAM-authorised operations: --credentials-file FILE (USERPOOL_CREDENTIALS_FILE), " +
      "or USERPOOL_ACCESS_KEY_ID with USERPOOL_SECRET_ACCESS_KEY");
  }
  if (!c.serverSecret && !(c.secretFile && existsSync(c.secretFile))) {
    missing.push("a server secret that keys code HMACs (never generated in production): --server-secret or USERPOOL_SERVER_SECRET " +
      "(hex or base64, >= 32 bytes, e.g. `openssl rand -hex 32`), or an existing --secret-file");
  }
  if (c.smsWebhookUrl && !c.smsWebhookSecret) {
    missing.push("a key to sign SMS webhook calls: --sms-webhook-secret or USERPOOL_SMS_WEBHOOK_SECRET (docs/delivery.md)");
  }
  return missing;
}
