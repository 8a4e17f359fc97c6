/**
 * `bin/userpool.js` for the tests: the same `main()`, always from the TypeScript source. (bin/userpool.js prefers
 * the compiled dist/, which a checkout may have built before its latest source changes.)
 */
import { main } from "../../src/cli.js";

await main();
