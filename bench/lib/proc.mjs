// CPU time from Linux's /proc, for the bench's CPU-per-request figures.
import { readFileSync } from "node:fs";

/**
 * CPU time (user + system, every thread) process `pid` has used so far, in clock ticks; with `children`, also that of
 * the children it has waited for (cutime + cstime).
 */
export function cpuTicks(pid, children = false) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // After the command name in parentheses, f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]) + (children ? Number(f[13]) + Number(f[14]) : 0);
}
