// One POST of the Cognito API to a server on 127.0.0.1, for the bench and its tools.
import { request } from "node:http";

export const TARGET = "AWSCognitoIdentityProviderService.";

/** One POST to `/`; resolves with {status, json}, rejects on a connection error. `agent`: keep-alive, or none. */
export function post(port, op, body, agent) {
  return new Promise((res, rej) => {
    const data = JSON.stringify(body);
    const req = request({
      host: "127.0.0.1", port, method: "POST", path: "/", agent: agent ?? false,
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": TARGET + op, "content-length": Buffer.byteLength(data) },
    }, (r) => {
      const chunks = [];
      r.on("data", (c) => chunks.push(c));
      r.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json; try { json = text ? JSON.parse(text) : {}; } catch { json = { raw: text }; }
        res({ status: r.statusCode, json });
      });
    });
    req.on("error", rej);
    req.end(data);
  });
}
