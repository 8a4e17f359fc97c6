// test-stores: sqlite, postgres
/** The CONFIRM_WITH_LINK door to ConfirmSignUp is behind the same per-IP limit as the API. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startTestServer } from "../helpers/server.js";

test("GET /confirmUser counts against the per-IP limit of the public operations", async () => {
  const s = await startTestServer({ ipRateLimit: "3/60s" });
  try {
    const link = `${s.url}/confirmUser?client_id=abcdefghijklmnopqrstuvwxyz&user_name=jane&confirmation_code=123456`;
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) pages.push(await (await fetch(link)).text());
    for (const p of pages.slice(0, 3)) assert.match(p, /ResourceNotFoundException/);
    assert.match(pages[3], /TooManyRequestsException/);
  } finally {
    await s.close();
  }
});
