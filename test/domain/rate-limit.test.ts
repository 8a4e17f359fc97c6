// test-stores: sqlite, postgres
/** Per-IP limits on the public operations: parsing, keys, bounded memory, the shared store backend, the wire. */
import { ListUserPoolsCommand, SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ConfigError, resolveConfig } from "../../src/config.js";
import {
  clientIp, clientKey, formatRateLimit, IP_POOL, IpRateLimiter, MemoryBackend, parseRateLimit, StoreBackend,
} from "../../src/domain/rate-limit.js";
import { createClient, createPool, rejectsWith } from "../helpers/fixtures.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { passDatabase } from "../helpers/store.js";
import { assertAwsError, call } from "../security/helpers.js";

describe("rate limit configuration", () => {
  test("N/window parses, off turns it off, nonsense is refused", () => {
    assert.deepEqual(parseRateLimit("100/10s"), { limit: 100, windowMs: 10_000 });
    assert.deepEqual(parseRateLimit("20/s"), { limit: 20, windowMs: 1000 });
    assert.deepEqual(parseRateLimit("300 / 1m"), { limit: 300, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit("5/250ms"), { limit: 5, windowMs: 250 });
    assert.equal(parseRateLimit("off"), null);
    assert.equal(parseRateLimit("0"), null);
    for (const bad of ["100", "0/s", "-1/s", "10/0s", "10/25h", "ten/s", "10/s/s"]) assert.throws(() => parseRateLimit(bad), Error, bad);
    assert.equal(formatRateLimit({ limit: 100, windowMs: 10_000 }), "100/10s");
    assert.equal(resolveConfig({}).ipRateLimit, "off");
    assert.throws(() => resolveConfig({ ipRateLimit: "lots" }), ConfigError);
  });

  test("clients are keyed by IPv4 address, unwrapped IPv4-mapped IPv6, and IPv6 /64", () => {
    assert.equal(clientKey("203.0.113.9"), "203.0.113.9");
    assert.equal(clientKey("::ffff:203.0.113.9"), "203.0.113.9");
    assert.equal(clientKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:0db8:0001:0002::/64");
    assert.equal(clientKey("2001:db8:1:2::1"), clientKey("2001:0db8:0001:0002:ffff::9"));
    assert.notEqual(clientKey("2001:db8:1:2::1"), clientKey("2001:db8:1:3::1"));
    assert.equal(clientKey("::1"), "0000:0000:0000:0000::/64");
  });

  test("X-Forwarded-For is used only through the configured number of trusted proxies", () => {
    assert.equal(clientIp("10.0.0.1", "1.1.1.1, 2.2.2.2", 0), "10.0.0.1");
    assert.equal(clientIp("10.0.0.1", "1.1.1.1, 2.2.2.2", 1), "2.2.2.2"); // the client wrote 1.1.1.1 itself
    assert.equal(clientIp("10.0.0.1", "1.1.1.1, 2.2.2.2", 2), "1.1.1.1");
    assert.equal(clientIp("10.0.0.1", "2.2.2.2", 3), "10.0.0.1");
    assert.equal(clientIp("10.0.0.1", "not-an-ip", 1), "10.0.0.1");
    assert.equal(clientIp("10.0.0.1", undefined, 1), "10.0.0.1");
  });
});

describe("limiter backends", () => {
  test("memory: counts per fixed window, and never tracks more than its cap (oldest evicted first)", () => {
    const m = new MemoryBackend(1000);
    assert.equal(m.hit("a", 0, 1000), 1);
    assert.equal(m.hit("a", 999, 1000), 2);
    assert.equal(m.hit("a", 1000, 1000), 1);
    for (let i = 0; i < 200_000; i++) m.hit(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, 2000 + i / 1000, 10_000);
    assert.ok(m.size <= 1000, `tracked ${m.size}`);
    // The newest survive; the oldest went.
    assert.equal(m.hit("10.3.13.63", 2000 + 199_999 / 1000, 10_000), 2);
    assert.equal(m.hit("10.0.0.0", 2200, 10_000), 1);
  });

  test("store: instances sharing one database share one budget; stale rows are pruned", async () => {
    const db = await passDatabase();
    const [a, b] = [await db.open(), await db.open()];
    let now = 1_000_000;
    const clock = { now: () => now };
    const la = new IpRateLimiter({ limit: 3, windowMs: 10_000 }, new StoreBackend(a, clock, 10_000), clock);
    const lb = new IpRateLimiter({ limit: 3, windowMs: 10_000 }, new StoreBackend(b, clock, 10_000), clock);
    try {
      await la.check("198.51.100.7");
      await lb.check("198.51.100.7");
      await la.check("198.51.100.7");
      await assert.rejects(lb.check("198.51.100.7"), (e: any) => e.type === "TooManyRequestsException" && e.message === "Too many requests" && e.statusCode === 400);
      await la.check("198.51.100.8");
      now += 10_000;
      await lb.check("198.51.100.7");
      assert.equal(await a.pruneCounters(IP_POOL, now - 10_000), 1); // .8's window is over; .7's just began
    } finally {
      la.close();
      lb.close();
      await db.drop();
    }
  });
});

describe("per-IP limit on the wire", () => {
  let s: TestServer;
  let clientId: string;
  before(async () => {
    s = await startTestServer({ ipRateLimit: "5/10s" });
    const poolId = await createPool(s);
    ({ clientId } = await createClient(s, poolId));
  });
  after(() => s.close());

  test("past the limit, public operations answer TooManyRequestsException (400); IAM operations are not counted", async () => {
    assert.match(s.server.security.ipLimit, /^5\/10s per client IP/);
    const signUp = (n: number) => s.client.send(new SignUpCommand({ ClientId: clientId, Username: `u${n}`, Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: `u${n}@example.com` }] }));
    for (let i = 0; i < 5; i++) await signUp(i);
    await rejectsWith(signUp(5), "TooManyRequestsException", "Too many requests");
    const raw = await call(s.url, "InitiateAuth", "{}");
    assertAwsError(raw, "TooManyRequestsException");
    for (let i = 0; i < 10; i++) await s.client.send(new ListUserPoolsCommand({ MaxResults: 1 }));
    s.clock.advance(10_000);
    await signUp(6);
  });
});
