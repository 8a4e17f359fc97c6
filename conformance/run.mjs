#!/usr/bin/env node
// userpool SDK conformance runner.
//
// Starts a fresh userpool (bin/userpool.js of this checkout) on a free loopback port for each suite,
// runs the official AWS SDKs of Python (boto3), Java 2.x, Kotlin and Go, and the AWS CLI against it,
// prints "<language>: N passed, M failed" per suite and a closing "N passed, M failed" line.
// Exits non-zero when anything failed or a suite could not run (a missing toolchain is a failure).
//
// Usage: node conformance/run.mjs [--only=python,java,kotlin,go,cli] [--jobs=2] [--verbose] [--server-arg=ARG ...]
//   --server-arg  passes one more argument to every server started (e.g. --server-arg=--log-level=debug)

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const SERVER_BIN = join(ROOT, 'bin', 'userpool.js');
const VENV = join(HERE, '.venv');
const VENV_BIN = join(VENV, process.platform === 'win32' ? 'Scripts' : 'bin');
const SUITE_TIMEOUT_MS = 10 * 60 * 1000;
const HEALTH_TIMEOUT_MS = 30 * 1000;

// Each suite runs the same 15 checks, two recovery checks and two sign-in checks (see conformance/README.md); fewer
// results than that means some of them never ran, and they count as failed.
const SUITES = {
  python: { expected: 19, run: runPython },
  java: { expected: 19, run: (ctx) => runMaven('java', ctx) },
  kotlin: { expected: 19, run: (ctx) => runMaven('kotlin', ctx) },
  go: { expected: 19, run: runGo },
  cli: { expected: 19, run: runCli },
};
const ORDER = ['python', 'java', 'kotlin', 'go', 'cli'];
// Longest first, so that two parallel jobs finish close together: on a clean machine the CLI suite is the longest
// (it first installs the venv, ~25 s, then starts the AWS CLI once per check), so it starts beside Kotlin's compile
// while Java, Python and Go follow Kotlin (CI: 103 s with the CLI suite third, after Java).
const START_ORDER = ['cli', 'kotlin', 'java', 'python', 'go'];

// ------------------------------------------------------------------------------------------ args
const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const VERBOSE = args.includes('--verbose');
const JOBS = Math.max(1, Number(opt('jobs') ?? 2));
const SERVER_ARGS = args.filter((a) => a.startsWith('--server-arg=')).map((a) => a.slice('--server-arg='.length));
const ONLY = (opt('only') ?? ORDER.join(',')).split(',').filter(Boolean);
for (const name of ONLY) {
  if (!SUITES[name]) {
    console.error(`unknown suite '${name}' (known: ${ORDER.join(', ')})`);
    process.exit(2);
  }
}

const LOG_DIR = mkdtempSync(join(tmpdir(), 'userpool-conformance-'));
const log = (msg) => console.log(`[conformance] ${msg}`);
const loud = (msg) => console.error(`\n!!! ${msg}\n`);

// ------------------------------------------------------------------------------------ processes
const children = new Set();

/** Runs a command to completion; output goes to logFile. Resolves {code, output}. */
function run(cmd, argv, { cwd, env, logFile, timeoutMs = SUITE_TIMEOUT_MS } = {}) {
  return new Promise((resolvePromise) => {
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
    out?.write(`$ ${cmd} ${argv.join(' ')}\n`);
    let output = '';
    let child;
    try {
      child = spawn(cmd, argv, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      resolvePromise({ code: 127, output: String(err) });
      return;
    }
    children.add(child);
    const onData = (chunk) => {
      output += chunk;
      out?.write(chunk);
      if (VERBOSE) process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => {
      onData(`\n[conformance] timed out after ${timeoutMs / 1000}s, killing\n`);
      killTree(child);
    }, timeoutMs);
    child.on('error', (err) => onData(`\n[conformance] ${err.message}\n`));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      out?.end();
      resolvePromise({ code: code ?? (signal ? 128 : 1), output });
    });
  });
}

