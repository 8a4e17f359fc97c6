/** Structured JSON logs (pino). Request members the model marks sensitive never reach them. */
import { pino, type Logger } from "pino";

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "userpool" },
    redact: {
      paths: ["*.Password", "*.ConfirmationCode", "*.SecretHash", "*.AccessToken", "*.RefreshToken", "*.ClientSecret", "*.code", "*.body"],
      censor: "[redacted]",
    },
  });
}

/**
 * The URL with its password and query values replaced, for banners and logs: SMTP and webhook URLs, and PostgreSQL
 * URLs, whose query may carry `password=` or key files too.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    for (const key of [...u.searchParams.keys()]) u.searchParams.set(key, "***");
    return u.toString().replace(/%2A%2A%2A/g, "***");
  } catch {
    return "(invalid url)";
  }
}
