#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` / `npm run build`); falls back to the TypeScript source
// through tsx in a checkout that has not been built.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const compiled = new URL("../dist/cli.js", import.meta.url);
let cli;
if (existsSync(fileURLToPath(compiled))) {
  cli = await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(new URL("../src/cli.ts", import.meta.url).href);
}
await cli.main();