function killTree(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

function cleanup() {
  for (const child of children) killTree(child, 'SIGKILL');
}
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanup();
  process.exit(143);
});

function which(cmd) {
  const r = spawnSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function version(cmd, argv) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  return `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n')[0];
}

// --------------------------------------------------------------------------------------- server
function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Server start-ups are serialised: a port picked for one suite is bound before the next suite picks one,
// so a health check can never reach another suite's server.
let startLock = Promise.resolve();
function startServer(name) {
  const started = startLock.then(() => startServerNow(name));
  startLock = started.catch(() => {});
  return started;
}

/** Starts a fresh userpool; resolves {endpoint, stop}. Throws when it does not become healthy. */
async function startServerNow(name) {
  let lastError = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `userpool-${name}-data-`));
    const logFile = join(LOG_DIR, `${name}.server.log`);
    const out = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(process.execPath, [SERVER_BIN, '--port', String(port), '--data-dir', dataDir, ...SERVER_ARGS], {
      cwd: ROOT,
      // Ambient USERPOOL_* settings (limits, mode, ...) would change what the suites check.
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('USERPOOL_'))),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    let exited = false;
    child.on('exit', () => {
      exited = true;
      children.delete(child);
    });
    const endpoint = `http://127.0.0.1:${port}`;
    const stop = async () => {
      killTree(child, 'SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) killTree(child, 'SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    };
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return { endpoint, stop };
        lastError = `GET /health answered ${res.status}`;
      } catch (err) {
        lastError = `GET /health: ${err.cause?.code ?? err.message}`;
      }
      await sleep(100);
    }
    await stop();
    lastError = exited ? `server exited early (see ${logFile})` : `not healthy after ${HEALTH_TIMEOUT_MS / 1000}s: ${lastError}`;
  }
  throw new Error(`userpool did not start: ${lastError}`);
}

// ------------------------------------------------------------------------------------ suite env
function suiteEnv(endpoint, name) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // No ambient AWS configuration may leak in: profiles, endpoints, tokens, regions.
    if (!k.startsWith('AWS_')) env[k] = v;
  }
  const awsDir = join(LOG_DIR, `${name}.aws`);
  mkdirSync(awsDir, { recursive: true });
  return {
    ...env,
    USERPOOL_ENDPOINT: endpoint,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(awsDir, 'config'), // absent files: no profile from ~/.aws
    AWS_SHARED_CREDENTIALS_FILE: join(awsDir, 'credentials'),
    AWS_PAGER: '',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

// -------------------------------------------------------------------------------------- results
/** Counts <testcase> results of JUnit XML reports. */
function countJUnitXml(xmlTexts) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  const re = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const xml of xmlTexts) {
    for (const m of xml.matchAll(re)) {
      const body = m[3] ?? '';
      const name = /\bname="([^"]*)"/.exec(m[1])?.[1] ?? '?';
      if (/<(failure|error|skipped)\b/.test(body)) {
        failed++;
        failures.push(name);
      } else {
        passed++;
      }
    }
  }
  return { passed, failed, failures };
}

/** Counts leaf tests of `go test -json` output. */
function countGoJson(output) {
  const results = new Map();
  const outputs = new Map();
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let ev;
    try {
      ev = JSON.parse(line);
    } catch {
      continue;
    }
    if (ev.Test && ['pass', 'fail', 'skip'].includes(ev.Action)) results.set(ev.Test, ev.Action);
    if (ev.Action === 'output') {
      const key = ev.Test ?? '';
      outputs.set(key, (outputs.get(key) ?? '') + ev.Output);
    }
  }
  const names = [...results.keys()];
  const leaves = names.filter((n) => !names.some((o) => o.startsWith(`${n}/`)));
  const failures = leaves.filter((n) => results.get(n) !== 'pass');
  const details = failures.map((n) => outputs.get(n) ?? '').join('');
  return { passed: leaves.length - failures.length, failed: failures.length, failures, details };
}

