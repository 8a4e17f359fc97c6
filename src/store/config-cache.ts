/**
 * Parsed pools and app clients, cached by a store: nearly every request reads its client and pool, which change
 * rarely. Both stores share the rules; each says when a read may fill the cache (`canFill`) and what else a write to
 * a pool or client does (`onWrite`, `afterWrite`).
 *
 * Every such write empties the cache when it is issued (and the store empties it again once the write's transaction
 * has ended). A read fills the cache only if the store allowed filling both when the read began and when it
 * answered, and nothing emptied the cache in between: so a value read before a change never outlives the change.
 */
import type { ClientRecord, PoolRecord, Repos } from "./types.js";

const CONFIG_WRITES = ["insertPool", "updatePool", "deletePool", "insertClient", "updateClient", "setClientSecret", "deleteClient"] as const;

export class ConfigCache {
  private readonly pools = new Map<string, PoolRecord>();
  private readonly clients = new Map<string, ClientRecord>();
  private generation = 0;

  constructor(private readonly canFill: () => boolean) {}

  forget() {
    this.pools.clear();
    this.clients.clear();
    this.generation++;
  }

  /** `getPool` and `getClient` of `r`, through the cache. */
  reads(r: Repos): Pick<Repos, "getPool" | "getClient"> {
    return { getPool: this.cached(this.pools, r.getPool), getClient: this.cached(this.clients, r.getClient) };
  }

  private cached<T>(map: Map<string, T>, load: (id: string) => Promise<T | undefined>) {
    return async (id: string): Promise<T | undefined> => {
      const hit = map.get(id);
      if (hit) return hit;
      const gen = this.generation, fillable = this.canFill();
      const found = await load(id);
      if (found && fillable && this.canFill() && gen === this.generation) map.set(id, found);
      return found;
    };
  }

  /**
   * Wraps `r`'s pool and client writes (in place): each calls `onWrite` and empties the cache, then writes, then runs
   * `afterWrite` (if any) and empties the cache again.
   */
  watchWrites(r: Repos, onWrite: () => void, afterWrite?: () => unknown): Repos {
    for (const k of CONFIG_WRITES) {
      const write = r[k] as (...a: unknown[]) => Promise<unknown>;
      (r as unknown as Record<string, unknown>)[k] = async (...a: unknown[]) => {
        onWrite();
        this.forget();
        const out = await write(...a);
        if (afterWrite) {
          await afterWrite();
          this.forget();
        }
        return out;
      };
    }
    return r;
  }
}
