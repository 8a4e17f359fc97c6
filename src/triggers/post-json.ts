/**
 * One JSON POST with a timeout, as the SMS webhook and the CustomMessage trigger make it: redirects are not followed
 * (a 3xx is an answer like any other), the whole answer is read, and a call that got no answer says why.
 */
export type PostOutcome = { status: number; text: string; functionError?: string } | { failure: "timeout" | "unreachable"; detail: string };

export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<PostOutcome> {
  try {
    const res = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json", "User-Agent": "userpool", ...headers }, body,
      redirect: "manual", signal: AbortSignal.timeout(timeoutMs),
    });
    const functionError = res.headers.get("x-amz-function-error") ?? undefined;
    return { status: res.status, text: await res.text(), ...(functionError ? { functionError } : {}) };
  } catch (e) {
    const err = e as { name?: string; message?: string; cause?: { code?: string; name?: string; message?: string } };
    if (err?.name === "TimeoutError" || err?.name === "AbortError" || err?.cause?.name === "ConnectTimeoutError") {
      return { failure: "timeout", detail: `no answer within ${timeoutMs} ms` };
    }
    return { failure: "unreachable", detail: err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e) };
  }
}

export const isSuccess = (status: number) => status >= 200 && status <= 299;
