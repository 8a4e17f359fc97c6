/** A Web Storage in memory: what amazon-cognito-identity-js and Amplify keep their sessions in under Node. */
export class MemoryStorage {
  private m = new Map<string, string>();
  setItem(k: string, v: string) { this.m.set(k, v); }
  getItem(k: string) { return this.m.get(k) ?? null; }
  removeItem(k: string) { this.m.delete(k); }
  clear() { this.m.clear(); }
}
