// SQLite only: it kills a userpool process on a SQLite data dir mid-burst and reopens that file (crash safety of the SQLite store).
/**
 * Crash safety: the server as a child process under a load of resends is killed with SIGKILL, then restarted on
 * the same data dir. Nothing acknowledged is lost: every message a request committed is delivered, or was superseded
 * by a newer code for the same user (only the newest code is sent); each user's newest message is delivered, so
 * every user who was answered 200 gets the code that works.
 */
import { CreateUserPoolClientCommand, CreateUserPoolCommand, ResendConfirmationCodeCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CLI, ROOT, spawnServer } from "../helpers/cli.js";
import { PASSWORD } from "../helpers/fixtures.js";
import { sdkClient } from "../helpers/server.js";
import { acknowledgedDelivered, burstThenKill, exited, startSmtpSink } from "./helpers.js";

const USERS = 20;
const WORKERS = 8;

function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir).map((f) => {
    const p = join(dir, f);
    const st = statSync(p);
    // The sources only: under `npm test` src/ also holds the .js files compiled for the run (scripts/test.mjs).
    return st.isDirectory() ? newestMtime(p) : f.endsWith(".ts") ? st.mtimeMs : 0;
  }));
}

/**
 * `node bin/userpool.js`, which runs the compiled dist/ when there is one. A dist/ older than src/ (a checkout
 * being edited) would test stale code, so then the sources run through tsx, as bin/userpool.js does unbuilt.
 */
function command(): { command: string[]; how: string } {
  let fresh = false;
  try { fresh = statSync(join(ROOT, "dist/cli.js")).mtimeMs >= newestMtime(join(ROOT, "src")); } catch { /* no dist */ }
  return fresh ? { command: [join(ROOT, "bin/userpool.js")], how: "bin/userpool.js (dist)" }
    : { command: CLI, how: "the CLI from source (dist/ missing or older than src/)" };
}

async function startChild(dataDir: string, smtpUrl: string): Promise<{ child: ChildProcess; url: string; how: string }> {
  const { command: cmd, how } = command();
  const { child, url } = await spawnServer(
    ["serve", "--port", "0", "--data-dir", dataDir, "--smtp-url", smtpUrl, "--delivery-base-delay-ms", "200", "--log-level", "warn"],
    { USERPOOL_RESEND_LIMIT_PER_HOUR: "0", USERPOOL_MODE: "dev" }, { command: cmd, timeoutMs: 30_000 });
  return { child, url, how };
}

test("SIGKILL under a load of resends: no acknowledged message is lost (newest delivered, older delivered or superseded)", async (t) => {
  const sink = await startSmtpSink({ starttls: false, delayMs: 20 });
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-crash-"));
  const children: ChildProcess[] = [];
  try {
    const first = await startChild(dataDir, sink.url);
    children.push(first.child);
    t.diagnostic(`server ran as ${first.how}`);
    const client = sdkClient(first.url);
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: "crash", AutoVerifiedAttributes: ["email"] }));
    const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: pool.UserPool!.Id!, ClientName: "app" }));
    const clientId = app.UserPoolClient!.ClientId!;

    const acked = new Map<string, number>();
    const ack = (to: string) => acked.set(to, (acked.get(to) ?? 0) + 1);
    const users = Array.from({ length: USERS }, (_, i) => `user${i}`);
    await Promise.all(users.map(async (u) => {
      await client.send(new SignUpCommand({ ClientId: clientId, Username: u, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${u}@example.com` }] }));
      ack(`${u}@example.com`);
    }));

    const total = () => [...acked.values()].reduce((a, b) => a + b, 0);
    const failures = await burstThenKill(first.child, WORKERS, async (w, i) => {
      const u = users[(w * 7 + i) % USERS];
      await client.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: u }));
      ack(`${u}@example.com`);
    }, () => total() >= USERS + 300);
    client.destroy();
    const ackedTotal = total();
    const deliveredBeforeRestart = sink.mails.length;
    t.diagnostic(`acknowledged ${ackedTotal}, delivered before the restart ${deliveredBeforeRestart}, unanswered ${failures}`);
    assert.ok(deliveredBeforeRestart < ackedTotal, "the kill left acknowledged messages undelivered (else the test proves nothing)");

    const second = await startChild(dataDir, sink.url);
    children.push(second.child);
    // Per user, its newest message must be delivered, and every other one delivered or superseded.
    const { left, statuses } = await acknowledgedDelivered(dataDir, sink, acked.keys());
    assert.deepEqual(left, [], "no acknowledged message was lost");
    t.diagnostic(`delivered ${sink.mails.length} mails for ${ackedTotal} acknowledged requests; outbox ${JSON.stringify(statuses)} ` +
      "(superseded: a newer code for the same user was committed before they went out)");
  } finally {
    for (const c of children) { if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL"); await exited(c); }
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
