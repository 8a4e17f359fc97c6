#!/usr/bin/env node
// Times the dev console line userpool prints per delivered code (`code 123456 for <user> (<destination>)`): the same
// template and a synchronous process.stdout.write per line, to wherever stdout points (a file in `npm run bench`).
// Prints the microseconds per line on stderr.
const n = Number(process.argv[2] ?? 200_000);
const t = performance.now();
for (let i = 0; i < n; i++) {
  const m = { code: String(i % 1e6).padStart(6, "0"), username: `user${i}`, destination: `user${i}@example.com`, attempts: 0 };
  if (m.attempts === 0) process.stdout.write(`code ${m.code ?? "-"} for ${m.username} (${m.destination})` + "\n");
}
process.stderr.write(String(((performance.now() - t) * 1000) / n));
