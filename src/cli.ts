/** The `userpool` command: `serve` (the default) and `resend-confirmation-code`. */
import { Command, InvalidArgumentError, Option } from "commander";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, configFromEnv, resolveConfig, type Config } from "./config.js";

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL("../package.json", import.meta.url)), "utf8")) as { version: string };

const int = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number >= 0");
  return n;
};

async function serve(flags: Partial<Config>) {
  const { startServer } = await import("./server.js");
  const config = resolveConfig(configFromEnv(), flags);
  const server = await startServer(config);
  const limit = (n: number, env: string) => (n === 0 ? `unlimited (${env}=0)` : `${n}/hour per user`);
  const lines = [
    `userpool ${pkg.version} listening on ${server.url} (${config.mode} mode)`,
    `  store:   SQLite ${config.dataDir}/userpool.db`,
    `  limits:  resend ${limit(config.resendLimitPerHour, "USERPOOL_RESEND_LIMIT_PER_HOUR")}, confirm ${limit(config.confirmLimitPerHour, "USERPOOL_CONFIRM_LIMIT_PER_HOUR")}`,
    config.mode === "dev" ? `  inbox:   ${server.url}/_dev/inbox/messages (codes are also printed here)` : "  inbox:   off (production mode)",
    `  use it:  AWS_ENDPOINT_URL=${server.url} <your app or aws cognito-idp ...>`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
  const stop = () => { server.close().then(() => process.exit(0), () => process.exit(1)); };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function resend(o: { clientId: string; username: string; clientSecret?: string; endpoint?: string; region?: string }) {
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
    .version(pkg.version);

  const serveOptions = (c: Command) => c
    .option("-p, --port <port>", "port to listen on (env USERPOOL_PORT; default 9229; 0 picks a free one)", int)
    .option("--host <host>", "address to bind (env USERPOOL_HOST; default 127.0.0.1; 0.0.0.0 for all)")
    .option("-d, --data-dir <dir>", "where the SQLite database and server secret live (env USERPOOL_DATA_DIR; default ./.userpool)")
    .addOption(new Option("--mode <mode>", "dev or production (env USERPOOL_MODE; default dev)").choices(["dev", "production"]))
    .option("--region <region>", "region in pool ids and ARNs (env USERPOOL_REGION; default us-east-1)")
    .option("--public-url <url>", "base URL tokens name as issuer (env USERPOOL_PUBLIC_URL; default the listen address)")
    .option("--resend-limit-per-hour <n>", "per-user ResendConfirmationCode limit, 0 = unlimited (env USERPOOL_RESEND_LIMIT_PER_HOUR; default 5)", int)
    .option("--confirm-limit-per-hour <n>", "per-user ConfirmSignUp attempts, 0 = unlimited (env USERPOOL_CONFIRM_LIMIT_PER_HOUR; default 15)", int)
    .option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent (env USERPOOL_LOG_LEVEL; default info)");

  serveOptions(program.command("serve", { isDefault: true }).description("serve the Cognito user-pool API (the default command)"))
    .action((flags) => serve(flags));

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

export async function main(argv = process.argv) {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`userpool: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}
