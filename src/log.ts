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
