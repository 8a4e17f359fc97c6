// Runs the userpool CLI from source (tests spawn it as a child process: `node --import tsx test/security/run-cli.ts ...`).
import { main } from "../../src/cli.js";

await main();
