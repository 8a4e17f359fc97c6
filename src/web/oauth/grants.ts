/** The token endpoint's grants by `grant_type`, one file each. */
import type { Grant } from "./token.js";

export const grants: Record<string, Grant> = {};
