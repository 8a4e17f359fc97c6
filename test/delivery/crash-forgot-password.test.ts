/**
 * Crash safety of ForgotPassword, as crash.test.ts proves it for resends: the server (a child process, SQLite) is
 * killed with SIGKILL during a burst of ForgotPassword, then restarted on the same data dir. Nothing it answered 200
 * may be lost: each user's newest reset mail is delivered, and every older one was delivered or superseded. (SQLite only: the kill of one embedded store;
 * PostgreSQL's outbox claims are covered by the multi-instance suite.)
 */
import {
  AdminConfirmSignUpCommand, AdminUpdateUserAttributesCommand, CreateUserPoolClientCommand, CreateUserPoolCommand, ForgotPasswordCommand, SignUpCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { spawnServer } from "../helpers/cli.js";
import { PASSWORD } from "../helpers/fixtures.js";
import { sdkClient } from "../helpers/server.js";
import { acknowledgedDelivered, burstThenKill, exited, startSmtpSink } from "./helpers.js";

const USERS = 12;
const WORKERS = 6;

const startChild = (dataDir: string, smtpUrl: string) => spawnServer(
  ["serve", "--port", "0", "--data-dir", dataDir, "--smtp-url", smtpUrl, "--delivery-base-delay-ms", "200", "--log-level", "warn"],
  { USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR: "0", USERPOOL_MODE: "dev" }, { timeoutMs: 30_000 });

test("SIGKILL during a burst of ForgotPassword: no acknowledged reset mail is lost (newest delivered, older delivered or superseded)", async (t) => {
  const sink = await startSmtpSink({ starttls: false, delayMs: 20 });
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-crash-forgot-"));
  const children: ChildProcess[] = [];
  try {
    const first = await startChild(dataDir, sink.url);
    children.push(first.child);
    const client = sdkClient(first.url);
    const pool = await client.send(new CreateUserPoolCommand({ PoolName: "crash", AutoVerifiedAttributes: ["email"] }));
    const poolId = pool.UserPool!.Id!;
    const app = await client.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: "app" }));
    const clientId = app.UserPoolClient!.ClientId!;
    const users = Array.from({ length: USERS }, (_, i) => `user${i}`);
    const acked = new Map<string, number>();
    const ack = (to: string) => acked.set(to, (acked.get(to) ?? 0) + 1);
    for (const u of users) {
      await client.send(new SignUpCommand({ ClientId: clientId, Username: u, Password: PASSWORD, UserAttributes: [{ Name: "email", Value: `${u}@example.com` }] }));
      ack(`${u}@example.com`); // the sign-up code mail
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: u }));
      await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: u, UserAttributes: [{ Name: "email_verified", Value: "true" }] }));
    }

    const total = () => [...acked.values()].reduce((a, b) => a + b, 0);
    const failures = await burstThenKill(first.child, WORKERS, async (w, i) => {
      const u = users[(w * 5 + i) % USERS];
      await client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: u }));
      ack(`${u}@example.com`);
    }, () => total() >= USERS + 200);
    client.destroy();
    const ackedTotal = total();
    const deliveredBeforeRestart = sink.mails.length;
    t.diagnostic(`acknowledged ${ackedTotal}, delivered before the restart ${deliveredBeforeRestart}, unanswered ${failures}`);
    assert.ok(deliveredBeforeRestart < ackedTotal, "the kill left acknowledged messages undelivered (else the test proves nothing)");

    const second = await startChild(dataDir, sink.url);
    children.push(second.child);
    // Per user, its newest mail (the reset code that works) must be delivered, and every other one delivered or
    // superseded by a newer code committed before it went out.
    const { left, statuses } = await acknowledgedDelivered(dataDir, sink, acked.keys());
    assert.deepEqual(left, [], "no acknowledged message was lost");
    t.diagnostic(`delivered ${sink.mails.length} mails for ${ackedTotal} acknowledged requests; outbox ${JSON.stringify(statuses)}`);
  } finally {
    for (const c of children) { if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL"); await exited(c); }
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
