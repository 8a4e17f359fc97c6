/** Polling for what happens after an answer (deliveries, other instances, notifications). */

/**
 * Calls `check` every `intervalMs` until it returns a value other than undefined, null or false, and returns that;
 * fails, naming `what`, after `timeoutMs`.
 */
export async function eventually<T>(
  what: string, check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000, intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
