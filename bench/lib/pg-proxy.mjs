#!/usr/bin/env node
// A TCP proxy between userpool (or baseline+postgres) and PostgreSQL, for `npm run bench -- --store postgres`
// (issue 16). Started by bench/run.mjs with fork(), so that its event loop is not the load generator's:
//
//   node bench/lib/pg-proxy.mjs --target-port 5432 [--delay-ms 0.5]
//
// Prints nothing; sends {listening: port} over IPC once it accepts connections. It does two things:
//  - counts round trips: a "turn" is the client starting to send again after the server has answered (or first
//    sending on a new connection). Every statement outside a pipeline is one turn, whatever the driver; the bench
//    asks for the turns over IPC ({cmd: "turns"} → {turns: [{t: epoch ms, sql}, …]}; {cmd: "reset"}). `sql` is the
//    first statement the turn carries, read from the protocol (Query, Parse, or Bind of a statement whose Parse went
//    through earlier), so the bench can say what each round trip was for.
//  - with --delay-ms, delays every chunk in each direction by that much (order kept), as a network between the
//    server and the database would: a query then costs 2 × delay more per round trip. Sub-millisecond delays are
//    kept by polling the clock (setImmediate) in the last millisecond before a chunk is due.
import { createConnection, createServer } from "node:net";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { "target-port": { type: "string" }, "target-host": { type: "string", default: "127.0.0.1" }, "delay-ms": { type: "string", default: "0" } } });
const targetPort = Number(values["target-port"]);
const delay = Number(values["delay-ms"]);
const now = () => performance.timeOrigin + performance.now();

let turns = [];
/** Prepared statements seen in Parse messages, by name (userpool names them per process, the same on each connection). */
const named = new Map();
const cstring = (b, at) => { const end = b.indexOf(0, at); return [b.toString("utf8", at, end), end + 1]; };

/**
 * Reads the frontend messages of one connection as they stream by; `onStatement(sql)` for each Query, Parse and Bind.
 * The first message is the start-up packet (no type byte), or an SSL/GSS request followed by one.
 */
function frontendReader(onStatement) {
  let buf = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (buf.length < 8) return;
        const len = buf.readInt32BE(0);
        if (buf.length < len) return;
        const code = buf.readInt32BE(4);
        if (code !== 80877103 && code !== 80877104) started = true; // not an SSLRequest / GSSENCRequest
        buf = buf.subarray(len);
        continue;
      }
      if (buf.length < 5) return;
      const len = buf.readInt32BE(1);
      if (buf.length < 1 + len) return;
      const type = String.fromCharCode(buf[0]);
      const body = buf.subarray(5, 1 + len);
      if (type === "Q") onStatement(cstring(body, 0)[0]);
      else if (type === "P") {
        const [name, at] = cstring(body, 0);
        const [sql] = cstring(body, at);
        named.set(name, sql);
        onStatement(sql);
      } else if (type === "B") {
        const [, at] = cstring(body, 0); // portal
        onStatement(named.get(cstring(body, at)[0]) ?? "?");
      }
      buf = buf.subarray(1 + len);
    }
  };
}
/** Per direction of a connection: chunks waiting for their time. */
function delayedWriter(dest) {
  if (!delay) return (chunk) => dest.write(chunk);
  const queue = [];
  let pumping = false;
  const pump = () => {
    const t = now();
    while (queue.length && queue[0].due <= t) dest.write(queue.shift().chunk);
    if (!queue.length) { pumping = false; return; }
    const wait = queue[0].due - t;
    if (wait > 1.5) setTimeout(pump, Math.floor(wait - 1));
    else setImmediate(pump);
  };
  return (chunk) => {
    queue.push({ chunk, due: now() + delay });
    if (!pumping) { pumping = true; setImmediate(pump); }
  };
}

const server = createServer({ noDelay: true }, (client) => {
  const upstream = createConnection({ host: values["target-host"], port: targetPort, noDelay: true });
  let last = "server"; // who sent last on this connection
  let turn = null; // the turn in progress (its statement filled in by the reader)
  const toServer = delayedWriter(upstream);
  const toClient = delayedWriter(client);
  const read = frontendReader((sql) => { if (turn && turn.sql === null) turn.sql = sql; });
  client.on("data", (chunk) => {
    if (last === "server") { turn = { t: now(), sql: null }; turns.push(turn); }
    last = "client";
    read(chunk);
    toServer(chunk);
  });
  upstream.on("data", (chunk) => { last = "server"; toClient(chunk); });
  const end = () => { client.destroy(); upstream.destroy(); };
  client.on("error", end);
  upstream.on("error", end);
  client.on("close", end);
  upstream.on("close", end);
});

process.on("message", (m) => {
  if (m?.cmd === "reset") { turns = []; process.send({ ok: true }); }
  else if (m?.cmd === "turns") process.send({ turns });
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
server.listen(0, "127.0.0.1", () => process.send({ listening: server.address().port }));
