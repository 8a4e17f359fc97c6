/**
 * Start-up and usage failures, case by case: one line `userpool: <what went wrong> — <what to do>` that names the flag
 * or variable, no stack trace (unless --verbose), no secret, exit status 2.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { runCommand } from "../helpers/cli.js";

const tmp = () => mkdtempSync(join(tmpdir(), "userpool-errors-"));

/** Runs the CLI and checks the failure is exactly one `userpool: … — …` line with exit status `status`. */
async function fails(args: string[], env: Record<string, string> = {}, status = 2): Promise<string> {
  const r = await runCommand(args, env);
  assert.equal(r.status, status, `exit status of ${args.join(" ")}: ${r.stderr}`);
  assert.equal(r.stdout, "");
  assert.match(r.stderr, /^userpool: [^\n]+ — [^\n]+\n$/, `one line: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  return r.stderr;
}

describe("one-line errors", () => {
  let busy: Server;
  let busyPort: number;
  before(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    busyPort = (busy.address() as { port: number }).port;
  });
  after(() => new Promise<void>((resolve) => busy.close(() => resolve())));

  test("a port in use says so and names --port and USERPOOL_PORT", async () => {
    const line = await fails(["-p", String(busyPort), "-d", tmp()]);
    assert.equal(line, `userpool: port ${busyPort} is in use (another userpool or cognito-local?) — choose one with --port or USERPOOL_PORT (0 picks a free one)\n`);
    const viaEnv = await fails(["-d", tmp()], { USERPOOL_PORT: String(busyPort) });
    assert.equal(viaEnv, line);
  });

  test("--verbose and USERPOOL_LOG_LEVEL=debug add the stack trace", async () => {
    for (const [args, env] of [[["--verbose"], {}], [[], { USERPOOL_LOG_LEVEL: "debug" }]] as const) {
      const r = await runCommand(["-p", String(busyPort), "-d", tmp(), ...args], env);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^userpool: port \d+ is in use/);
      assert.match(r.stderr, /EADDRINUSE[\s\S]*\n\s+at /);
    }
  });

  test("a data dir that is a file, or under one", async () => {
    const file = join(tmp(), "a-file");
    writeFileSync(file, "x");
    assert.equal(await fails(["-p", "0", "-d", file]),
      `userpool: data dir ${file} cannot be used (a file is in the way) — choose a directory with --data-dir or USERPOOL_DATA_DIR\n`);
    assert.match(await fails(["-p", "0"], { USERPOOL_DATA_DIR: join(file, "sub") }), /^userpool: data dir .*\/a-file\/sub cannot be used \(a file is in the way\)/);
  });

  test("a bad --log-level names the flag, or the variable it came from", async () => {
    assert.equal(await fails(["--log-level", "chatty", "-p", "0", "-d", tmp()]),
      "userpool: --log-level: log level must be one of fatal, error, warn, info, debug, trace, silent, not chatty — change --log-level\n");
    assert.match(await fails(["-p", "0", "-d", tmp()], { USERPOOL_LOG_LEVEL: "chatty" }), /^userpool: USERPOOL_LOG_LEVEL: log level .* — change or unset USERPOOL_LOG_LEVEL\n$/);
  });

  test("a host that does not resolve, or is not this machine's", async () => {
    assert.match(await fails(["--host", "no-such-host.invalid", "-p", "0", "-d", tmp()]),
      /^userpool: host no-such-host\.invalid cannot be used \(.*\) — choose one with --host or USERPOOL_HOST/);
    assert.match(await fails(["--host", "192.0.2.1", "-p", "0", "-d", tmp()]),
      /^userpool: host 192\.0\.2\.1 is not an address of this machine — choose one with --host or USERPOOL_HOST/);
  });

  test("an unreachable database names the flag and hides its password", async () => {
    const line = await fails(["--database-url", "postgres://app:hunter2secret@127.0.0.1:1/db", "-p", "0"]);
    assert.equal(line, "userpool: cannot use the PostgreSQL database postgres://app:***@127.0.0.1:1/db (connection refused: is PostgreSQL running there?) — check --database-url or USERPOOL_DATABASE_URL\n");
    assert.doesNotMatch(await fails(["migrate"], { USERPOOL_DATABASE_URL: "postgres://app:hunter2secret@127.0.0.1:1/db" }), /hunter2/);
  });

  test("a variable that is not a number is named with its value", async () => {
    assert.equal(await fails(["-d", tmp()], { USERPOOL_PORT: "abc" }), 'userpool: USERPOOL_PORT must be a number, not "abc" — fix or unset USERPOOL_PORT\n');
    assert.match(await fails(["-p", "70000", "-d", tmp()]), /^userpool: --port: port must be 0-65535, not 70000 — change --port\n$/);
  });

  test("a secret is never printed back", async () => {
    const secret = "not/a=valid+secret!!";
    const line = await fails(["-p", "0", "-d", tmp()], { USERPOOL_SERVER_SECRET: secret });
    assert.match(line, /^userpool: USERPOOL_SERVER_SECRET: server secret must be hex or base64/);
    assert.ok(!line.includes(secret));
  });

  test("usage errors point at --help and exit 2; production mode's needs fit on one line", async () => {
    assert.equal(await fails(["--bogus"]), "userpool: unknown option '--bogus' — see userpool serve --help\n");
    assert.match(await fails(["resend-confirmation-code", "--client-id", "x"]), /required option '--username <name>' not specified — see userpool resend-confirmation-code --help\n$/);
    assert.match(await fails(["--port", "nope"]), /^userpool: option '-p, --port <port>' argument 'nope' is invalid\. .* — see userpool serve --help\n$/);
    assert.match(await fails(["--mode", "production", "-p", "0", "-d", tmp()]), /^userpool: production mode refuses to start; it needs: credentials .*; a server secret .* — configure them/);
  });

  test("the top-level help points at serve --help and states the exit statuses", async () => {
    const r = await runCommand(["--help"]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /userpool serve --help/);
    assert.match(r.stdout, /2 a usage or configuration error/);
  });
});
