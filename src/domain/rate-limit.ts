/**
 * Per-IP rate limits for the public (unsigned) operations: at most `limit` requests per client address in each
 * fixed window of `windowMs`; past it, Cognito's `TooManyRequestsException: Too many requests` (HTTP 400).
 *
 * Two backends count the same way (fixed windows):
 *  - `MemoryBackend` (default): a Map with a hard cap on tracked addresses; the oldest entry is evicted first.
 *  - `StoreBackend`: the store's `counters` table (pool id `__ip__`, subject = address), so instances behind a load
 *    balancer share one budget; stale rows are pruned once a minute. Used when the store is PostgreSQL.
 *
 * Addresses are keyed as given for IPv4 (IPv4-mapped IPv6 is unwrapped) and by their /64 prefix for IPv6, since
 * one host commonly owns a whole /64.
 */
import { isIP } from "node:net";
import { TooManyRequestsException } from "../generated/cognito-idp.js";
import type { Clock } from "./clock.js";

export const TOO_MANY_REQUESTS = "Too many requests";
/** The pool id under which the store backend counts addresses (never a real pool id: those contain `_` after a region). */
export const IP_POOL = "__ip__";
export const IP_KIND = "ip";
export const DEFAULT_MAX_TRACKED = 100_000;

export interface RateLimit { limit: number; windowMs: number }

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * `100/10s`, `20/s`, `300/1m`, `1000/h`: requests per window. `off` or `0` turns the limit off (null).
 * Throws an Error with a readable message otherwise.
 */
export function parseRateLimit(text: string): RateLimit | null {
  const t = text.trim().toLowerCase();
  if (t === "off" || t === "0" || t === "none") return null;
  const m = /^(\d+)\s*\/\s*(\d*)\s*(ms|s|m|h)$/.exec(t);
  if (!m) throw new Error(`rate limit must look like 100/10s, 20/s, 300/1m or off, not '${text}'`);
  const limit = Number(m[1]);
  const windowMs = (m[2] === "" ? 1 : Number(m[2])) * UNITS[m[3]];
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`rate limit count must be at least 1, not '${text}'`);
  if (!Number.isSafeInteger(windowMs) || windowMs < 1 || windowMs > 24 * 3_600_000) {
    throw new Error(`rate limit window must be between 1ms and 24h, not '${text}'`);
  }
  return { limit, windowMs };
}

export function formatRateLimit(r: RateLimit): string {
  const w = r.windowMs;
  const unit = w % 3_600_000 === 0 ? [w / 3_600_000, "h"] : w % 60_000 === 0 ? [w / 60_000, "m"] : w % 1000 === 0 ? [w / 1000, "s"] : [w, "ms"];
  return `${r.limit}/${unit[0]}${unit[1]}`;
}

/** Expands an IPv6 address to 8 groups of 4 hex digits; undefined when it is not one. */
function ipv6Groups(ip: string): string[] | undefined {
  let addr = ip.split("%")[0];
  // A trailing dotted quad (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) becomes two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(addr);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    addr = addr.slice(0, v4.index) + ((a << 8) | b).toString(16) + ":" + ((c << 8) | d).toString(16);
  }
  const halves = addr.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return undefined;
  const groups = [...head, ...Array(fill).fill("0"), ...tail];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, "0").toLowerCase()) : undefined;
}

/** The key one client is counted under: an IPv4 address, or an IPv6 /64 prefix (`2001:0db8:0000:0001::/64`). */
export function clientKey(ip: string): string {
  const kind = isIP(ip.split("%")[0]);
  if (kind === 4) return ip;
  if (kind === 6) {
    const g = ipv6Groups(ip);
    if (!g) return ip;
    if (g.slice(0, 5).every((x) => x === "0000") && g[5] === "ffff") {
      const n = parseInt(g[6], 16);
      const m = parseInt(g[7], 16);
      return `${n >> 8}.${n & 255}.${m >> 8}.${m & 255}`;
    }
    return `${g.slice(0, 4).join(":")}::/64`;
  }
  return ip.slice(0, 64) || "unknown";
}

/**
 * The client's address: the socket's peer, or — behind `trustedHops` reverse proxies that append to
 * X-Forwarded-For — the entry that the outermost trusted proxy saw. Entries a client wrote itself (further left)
 * are never used.
 */
export function clientIp(remote: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const peer = remote ?? "";
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const list = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((s) => s.trim()).filter(Boolean);
  const pick = list[list.length - trustedHops];
  return pick && isIP(pick.replace(/^\[|\]$/g, "")) ? pick.replace(/^\[|\]$/g, "") : peer;
}

export interface RateLimitBackend {
  readonly name: string;
  /** Counts one request for `key` in its current window and returns the count including it. */
  hit(key: string, now: number, windowMs: number): number | Promise<number>;
  close?(): void;
}

/** In-process counting with a hard cap on tracked keys (memory stays bounded whatever the address spread). */
export class MemoryBackend implements RateLimitBackend {
  readonly name = "in memory";
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(readonly maxTracked = DEFAULT_MAX_TRACKED) {
    if (!Number.isInteger(maxTracked) || maxTracked < 1) throw new Error("maxTracked must be a whole number >= 1");
  }

  get size() { return this.windows.size; }

  hit(key: string, now: number, windowMs: number): number {
    const w = this.windows.get(key);
    if (w && now - w.start < windowMs) return ++w.count;
    // A new window: (re)insert at the young end, so Map order is oldest window first.
    if (w) this.windows.delete(key);
    else if (this.windows.size >= this.maxTracked) {
      // Evict the oldest window; drop every finished one first when the oldest is already stale.
      for (const [k, v] of this.windows) {
        if (this.windows.size < this.maxTracked && now - v.start < windowMs) break;
        this.windows.delete(k);
        if (now - v.start < windowMs) break;
      }
    }
    this.windows.set(key, { start: now, count: 1 });
    return 1;
  }
}

/** Anything with the store's counter repository (SQLite or PostgreSQL). */
export interface CounterStore {
  hit(poolId: string, subject: string, kind: string, now: number, windowMs: number): Promise<number>;
  pruneCounters(poolId: string, olderThan: number): Promise<number>;
}

/** Counting in the database, shared by every instance on the same store. */
export class StoreBackend implements RateLimitBackend {
  readonly name = "in the store (shared across instances)";
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: CounterStore, clock: Clock, windowMs: number, onError?: (e: unknown) => void) {
    this.timer = setInterval(() => {
      this.store.pruneCounters(IP_POOL, clock.now() - windowMs).catch((e) => onError?.(e));
    }, 60_000);
    this.timer.unref();
  }

  hit(key: string, now: number, windowMs: number): Promise<number> {
    return this.store.hit(IP_POOL, key, IP_KIND, now, windowMs);
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

export class IpRateLimiter {
  constructor(readonly limit: RateLimit, readonly backend: RateLimitBackend, private readonly clock: Clock) {}

  /** Counts one request from `ip`; throws TooManyRequestsException past the limit. */
  async check(ip: string): Promise<void> {
    const n = await this.backend.hit(clientKey(ip), this.clock.now(), this.limit.windowMs);
    if (n > this.limit.limit) throw new TooManyRequestsException(TOO_MANY_REQUESTS);
  }

  describe(): string {
    return `${formatRateLimit(this.limit)} per client IP on public operations (counted ${this.backend.name}` +
      (this.backend instanceof MemoryBackend ? `, at most ${this.backend.maxTracked} IPs tracked)` : ")");
  }

  close() { this.backend.close?.(); }
}
