/**
 * Test harness: a real userpool server on port 0 with a fresh temporary data dir, and the real AWS SDK v3 client
 * pointed at it. The store comes from `USERPOOL_TEST_STORE` (default sqlite).
 */
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { resolveConfig, type Config } from "../../src/config.js";
import type { Clock } from "../../src/domain/clock.js";
import { createLogger } from "../../src/log.js";
import { startServer, type RunningServer, type ServerOptions } from "../../src/server.js";
import { databaseForDataDir } from "./postgres.js";
import { TEST_STORE } from "./store.js";

export class FakeClock implements Clock {
  private offset = 0;
  now() { return Date.now() + this.offset; }
  advance(ms: number) { this.offset += ms; }
}

export interface InboxMessage {
  id: string; poolId: string; username: string; channel: "EMAIL" | "SMS"; to: string; subject: string | null; body: string;
  code: string | null; purpose: string; status: string; attempts: number; createdAt: number;
}

export interface TestServer {
  url: string;
  server: RunningServer;
  client: CognitoIdentityProviderClient;
  dataDir: string;
  clock: FakeClock;
  /** Console lines the server printed (dev mode). */
  printed: string[];
  /** Messages in the dev inbox (newest first), waiting until at least `atLeast` match and are delivered. */
  inbox(filter?: { poolId?: string; username?: string; to?: string }, atLeast?: number): Promise<InboxMessage[]>;
  /** The newest delivered code for a user. */
  latestCode(poolId: string, username: string, atLeast?: number): Promise<string>;
  close(): Promise<void>;
}

/** The key the harness's SDK clients sign with. */
export const TEST_CREDENTIALS = { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" };
/**
 * USERPOOL_TEST_SIGV4=1: every test server requires SigV4 for the IAM operations with TEST_CREDENTIALS as its only
 * key (dev mode otherwise accepts any signature), so the whole suite proves the SDK's signatures verify.
 */
export const TEST_SIGV4 = process.env.USERPOOL_TEST_SIGV4 === "1";

export function sdkClient(url: string, credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } = TEST_CREDENTIALS, region = "us-east-1") {
  return new CognitoIdentityProviderClient({ region, endpoint: url, maxAttempts: 1, credentials });
}

export async function startTestServer(config: Partial<Config> = {}, opts: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "userpool-test-"));
  const clock = new FakeClock();
  const printed: string[] = [];
  // USERPOOL_TEST_STORE=postgres (the second pass of `npm test`): the server gets a PostgreSQL database of its own,
  // tied to its data dir, through the same --database-url configuration a user would give.
  const pg = TEST_STORE === "postgres" && !opts.store && !config.databaseUrl ? await databaseForDataDir(dataDir) : undefined;
  // A test that names its own credentials (even as undefined) keeps them.
  const sigv4 = TEST_SIGV4 && !("accessKeyId" in config) && !("credentialsFile" in config) ? { accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey } : {};
  const server = await startServer(resolveConfig({ port: 0, dataDir, logLevel: "silent", ...(pg ? { databaseUrl: pg.url } : {}), ...sigv4, ...config }), {
    clock, log: createLogger("silent"), print: (l) => printed.push(l), ...opts,
  });
  const client = sdkClient(server.url);
  async function inbox(filter: { poolId?: string; username?: string; to?: string } = {}, atLeast = 0) {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined) as [string, string][]);
    const deadline = Date.now() + 5000;
    for (;;) {
      const res = await fetch(`${server.url}/_dev/inbox/messages?${q}`);
      const { messages } = (await res.json()) as { messages: InboxMessage[] };
      if (messages.filter((m) => m.status === "sent").length >= atLeast || Date.now() > deadline) return messages;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return {
    url: server.url, server, client, dataDir, clock, printed, inbox,
    async latestCode(poolId, username, atLeast = 1) {
      const messages = await inbox({ poolId, username }, atLeast);
      if (!messages[0]?.code) throw new Error(`no code delivered to ${username}`);
      return messages[0].code;
    },
    async close() {
      client.destroy();
      await server.close();
      if (!opts.dataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        await pg?.drop();
      }
    },
  };
}
