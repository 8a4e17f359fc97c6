// test-stores: sqlite, postgres
/**
 * The README's quick start, run as written: the fenced block after `<!-- quickstart -->` goes to bash against a fresh
 * server (its address instead of http://localhost:9229; the only change). With the AWS CLI when one is installed
 * (on PATH, or the conformance suites' venv that .ci/run creates); otherwise through test/cli/aws-shim.ts, which sends
 * the same command lines as AWS JSON requests with fetch. The test's name says which ran.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { ROOT, spawnServer, type ServerProcess } from "../helpers/cli.js";
import { databaseForDataDir } from "../helpers/postgres.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const block = /<!-- quickstart -->\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];

/** The AWS CLI to run the block with: a directory to put first on PATH, and what it is. */
function awsCli(): { dir?: string; what: string } {
  const found = spawnSync("sh", ["-c", "command -v aws && aws --version"], { encoding: "utf8" });
  if (found.status === 0) return { what: `the AWS CLI (${found.stdout.trim().split("\n").pop()})` };
  const venv = join(ROOT, "conformance", ".venv", "bin");
  if (existsSync(join(venv, "aws"))) return { dir: venv, what: "the AWS CLI of the conformance venv" };
  const dir = mkdtempSync(join(tmpdir(), "userpool-aws-shim-"));
  const shim = fileURLToPath(new URL("./aws-shim.ts", import.meta.url));
  const tsx = import.meta.resolve("tsx");
  writeFileSync(join(dir, "aws"), `#!/bin/sh\nexec "${process.execPath}" --import "${tsx}" "${shim}" "$@"\n`);
  chmodSync(join(dir, "aws"), 0o755);
  return { dir, what: "test/cli/aws-shim.ts (no AWS CLI installed; the same commands through fetch)" };
}

let server: ServerProcess;
let pg: Awaited<ReturnType<typeof databaseForDataDir>> | undefined;
before(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "userpool-quickstart-"));
  pg = process.env.USERPOOL_TEST_STORE === "postgres" ? await databaseForDataDir(dataDir) : undefined;
  server = await spawnServer(["-p", "0", "-d", dataDir, "--log-level", "warn"], pg ? { USERPOOL_DATABASE_URL: pg.url } : {});
});
after(async () => { await server?.kill(); await pg?.drop(); });

const cli = awsCli();
test(`the README's quick start runs as written, with ${cli.what}`, () => {
  assert.ok(block, "README.md has a ```sh block after <!-- quickstart -->");
  assert.match(block, /http:\/\/localhost:9229/);
  const script = block.replaceAll("http://localhost:9229", server.url);
  const env: Record<string, string> = {
    PATH: `${cli.dir ? cli.dir + ":" : ""}${process.env.PATH}`, HOME: mkdtempSync(join(tmpdir(), "userpool-quickstart-home-")),
    AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  const r = spawnSync("bash", ["-euo", "pipefail", "-c", script], {
    cwd: mkdtempSync(join(tmpdir(), "userpool-quickstart-cwd-")), env, encoding: "utf8", timeout: 120_000,
    stdio: ["ignore", "pipe", "pipe"], // a pipe on stdin (a socket pair) makes Debian's bash read bashrc as under sshd
  });
  assert.equal(r.status, 0, `exit ${r.status}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
  assert.equal(r.stderr, "");
  // sign-up answers unconfirmed, with the code sent by email; the inbox shows it; resend says where it went again.
  assert.match(r.stdout, /"UserConfirmed": false/);
  assert.match(r.stdout, /"code":"\d{6}"/);
  assert.equal(r.stdout.match(/"DeliveryMedium": "EMAIL"/g)?.length, 2, r.stdout);
  // initiate-auth's answer: the confirmed user signed in.
  assert.match(r.stdout, /"AccessToken": "[\w-]+\.[\w-]+\.[\w-]+"/);
  assert.match(r.stdout, /"TokenType": "Bearer"/);
});
