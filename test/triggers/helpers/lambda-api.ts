/**
 * A small Lambda Invoke API for the tests: `POST /2015-03-31/functions/{name}/invocations` runs the named handler
 * (what `sam local start-lambda` and the Lambda runtime interface emulator serve). A handler that throws is answered
 * as Lambda answers a function error: 200 with `X-Amz-Function-Error: Unhandled` and `{errorMessage, errorType}`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type LambdaHandler = (event: any, req: IncomingMessage, res: ServerResponse) => unknown | Promise<unknown>;

export interface InvokeCall { functionName: string; qualifier: string | null; event: any; headers: IncomingMessage["headers"] }

export interface LambdaApi {
  url: string;
  calls: InvokeCall[];
  handlers: Map<string, LambdaHandler>;
  close(): Promise<void>;
}

export async function startLambdaApi(): Promise<LambdaApi> {
  const calls: InvokeCall[] = [];
  const handlers = new Map<string, LambdaHandler>();
  const server = createServer(async (req, res) => {
    const m = /^\/2015-03-31\/functions\/([^/]+)\/invocations(?:\?(.*))?$/.exec(req.url ?? "");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || !m) { res.writeHead(404).end(); return; }
    const functionName = decodeURIComponent(m[1]);
    const qualifier = new URLSearchParams(m[2] ?? "").get("Qualifier");
    const event = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    calls.push({ functionName, qualifier, event, headers: req.headers });
    const handler = handlers.get(functionName);
    if (!handler) {
      res.writeHead(404, { "Content-Type": "application/json", "x-amzn-ErrorType": "ResourceNotFoundException" });
      res.end(JSON.stringify({ Type: "User", message: `Function not found: ${functionName}` }));
      return;
    }
    try {
      const out = await handler(event, req, res);
      if (res.headersSent) return;
      res.writeHead(200, { "Content-Type": "application/json", "X-Amz-Executed-Version": "$LATEST" });
      res.end(JSON.stringify(out ?? null));
    } catch (e) {
      const err = e as Error;
      res.writeHead(200, { "Content-Type": "application/json", "X-Amz-Function-Error": "Unhandled", "X-Amz-Executed-Version": "$LATEST" });
      res.end(JSON.stringify({ errorType: err.name, errorMessage: err.message, trace: [] }));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, handlers,
    close: () => new Promise<void>((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}
