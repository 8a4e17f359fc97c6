/** The generated documents must match what the code does. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { render } from "../scripts/gen-compat.js";

test("docs/compatibility.md lists exactly the implemented operations", () => {
  assert.equal(readFileSync(new URL("../docs/compatibility.md", import.meta.url), "utf8"), render(), "run npx tsx scripts/gen-compat.ts");
});
