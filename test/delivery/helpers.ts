/**
 * Real counterparts for delivery tests: an SMTP server (smtp-server) that parses what it receives (mailparser),
 * and an HTTP server that records webhook calls. Both listen on 127.0.0.1 and can be stopped and restarted on
 * the same port to simulate an outage.
 */
import type { ChildProcess } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Database from "better-sqlite3";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { TestServer } from "../helpers/server.js";

export interface ReceivedMail {
  from: string;
  to: string[];
  replyTo: string | undefined;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** The session had switched to TLS (STARTTLS) when the message was sent. */
  secure: boolean;
  user: string | undefined;
}

export interface SmtpSink {
  port: number;
  url: string;
  mails: ReceivedMail[];
  /** Resolves with the mails once `n` have arrived (throws after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Rejects every recipient with this SMTP status (e.g. 550) until set back to undefined. */
  rejectRecipients: number | undefined;
  /** RCPT TO commands seen, including rejected ones. */
  rcptCount: number;
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

export interface SinkOptions {
  /** Require this login (AUTH PLAIN/LOGIN), only after STARTTLS. */
  auth?: { user: string; pass: string };
  /** Offer STARTTLS (with smtp-server's built-in self-signed certificate). Default true. */
  starttls?: boolean;
  port?: number;
  /** Hold each message this long before accepting it (a slow relay). */
  delayMs?: number;
}

export async function startSmtpSink(o: SinkOptions = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  let server: SMTPServer | undefined;
  let port = o.port ?? 0;
  const sink: SmtpSink = {
    port, url: "", mails, rejectRecipients: undefined, rcptCount: 0,
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} mails, got ${mails.length}`);
        await new Promise<void>((r) => { waiters.push(r); setTimeout(r, 50); });
      }
      return mails;
    },
    async start() {
      const options: SMTPServerOptions = {
        logger: false,
        // An outage is abrupt: stop() drops open (pooled) connections at once instead of waiting for them.
        closeTimeout: 100,
        disabledCommands: [...(o.starttls === false ? ["STARTTLS"] : []), ...(o.auth ? [] : ["AUTH"])],
        authOptional: !o.auth,
        onAuth(auth, _session, cb) {
          if (auth.username === o.auth?.user && auth.password === o.auth?.pass) return cb(null, { user: auth.username });
          cb(new Error("Invalid username or password"));
        },
        onRcptTo(_address, _session, cb) {
          sink.rcptCount++;
          if (sink.rejectRecipients) {
            const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
            err.responseCode = sink.rejectRecipients;
            return cb(err);
          }
          cb();
        },
        onData(stream, session, cb) {
          simpleParser(stream).then(async (mail) => {
            if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
            const addresses = (v: unknown) => {
              const list = Array.isArray(v) ? v : v ? [v] : [];
              return list.flatMap((a: { value: { address?: string }[] }) => a.value.map((x) => x.address ?? ""));
            };
            mails.push({
              from: mail.from?.text ?? "", to: addresses(mail.to), replyTo: mail.replyTo?.text, subject: mail.subject ?? "",
              text: mail.text ?? "", html: typeof mail.html === "string" ? mail.html : "", messageId: mail.messageId ?? "",
              secure: session.secure, user: typeof session.user === "string" ? session.user : undefined,
            });
            waiters.splice(0).forEach((w) => w());
            cb();
          }, cb);
        },
      };
      server = new SMTPServer(options);
      server.on("error", () => {});
      await new Promise<void>((resolve, reject) => {
        server!.server.once("error", reject);
        server!.listen(port, "127.0.0.1", () => resolve());
      });
      port = (server.server.address() as AddressInfo).port;
      sink.port = port;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
  await sink.start();
  const auth = o.auth ? `${o.auth.user}:${o.auth.pass}@` : "";
  // smtp-server's certificate is self-signed; a real relay's would be checked.
  sink.url = `smtp://${auth}127.0.0.1:${sink.port}${o.starttls === false ? "" : "?tls.rejectUnauthorized=false"}`;
  return sink;
}

export interface WebhookCall { headers: IncomingMessage["headers"]; body: string; status: number }

export interface WebhookServer {
  url: string;
  calls: WebhookCall[];
  /** Decides the status of each call (by its 1-based number); default 200. */
  respond: (n: number, call: WebhookCall) => number | Promise<number>;
  close(): Promise<void>;
}

/** An HTTP server that records each POST's headers and raw body, answering what `respond` says. */
export async function startWebhookServer(handler?: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<WebhookServer> {
  const calls: WebhookCall[] = [];
  const hook: WebhookServer = { url: "", calls, respond: () => 200, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (handler) return handler(req, body, res);
      const call: WebhookCall = { headers: req.headers, body, status: 0 };
      calls.push(call);
      call.status = await hook.respond(calls.length, call);
      res.writeHead(call.status, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ ok: call.status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  hook.close = () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
  return hook;
}

/** The 6-digit code in a text. */
export const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1];

/**
 * After a crash and restart on a SQLite data dir: waits until nothing acknowledged is lost — per address, its newest
 * message is delivered, and every other one is delivered or was superseded (a newer code for the same user was
 * committed before it went out) — and returns what is still wrong (empty when nothing) with the outbox's statuses.
 */
export async function acknowledgedDelivered(dataDir: string, sink: SmtpSink, acknowledged: Iterable<string>, waitMs = 25_000) {
  const db = new Database(join(dataDir, "userpool.db"), { readonly: true, fileMustExist: true });
  // In the order the messages were written (rowid: one writer): of two requests for one user that overlap, the one
  // committed last holds the working code and superseded the other, even when its clock reading (created_at) came
  // first; and within one millisecond the time-ordered ids are in random order.
  const rows = () => db.prepare("SELECT id, destination, status, created_at FROM outbox ORDER BY rowid").all() as
    { id: string; destination: string; status: string; created_at: number }[];
  const delivered = (id: string) => sink.mails.some((m) => m.messageId.startsWith(`<${id}@`));
  const addresses = [...acknowledged];
  const problems = () => {
    const all = rows();
    const newest = new Map<string, string>();
    for (const r of all) newest.set(r.destination, r.id);
    return [
      ...addresses.filter((to) => !newest.has(to)).map((to) => `${to}: acknowledged, no message in the outbox`),
      ...[...newest].filter(([, id]) => !delivered(id)).map(([to, id]) => `${to}: newest message ${id} not delivered`),
      ...all.filter((r) => r.status !== "superseded" && !delivered(r.id)).map((r) => `${r.destination}: ${r.id} ${r.status}, not delivered`),
    ];
  };
  const deadline = Date.now() + waitMs;
  while (problems().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const left = problems();
  const statuses = rows().reduce<Record<string, number>>((a, r) => ({ ...a, [r.status]: (a[r.status] ?? 0) + 1 }), {});
  db.close();
  return { left, statuses };
}

export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once("exit", () => r()));

/**
 * The crash tests' burst: `workers` loops call `send(worker, turn)` (which resolves once the server answered 200)
 * until `enough()` holds; then the server process is killed with SIGKILL mid-burst. Returns how many requests the
 * kill left unanswered.
 */
export async function burstThenKill(child: ChildProcess, workers: number, send: (worker: number, turn: number) => Promise<void>,
  enough: () => boolean): Promise<number> {
  let stop = false;
  let unanswered = 0;
  const load = Array.from({ length: workers }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      try {
        await send(w, i);
      } catch {
        unanswered++; // the kill: these requests were never answered 200
        return;
      }
    }
  });
  while (!enough()) await new Promise((r) => setTimeout(r, 10));
  child.kill("SIGKILL");
  stop = true;
  await Promise.all(load);
  await exited(child);
  return unanswered;
}

/** A user's (or a pool's) outbox messages counted by status. */
export async function outboxStatuses(s: TestServer, poolId: string, username?: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of await s.server.deps.store.listMessages({ poolId, username, limit: 1000 })) out[m.status] = (out[m.status] ?? 0) + 1;
  return out;
}

/** The sum of some series of one /metrics scrape (0 for an absent one): one scrape, so a message moving between two
 * statuses is counted once. */
export async function metric(s: TestServer, ...series: string[]): Promise<number> {
  const lines = (await (await fetch(`${s.url}/metrics`)).text()).split("\n");
  let sum = 0;
  for (const name of series) {
    const line = lines.find((l) => l.startsWith(name + " "));
    if (line) sum += Number(line.slice(name.length + 1));
  }
  return sum;
}
