/** Server configuration: defaults, then `USERPOOL_*` environment variables, then command-line flags. */
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
  logLevel: string;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

export const DEFAULTS: Config = {
  mode: "dev",
  host: "127.0.0.1",
  port: 9229,
  dataDir: ".userpool",
  region: "us-east-1",
  accountId: "000000000000",
  resendLimitPerHour: 5,
  confirmLimitPerHour: 15,
  logLevel: "info",
  bodyLimit: 1024 * 1024,
};

/** Environment variable → config key, with the parser for its value. */
const ENV: Record<string, [keyof Config, (v: string) => unknown]> = {
  USERPOOL_MODE: ["mode", String],
  USERPOOL_HOST: ["host", String],
  USERPOOL_PORT: ["port", Number],
  USERPOOL_DATA_DIR: ["dataDir", String],
  USERPOOL_REGION: ["region", String],
  USERPOOL_ACCOUNT_ID: ["accountId", String],
  USERPOOL_PUBLIC_URL: ["publicUrl", String],
  USERPOOL_RESEND_LIMIT_PER_HOUR: ["resendLimitPerHour", Number],
  USERPOOL_CONFIRM_LIMIT_PER_HOUR: ["confirmLimitPerHour", Number],
  USERPOOL_LOG_LEVEL: ["logLevel", String],
};

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<Config> {
  const out: Partial<Config> = {};
  for (const [name, [key, parse]] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== "") (out as Record<string, unknown>)[key] = parse(v);
  }
  return out;
}

export class ConfigError extends Error {}

export function resolveConfig(...layers: Partial<Config>[]): Config {
  const c: Config = Object.assign({}, DEFAULTS, ...layers.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))));
  if (c.mode !== "dev" && c.mode !== "production") throw new ConfigError(`mode must be dev or production, not ${c.mode}`);
  if (!Number.isInteger(c.port) || c.port < 0 || c.port > 65535) throw new ConfigError(`port must be 0-65535, not ${c.port}`);
  for (const k of ["resendLimitPerHour", "confirmLimitPerHour"] as const) {
    if (!Number.isInteger(c[k]) || c[k] < 0) throw new ConfigError(`${k} must be a whole number >= 0 (0 = unlimited), not ${c[k]}`);
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region)) throw new ConfigError(`region looks wrong: ${c.region}`);
  return c;
}
