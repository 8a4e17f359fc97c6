/** A tiny in-process change signal: the dev inbox page listens, the outbox (enqueue, attempt) rings. */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => { this.listeners.delete(fn); };
  }

  emit() {
    if (this.listeners.size === 0) return; // the usual case: rung on every resend, nobody watching
    for (const fn of [...this.listeners]) {
      try { fn(); } catch { /* a listener's failure is its own */ }
    }
  }
}
