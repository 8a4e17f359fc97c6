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

export function sdkClient(url: string) {
  return new CognitoIdentityProviderClient({
    region: "us-east-1", endpoint: url, maxAttempts: 1,
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test-secret" },
  });
}

export async function startTestServer(config: Partial<Config> = {}, opts: ServerOptions & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), "userpool-test-"));
  const clock = new FakeClock();
  const printed: string[] = [];
  const server = await startServer(resolveConfig({ port: 0, dataDir, logLevel: "silent", ...config }), {
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
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
