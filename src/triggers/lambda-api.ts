/**
 * A trigger reached over the Lambda Invoke API (`--lambda-endpoint URL`): `POST {URL}/2015-03-31/functions/{name}/invocations`
 * with `@aws-sdk/client-lambda`, as `sam local start-lambda`, the Lambda runtime interface emulator and LocalStack
 * serve it. The function name (and qualifier) come from the pool's ARN. The SDK's own retries are off: Cognito's
 * retry rule is applied once, in invoke.ts, for every transport.
 */
import type { CallOutcome } from "./outcome.js";
import { functionNameOf } from "./handler-file.js";

type LambdaModule = typeof import("@aws-sdk/client-lambda");
/** Loaded on first use: most servers never reach a trigger this way. */
let lambdaModule: Promise<LambdaModule> | undefined;
const clients = new Map<string, InstanceType<LambdaModule["LambdaClient"]>>();

const RETRIED = new Set(["TooManyRequestsException", "ServiceException", "EC2ThrottledException", "ResourceNotReadyException", "ResourceConflictException"]);

export async function invokeLambdaApi(endpoint: string, arn: string, body: string, timeoutMs: number): Promise<CallOutcome> {
  const { LambdaClient, InvokeCommand } = await (lambdaModule ??= import("@aws-sdk/client-lambda"));
  const { functionName, qualifier, region } = functionNameOf(arn);
  const key = `${endpoint}\u0000${region}`;
  let client = clients.get(key);
  if (!client) {
    client = new LambdaClient({
      endpoint, region: region || "us-east-1", maxAttempts: 1,
      // Local emulators accept any signature; real credentials are never needed (nor looked for).
      credentials: { accessKeyId: "userpool", secretAccessKey: "userpool" },
    });
    clients.set(key, client);
  }
  try {
    const out = await client.send(
      new InvokeCommand({ FunctionName: functionName, Qualifier: qualifier, InvocationType: "RequestResponse", Payload: Buffer.from(body) }),
      { abortSignal: AbortSignal.timeout(timeoutMs) },
    );
    const text = out.Payload ? Buffer.from(out.Payload).toString("utf8") : "null";
    if (out.FunctionError) {
      let message = text;
      try {
        const e = JSON.parse(text) as { errorMessage?: unknown; errorType?: unknown };
        if (typeof e?.errorMessage === "string") return { functionError: e.errorMessage, errorType: typeof e.errorType === "string" ? e.errorType : undefined };
      } catch { /* a payload that is not the runtime's error object: its text is the message */ }
      message = text.slice(0, 1000);
      return { functionError: message };
    }
    return { payload: text };
  } catch (e) {
    const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
    if (err?.name === "TimeoutError" || err?.name === "AbortError") return { reason: "Socket timeout while invoking Lambda function", retry: true };
    const status = err?.$metadata?.httpStatusCode;
    if (status !== undefined) {
      return { reason: `Lambda Invoke API answered ${err.name ?? "an error"} (HTTP status ${status})`, retry: RETRIED.has(err.name ?? "") || [429, 502, 503, 504].includes(status) };
    }
    return { reason: `Unable to reach the Lambda Invoke API endpoint (${err?.code ?? err?.cause?.code ?? err?.message ?? String(e)})`, retry: true };
  }
}
