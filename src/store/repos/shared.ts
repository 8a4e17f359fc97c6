/** What the repository files share: the executor the adapters supply, and two row helpers. */
import type { Page } from "../types.js";

export type Row = Record<string, any>;
type MaybePromise<T> = T | Promise<T>;

/** Runs `?`-placeholder SQL that SQLite (>= 3.35) and PostgreSQL both understand; each adapter supplies one. */
export interface SqlExecutor {
  all(sql: string, params?: unknown[]): MaybePromise<Row[]>;
  get(sql: string, params?: unknown[]): MaybePromise<Row | undefined>;
  run(sql: string, params?: unknown[]): MaybePromise<{ changes: number }>;
}

export type Dialect = "sqlite" | "postgres";

export const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

/** A page of `limit` items from up to `limit + 1` rows: the extra row only tells that there is more. */
export function page<T>(rows: Row[], limit: number, map: (r: Row) => T, key: (r: Row) => string): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items: items.map(map), next: more ? key(items[items.length - 1]) : null };
}
