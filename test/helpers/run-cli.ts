// Runs the userpool CLI from source (tests spawn it as a child process through test/helpers/cli.ts). bin/userpool.js
// prefers the compiled dist/, which a checkout may have built before its latest source changes.
import { main } from "../../src/cli.js";

await main();
