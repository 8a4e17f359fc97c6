/**
 * Numbered migrations in `migrations/`: `0001_init.sql` runs on every database; a file
 * `0001_init.postgres.sql` (or `.sqlite.sql`) replaces it for that dialect only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

export interface Migration { version: number; name: string; sql: string }

export function loadMigrations(dialect: "sqlite" | "postgres", dir = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[\w-]+(\.(sqlite|postgres))?\.sql$/.test(f));
  const byVersion = new Map<number, { base?: string; dialect?: string }>();
  for (const f of files) {
    const version = Number(f.slice(0, 4));
    const entry = byVersion.get(version) ?? {};
    if (f.endsWith(`.${dialect}.sql`)) entry.dialect = f;
    else if (!/\.(sqlite|postgres)\.sql$/.test(f)) entry.base = f;
    byVersion.set(version, entry);
  }
  return [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([version, e]) => {
      const file = e.dialect ?? e.base;
      return file ? [{ version, name: file, sql: readFileSync(dir + file, "utf8") }] : [];
    });
}
