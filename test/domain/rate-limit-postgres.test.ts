// PostgreSQL whatever the pass (schemas of its own on the test cluster): not marked, so it runs once, in the first pass.
/**
 * The per-IP limit on PostgreSQL: instances on one database share one budget per address, counted atomically in the
 * database, and a server on PostgreSQL chooses that shared backend by itself.
 */
import { SignUpCommand } from "@aws-sdk/client-cognito-identity-provider";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { IpRateLimiter, StoreBackend } from "../../src/domain/rate-limit.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { createClient, createPool } from "../helpers/fixtures.js";
import { createSchema, stopOwnCluster } from "../helpers/postgres.js";
import { startTestServer } from "../helpers/server.js";

after(() => stopOwnCluster());

describe("per-IP limit on PostgreSQL", () => {
  test("two instances' limiters on one database: 12 concurrent checks of one address, exactly 4 pass", async () => {
    const db = await createSchema("iplimit");
    const [a, b] = await Promise.all([openPostgresStore({ url: db.url }), openPostgresStore({ url: db.url })]);
    const clock = { now: () => 5_000_000 };
    const limit = { limit: 4, windowMs: 10_000 };
    const limiters = [new IpRateLimiter(limit, new StoreBackend(a, clock, 10_000), clock), new IpRateLimiter(limit, new StoreBackend(b, clock, 10_000), clock)];
    try {
      const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => limiters[i % 2].check("198.51.100.20")));
      assert.equal(results.filter((r) => r.status === "fulfilled").length, 4);
      for (const r of results) {
        if (r.status === "rejected") assert.equal((r.reason as { type?: string }).type, "TooManyRequestsException");
      }
      // Another address has its own budget.
      await limiters[1].check("198.51.100.21");
    } finally {
      for (const l of limiters) l.close();
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    }
  });

  test("two servers on one database share the budget on the wire", async () => {
    const db = await createSchema("iplimitwire");
    // Instances on one database share its server secret (the store refuses a second one).
    const config = { databaseUrl: db.url, ipRateLimit: "3/1m", serverSecret: randomBytes(32).toString("hex") };
    const s1 = await startTestServer(config);
    const s2 = await startTestServer(config).catch(async (e) => { await s1.close(); throw e; });
    try {
      assert.match(s1.server.security.ipLimit, /^3\/1m per client IP on public operations \(counted in the store \(shared across instances\)\)$/);
      const poolId = await createPool(s1);
      const { clientId } = await createClient(s1, poolId);
      const signUp = (s: typeof s1, n: number) => s.client.send(new SignUpCommand({
        ClientId: clientId, Username: `w${n}`, Password: "Passw0rd!", UserAttributes: [{ Name: "email", Value: `w${n}@example.com` }],
      }));
      const outcomes = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((n) => signUp(n % 2 ? s2 : s1, n)));
      assert.equal(outcomes.filter((o) => o.status === "fulfilled").length, 3, "3 per minute for 127.0.0.1, whichever instance answers");
      for (const o of outcomes) if (o.status === "rejected") assert.equal((o.reason as Error).name, "TooManyRequestsException");
    } finally {
      await s1.close();
      await s2.close();
      await db.drop();
    }
  });
});