/** Counts TAP lines ("ok N - name", "not ok N - name"). */
function countTap(output) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for (const line of output.split('\n')) {
    let m;
    if ((m = /^not ok \d+ - (.*)$/.exec(line))) {
      failed++;
      failures.push(m[1]);
    } else if (/^ok \d+ - /.test(line)) {
      passed++;
    }
  }
  return { passed, failed, failures };
}

// ------------------------------------------------------------------------------- python venv
let venvPromise = null;
function prepareVenv() {
  venvPromise ??= (async () => {
    const python = which('python3') ?? which('python');
    if (!python) throw new Error('python3 not found on PATH (Python >= 3.10 is needed for boto3 and awscli)');
    const requirements = join(HERE, 'python', 'requirements.txt');
    const digest = createHash('sha256').update(readFileSync(requirements)).digest('hex');
    const stamp = join(VENV, '.requirements.sha256');
    const venvPython = join(VENV_BIN, 'python');
    if (existsSync(venvPython) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === digest) return venvPython;
    const logFile = join(LOG_DIR, 'venv.log');
    log(`preparing the Python venv ${VENV} (boto3, awscli, pytest from PyPI)...`);
    if (!existsSync(venvPython)) {
      const r = await run(python, ['-m', 'venv', VENV], { logFile });
      if (r.code !== 0) throw new Error(`python -m venv failed (see ${logFile})`);
    }
    const r = await run(venvPython, ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', '-r', requirements], { logFile });
    if (r.code !== 0) throw new Error(`pip install -r ${requirements} failed (see ${logFile})`);
    writeFileSync(stamp, `${digest}\n`);
    return venvPython;
  })();
  return venvPromise;
}

// ------------------------------------------------------------------------------------- suites
async function runPython({ env, logFile }) {
  const venvPython = await prepareVenv();
  const xml = join(LOG_DIR, 'python.junit.xml');
  const r = await run(
    venvPython,
    ['-m', 'pytest', 'test_1_endpoint_in_code.py', 'test_2_endpoint_from_env.py', 'test_3_recovery.py', 'test_4_sign_in.py', `--junitxml=${xml}`],
    { cwd: join(HERE, 'python'), env, logFile },
  );
  const counts = countJUnitXml(existsSync(xml) ? [readFileSync(xml, 'utf8')] : []);
  return { ...counts, code: r.code, output: r.output };
}

async function runCli({ env, logFile }) {
  const venvPython = await prepareVenv();
  for (const tool of ['bash', 'curl', 'openssl']) {
    if (!which(tool)) throw new Error(`${tool} not found on PATH (the CLI suite needs it)`);
  }
  const r = await run('bash', [join(HERE, 'cli', 'conformance.sh')], {
    cwd: join(HERE, 'cli'),
    env: { ...env, AWS_CLI: join(VENV_BIN, 'aws'), PYTHON: venvPython },
    logFile,
  });
  return { ...countTap(r.output), code: r.code, output: r.output };
}

async function runGo({ env, logFile }) {
  if (!which('go')) throw new Error('go not found on PATH (Go >= 1.24 is needed for aws-sdk-go-v2)');
  const cwd = join(HERE, 'go');
  const goEnv = { ...env, GOFLAGS: '-mod=readonly' };
  const dl = await run('go', ['mod', 'download'], { cwd, env: goEnv, logFile });
  if (dl.code !== 0) throw new Error(`go mod download failed (see ${logFile})`);
  const r = await run('go', ['test', '-count=1', '-json', './...'], { cwd, env: goEnv, logFile });
  return { ...countGoJson(r.output), code: r.code, output: r.output };
}

async function runMaven(name, { env, logFile }) {
  for (const tool of ['java', 'mvn']) {
    if (!which(tool)) throw new Error(`${tool} not found on PATH (JDK 17+ and Maven 3.8+ are needed)`);
  }
  const cwd = join(HERE, name);
  const reports = join(cwd, 'target', 'surefire-reports');
  rmSync(reports, { recursive: true, force: true });
  const mvnEnv = {
    ...env,
    MAVEN_OPTS: env.MAVEN_OPTS ?? '-XX:+TieredCompilation -XX:TieredStopAtLevel=1',
  };
  const goals = ['-B', '-q', '-Dstyle.color=never', '-Dmaven.test.failure.ignore=true', 'test'];
  // Offline first: with ~/.m2 warm, Maven needs no network at all.
  let r = await run('mvn', ['-o', ...goals], { cwd, env: mvnEnv, logFile });
  if (r.code !== 0 && /offline|has not been downloaded|Could not resolve|Cannot access/i.test(r.output)) {
    log(`${name}: dependencies not all in ~/.m2 yet, resolving them from Maven Central...`);
    rmSync(reports, { recursive: true, force: true });
    r = await run('mvn', goals, { cwd, env: mvnEnv, logFile });
  }
  const xmls = existsSync(reports)
    ? readdirSync(reports)
        .filter((f) => f.startsWith('TEST-') && f.endsWith('.xml'))
        .map((f) => readFileSync(join(reports, f), 'utf8'))
    : [];
  return { ...countJUnitXml(xmls), code: r.code, output: r.output };
}

// --------------------------------------------------------------------------------------- main
async function runSuite(name) {
  const suite = SUITES[name];
  const logFile = join(LOG_DIR, `${name}.log`);
  const started = Date.now();
  let result;
  let server;
  try {
    server = await startServer(name);
    log(`${name}: userpool at ${server.endpoint}`);
    result = await suite.run({ env: suiteEnv(server.endpoint, name), logFile });
  } catch (err) {
    loud(`${name} suite could not run: ${err.message}`);
    result = { passed: 0, failed: 0, failures: [], code: 1, output: '', error: err.message };
  } finally {
    await server?.stop();
  }
  const notes = [];
  const ran = result.passed + result.failed;
  if (ran < suite.expected) {
    notes.push(`${suite.expected - ran} of ${suite.expected} tests did not run`);
    result.failed += suite.expected - ran;
  }
  if (result.code !== 0 && result.failed === 0) {
    notes.push(`the suite exited with code ${result.code}`);
    result.failed += 1;
  }
  result.notes = notes;
  result.seconds = (Date.now() - started) / 1000;
  log(`${name}: finished in ${result.seconds.toFixed(1)}s`);
  if (result.failed > 0) {
    const text = (result.details || result.output || '').replace(/\x1b\[[0-9;]*m/g, '');
    const tail = text.split('\n').slice(-80).join('\n');
    console.log(`\n----- ${name}: failing: ${[...result.failures, ...notes].join('; ')}`);
    if (tail.trim()) console.log(`----- last lines of ${logFile}:\n${tail}\n-----`);
  }
  return result;
}

async function main() {
  const started = Date.now();
  log(`node ${process.version}; logs in ${LOG_DIR}`);
  const toolVersions = [
    ['python3', ['--version']],
    ['java', ['-version']],
    ['mvn', ['-v']],
    ['go', ['version']],
  ];
  for (const [cmd, argv] of toolVersions) log(`${cmd}: ${which(cmd) ? version(cmd, argv) : 'NOT FOUND'}`);

  const queue = START_ORDER.filter((n) => ONLY.includes(n));
  const results = {};
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      results[name] = await runSuite(name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, queue.length) }, worker));

  let passed = 0;
  let failed = 0;
  console.log('');
  for (const name of ORDER.filter((n) => ONLY.includes(n))) {
    const r = results[name];
    passed += r.passed;
    failed += r.failed;
    console.log(`${name}: ${r.passed} passed, ${r.failed} failed`);
  }
  // The logs stay for a failed run (to read); a passing run leaves nothing in the temporary directory.
  if (failed > 0) log(`total ${((Date.now() - started) / 1000).toFixed(1)}s; logs in ${LOG_DIR}`);
  else {
    rmSync(LOG_DIR, { recursive: true, force: true });
    log(`total ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
  cleanup();
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
