/**
 * The issue-12 limits are configuration like the resend limit: one USERPOOL_*_LIMIT_PER_HOUR variable and one
 * --*-limit-per-hour flag each, flags over the environment, 0 = unlimited, anything else refused; the banner names them.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { buildProgram } from "../src/cli.js";
import { ConfigError, configFromEnv, DEFAULTS, RECOVERY_LIMITS, resolveConfig } from "../src/config.js";
import { spawnServer } from "./helpers/cli.js";

const FLAGS: Record<(typeof RECOVERY_LIMITS)[number], [flag: string, env: string, def: number]> = {
  forgotPasswordLimitPerHour: ["--forgot-password-limit-per-hour", "USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR", 5],
  confirmForgotPasswordLimitPerHour: ["--confirm-forgot-password-limit-per-hour", "USERPOOL_CONFIRM_FORGOT_PASSWORD_LIMIT_PER_HOUR", 20],
  adminResetLimitPerHour: ["--admin-reset-limit-per-hour", "USERPOOL_ADMIN_RESET_LIMIT_PER_HOUR", 5],
  attributeCodeLimitPerHour: ["--attribute-code-limit-per-hour", "USERPOOL_ATTRIBUTE_CODE_LIMIT_PER_HOUR", 5],
  verifyAttributeLimitPerHour: ["--verify-attribute-limit-per-hour", "USERPOOL_VERIFY_ATTRIBUTE_LIMIT_PER_HOUR", 15],
  changePasswordLimitPerHour: ["--change-password-limit-per-hour", "USERPOOL_CHANGE_PASSWORD_LIMIT_PER_HOUR", 5],
};

test("defaults, environment variables, flags over the environment, and refusals", () => {
  const help = buildProgram().commands.find((c) => c.name() === "serve")!.helpInformation();
  for (const key of RECOVERY_LIMITS) {
    const [flag, env, def] = FLAGS[key];
    assert.equal(DEFAULTS[key], def, key);
    assert.ok(help.includes(flag), flag);
    assert.equal(resolveConfig(configFromEnv({ [env]: "0" }))[key], 0, `${env}=0 is unlimited`);
    assert.equal(resolveConfig(configFromEnv({ [env]: "7" }), { [key]: 9 })[key], 9, "the flag wins");
    assert.throws(() => resolveConfig({ [key]: -1 }), ConfigError);
    assert.throws(() => resolveConfig(configFromEnv({ [env]: "2.5" })), ConfigError);
  }
});

test("the start-up banner names every limit", async () => {
  const dir = mkdtempSync(join(tmpdir(), "userpool-limits-"));
  const srv = await spawnServer(["-p", "0", "-d", join(dir, "data"), "--log-level", "silent", "--forgot-password-limit-per-hour", "0"],
    { USERPOOL_CHANGE_PASSWORD_LIMIT_PER_HOUR: "2" });
  try {
    assert.match(srv.output(), /forgot password unlimited \(USERPOOL_FORGOT_PASSWORD_LIMIT_PER_HOUR=0\)/);
    assert.match(srv.output(), /change password 2\/hour per user/);
    assert.match(srv.output(), /confirm forgot password 20\/hour per user, admin reset 5\/hour per user, attribute code 5\/hour per user, verify attribute 15\/hour per user/);
  } finally {
    await srv.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
});
