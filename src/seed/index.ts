/** The seed file: read, checked (file.ts), applied (apply.ts); and the store written back as one (export.ts). */
import { readFile } from "node:fs/promises";
import { applySeed, type SeedDeps, type SeedReport } from "./apply.js";
import { parseSeed, SeedError } from "./file.js";

export { applySeed, type SeedDeps, type SeedReport } from "./apply.js";
export { exportSeed } from "./export.js";
export { parseSeed, SeedError, type SeedFile } from "./file.js";

/** Reads, checks and applies the seed file `file`. Throws SeedError (its message names the JSON path) for a bad file. */
export async function seedFromFile(deps: SeedDeps, file: string): Promise<SeedReport> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new SeedError("", `cannot be read (${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : code ?? (e as Error).message})`);
  }
  return applySeed(deps, parseSeed(text));
}

/** `3 created, 1 updated, 2 unchanged`: a report in one line. */
export function summarize(report: SeedReport): string {
  const n = (what: string) => report.filter((l) => l.includes(`: ${what}`) || l.includes(`, ${what}`)).length;
  return `${n("created")} created, ${n("updated")} updated, ${n("unchanged")} unchanged`;
}
