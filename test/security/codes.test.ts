// test-stores: sqlite, postgres
/**
 * Property tests on secret hashes and confirmation codes with usernames from many scripts, and a brute-force run
 * against ConfirmSignUp's attempt limit.
 */
import { ConfirmSignUpCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { secretHash } from "../../src/domain/secret-hash.js";
import { createClient, createPool, PASSWORD, rejectsWith, signUp } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const USERNAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const BASES = [
  ..."abcxyzABCXYZéüñßøå", ..."αβγδωΣς", ..."жщыЖЩЁ", ..."漢字東京日本語", ..."ひらがなカタカナ", ..."한국어", ..."عربية", ..."עברית",
  ..."हिन्दी", ..."ไทย", ..."0123456789٣४", ..."._-@+!#%&*", "😀", "🚀", "🎉", "👍🏽", "❤️", "🇯🇵", "𝔘𝔫𝔦", "ǅ",
];
const MARKS = ["\u0301", "\u0308", "\u0323", "\u093f", "\u0e34", "\u05b8", "\u20dd"];

function randomName(): string {
  for (;;) {
    let s = "";
    const n = randomInt(1, 16);
    for (let i = 0; i < n; i++) {
      s += BASES[randomInt(BASES.length)];
      if (randomInt(4) === 0) s += MARKS[randomInt(MARKS.length)];
    }
    if (USERNAME.test(s) && [...s].length <= 128) return s;
  }
}

/** SecretHash computed by Python's hmac module: an implementation that shares no code with ours. */
function pythonSecretHashes(items: { secret: string; username: string; clientId: string }[]): string[] {
  const script = [
    "import base64, hashlib, hmac, json, sys",
    "items = json.load(sys.stdin)",
    "print(json.dumps([base64.b64encode(hmac.new(i['secret'].encode('utf-8'), (i['username'] + i['clientId']).encode('utf-8'), hashlib.sha256).digest()).decode() for i in items]))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(items), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe("secret hashes and codes, with usernames in many scripts", () => {
  let s: TestServer;
  let poolId: string;
  let clientId: string;
  let secret: string;
  before(async () => {
    s = await startTestServer();
    poolId = await createPool(s);
    const c = await createClient(s, poolId, { GenerateSecret: true });
    clientId = c.clientId;
    secret = c.secret!;
  });
  after(() => s.close());

  test("SecretHash agrees with an independent HMAC (Python) for 300 random names, and the server takes Python's", async () => {
    const names = Array.from({ length: 300 }, randomName);
    const secrets = names.map((_, i) => (i % 3 === 0 ? secret : `${secret.slice(0, 20)}ü${i}`));
    const ours = names.map((u, i) => secretHash(secrets[i], u, clientId));
    const theirs = pythonSecretHashes(names.map((u, i) => ({ secret: secrets[i], username: u, clientId })));
    assert.deepEqual(ours, theirs);
    // The server accepts the Python-computed hash and refuses another name's.
    for (let i = 0; i < 12; i += 3) {
      const out = await s.client.send(new SignUpCommand({
        ClientId: clientId, Username: names[i], Password: PASSWORD, SecretHash: theirs[i],
        UserAttributes: [{ Name: "email", Value: `p${i}@example.com` }],
      }));
      assert.ok(out.UserSub);
      await rejectsWith(s.client.send(new SignUpCommand({
        ClientId: clientId, Username: names[i] + "x", Password: PASSWORD, SecretHash: theirs[i],
      })), "NotAuthorizedException", `Unable to verify secret hash for client ${clientId}`);
    }
  });

  test("each code is accepted once, and only for its own user", async () => {
    const names = [...new Set(Array.from({ length: 16 }, randomName))];
    const codes: string[] = [];
    for (const [i, name] of names.entries()) {
      await signUp(s, clientId, name, { email: `u${i}@example.com` }, secret);
      codes.push(await s.latestCode(poolId, name));
    }
    const confirm = (name: string, code: string) => s.client.send(new ConfirmSignUpCommand({
      ClientId: clientId, Username: name, ConfirmationCode: code, SecretHash: secretHash(secret, name, clientId),
    }));
    for (const [i, name] of names.entries()) {
      const other = (i + 1) % names.length;
      if (codes[other] !== codes[i]) {
        await rejectsWith(confirm(name, codes[other]), "CodeMismatchException", "Invalid verification code provided, please try again.");
      }
    }
    for (const [i, name] of names.entries()) {
      await confirm(name, codes[i]);
      await rejectsWith(confirm(name, codes[i]), "NotAuthorizedException", "User cannot confirm because user status is not UNCONFIRMED.");
    }
  });
});

describe("brute force against ConfirmSignUp", () => {
  let s: TestServer;
  let clientId: string;
  let code: string;
  before(async () => {
    s = await startTestServer();
    const poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
    await signUp(s, clientId, "victim", { email: "victim@example.com" });
    code = await s.latestCode(poolId, "victim");
  });
  after(() => s.close());

  test("1,000 guesses: at most 15 are evaluated in the hour, the rest LimitExceeded; then even the right code is refused", async () => {
    const guesses: string[] = [];
    while (guesses.length < 1000) {
      const g = String(randomInt(0, 1_000_000)).padStart(6, "0");
      if (g !== code) guesses.push(g);
    }
    const tally: Record<string, number> = {};
    let next = 0;
    // 20 attackers in parallel, so the count is also tested under concurrency.
    await Promise.all(Array.from({ length: 20 }, async () => {
      while (next < guesses.length) {
        const g = guesses[next++];
        const name = await s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "victim", ConfirmationCode: g }))
          .then(() => "accepted", (e) => e.name as string);
        tally[name] = (tally[name] ?? 0) + 1;
      }
    }));
    assert.deepEqual(tally, { CodeMismatchException: 15, LimitExceededException: 985 });
    const right = () => s.client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: "victim", ConfirmationCode: code }));
    await rejectsWith(right(), "LimitExceededException", "Attempt limit exceeded, please try after some time.");
    s.clock.advance(3600_000 + 1000);
    await right(); // an hour later the window is new, and the owner gets in
  });
});
